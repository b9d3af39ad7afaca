/**
 * The whole lookup engine with every source answering something hostile at once — mutated bodies,
 * HTML bot walls, cut JSON, 429/5xx, thrown network errors, a storage that rejects or holds garbage.
 * Properties: `lookup` and `lookupMany` always resolve (never reject) with a LookupResult that
 * validates, names every failing source, and carries only http(s) URLs.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLookupEngine, realClock } from '@/utils/engine';
import { memoryStorage, type StorageArea } from '@/utils/storage/area';
import { LookupResult, SOURCE_NAMES, type SourceName } from '@/utils/model';
import { SOURCES, sourceById } from '@/utils/sources/registry';
import { foundAnswer } from '@/harness/source-world';
import { mutated } from './mutate';
import { countCases, fuzzTimeout, reportCases } from './counts';

const DOIS = ['10.1234/green.1', '10.1186/s12913-023-10058-w', '10.1234/closed.2'];

/**
 * A body shaped like each source's real answer: its found answer (harness/source-world.ts) about the
 * DOIs looked up — all of them where one request answers many, else the first.
 */
const BASES = Object.fromEntries(SOURCES.map((s) => [s.id, foundAnswer(s, s.batched ? DOIS : DOIS.slice(0, 1))])) as Record<SourceName, unknown>;

const api = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'api', name), 'utf8'));

/** Hand-picked real-shaped answers with odd parts (twins, nulls, garbage items, retractions), mutated too. */
const EXTRA: Partial<Record<SourceName, unknown>> = {
  openalex: api('openalex-bmc-list.json'),
  unpaywall: api('unpaywall-green.json'),
  europepmc: api('europepmc-manuscript.json'),
  semanticscholar: api('semanticscholar-batch.json'),
  core: api('core-discover.json'),
  crossref: api('crossref-retracted.json'),
  openaire: api('openaire-dedup.json'),
  datacite: api('datacite-bath-dataset.json'),
  doiorg: api('doiorg-ra.json'),
};

type Reply =
  { kind: 'body'; status: number; body: unknown; headers?: Record<string, string> } | { kind: 'text'; status: number; text: string } | { kind: 'throw' };

const replyFor = (name: SourceName): fc.Arbitrary<Reply> =>
  fc.oneof(
    mutated(BASES[name]).map((body): Reply => ({ kind: 'body', status: 200, body })),
    fc.constant<Reply>({ kind: 'body', status: 200, body: BASES[name] }),
    ...(EXTRA[name] === undefined ? [] : [mutated(EXTRA[name]).map((body): Reply => ({ kind: 'body', status: 200, body }))]),
    fc.constantFrom<Reply>(
      { kind: 'text', status: 403, text: '<!DOCTYPE html><title>Just a moment...</title>' },
      { kind: 'text', status: 200, text: '<html><body>maintenance</body></html>' },
      { kind: 'text', status: 200, text: '{"results": [' },
      { kind: 'text', status: 200, text: '' },
      { kind: 'text', status: 500, text: '{"error": "<script>alert(1)</script>"}' },
      { kind: 'text', status: 429, text: '{"message": "slow down"}' },
      { kind: 'throw' },
    ),
  );

const worldArb = fc.record(Object.fromEntries(SOURCE_NAMES.map((n) => [n, replyFor(n)])) as Record<SourceName, fc.Arbitrary<Reply>>);

const storageArb = fc.constantFrom<'clean' | 'rejecting' | 'garbage'>('clean', 'rejecting', 'garbage');

function storageOf(kind: 'clean' | 'rejecting' | 'garbage', dois: string[]): StorageArea {
  if (kind === 'clean') return memoryStorage();
  if (kind === 'garbage') {
    const junk: Record<string, unknown> = { 'greenway:lookup-index:v1': { v: 1, lastUsed: 'nope' } };
    for (const d of dois)
      junk[`greenway:lookup:v1:${d.toLowerCase()}`] = { v: 1, savedAt: 0, expiresAt: 9e15, signature: 'x', result: { doi: d, copies: 'javascript:alert(1)' } };
    return memoryStorage(junk);
  }
  const fail = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
  return { get: fail, set: fail, remove: fail };
}

function fetchFor(world: Record<SourceName, Reply>) {
  return async (url: string): Promise<Response> => {
    const host = new URL(url).host;
    const name = SOURCES.find((s) => s.hosts.includes(host))?.id;
    const reply = name ? world[name] : ({ kind: 'text', status: 404, text: 'no route' } as Reply);
    if (reply.kind === 'throw') throw new TypeError('Failed to fetch');
    const text = reply.kind === 'body' ? JSON.stringify(reply.body) : reply.text;
    return new Response(text, { status: reply.status, headers: { 'content-type': 'application/json', 'retry-after': '0.001' } });
  };
}

/** Every string under a key that names a URL, anywhere in the result. */
function urlFields(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /url$/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => urlFields(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlFields(v, k));
  return [];
}

afterAll(() => reportCases('engine.fuzz'));

describe('engine with every source hostile', () => {
  it(
    'always resolves with a valid result that names failing sources and carries only http(s) URLs',
    async () => {
      await fc.assert(
        fc.asyncProperty(worldArb, storageArb, fc.boolean(), async (world, storageKind, many) => {
          const engine = createLookupEngine(
            { fetch: fetchFor(world), storage: storageOf(storageKind, DOIS), ...realClock },
            { email: 'fuzz@example.org', keys: { core: 'k' }, retries: 0, backoffMs: 1, batchWindowMs: 0, maxRetryAfterMs: 5, timeoutMs: 2_000 },
          );
          const results = many ? [...(await engine.lookupMany(DOIS)).values()] : [await engine.lookup(DOIS[0]!)];
          for (const result of results) {
            expect(LookupResult.safeParse(result).success).toBe(true);
            // Every index is named; doi.org and DataCite (registration, follow-up) only when they were asked.
            const indexes = SOURCE_NAMES.filter((n) => sourceById(n)?.role === undefined);
            expect(
              Object.keys(result.sources)
                .filter((n) => indexes.includes(n as SourceName))
                .sort(),
            ).toEqual([...indexes].sort());
            for (const [name, outcome] of Object.entries(result.sources)) {
              if (world[name as SourceName].kind === 'throw') expect(outcome).toMatchObject({ ok: false });
            }
            const urls = [result.best, ...result.copies].flatMap((c) => (c ? [c.pdfUrl, c.landingUrl, c.licence?.url ?? null] : []));
            for (const url of urls) if (url !== null) expect(url).toMatch(/^https?:\/\//);
            // Titles may say anything (they are shown as text); every URL field must be http(s).
            for (const url of urlFields(result)) expect(url).toMatch(/^https?:\/\//);
          }
        }),
        { numRuns: countCases('engine', 120) },
      );
    },
    fuzzTimeout(),
  );
});
