/**
 * The engine under test with every source at a fake endpoint (`http://fixtures.test/<source>`):
 * by default each index knows nothing and doi.org says every DOI is registered; tests override
 * routes by URL part.
 */
import { createLookupEngine } from '../../../utils/engine/engine';
import type { EngineDeps } from '../../../utils/engine/deps';
import { memoryStorage as createMemoryStorage } from '../../../utils/storage/area';
import { FakeClock, fakeFetch, json, type Handler } from './fakes';

export const endpoints = {
  openalex: { baseUrl: 'http://fixtures.test/openalex' },
  unpaywall: { baseUrl: 'http://fixtures.test/unpaywall' },
  europepmc: { baseUrl: 'http://fixtures.test/europepmc' },
  semanticscholar: { baseUrl: 'http://fixtures.test/s2' },
  core: { baseUrl: 'http://fixtures.test/core' },
  crossref: { baseUrl: 'http://fixtures.test/crossref' },
  openaire: { baseUrl: 'http://fixtures.test/openaire' },
  datacite: { baseUrl: 'http://fixtures.test/datacite' },
  doiorg: { baseUrl: 'http://fixtures.test/doiorg' },
};

export const emptyRoutes: Record<string, Handler> = {
  '/openalex/': () => json({ meta: {}, results: [] }),
  '/unpaywall/': () => json({ HTTP_status_code: 404, error: true, message: 'not found' }, 404),
  '/europepmc/': () => json({ hitCount: 0, resultList: { result: [] } }),
  '/s2/': (call) => json(JSON.parse(call.body ?? '{"ids":[]}').ids.map(() => null)),
  '/core/': () => json({ fullTextLink: null, source: null }),
  '/crossref/': () => json({ status: 'ok', 'message-type': 'work-list', message: { items: [] } }),
  '/openaire/': () => json({ header: { numFound: 0 }, results: [] }),
  '/datacite/': () => json({ errors: [{ status: '404', title: "The resource you are looking for doesn't exist." }] }, 404),
  // Registered, but in none of the indexes (a DOI no index has picked up yet).
  '/doiorg/': (call) =>
    json(
      decodeURIComponent(call.url.split('/ra/')[1] ?? '')
        .split(',')
        .map((doi) => ({ DOI: doi, RA: 'Crossref' })),
    ),
};

export function setup(routes: Record<string, Handler> = {}, config = {}, time?: Pick<EngineDeps, 'now' | 'sleep'>) {
  const clock = new FakeClock();
  const fake = fakeFetch(Object.entries({ ...emptyRoutes, ...routes }));
  const storage = createMemoryStorage();
  const engine = createLookupEngine(
    { fetch: fake.fetch, storage, ...(time ?? { now: clock.now, sleep: clock.sleep }) },
    { email: 'me@example.org', keys: { core: 'K' }, sources: endpoints, ...config },
  );
  const count = (part: string) => fake.calls.filter((c) => c.url.includes(part)).length;
  return { clock, engine, calls: fake.calls, count, storage };
}
