/**
 * Default answers of the scholarly APIs, derived from the source registry: every source's declared
 * "not found" replies (its real not-found shape, as recorded in ../shared/corpus/api), and on top
 * OpenAlex from the fixture table of recorded works. Tests override any of these with
 * `server.api(...)`, which takes precedence (the latest registration wins, so the more specific path
 * of a host is registered after the general one).
 */
import { API_HOSTS as REGISTRY_HOSTS, SOURCES, type SourceName } from '../utils/sources/registry';
import type { StubReply } from '../utils/sources/source';
import type { FixtureServer } from './fixture-server';
import { dataCiteHandler, loadDataCiteRecords } from './datacite';
import { loadOpenAlexWorks, openAlexHandler } from './openalex';
import type { Reply } from './reply';

/** The hosts the extension may talk to (its host_permissions): what a privacy test inspects. */
export const API_HOSTS: readonly string[] = REGISTRY_HOSTS;

/** The (first) API host of a source: tests name services by id, never by host. */
export function apiHost(id: SourceName): string {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`no source "${id}"`);
  return source.hosts[0]!;
}

/** A source's declared stub reply as the fixture server's reply. */
export function toReply(stub: StubReply): Reply {
  const status = stub.status ?? 200;
  if (stub.json !== undefined) return { status, json: stub.json };
  return { status, body: stub.text ?? '', headers: { 'content-type': stub.contentType ?? 'text/plain' } };
}

export function registerDefaultApis(server: FixtureServer): void {
  for (const source of SOURCES) {
    for (const host of source.hosts) {
      for (const route of source.notFound) {
        const { reply } = route;
        server.api(host, route.path, typeof reply === 'function' ? (req) => toReply(reply({ url: req.url, body: req.body })) : toReply(reply));
      }
    }
  }
  const works = loadOpenAlexWorks();
  server.api(apiHost('openalex'), '/works', openAlexHandler(works));
  const records = loadDataCiteRecords();
  server.api(apiHost('datacite'), '/dois/', dataCiteHandler(records));
  // The recorded works are real, registered DOIs: doi.org names their agency (others stay "does not exist").
  server.api(apiHost('doiorg'), '/ra/', registeredHandler(new Set(works.keys()), new Set(records.keys())));
}

/**
 * doi.org's "Which RA?" answer: Crossref for the `registered` DOI keys, DataCite for the `dataCite`
 * ones, "DOI does not exist" for the rest.
 */
export function registeredHandler(registered: ReadonlySet<string>, dataCite: ReadonlySet<string> = new Set()): (request: { url: string }) => Reply {
  return (request) => {
    const list = decodeURIComponent(new URL(request.url).pathname.replace(/^\/ra\//, ''));
    const entries = list.split(',').map((doi) => {
      const key = doi.toLowerCase();
      if (dataCite.has(key)) return { DOI: doi, RA: 'DataCite' };
      return registered.has(key) ? { DOI: doi, RA: 'Crossref' } : { DOI: doi, status: 'DOI does not exist' };
    });
    return { status: 200, json: entries };
  };
}
