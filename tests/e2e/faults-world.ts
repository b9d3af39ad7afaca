/**
 * A world where every index has a free copy of every `10.5555/fault.<index>.*` DOI (each at its own
 * host, so the popup shows which source gave what), doi.org and DataCite answer for the DOIs of their
 * own rounds, which no index knows, and where any source can be made to fail for one DOI
 * with the fixture server's fault shapes (harness/faults.ts). Faults are chosen per DOI rather than
 * per host so several scenarios can run at once, and POST sources (Semantic Scholar, CORE), whose
 * DOIs travel in the body, can be targeted too.
 */
import { faultAction, type FaultSpec } from '../../harness/faults';
import type { FixtureServer, RecordedRequest, Reply } from '../../harness';
import { SOURCE_NAMES, type SourceName } from '../../utils/model';
import { SOURCES } from '../../utils/sources/registry';
import { apiHost } from '../../harness';

/** Every registered source: a new one cannot be left out of the fault rounds (its stub is below). */
export const FAULT_SOURCES: SourceName[] = [...SOURCE_NAMES];

/**
 * The indexes, asked first about every DOI. doi.org (registration) and DataCite (follow-up) are asked
 * only about DOIs no index knows, so their rounds' DOIs are known to no index here: doi.org names
 * DataCite as the agency of DataCite's round DOIs and Crossref for the others.
 */
export const INDEX_SOURCES: SourceName[] = SOURCES.filter((s) => s.role === undefined).map((s) => s.id);

/** The host name each source's copy is shown under in the popup (Crossref gives licences, doi.org only registrations). */
export const COPY_HOST: Record<SourceName, string | null> = {
  openalex: 'Alpha Repository',
  unpaywall: 'Beta Repository',
  europepmc: 'Europe PMC',
  semanticscholar: 'gamma-repo.example',
  core: 'delta-repo.example',
  crossref: null,
  openaire: 'Epsilon Repository',
  datacite: 'Zeta Data Repository',
  doiorg: null,
};

export const faultDoi = (source: SourceName, kind: string, round = 0) => `10.5555/fault.${source}.${kind}.r${round}`;
const DOI_IN_REQUEST = /10\.5555\/fault\.[a-z]+\.[a-z0-9-]+\.r\d+/g;
/** `10.5555/fault.<source>.…` → the source whose round it is. */
const roundOf = (doi: string) => /^10\.5555\/fault\.([a-z]+)\./.exec(doi)?.[1] ?? '';
/** Whether the indexes know a fault-world DOI: all but the rounds of sources asked only about unknown DOIs. */
export const knownToIndexes = (doi: string) => (INDEX_SOURCES as string[]).includes(roundOf(doi));

export function doisIn(req: RecordedRequest): string[] {
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    /* keep raw */
  }
  return [...new Set(`${path}\n${req.body}`.toLowerCase().match(DOI_IN_REQUEST) ?? [])];
}

const slug = (doi: string) => doi.replace(/[^a-z0-9]+/gi, '-');
let pmc = 1000;
const pmcids = new Map<string, string>();
const pmcidOf = (doi: string) => pmcids.get(doi) ?? (pmcids.set(doi, `PMC${++pmc}`), pmcids.get(doi)!);

export interface FaultWorld {
  /** Make `source` fail for `doi` until `clear`. */
  inject(source: SourceName, doi: string, spec: FaultSpec): void;
  clear(): void;
  /** Faulty answers actually served. */
  readonly served: number;
}

export function registerFaultWorld(server: FixtureServer): FaultWorld {
  const faults = new Map<string, { source: SourceName; spec: FaultSpec }>();
  let served = 0;

  const wrap =
    (source: SourceName, answer: (dois: string[], req: RecordedRequest) => Reply) =>
    async (req: RecordedRequest): Promise<Reply> => {
      const dois = doisIn(req);
      const fault = dois.map((d) => faults.get(d)).find((f) => f?.source === source);
      if (fault) {
        served++;
        const action = faultAction(fault.spec);
        if ('reply' in action) return action.reply;
        // Never answers: the connection stays open until the extension gives up or the server closes.
        if ('hang' in action) return new Promise<Reply>(() => undefined);
        if ('delayMs' in action) await new Promise((r) => setTimeout(r, action.delayMs));
      }
      // Indexes know only their own rounds' DOIs (see INDEX_SOURCES); the others answer for every DOI asked.
      return answer(INDEX_SOURCES.includes(source) ? dois.filter(knownToIndexes) : dois, req);
    };

  const openalexWork = (doi: string) => ({
    id: `https://openalex.org/W${slug(doi)}`,
    doi: `https://doi.org/${doi}`,
    display_name: `Fault world ${doi}`,
    publication_year: 2021,
    open_access: { is_oa: true, oa_status: 'green' },
    is_retracted: false,
    primary_location: {
      is_oa: false,
      landing_page_url: `https://doi.org/${doi}`,
      pdf_url: null,
      source: { display_name: 'Journal of Faults', type: 'journal' },
      license: null,
      version: 'publishedVersion',
    },
    locations: [
      {
        is_oa: true,
        landing_page_url: `https://alpha-repo.example/record/${slug(doi)}`,
        pdf_url: `https://alpha-repo.example/files/${slug(doi)}.pdf`,
        source: { display_name: 'Alpha Repository', type: 'repository', host_organization_name: 'Alpha University' },
        license: 'cc-by',
        version: 'acceptedVersion',
      },
    ],
  });
  server.api(
    apiHost('openalex'),
    '/works',
    wrap('openalex', (dois, req) =>
      req.path.startsWith('/works?')
        ? { json: { meta: { count: dois.length }, results: dois.map(openalexWork) } }
        : dois[0]
          ? { json: openalexWork(dois[0]) }
          : { status: 404, json: {} },
    ),
  );
  server.api(
    apiHost('unpaywall'),
    '/v2/',
    wrap('unpaywall', ([doi]) =>
      doi
        ? {
            json: {
              doi,
              title: `Fault world ${doi}`,
              oa_status: 'green',
              oa_locations: [
                {
                  host_type: 'repository',
                  version: 'acceptedVersion',
                  license: 'cc-by',
                  repository_institution: 'Beta University - Beta Repository',
                  url_for_landing_page: `https://beta-repo.example/${slug(doi)}`,
                  url_for_pdf: `https://beta-repo.example/${slug(doi)}.pdf`,
                  url: `https://beta-repo.example/${slug(doi)}.pdf`,
                },
              ],
            },
          }
        : { status: 404, json: { error: true } },
    ),
  );
  server.api(
    apiHost('europepmc'),
    '/europepmc/webservices/rest/search',
    wrap('europepmc', (dois) => ({
      json: {
        hitCount: dois.length,
        resultList: {
          result: dois.map((doi) => {
            const id = pmcidOf(doi);
            return {
              doi,
              pmcid: id,
              title: `Fault world ${doi}`,
              pubYear: '2021',
              isOpenAccess: 'Y',
              inEPMC: 'Y',
              hasPDF: 'Y',
              license: 'cc by',
              authMan: 'N',
              fullTextUrlList: {
                fullTextUrl: [
                  { availabilityCode: 'OA', documentStyle: 'html', site: 'Europe_PMC', url: `https://europepmc.org/articles/${id}` },
                  { availabilityCode: 'OA', documentStyle: 'pdf', site: 'Europe_PMC', url: `https://europepmc.org/articles/${id}?pdf=render` },
                ],
              },
            };
          }),
        },
      },
    })),
  );
  server.api(
    apiHost('semanticscholar'),
    '/graph/v1/paper/batch',
    wrap('semanticscholar', (_dois, req) => {
      const ids = (JSON.parse(req.body || '{}') as { ids?: string[] }).ids ?? [];
      return {
        json: ids.map((raw) => {
          const doi = raw.replace(/^DOI:/i, '').toLowerCase();
          return /^10\.5555\/fault\./.test(doi) && knownToIndexes(doi)
            ? {
                paperId: slug(doi),
                externalIds: { DOI: doi },
                isOpenAccess: true,
                openAccessPdf: { url: `https://gamma-repo.example/${slug(doi)}.pdf`, status: 'GREEN', license: null },
              }
            : null;
        }),
      };
    }),
  );
  server.api(
    apiHost('core'),
    '/v3/discover',
    wrap('core', ([doi]) =>
      doi
        ? { json: { fullTextLink: `https://delta-repo.example/download/${slug(doi)}.pdf`, source: 'delta' } }
        : { status: 404, json: { message: 'Not found' } },
    ),
  );
  const crossrefWork = (doi: string) => ({
    DOI: doi,
    type: 'journal-article',
    title: [`Fault world ${doi}`],
    'container-title': ['Journal of Faults'],
    license: [{ URL: 'http://creativecommons.org/licenses/by/4.0/', 'content-version': 'vor' }],
  });
  server.api(
    apiHost('crossref'),
    '/works',
    wrap('crossref', (dois, req) =>
      req.path.startsWith('/works?')
        ? { json: { status: 'ok', 'message-type': 'work-list', message: { items: dois.map(crossrefWork) } } }
        : dois[0]
          ? { json: { status: 'ok', 'message-type': 'work', message: crossrefWork(dois[0]) } }
          : { status: 404, body: 'Resource not found.' },
    ),
  );

  server.api(
    apiHost('openaire'),
    '/graph/v2/researchProducts',
    wrap('openaire', ([doi]) => ({
      json: {
        header: { numFound: doi ? 1 : 0, page: 1, pageSize: 10 },
        results: doi
          ? [
              {
                id: `doi_dedup___::${slug(doi)}`,
                pids: [{ scheme: 'doi', value: doi }],
                mainTitle: `Fault world ${doi}`,
                publicationDate: '2021-01-01',
                instances: [
                  {
                    pids: [{ scheme: 'doi', value: doi }],
                    accessRight: { code: 'c_abf2', label: 'OPEN', openAccessRoute: 'green' },
                    license: 'CC BY',
                    urls: [`https://epsilon-repo.example/handle/${slug(doi)}`],
                    refereed: 'peerReviewed',
                    hostedBy: { key: 'opendoar____::epsilon', value: 'Epsilon Repository' },
                  },
                ],
              },
            ]
          : [],
      },
    })),
  );

  server.api(
    apiHost('doiorg'),
    '/ra/',
    wrap('doiorg', (_dois, req) => {
      const asked = decodeURIComponent(new URL(req.url).pathname.replace(/^\/ra\//, '')).split(',');
      return { json: asked.map((doi) => ({ DOI: doi, RA: roundOf(doi.toLowerCase()) === 'datacite' ? 'DataCite' : 'Crossref' })) };
    }),
  );
  const dataciteRecord = (doi: string) => ({
    id: doi,
    type: 'dois',
    attributes: {
      doi,
      url: `https://zeta-data.example/record/${slug(doi)}`,
      publisher: 'Zeta Data Repository',
      types: { resourceTypeGeneral: 'Dataset' },
      rightsList: [{ rightsIdentifier: 'cc-by-4.0' }],
    },
  });
  server.api(
    apiHost('datacite'),
    '/dois/',
    wrap('datacite', ([doi]) =>
      doi && roundOf(doi) === 'datacite' ? { json: { data: dataciteRecord(doi) } } : { status: 404, json: { errors: [{ status: '404' }] } },
    ),
  );

  return {
    inject(source, doi, spec) {
      faults.set(doi.toLowerCase(), { source, spec });
    },
    clear() {
      faults.clear();
    },
    get served() {
      return served;
    },
  };
}
