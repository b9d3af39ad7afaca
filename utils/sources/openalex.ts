/**
 * OpenAlex: every location of a work (publisher, repositories, preprint servers), with version and
 * licence. One DOI → the free singleton endpoint `/works/doi:…`; several → `filter=doi:a|b|…`, up to
 * 100 per request, `select=` only the fields we read.
 */
import * as z from 'zod/mini';
import type { Copy } from '../model';
import { buildCopy } from './copy-builder';
import { isIndexEntry } from './hosts';
import { parseOaStatus } from '../model/oa-status';
import { doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import type { ParseOutcome, PlannedRequest, Source, SourceAnswer } from './types';

export const OPENALEX_MAX_BATCH = 100;
const SELECT = 'id,doi,display_name,publication_year,open_access,is_retracted,primary_location,locations';

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
type Location = z.infer<typeof Location>;

const Work = z.object({
  doi: z.nullable(z.string()),
  display_name: z.catch(z.nullable(z.string()), null),
  publication_year: z.catch(z.nullable(z.number()), null),
  open_access: z.catch(z.nullable(z.object({ oa_status: z.catch(z.nullable(z.string()), null) })), null),
  is_retracted: z.catch(z.nullable(z.boolean()), null),
  primary_location: z.catch(z.nullable(Location), null),
  // Each location is read on its own: one odd location must not discard the others.
  locations: z.catch(z.array(z.unknown()), []),
});
type Work = z.infer<typeof Work>;

const WorkList = z.object({ results: z.array(z.unknown()) });

/** DOIs with "|" or "," cannot go in a filter (they are its separators); they are asked one by one. */
function filterSafe(doi: string): boolean {
  return !/[|,]/.test(doi);
}

function plan(dois: string[], config: Parameters<Source['plan']>[1]): PlannedRequest[] {
  const base = config.sources.openalex.baseUrl;
  const common = { mailto: config.email, api_key: config.openalexApiKey };
  const single = (doi: string): PlannedRequest => ({
    dois: [doi],
    request: { url: `${base}/works/doi:${encodeDoiPath(doi)}?${queryString({ select: SELECT, ...common })}` },
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

function workAnswer(work: Work, doi: string, seenAt: number): SourceAnswer {
  const oaStatus = work.open_access?.oa_status ?? null;
  const locations = work.locations.map((l) => Location.safeParse(l)).flatMap((r) => (r.success ? [r.data] : []));
  if (locations.length === 0 && work.primary_location) locations.push(work.primary_location);
  const copies = locations.map((l) => locationCopy(l, doi, oaStatus, seenAt)).filter((c): c is Copy => c !== null);
  const journal = work.primary_location?.source?.type === 'journal' ? (work.primary_location.source.display_name ?? null) : null;
  return {
    copies,
    status: parseOaStatus(oaStatus),
    retraction: work.is_retracted ? { kind: 'retraction', noticeUrl: null, noticeDoi: null } : null,
    work: { title: work.display_name, journal, year: work.publication_year },
  };
}

function parse(json: unknown, requested: string[], seenAt: number): ParseOutcome {
  const list = WorkList.safeParse(json);
  const items = list.success ? list.data.results : [json];
  // The chunk's planner asked only for these; anything else in the answer is not ours to report.
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  let valid = 0;
  for (const item of items) {
    const work = Work.safeParse(item);
    if (!work.success) continue;
    valid++;
    const doi = doiFromUrl(work.data.doi) ?? (requested.length === 1 ? requested[0]! : null);
    if (doi && (wanted.size === 0 || wanted.has(doi))) answers.set(doi, workAnswer(work.data, doi, seenAt));
  }
  if (!list.success && valid === 0) return { ok: false, error: 'unexpected response shape' };
  return { ok: true, answers };
}

export const openalex: Source = {
  name: 'openalex',
  batched: true,
  isActive: (config) => config.sources.openalex.enabled,
  plan,
  notFoundStatuses: [404],
  parse,
};
