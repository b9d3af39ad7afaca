/**
 * The engine under test with every registered source at a fake endpoint (`http://fixtures.test/<id>`).
 * By default each index and follow-up source answers its own declared "not found" reply, and a
 * registration source (doi.org) its found answer — every DOI is registered (with Crossref), but no
 * index has picked it up yet; tests override routes by URL part (`/<id>/`).
 */
import { createLookupEngine } from '../../../utils/engine/engine';
import type { EngineDeps } from '../../../utils/engine/deps';
import { SOURCES, type SourceName } from '../../../utils/sources/registry';
import type { Source } from '../../../utils/sources/source';
import { memoryStorage as createMemoryStorage } from '../../../utils/storage/area';
import { requestDois } from '../../../harness/request-dois';
import { foundAnswer, notFoundReply, registeredAnswer, stubResponse } from '../../../harness/source-world';
import { FakeClock, fakeFetch, json, type Call, type Handler } from './fakes';

/** The URL part that routes a fake request to `id`'s endpoint. */
export const part = (id: SourceName) => `/${id}/`;

export const endpoints = Object.fromEntries(SOURCES.map((s) => [s.id, { baseUrl: `http://fixtures.test/${s.id}` }])) as Record<SourceName, { baseUrl: string }>;

/** `source`'s answer to `call` in a world where it knows each DOI asked (its `-found` fixture). */
export function foundRoute(source: Source<SourceName>): Handler {
  return (call: Call) => json(foundAnswer(source, requestDois(source, call, endpoints[source.id].baseUrl) ?? []));
}

/** `source`'s declared answer for DOIs it does not know. */
export function notFoundRoute(source: Source<SourceName>): Handler {
  return (call: Call) => {
    const stub = notFoundReply(source, call, endpoints[source.id].baseUrl);
    return stub ? stubResponse(stub) : json({ error: `no not-found reply declared for ${call.url}` }, 599);
  };
}

/** The registration source (doi.org). */
export const registration = SOURCES.find((s) => s.role === 'registration')!;

/** The registration source's answer naming `agency` as the registration agency of every DOI asked (route it at `part(registration.id)`). */
export function registeredRoute(agency: string): Handler {
  return (call: Call) => json(registeredAnswer(registration, requestDois(registration, call, endpoints[registration.id].baseUrl) ?? [], agency));
}

export const emptyRoutes: Record<string, Handler> = Object.fromEntries(
  SOURCES.map((s) => [part(s.id), s.role === 'registration' ? foundRoute(s) : notFoundRoute(s)]),
);

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
