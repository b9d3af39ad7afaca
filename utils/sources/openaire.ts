/**
 * OpenAIRE Graph: Europe's research graph, which aggregates thousands of institutional repositories
 * (OpenDOAR-registered) that the publisher-facing indexes miss — a second opinion on green copies.
 * Keyless: `GET /graph/v2/researchProducts?pid=<DOI>` answers one DOI (`{ header, results }`).
 *
 * Each result lists `instances`: one manifestation of the work at one host (`hostedBy`), with its
 * access right, licence, `refereed` (peer review, which is not a version) and `urls`. Quirks of the
 * real answers (../shared/corpus/api/openaire, README there):
 * - one DOI can come back twice — the deduplicated `doi_dedup___::` record (whose instances are the
 *   union of its sources') next to a raw record (e.g. a CRIS record whose DOI is only in an
 *   instance's `alternateIdentifiers`); only the best record is read, so one DOI gives one answer;
 * - instance URLs can carry a doubled prefix (`https://doi.org/https://doi.org/10…`), repaired here;
 * - "Unknown Repository" is OpenAIRE's placeholder host, not a name.
 */
import type { Copy } from '../model';
import { doiKey } from '../model/doi';
import { buildCopy } from './copy-builder';
import { queryString } from './request-utils';
import { defineSource, type ParseOutcome, type PlannedRequest, type SourceAnswer, type ZodMini } from './source';

/** Records asked per DOI: the deduplicated record and its raw twins (two in every recording). */
const PAGE_SIZE = 10;

function schemas(z: ZodMini) {
  const text = z.catch(z.nullable(z.string()), null);
  const Pid = z.object({ scheme: text, value: text });
  const pids = z.catch(z.nullable(z.array(z.unknown())), null);

  const Instance = z.object({
    pids,
    alternateIdentifiers: pids,
    accessRight: z.catch(z.nullable(z.object({ code: text, label: text, openAccessRoute: text })), null),
    license: text,
    urls: z.catch(z.nullable(z.array(z.unknown())), null),
    refereed: text,
    hostedBy: z.catch(z.nullable(z.object({ key: text, value: text })), null),
  });

  const Result = z.object({
    id: text,
    pids,
    mainTitle: text,
    publicationDate: text,
    container: z.catch(z.nullable(z.object({ name: text })), null),
    instances: z.catch(z.nullable(z.array(z.unknown())), null),
  });

  // An unknown DOI: `numFound: 0` and no results (empty or absent).
  const SearchResponse = z.object({
    header: z.object({ numFound: z.optional(z.catch(z.nullable(z.number()), null)) }),
    results: z.catch(z.nullable(z.array(z.unknown())), null),
  });
  return { Pid, Instance, Result, SearchResponse };
}
type Schemas = ReturnType<typeof schemas>;
type Instance = ReturnType<Schemas['Instance']['parse']>;
type Result = ReturnType<Schemas['Result']['parse']>;

/** OpenAIRE's placeholder datasource for instances whose host it does not know. */
const UNKNOWN_HOST = 'unknown repository';
/** Datasource key prefixes of registered repositories (OpenDOAR, re3data for data, ROAR). */
const REPOSITORY_KEY = /^(opendoar_{4}|re3data_{5}|roar_{8})::/;

/** DOI keys of a pid list (`[{ scheme: "doi", value }]`); anything odd is skipped. */
function doisOf(list: unknown[] | null, { Pid }: Schemas): string[] {
  return (list ?? []).flatMap((p) => {
    const pid = Pid.safeParse(p);
    const key = pid.success && pid.data.scheme?.toLowerCase() === 'doi' ? doiKey(pid.data.value) : null;
    return key ? [key] : [];
  });
}

/**
 * "https://doi.org/https://doi.org/10.1/X" → "https://doi.org/10.1/X" (a doubled resolver prefix,
 * as recorded); any other string is returned unchanged.
 */
export function repairOpenAireUrl(url: string): string {
  return url.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/)+(https?:\/\/(?:dx\.)?doi\.org\/)/i, '$1');
}

const isDoiLink = (url: string) => /^https?:\/\/(dx\.)?doi\.org\//i.test(url);
const isPdfLink = (url: string) => /\.pdf($|[?#])/i.test(url);

/** One open instance → one copy; null for closed, embargoed, restricted or unknown access, or no URL. */
function instanceCopy(inst: Instance, seenAt: number): Copy | null {
  // Only "OPEN" (COAR c_abf2); EMBARGO, RESTRICTED, CLOSED and a missing right are not free copies.
  const right = inst.accessRight;
  if (right?.code !== 'c_abf2' && right?.label?.toUpperCase() !== 'OPEN') return null;
  const urls = (inst.urls ?? []).flatMap((u) => (typeof u === 'string' && u.trim() ? [repairOpenAireUrl(u)] : []));
  const pdfUrl = urls.find(isPdfLink) ?? null;
  const landingUrl = urls.find((u) => !isPdfLink(u)) ?? null;
  const named = inst.hostedBy?.value?.trim() || null;
  const hostName = named && named.toLowerCase() !== UNKNOWN_HOST ? named : null;
  const repository = REPOSITORY_KEY.test(inst.hostedBy?.key ?? '');
  // A repository's instance that only links the DOI is its metadata record, not its copy.
  if (repository && urls.every(isDoiLink)) return null;
  // An unnamed host is read from its link: the DOI resolves to the publisher; anything else is a repository.
  const hostType = repository || (!hostName && !isDoiLink(urls[0] ?? '')) ? 'repository' : 'publisher';
  const refereed = inst.refereed === 'peerReviewed' ? ', peer reviewed' : '';
  return buildCopy({
    pdfUrl,
    landingUrl,
    hostType,
    hostName,
    // A journal's own site serves its published version; a repository's version is not stated.
    version: hostType === 'publisher' ? 'publishedVersion' : null,
    licence: inst.license,
    source: 'openaire',
    reason: `OpenAIRE: ${hostType} instance${hostName ? ` at ${hostName}` : ''} (open access${refereed})`,
    seenAt,
  });
}

/** The records to read for one DOI: the deduplicated one if present, else those naming it as their pid, else the rest. */
function bestRecords(records: Array<{ r: Result; own: boolean }>): Result[] {
  const dedup = records.filter((x) => x.own && (x.r.id ?? '').startsWith('doi_dedup___::'));
  if (dedup.length > 0) return dedup.slice(0, 1).map((x) => x.r);
  const own = records.filter((x) => x.own);
  return (own.length > 0 ? own : records).map((x) => x.r);
}

function recordCopies(r: Result, seenAt: number, s: Schemas): Copy[] {
  const copies: Copy[] = [];
  for (const raw of r.instances ?? []) {
    const inst = s.Instance.safeParse(raw);
    const copy = inst.success ? instanceCopy(inst.data, seenAt) : null;
    // Instances collected from several aggregators repeat the same link: one copy per link.
    if (copy && !copies.some((c) => c.pdfUrl === copy.pdfUrl && c.landingUrl === copy.landingUrl)) copies.push(copy);
  }
  return copies;
}

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const response = s.SearchResponse.safeParse(json);
  if (!response.success) return { ok: false, error: 'unexpected response shape' };
  const wanted = new Set(requested);
  const byDoi = new Map<string, Array<{ r: Result; own: boolean }>>();
  for (const item of response.data.results ?? []) {
    const parsed = s.Result.safeParse(item);
    if (!parsed.success) continue;
    const r = parsed.data;
    const own = doisOf(r.pids, s);
    // A raw record may name its DOI only on an instance.
    const onInstances = (r.instances ?? []).flatMap((raw) => {
      const inst = s.Instance.safeParse(raw);
      return inst.success ? [...doisOf(inst.data.pids, s), ...doisOf(inst.data.alternateIdentifiers, s)] : [];
    });
    for (const doi of new Set([...own, ...onInstances])) {
      if (wanted.size > 0 && !wanted.has(doi)) continue;
      byDoi.set(doi, [...(byDoi.get(doi) ?? []), { r, own: own.includes(doi) }]);
    }
  }
  const answers = new Map<string, SourceAnswer>();
  for (const [doi, records] of byDoi) {
    const chosen = bestRecords(records);
    const first = chosen[0]!;
    const year = /^(\d{4})/.exec(first.publicationDate ?? '')?.[1];
    answers.set(doi, {
      copies: chosen.flatMap((r) => recordCopies(r, seenAt, s)),
      work: { title: first.mainTitle, journal: first.container?.name ?? null, year: year ? Number(year) : null },
    });
  }
  // Asked and not in the graph: known nowhere here.
  for (const doi of wanted) if (!answers.has(doi)) answers.set(doi, { copies: [] });
  return { ok: true, answers };
}

export const openaire = defineSource({
  id: 'openaire',
  label: 'OpenAIRE',
  hosts: ['api.openaire.eu'],
  baseUrl: 'https://api.openaire.eu/graph/v2',
  enabledByDefault: true,
  // One DOI per request: the `pid` filter's multi-value form is not documented as we could check it.
  batched: false,
  notFoundStatuses: [],
  requests: [
    {
      name: 'OpenAIRE research products by DOI',
      method: 'GET',
      path: /^\/graph\/v2\/researchProducts$/,
      params: {
        pid: { value: 'doi', required: true },
        pageSize: { value: 'number' },
      },
    },
  ],
  // Unknown DOIs: 200 with `numFound: 0` and an empty result list (the search pages' envelope).
  notFound: [
    {
      path: '/graph/v2/researchProducts',
      reply: { json: { header: { numFound: 0, maxScore: 0, queryTime: 1, page: 1, pageSize: PAGE_SIZE }, results: [] } },
    },
  ],
  schemas,
  plan: (dois, { baseUrl }): PlannedRequest[] =>
    dois.map((doi) => ({
      dois: [doi],
      request: { url: `${baseUrl}/researchProducts?${queryString({ pid: doi, pageSize: String(PAGE_SIZE) })}` },
    })),
  parse,
});
