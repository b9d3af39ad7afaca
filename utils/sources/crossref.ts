/**
 * Crossref: the licence the publisher registered for the version of record, and notices that
 * update the work (`updated-by`: retraction, withdrawal, expression of concern, correction). Many DOIs
 * per request with `filter=doi:a,doi:b`; polite `mailto` when the user gave an email.
 */
import { normaliseLicence } from '../model/licence';
import type { Licence, Retraction } from '../model';
import { normaliseWorkType } from '../model/work-type';
import { chunk, doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import { defineSource, type ParseOutcome, type PlanContext, type PlannedRequest, type SourceAnswer, type ZodMini } from './source';
import type * as Zod from 'zod/mini';

export const CROSSREF_MAX_BATCH = 50;

function schemas(z: ZodMini) {
  const text = z.catch(z.nullable(z.string()), null);

  const LicenceEntry = z.object({ URL: text, 'content-version': text });
  const Update = z.object({ DOI: text, type: text, label: text });

  const Work = z.object({
    DOI: z.string(),
    type: text,
    title: z.catch(z.array(z.string()), []),
    'container-title': z.catch(z.array(z.string()), []),
    issued: z.catch(z.nullable(z.object({ 'date-parts': z.catch(z.array(z.array(z.nullable(z.number()))), []) })), null),
    license: z.catch(z.array(z.unknown()), []),
    'updated-by': z.catch(z.array(z.unknown()), []),
  });

  const Envelope = z.object({ status: z.string(), 'message-type': z.string(), message: z.unknown() });
  const List = z.object({ items: z.array(z.unknown()) });
  return { LicenceEntry, Update, Work, Envelope, List };
}
type Schemas = ReturnType<typeof schemas>;
type Work = ReturnType<Schemas['Work']['parse']>;

/** Most serious first: a retraction outweighs a correction published on the same work. */
const UPDATE_SEVERITY = ['retraction', 'withdrawal', 'removal', 'partial_retraction', 'expression_of_concern', 'correction', 'erratum', 'corrigendum'];

function recordLicence(work: Work, { LicenceEntry }: Schemas): Licence | null {
  const entries = work.license.map((l) => LicenceEntry.safeParse(l)).flatMap((l) => (l.success ? [l.data] : []));
  // The version of record's licence; "unspecified" entries apply to every version.
  const vor = entries.find((e) => e['content-version'] === 'vor') ?? entries.find((e) => e['content-version'] === 'unspecified');
  return normaliseLicence(vor?.URL);
}

function mostSeriousUpdate(work: Work, { Update }: Schemas): Zod.infer<typeof Retraction> | null {
  const updates = work['updated-by']
    .map((u) => Update.safeParse(u))
    .flatMap((u) => (u.success && u.data.type ? [u.data] : []))
    .map((u) => ({ ...u, kind: (u.type ?? '').toLowerCase().replace(/[\s-]+/g, '_') }))
    .filter((u) => UPDATE_SEVERITY.includes(u.kind))
    .sort((a, b) => UPDATE_SEVERITY.indexOf(a.kind) - UPDATE_SEVERITY.indexOf(b.kind));
  const top = updates[0];
  if (!top) return null;
  const noticeDoi = doiFromUrl(top.DOI);
  return { kind: top.kind, noticeDoi, noticeUrl: noticeDoi ? `https://doi.org/${noticeDoi}` : null };
}

function workAnswer(work: Work, s: Schemas): SourceAnswer {
  const year = work.issued?.['date-parts'][0]?.[0] ?? null;
  return {
    copies: [],
    recordLicence: recordLicence(work, s),
    retraction: mostSeriousUpdate(work, s),
    work: { title: work.title[0] ?? null, journal: work['container-title'][0] ?? null, year, type: normaliseWorkType(work.type) },
  };
}

function parse(json: unknown, { requested, schemas: s }: { requested: string[]; schemas: Schemas }): ParseOutcome {
  const envelope = s.Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, error: 'unexpected response shape' };
  if (envelope.data.status !== 'ok') return { ok: false, error: `status ${envelope.data.status}` };
  const list = s.List.safeParse(envelope.data.message);
  const items = envelope.data['message-type'] === 'work-list' && list.success ? list.data.items : [envelope.data.message];
  if (envelope.data['message-type'] !== 'work' && envelope.data['message-type'] !== 'work-list') {
    return { ok: false, error: `unexpected message type "${envelope.data['message-type']}"` };
  }
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  for (const item of items) {
    const work = s.Work.safeParse(item);
    if (!work.success) continue;
    const doi = doiFromUrl(work.data.DOI);
    if (doi && (wanted.size === 0 || wanted.has(doi))) answers.set(doi, workAnswer(work.data, s));
  }
  return { ok: true, answers };
}

function plan(dois: string[], { baseUrl: base, email: mailto }: PlanContext): PlannedRequest[] {
  // Commas separate filters, so a DOI containing one is asked on its own.
  const single = dois.filter((d) => d.includes(','));
  const out: PlannedRequest[] = single.map((doi) => ({
    dois: [doi],
    request: { url: `${base}/works/${encodeDoiPath(doi)}?${queryString({ mailto })}` },
  }));
  for (const part of chunk(
    dois.filter((d) => !d.includes(',')),
    CROSSREF_MAX_BATCH,
  )) {
    const filter = part.map((d) => `doi:${d}`).join(',');
    out.push({ dois: part, request: { url: `${base}/works?${queryString({ filter, rows: String(part.length), mailto })}` } });
  }
  return out;
}

export const crossref = defineSource({
  id: 'crossref',
  label: 'Crossref',
  hosts: ['api.crossref.org'],
  baseUrl: 'https://api.crossref.org',
  enabledByDefault: true,
  batched: true,
  notFoundStatuses: [404],
  requests: [
    { name: 'Crossref single work', method: 'GET', path: /^\/works\/(10\.\d{4,9}\/.+)$/, params: { mailto: { value: 'email' } } },
    {
      name: 'Crossref batch',
      method: 'GET',
      path: /^\/works$/,
      params: {
        filter: { value: { doiList: { separator: ',', item: /^doi:(.+)$/ } }, required: true },
        rows: { value: 'number' },
        mailto: { value: 'email' },
      },
    },
  ],
  // Unknown DOIs: a single work answers 404 in plain text; a filtered list is empty (as recorded).
  notFound: [
    { path: '/works/', reply: { status: 404, text: 'Resource not found.', contentType: 'text/plain' } },
    {
      path: '/works?',
      reply: {
        json: {
          status: 'ok',
          'message-type': 'work-list',
          'message-version': '1.0.0',
          message: { facets: {}, 'total-results': 0, items: [], 'items-per-page': 20, query: { 'start-index': 0, 'search-terms': null } },
        },
      },
    },
  ],
  schemas,
  plan,
  parse,
});
