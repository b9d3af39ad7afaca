/**
 * Engine bench: requests needed for 500 distinct DOIs (target ≤ 5 to OpenAlex), the same via badges
 * with an email and a CORE key set (batched scope: no more than without them, none per DOI), a second
 * lookup of the same DOIs served from cache (0 requests), and cache read latency. Sources answer from an
 * in-process fake with realistic list shapes; no network.
 */
import { performance } from 'node:perf_hooks';
import { createLookupEngine, createMemoryStorage, realClock } from '../../utils/engine';
import type { BenchRow, BenchSuite } from './types';

const N = 500;

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
async function badgeRequests(dois: string[]): Promise<number> {
  const services = fakeServices();
  const engine = createLookupEngine(
    { fetch: services.fetch, storage: createMemoryStorage(), ...realClock },
    { email: 'bench@example.org', keys: { core: 'bench-key' }, sources },
  );
  await engine.lookupMany(dois, { scope: 'batched' });
  return sum(services.sent);
}

const suite: BenchSuite = {
  title: 'Lookup engine: batching and cache',
  async run(): Promise<BenchRow[]> {
    const services = fakeServices();
    const engine = createLookupEngine({ fetch: services.fetch, storage: createMemoryStorage(), ...realClock }, { sources });
    const dois = Array.from({ length: N }, (_, i) => `10.5555/bench.${i}`);
    // Half asked one by one (as badges on a list page do), half in one call: both go through the collector.
    const t0 = performance.now();
    await Promise.all([...dois.slice(0, N / 2).map((d) => engine.lookup(d)), engine.lookupMany(dois.slice(N / 2))]);
    const firstMs = performance.now() - t0;
    const first = new Map(services.sent);
    const total = [...first.values()].reduce((a, b) => a + b, 0);

    const before = [...services.sent.values()].reduce((a, b) => a + b, 0);
    const t1 = performance.now();
    await engine.lookupMany(dois);
    const secondMs = performance.now() - t1;
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
      { name: `requests to OpenAlex for ${N} distinct DOIs`, value: openalex, unit: 'req', target: '≤ 5', ok: openalex <= 5 },
      { name: `requests to all sources for ${N} DOIs (no email/CORE key)`, value: total, unit: 'req' },
      {
        name: `requests for ${N} DOIs via badges (batched scope), email + CORE key set`,
        value: badges,
        unit: 'req',
        target: `≤ ${total}`,
        ok: badges <= total,
      },
      { name: `first lookup of ${N} DOIs, wall time (fake services)`, value: firstMs, unit: 'ms' },
      { name: `second lookup of the same ${N} DOIs, requests`, value: second, unit: 'req', target: '0', ok: second === 0 },
      { name: `second lookup of ${N} DOIs from cache, wall time`, value: secondMs, unit: 'ms' },
      { name: 'cache read latency (one DOI), median', value: median, unit: 'ms' },
      { name: 'cache read latency (one DOI), p95', value: p95, unit: 'ms' },
    ];
  },
};

export default suite;
