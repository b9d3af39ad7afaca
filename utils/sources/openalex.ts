/**
 * OpenAlex: every location of a work (publisher, repositories, preprint servers), with version and
 * licence. One DOI → the free singleton endpoint `/works/doi:…`; several → `filter=doi:a|b|…`, up to
 * 100 per request, `select=` only the fields we read.
 */
import type { Copy } from '../model';
import { buildCopy } from './copy-builder';
import { isIndexEntry } from './hosts';
import { parseOaStatus } from '../model/oa-status';
import { normaliseWorkType } from '../model/work-type';
import { doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import { defineSource, sourceKey, type ParseOutcome, type PlanContext, type PlannedRequest, type SourceAnswer, type ZodMini } from './source';

export const OPENALEX_MAX_BATCH = 100;
const SELECT = 'id,doi,display_name,publication_year,type,open_access,is_retracted,primary_location,locations';
/**
 * One work (the popup's, the tab's article) also brings its authors, for "Ask the author" (the
 * corresponding author's ORCID record); a batch does not: author lists can be long.
 */
const SELECT_SINGLE = `${SELECT},authorships`;

function schemas(z: ZodMini) {
  const Source_ = z.object({
    display_name: z.catch(z.nullable(z.string()), null),
    type: z.catch(z.nullable(z.string()), null),
    host_organization_name: z.catch(z.nullable(z.string()), null),
    is_in_doaj: z.catch(z.nullable(z.boolean()), null),
  });

  const Location = z.object({
    is_oa: z.catch(z.boolean(), false),
    landing_page_url: z.catch(z.nullable(z.string()), null),
    pdf_url: z.catch(z.nullable(z.string()), null),
    source: z.catch(z.nullable(Source_), null),
    license: z.catch(z.nullable(z.string()), null),
    version: z.catch(z.nullable(z.string()), null),
  });

  const Work = z.object({
    doi: z.nullable(z.string()),
    display_name: z.catch(z.nullable(z.string()), null),
    publication_year: z.catch(z.nullable(z.number()), null),
    type: z.catch(z.nullable(z.string()), null),
    open_access: z.catch(z.nullable(z.object({ oa_status: z.catch(z.nullable(z.string()), null) })), null),
    is_retracted: z.catch(z.nullable(z.boolean()), null),
    primary_location: z.catch(z.nullable(Location), null),
    // Each location is read on its own: one odd location must not discard the others.
    locations: z.catch(z.array(z.unknown()), []),
    authorships: z.catch(z.array(z.unknown()), []),
  });

  const Authorship = z.object({
    is_corresponding: z.catch(z.nullable(z.boolean()), null),
    author: z.object({ display_name: z.catch(z.nullable(z.string()), null), orcid: z.catch(z.nullable(z.string()), null) }),
  });

  const WorkList = z.object({ results: z.array(z.unknown()) });
  return { Location, Work, WorkList, Authorship };
}
type Schemas = ReturnType<typeof schemas>;
type Location = ReturnType<Schemas['Location']['parse']>;
type Work = ReturnType<Schemas['Work']['parse']>;

/** DOIs with "|" or "," cannot go in a filter (they are its separators); they are asked one by one. */
function filterSafe(doi: string): boolean {
  return !/[|,]/.test(doi);
}

function plan(dois: string[], { baseUrl: base, email, key }: PlanContext): PlannedRequest[] {
  const common = { mailto: email, api_key: key };
  const single = (doi: string): PlannedRequest => ({
    dois: [doi],
    request: { url: `${base}/works/doi:${encodeDoiPath(doi)}?${queryString({ select: SELECT_SINGLE, ...common })}` },
  });
  const batchable = dois.filter(filterSafe);
  const out: PlannedRequest[] = dois.filter((d) => !filterSafe(d)).map(single);
  if (batchable.length === 1) return [...out, single(batchable[0]!)];
  for (let i = 0; i < batchable.length; i += OPENALEX_MAX_BATCH) {
    const chunk = batchable.slice(i, i + OPENALEX_MAX_BATCH);
    const filter = `doi:${chunk.map((d) => `https://doi.org/${d}`).join('|')}`;
    out.push({
      dois: chunk,
      request: { url: `${base}/works?${queryString({ filter, per_page: String(chunk.length), select: SELECT, ...common })}` },
    });
  }
  return out;
}

function locationCopy(loc: Location, doi: string | null, oaStatus: string | null, seenAt: number): Copy | null {
  if (!loc.is_oa) return null;
  const name = loc.source?.display_name ?? null;
  if (isIndexEntry(name, loc.landing_page_url) && !loc.pdf_url) return null;
  // Without a source, a location at the work's own DOI is the publisher's; anything else a repository's.
  const atOwnDoi = doi !== null && doiFromUrl(loc.landing_page_url) === doi;
  const kind = loc.source?.type === 'repository' ? 'repository' : loc.source || atOwnDoi ? 'publisher' : 'repository';
  return buildCopy({
    pdfUrl: loc.pdf_url,
    landingUrl: loc.landing_page_url,
    hostType: kind,
    hostName: name,
    institution: loc.source?.host_organization_name ?? null,
    version: loc.version,
    licence: loc.license,
    source: 'openalex',
    reason: `OpenAlex: ${kind} location${oaStatus ? ` (oa_status ${oaStatus})` : ''}`,
    seenAt,
  });
}

const ORCID = /^https:\/\/orcid\.org\/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;

/** The corresponding author with an ORCID iD (OpenAlex `is_corresponding`), if the work names one. */
function correspondingContact(work: Work, { Authorship }: Schemas): { name: string; orcid: string } | null {
  for (const raw of work.authorships) {
    const a = Authorship.safeParse(raw);
    if (!a.success || a.data.is_corresponding !== true) continue;
    const orcid = ORCID.exec(a.data.author.orcid ?? '')?.[1];
    const name = a.data.author.display_name?.trim();
    if (orcid && name) return { name, orcid };
  }
  return null;
}

function workAnswer(work: Work, doi: string, seenAt: number, schemas: Schemas): SourceAnswer {
  const { Location } = schemas;
  const oaStatus = work.open_access?.oa_status ?? null;
  const locations = work.locations.map((l) => Location.safeParse(l)).flatMap((r) => (r.success ? [r.data] : []));
  if (locations.length === 0 && work.primary_location) locations.push(work.primary_location);
  const copies = locations.map((l) => locationCopy(l, doi, oaStatus, seenAt)).filter((c): c is Copy => c !== null);
  const journal = work.primary_location?.source?.type === 'journal' ? (work.primary_location.source.display_name ?? null) : null;
  return {
    copies,
    status: parseOaStatus(oaStatus),
    retraction: work.is_retracted ? { kind: 'retraction', noticeUrl: null, noticeDoi: null } : null,
    work: { title: work.display_name, journal, year: work.publication_year, type: normaliseWorkType(work.type), contact: correspondingContact(work, schemas) },
  };
}

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const list = s.WorkList.safeParse(json);
  const items = list.success ? list.data.results : [json];
  // The chunk's planner asked only for these; anything else in the answer is not ours to report.
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  let valid = 0;
  for (const item of items) {
    const work = s.Work.safeParse(item);
    if (!work.success) continue;
    valid++;
    const doi = doiFromUrl(work.data.doi) ?? (requested.length === 1 ? requested[0]! : null);
    if (doi && (wanted.size === 0 || wanted.has(doi))) answers.set(doi, workAnswer(work.data, doi, seenAt, s));
  }
  if (!list.success && valid === 0) return { ok: false, error: 'unexpected response shape' };
  return { ok: true, answers };
}

/** Fields Greenway asks OpenAlex for (`select=`): names of its public schema, never free text. */
const FIELDS = SELECT.split(',');
const FIELDS_SINGLE = SELECT_SINGLE.split(',');
const DOI_IN_PATH = /^\/works\/doi:(10\.\d{4,9}\/.+)$/;

export const openalex = defineSource({
  id: 'openalex',
  label: 'OpenAlex',
  hosts: ['api.openalex.org'],
  baseUrl: 'https://api.openalex.org',
  enabledByDefault: true,
  batched: true,
  key: sourceKey({
    policy: 'openalexApiKey',
    required: false,
    // /rate-limit is free and reports the key's daily budget.
    probe: (key, baseUrl) => ({ url: `${baseUrl}/rate-limit?api_key=${encodeURIComponent(key)}` }),
    describe(body) {
      try {
        const limit = (JSON.parse(body) as { rate_limit?: Record<string, unknown> }).rate_limit;
        const remaining = limit?.daily_remaining_usd;
        const budget = limit?.daily_budget_usd;
        if (typeof remaining === 'number' && typeof budget === 'number') return `daily budget ${remaining} of ${budget} USD left`;
      } catch {
        // Not the budget object: nothing to tell.
      }
      return '';
    },
  }),
  notFoundStatuses: [404],
  requests: [
    {
      name: 'OpenAlex single work',
      method: 'GET',
      path: DOI_IN_PATH,
      params: { select: { value: { fields: FIELDS_SINGLE } }, mailto: { value: 'email' }, api_key: { value: 'key' } },
    },
    {
      name: 'OpenAlex batch',
      method: 'GET',
      path: /^\/works$/,
      params: {
        filter: { value: { doiList: { prefix: 'doi:', separator: '|', item: /^https:\/\/doi\.org\/(.+)$/ } }, required: true },
        per_page: { value: 'number' },
        select: { value: { fields: FIELDS } },
        mailto: { value: 'email' },
        api_key: { value: 'key' },
      },
    },
    { name: 'OpenAlex key test', method: 'GET', path: /^\/rate-limit$/, params: { api_key: { value: 'key', required: true } } },
  ],
  // Unknown DOIs: the singleton answers 404; a filtered list is empty (recorded in ../shared/corpus/api).
  notFound: [
    { path: '/works/', reply: { status: 404, json: { error: 'Not Found', message: 'The requested resource could not be found.' } } },
    { path: '/works?', reply: { json: { meta: { count: 0, db_response_time_ms: 1, page: 1, per_page: 25 }, results: [], group_by: [] } } },
  ],
  schemas,
  plan,
  parse,
});
