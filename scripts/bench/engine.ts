/**
 * Engine bench: requests needed for 500 distinct DOIs (exactly 5 to OpenAlex, at most 100 DOIs per
 * request), the same via badges with an email and a CORE key set (batched scope: no more than without
 * them, none per DOI), a second lookup of the same DOIs served from cache (0 requests), and cache read
 * latency. Every target has a floor as well as a ceiling: the requests the sources need at least, and
 * every DOI answered with its copy, so an engine that asks nothing (or loses the answers) misses.
 * Sources answer from an in-process fake with realistic list shapes; no network.
 */
import { performance } from 'node:perf_hooks';
import { createLookupEngine, createMemoryStorage, realClock } from '../../utils/engine';
import type { LookupResult } from '../../utils/model';
import { CROSSREF_MAX_BATCH } from '../../utils/sources/crossref';
import { EUROPEPMC_MAX_BATCH } from '../../utils/sources/europepmc';
import { SEMANTIC_SCHOLAR_MAX_BATCH } from '../../utils/sources/semanticscholar';
import type { BenchRow, BenchSuite } from './types';

const N = 500;
/** OpenAlex's `filter=doi:a|b|…` takes at most 100 values (the API's limit). */
const OPENALEX_LIMIT = 100;
const OPENALEX_MIN = Math.ceil(N / OPENALEX_LIMIT);
/**
 * The fewest requests the batched sources (the ones enabled without an email or key) can answer N DOIs
 * with, at the largest batch each accepts. Fewer means some DOIs were never asked.
 */
const BATCHED_MIN = OPENALEX_MIN + [CROSSREF_MAX_BATCH, EUROPEPMC_MAX_BATCH, SEMANTIC_SCHOLAR_MAX_BATCH].reduce((n, size) => n + Math.ceil(N / size), 0);
/** The fake answers every DOI with a repository copy: all of them must come back with it. */
const withCopy = (results: Iterable<LookupResult>) => [...results].filter((r) => r.copies.some((c) => c.hostName === 'Example Repository')).length;

function fakeServices() {
  const sent = new Map<string, number>();
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url);
    const service = u.pathname.split('/')[1] ?? '';
    sent.set(service, (sent.get(service) ?? 0) + 1);
    const body = (() => {
      if (service === 'openalex') {
        const dois = (u.searchParams.get('filter') ?? '').replace(/^doi:/, '').split('|');
        return {
          results: dois.map((d) => ({
            doi: d,
            display_name: 'Work',
            publication_year: 2020,
            open_access: { oa_status: 'green' },
            locations: [
              {
                is_oa: true,
                landing_page_url: `https://repo.example.ac.uk/${encodeURIComponent(d)}`,
                pdf_url: `https://repo.example.ac.uk/${encodeURIComponent(d)}.pdf`,
                source: { display_name: 'Example Repository', type: 'repository', host_organization_name: 'University of Example' },
                license: 'cc-by',
                version: 'acceptedVersion',
              },
            ],
          })),
        };
      }
      // Per-DOI services (only reached when an email / CORE key is set): "not found".
      if (service === 'unpaywall') return { HTTP_status_code: 404, error: true, message: 'not found' };
      if (service === 'core') return { fullTextLink: null, source: null };
      if (service === 'europepmc') return { hitCount: 0, resultList: { result: [] } };
      if (service === 's2') return (JSON.parse(String(init?.body)) as { ids: unknown[] }).ids.map(() => null);
      return { status: 'ok', 'message-type': 'work-list', message: { items: [] } };
    })();
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { fetch, sent };
}

const base = 'http://bench.invalid';
const sources = {
  openalex: { baseUrl: `${base}/openalex` },
  unpaywall: { baseUrl: `${base}/unpaywall` },
  europepmc: { baseUrl: `${base}/europepmc` },
  semanticscholar: { baseUrl: `${base}/s2` },
  core: { baseUrl: `${base}/core` },
  crossref: { baseUrl: `${base}/crossref` },
};

const sum = (sent: Map<string, number>) => [...sent.values()].reduce((a, b) => a + b, 0);

/** Badges on a list page with an email and a CORE key set: only the batched sources may be asked. */
async function badgeRequests(dois: string[]): Promise<{ requests: number; perDoi: number; found: number }> {
  const services = fakeServices();
  const engine = createLookupEngine(
    { fetch: services.fetch, storage: createMemoryStorage(), ...realClock },
    { email: 'bench@example.org', keys: { core: 'bench-key' }, sources },
  );
  const results = await engine.lookupMany(dois, { scope: 'batched' });
  const perDoi = (services.sent.get('unpaywall') ?? 0) + (services.sent.get('core') ?? 0);
  return { requests: sum(services.sent), perDoi, found: withCopy(results.values()) };
}

const suite: BenchSuite = {
  title: 'Lookup engine: batching and cache',
  async run(): Promise<BenchRow[]> {
    const services = fakeServices();
    const engine = createLookupEngine({ fetch: services.fetch, storage: createMemoryStorage(), ...realClock }, { sources });
    const dois = Array.from({ length: N }, (_, i) => `10.5555/bench.${i}`);
    // Half asked one by one (as badges on a list page do), half in one call: both go through the collector.
    const t0 = performance.now();
    const [one, many] = await Promise.all([Promise.all(dois.slice(0, N / 2).map((d) => engine.lookup(d))), engine.lookupMany(dois.slice(N / 2))]);
    const firstMs = performance.now() - t0;
    const firstFound = withCopy([...one, ...many.values()]);
    const first = new Map(services.sent);
    const total = [...first.values()].reduce((a, b) => a + b, 0);

    const before = [...services.sent.values()].reduce((a, b) => a + b, 0);
    const t1 = performance.now();
    const again = await engine.lookupMany(dois);
    const secondMs = performance.now() - t1;
    const secondFound = withCopy(again.values());
    const second = [...services.sent.values()].reduce((a, b) => a + b, 0) - before;

    const samples: number[] = [];
    for (const d of dois.slice(0, 200)) {
      const s = performance.now();
      await engine.peekCached(d);
      samples.push(performance.now() - s);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    const p95 = samples[Math.floor(samples.length * 0.95)]!;
    const openalex = first.get('openalex') ?? 0;
    const badges = await badgeRequests(dois);
    return [
      {
        name: `requests to OpenAlex for ${N} distinct DOIs`,
        value: openalex,
        unit: 'req',
        target: `= ${OPENALEX_MIN} (${N} / ${OPENALEX_LIMIT} per request)`,
        ok: openalex === OPENALEX_MIN,
      },
      {
        name: `requests to all sources for ${N} DOIs (no email/CORE key)`,
        value: total,
        unit: 'req',
        target: `≥ ${BATCHED_MIN} (each source, full batches)`,
        ok: total >= BATCHED_MIN,
      },
      { name: `DOIs answered with their copy, first lookup`, value: firstFound, unit: 'DOIs', target: `= ${N}`, ok: firstFound === N },
      {
        name: `requests for ${N} DOIs via badges (batched scope), email + CORE key set`,
        value: badges.requests,
        unit: 'req',
        target: `${BATCHED_MIN}–${total}, none per DOI`,
        ok: badges.requests >= BATCHED_MIN && badges.requests <= total && badges.perDoi === 0,
      },
      { name: `DOIs answered with their copy via badges`, value: badges.found, unit: 'DOIs', target: `= ${N}`, ok: badges.found === N },
      { name: `first lookup of ${N} DOIs, wall time (fake services)`, value: firstMs, unit: 'ms' },
      { name: `second lookup of the same ${N} DOIs, requests`, value: second, unit: 'req', target: '0', ok: second === 0 },
      { name: `DOIs answered with their copy from cache, second lookup`, value: secondFound, unit: 'DOIs', target: `= ${N}`, ok: secondFound === N },
      { name: `second lookup of ${N} DOIs from cache, wall time`, value: secondMs, unit: 'ms' },
      { name: 'cache read latency (one DOI), median', value: median, unit: 'ms' },
      { name: 'cache read latency (one DOI), p95', value: p95, unit: 'ms' },
    ];
  },
};

export default suite;
