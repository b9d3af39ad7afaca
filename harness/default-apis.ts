/**
 * Default answers of the six scholarly APIs: OpenAlex from the fixture table, every other source
 * "not found" in its real not-found shape (as recorded in ../shared/corpus/api). Tests override any
 * of these with `server.api(...)`, which takes precedence (the latest registration wins, so the more
 * specific path of a host is registered after the general one).
 */
import type { FixtureServer } from './fixture-server';
import { loadOpenAlexWorks, openAlexHandler } from './openalex';

/** The hosts the extension may talk to (its host_permissions): what a privacy test inspects. */
export const API_HOSTS = [
  'api.openalex.org',
  'api.unpaywall.org',
  'www.ebi.ac.uk',
  'api.semanticscholar.org',
  'api.core.ac.uk',
  'api.crossref.org',
] as const;

export function registerDefaultApis(server: FixtureServer): void {
  server.api('api.openalex.org', '/works', openAlexHandler(loadOpenAlexWorks()));

  // Unpaywall GET /v2/{doi}: 404 with its error object.
  server.api('api.unpaywall.org', '/v2/', (req) => {
    const doi = decodeURIComponent(new URL(req.url).pathname.slice('/v2/'.length));
    return {
      status: 404,
      json: {
        HTTP_status_code: 404,
        error: true,
        message: `'${doi}' isn't in Unpaywall. See https://support.unpaywall.org/a/solutions/articles/44001900286`,
      },
    };
  });

  // Europe PMC search: 200 with hitCount 0.
  server.api('www.ebi.ac.uk', '/europepmc/webservices/rest/search', (req) => {
    const params = new URL(req.url).searchParams;
    return {
      json: {
        version: '6.9',
        hitCount: 0,
        request: {
          queryString: params.get('query') ?? '',
          resultType: params.get('resultType') ?? 'lite',
          cursorMark: '*',
          pageSize: Number(params.get('pageSize') ?? 25),
          sort: '',
          synonym: false,
        },
        resultList: { result: [] },
      },
    };
  });

  // Semantic Scholar: single lookups 404; the batch (registered later, so it wins) answers one null per unknown id.
  server.api('api.semanticscholar.org', '/graph/v1/paper/', (req) => {
    const id = decodeURIComponent(new URL(req.url).pathname.slice('/graph/v1/paper/'.length));
    return { status: 404, json: { error: `Paper with id ${id} not found` } };
  });
  server.api('api.semanticscholar.org', '/graph/v1/paper/batch', (req) => {
    let ids: unknown[] = [];
    try {
      const parsed = JSON.parse(req.body) as { ids?: unknown };
      if (Array.isArray(parsed.ids)) ids = parsed.ids;
    } catch {
      return { status: 400, json: { error: 'Unacceptable JSON body' } };
    }
    return { json: ids.map(() => null) };
  });

  // CORE discover: 404 for a DOI it has no full text for.
  server.api('api.core.ac.uk', '/v3/discover', { status: 404, json: { message: 'Not found' } });

  // Crossref: single works 404 with a plain-text body; filtered lists are empty.
  server.api('api.crossref.org', '/works/', { status: 404, body: 'Resource not found.', headers: { 'content-type': 'text/plain' } });
  server.api('api.crossref.org', '/works?', {
    json: {
      status: 'ok',
      'message-type': 'work-list',
      'message-version': '1.0.0',
      message: { facets: {}, 'total-results': 0, items: [], 'items-per-page': 20, query: { 'start-index': 0, 'search-terms': null } },
    },
  });
}
