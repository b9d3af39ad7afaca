/**
 * Europe PMC: full texts in Europe PMC / PubMed Central, including author manuscripts that the
 * publisher-facing indexes miss. `search?query=DOI:"a" OR DOI:"b"&resultType=core` answers many DOIs
 * at once; `fullTextUrlList` says which links are free (OA / F) and which need a subscription (S).
 */
import type { Copy } from '../model';
import { buildCopy } from './copy-builder';
import { chunk, doiFromUrl, queryString } from './request-utils';
import { defineSource, type IdOutcome, type ParseOutcome, type SourceAnswer, type ZodMini } from './source';
import type { OtherIdKind } from '../model/typed-id';

export const EUROPEPMC_MAX_BATCH = 40;

function schemas(z: ZodMini) {
  const text = z.catch(z.nullable(z.string()), null);

  const FullTextUrl = z.object({
    availabilityCode: text,
    documentStyle: text,
    site: text,
    url: text,
  });

  const Result = z.object({
    doi: text,
    pmid: text,
    pmcid: text,
    title: text,
    pubYear: text,
    isOpenAccess: text,
    inEPMC: text,
    hasPDF: text,
    license: text,
    authMan: text,
    epmcAuthMan: text,
    nihAuthMan: text,
    journalInfo: z.catch(z.nullable(z.object({ journal: z.catch(z.nullable(z.object({ title: text })), null) })), null),
    fullTextUrlList: z.catch(z.nullable(z.object({ fullTextUrl: z.catch(z.array(z.unknown()), []) })), null),
  });

  const SearchResponse = z.object({
    hitCount: z.optional(z.number()),
    resultList: z.object({ result: z.array(z.unknown()) }),
  });
  return { FullTextUrl, Result, SearchResponse };
}
type Schemas = ReturnType<typeof schemas>;
type FullTextUrl = ReturnType<Schemas['FullTextUrl']['parse']>;
type Result = ReturnType<Schemas['Result']['parse']>;

const FREE = new Set(['OA', 'F']);
// No prototype: keys come from outside data, and "constructor" or "__proto__" must find nothing.
const SITE_NAMES: Record<string, string> = Object.assign(Object.create(null), { Europe_PMC: 'Europe PMC', PubMedCentral: 'PubMed Central' });

function isYes(v: string | null): boolean {
  return v === 'Y';
}

/** Links of one site grouped into one copy (an HTML view and its PDF are the same copy). */
function siteCopy(site: string, links: FullTextUrl[], r: Result, seenAt: number): Copy | null {
  const pdf = links.find((l) => l.documentStyle === 'pdf')?.url ?? null;
  const html = links.find((l) => l.documentStyle === 'html' || l.documentStyle === 'doi')?.url ?? null;
  const manuscript = isYes(r.authMan) || isYes(r.epmcAuthMan) || isYes(r.nihAuthMan);
  const isPublisher = site === 'DOI';
  return buildCopy({
    pdfUrl: pdf,
    landingUrl: html,
    hostType: isPublisher ? 'publisher' : 'repository',
    hostName: isPublisher ? (r.journalInfo?.journal?.title ?? null) : (SITE_NAMES[site] ?? site),
    // The DOI link is always the publisher's version; an author manuscript's licence is not the publisher's.
    version: manuscript && !isPublisher ? 'accepted' : 'published',
    licence: manuscript && isPublisher ? null : r.license,
    source: 'europepmc',
    reason: `Europe PMC: ${manuscript ? 'author manuscript' : 'full text'}${r.pmcid ? ` ${r.pmcid}` : ''} (${links[0]?.availabilityCode === 'OA' ? 'open access' : 'free to read'})`,
    seenAt,
  });
}

function resultCopies(r: Result, seenAt: number, { FullTextUrl }: Schemas): Copy[] {
  const links = (r.fullTextUrlList?.fullTextUrl ?? [])
    .map((l) => FullTextUrl.safeParse(l))
    .flatMap((l) => (l.success && l.data.url && FREE.has(l.data.availabilityCode ?? '') ? [l.data] : []));
  const bySite = new Map<string, FullTextUrl[]>();
  for (const l of links) {
    const site = l.site ?? '';
    if (site !== 'DOI' && !SITE_NAMES[site]) continue; // other sites are third-party link-outs
    bySite.set(site, [...(bySite.get(site) ?? []), l]);
  }
  const copies = [...bySite].map(([site, ls]) => siteCopy(site, ls, r, seenAt));
  // An open PMC article without a listed link still has its Europe PMC page.
  if (copies.length === 0 && r.pmcid && isYes(r.isOpenAccess) && isYes(r.inEPMC)) {
    const page = `https://europepmc.org/articles/${r.pmcid}`;
    const links: FullTextUrl[] = [{ availabilityCode: 'OA', documentStyle: 'html', site: 'Europe_PMC', url: page }];
    if (isYes(r.hasPDF)) links.push({ availabilityCode: 'OA', documentStyle: 'pdf', site: 'Europe_PMC', url: `${page}?pdf=render` });
    copies.push(siteCopy('Europe_PMC', links, r, seenAt));
  }
  return copies.filter((c): c is Copy => c !== null);
}

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const response = s.SearchResponse.safeParse(json);
  if (!response.success) return { ok: false, error: 'unexpected response shape' };
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  for (const item of response.data.resultList.result) {
    const parsed = s.Result.safeParse(item);
    if (!parsed.success) continue;
    const r = parsed.data;
    const doi = doiFromUrl(r.doi);
    if (!doi || (wanted.size > 0 && !wanted.has(doi))) continue;
    // A DOI can have several records (MED and PMC); their copies add up and merge later.
    const previous = answers.get(doi);
    const year = r.pubYear && /^\d{4}$/.test(r.pubYear) ? Number(r.pubYear) : null;
    answers.set(doi, {
      copies: [...(previous?.copies ?? []), ...resultCopies(r, seenAt, s)],
      work: previous?.work ?? { title: r.title, journal: r.journalInfo?.journal?.title ?? null, year },
    });
  }
  return { ok: true, answers };
}

/** Europe PMC's query for one PubMed record (`EXT_ID` + `SRC:MED`) or one PubMed Central article. */
function idQuery(kind: OtherIdKind, id: string): string {
  return kind === 'pmid' ? `EXT_ID:${id} AND SRC:MED` : `PMCID:${id}`;
}
const ID_QUERY = /^(?:EXT_ID:(\d{1,8}) AND SRC:MED|PMCID:(PMC\d{1,9}))$/;

/** The DOI of the record for `id`, if Europe PMC has the record and the record names one. */
function parseIdAnswer(json: unknown, { kind, id, schemas: s }: { kind: OtherIdKind; id: string; schemas: Schemas }): IdOutcome {
  const response = s.SearchResponse.safeParse(json);
  if (!response.success) return { ok: false, error: 'unexpected response shape' };
  let known = false;
  for (const item of response.data.resultList.result) {
    const parsed = s.Result.safeParse(item);
    if (!parsed.success) continue;
    const r = parsed.data;
    // Only the record asked for: a search may match more than the id.
    if ((kind === 'pmid' ? r.pmid : r.pmcid?.toUpperCase()) !== id) continue;
    known = true;
    const doi = doiFromUrl(r.doi);
    if (doi) return { ok: true, found: 'doi', doi };
  }
  return { ok: true, found: known ? 'no-doi' : 'unknown' };
}

export const europepmc = defineSource({
  id: 'europepmc',
  label: 'Europe PMC',
  hosts: ['www.ebi.ac.uk'],
  baseUrl: 'https://www.ebi.ac.uk/europepmc/webservices/rest',
  enabledByDefault: true,
  batched: true,
  notFoundStatuses: [],
  requests: [
    {
      name: 'Europe PMC search',
      method: 'GET',
      path: /^\/europepmc\/webservices\/rest\/search$/,
      params: {
        query: { value: { doiList: { separator: ' OR ', item: /^DOI:"([^"]+)"$/ } }, required: true },
        resultType: { value: { oneOf: ['core', 'lite'] } },
        format: { value: { oneOf: ['json'] } },
        pageSize: { value: 'number' },
      },
    },
    {
      name: 'Europe PMC id search',
      method: 'GET',
      path: /^\/europepmc\/webservices\/rest\/search$/,
      params: {
        query: { value: { idQuery: ID_QUERY }, required: true },
        resultType: { value: { oneOf: ['lite'] } },
        format: { value: { oneOf: ['json'] } },
        pageSize: { value: 'number' },
      },
    },
  ],
  // Unknown DOIs: 200 with hitCount 0 (as recorded).
  notFound: [
    {
      path: '/europepmc/webservices/rest/search',
      reply: ({ url }) => {
        const params = new URL(url).searchParams;
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
      },
    },
  ],
  schemas,
  plan: (dois, { baseUrl }) =>
    chunk(dois, EUROPEPMC_MAX_BATCH).map((part) => ({
      dois: part,
      request: {
        url: `${baseUrl}/search?${queryString({
          query: part.map((d) => `DOI:"${d.replace(/"/g, '')}"`).join(' OR '),
          resultType: 'core',
          format: 'json',
          pageSize: String(Math.min(1000, part.length * 3)),
        })}`,
      },
    })),
  parse,
  // A typed PMID or PMCID: Europe PMC holds every PubMed record, and names its DOI where one exists.
  ids: {
    kinds: ['pmid', 'pmcid'],
    plan: (kind, id, { baseUrl }) => ({
      url: `${baseUrl}/search?${queryString({ query: idQuery(kind, id), resultType: 'lite', format: 'json', pageSize: '2' })}`,
    }),
    parse: parseIdAnswer,
  },
});
