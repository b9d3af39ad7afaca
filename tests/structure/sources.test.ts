/**
 * The source registry's promises, checked: every registered source brings its parts (unit test,
 * `-found` fixture, e2e default reply, request-audit rules, policy key when it takes one), the
 * documents name each host it calls, and no file outside the source modules spells an API host —
 * so a source can only be added, changed or removed in one place (CONTRIBUTING.md, "Add a source").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResponse } from '@/utils/engine/read-response';
import { parseAnswer } from '@/utils/sources/parse';
import { requestDois } from '@/harness/request-dois';
import { foundAnswer, foundFixture, knowsWork } from '@/harness/source-world';
import { API_HOSTS, KEYED_SOURCES, SOURCES, apiHostPermissions } from '@/utils/sources/registry';
import type { StubReply } from '@/utils/sources/source';
import { POLICY_FIELDS } from '@/utils/settings/managed';
import { managedSchema } from '@/utils/settings/managed-schema';

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'fixtures', '.output', '.wxt'].includes(name)) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|mts|json|html)$/.test(name) ? [path] : [];
  });
}

/** Invented DOIs the found answers are cloned for. */
const FRESH = ['10.5555/structure.one', '10.5555/structure.two', '10.5555/structure.three'];

const sampleUrl = (host: string, path: string) => `https://${host}${path}${path.includes('?') ? '' : '10.5555/structure.1'}`;

describe.each(SOURCES.map((s) => [s.id, s] as const))('source %s', (id, source) => {
  it('has a lower-case id, a label, https base URL on one of its hosts, and hosts of its own', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*$/);
    expect(source.label.trim()).not.toBe('');
    expect(source.hosts.length).toBeGreaterThan(0);
    expect(source.hosts).toContain(new URL(source.baseUrl).host);
    expect(source.baseUrl).toMatch(/^https:\/\/[^/]+(\/.*[^/])?$/);
  });

  it('has a unit test', () => {
    expect(existsSync(join(ROOT, 'tests', 'utils', 'sources', `${id}.test.ts`)), `tests/utils/sources/${id}.test.ts`).toBe(true);
  });

  // The test worlds (harness/source-world.ts) answer for every source from this one file.
  it(`has tests/fixtures/api/${id}-found.json, in which its own parser knows the work, cloned for one DOI${source.batched ? ' and for three' : ''}`, () => {
    const asked = source.batched ? [[FRESH[0]!], FRESH] : [[FRESH[0]!]];
    for (const dois of asked) {
      const outcome = parseAnswer(source, foundAnswer(source, dois), dois);
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
      for (const doi of dois) expect(knowsWork(outcome.ok ? outcome.answers.get(doi) : undefined), `${dois.length} DOI(s) asked: ${doi}`).toBe(true);
      const own = foundFixture(source).doi;
      if (own) expect(outcome.ok && outcome.answers.has(own), `still answers about ${own}`).toBe(false);
    }
  });

  it('names the DOIs it plans to ask about where its `requests` say they are (what the worlds and the audit read)', () => {
    const dois = source.batched ? FRESH : [FRESH[0]!];
    const planned = source.plan(dois, { baseUrl: source.baseUrl, email: 'structure@example.org', key: 'structure-key' });
    expect(planned.flatMap((p) => p.dois)).toEqual(dois);
    for (const { dois: carried, request } of planned)
      expect(requestDois(source, { method: request.method, url: request.url, body: request.body })).toEqual(carried);
  });

  it('declares the endpoints it calls (request audit) and what it answers for an unknown DOI (e2e default reply)', () => {
    expect(source.requests.length).toBeGreaterThan(0);
    expect(source.notFound.length).toBeGreaterThan(0);
    for (const rule of source.requests) expect(rule.name.startsWith(source.label), rule.name).toBe(true);
  });

  it('reads its own "not found" replies as "known nowhere here", not as an error', () => {
    for (const route of source.notFound) {
      const url = sampleUrl(source.hosts[0]!, route.path);
      const stub: StubReply =
        typeof route.reply === 'function'
          ? route.reply({ url, body: JSON.stringify({ ids: ['DOI:10.5555/structure.1'], doi: '10.5555/structure.1' }) })
          : route.reply;
      const text = stub.json !== undefined ? JSON.stringify(stub.json) : (stub.text ?? '');
      const outcome = readResponse(source, { kind: 'response', status: stub.status ?? 200, text, headers: new Headers() }, ['10.5555/structure.1'], 0);
      expect(outcome.ok, `${route.path}: ${JSON.stringify(outcome)}`).toBe(true);
      if (outcome.ok) expect(outcome.answers.get('10.5555/structure.1')?.copies ?? []).toEqual([]);
    }
  });

  it('is named with its hosts in README.md and PRIVACY.md', () => {
    for (const doc of ['README.md', 'PRIVACY.md']) {
      const text = read(doc);
      expect(text, `${doc} names ${source.label}`).toContain(source.label);
      for (const host of source.hosts) expect(text, `${doc} names ${host}`).toContain(host);
    }
  });
});

describe('derived from the registry', () => {
  it('ids are unique', () => {
    expect(new Set(SOURCES.map((s) => s.id)).size).toBe(SOURCES.length);
  });

  it('the manifest asks for exactly the API hosts, from the registry (no host literal in wxt.config.ts)', () => {
    expect(apiHostPermissions()).toEqual(API_HOSTS.map((h) => `https://${h}/*`));
    const config = read('wxt.config.ts');
    expect(config).toContain('apiHostPermissions()');
    for (const host of API_HOSTS) expect(config).not.toContain(host);
  });

  it('the generated managed-policy schema describes every policy field, each keyed source’s key under its declared name', () => {
    const schema = managedSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    const described = (path: string): boolean => {
      const [head, ...rest] = path.split('.');
      let node: { properties?: Record<string, unknown> } | undefined = schema.properties[head!];
      for (const part of rest) node = node?.properties?.[part] as typeof node;
      return node !== undefined;
    };
    for (const { policy } of POLICY_FIELDS) expect(described(policy), `managed-schema.json lacks ${policy}`).toBe(true);
    for (const source of KEYED_SOURCES) expect(POLICY_FIELDS.map((f) => f.policy)).toContain(source.key.policy);
    for (const source of SOURCES) expect(described(`sources.${source.id}.enabled`), `sources.${source.id}`).toBe(true);
  });

  // doi.org is an API host (its "Which RA?" service, utils/sources/doiorg.ts) and also the DOI link
  // every copy, page and detection rule names: only its API path must stay in the source module.
  const LINK_HOSTS = new Set(['doi.org']);

  it("no file outside the source modules calls doi.org's API (its links are everywhere)", () => {
    const dirs = ['entrypoints', 'components', 'hooks', 'utils', 'harness', 'scripts'].map((d) => join(ROOT, d));
    const offenders = dirs
      .flatMap(filesUnder)
      .map((file) => relative(ROOT, file).split('\\').join('/'))
      .filter((rel) => rel !== 'utils/sources/doiorg.ts' && /doi\.org\/(ra|api\/handles)\//.test(readFileSync(join(ROOT, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no file outside the source modules names an API host (docs and recorded fixtures aside)', () => {
    const dirs = ['entrypoints', 'components', 'hooks', 'utils', 'harness', 'scripts'].map((d) => join(ROOT, d));
    const files = [...dirs.flatMap(filesUnder), ...['wxt.config.ts', 'vitest.config.ts', 'vitest.e2e.config.ts'].map((f) => join(ROOT, f))];
    const offenders: string[] = [];
    for (const file of files) {
      const rel = relative(ROOT, file).split('\\').join('/');
      if (/^utils\/sources\/[a-z0-9]+\.ts$/.test(rel) && SOURCES.some((s) => rel === `utils/sources/${s.id}.ts`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const host of API_HOSTS) if (text.includes(host) && !LINK_HOSTS.has(host)) offenders.push(`${rel}: ${host}`);
    }
    expect(offenders).toEqual([]);
  });
});
