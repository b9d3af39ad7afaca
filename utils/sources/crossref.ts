/**
 * Crossref: the licence the publisher registered for the version of record, and notices that
 * update the work (`updated-by`: retraction, withdrawal, expression of concern, correction). Many DOIs
 * per request with `filter=doi:a,doi:b`; polite `mailto` when the user gave an email.
 */
import * as z from 'zod/mini';
import { normaliseLicence } from '../model/licence';
import type { Licence, Retraction } from '../model';
import { chunk, doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import type { ParseOutcome, PlannedRequest, Source, SourceAnswer } from './types';

export const CROSSREF_MAX_BATCH = 50;

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
type Work = z.infer<typeof Work>;

const Envelope = z.object({ status: z.string(), 'message-type': z.string(), message: z.unknown() });
const List = z.object({ items: z.array(z.unknown()) });

/** Most serious first: a retraction outweighs a correction published on the same work. */
const UPDATE_SEVERITY = ['retraction', 'withdrawal', 'removal', 'partial_retraction', 'expression_of_concern', 'correction', 'erratum', 'corrigendum'];

function recordLicence(work: Work): Licence | null {
  const entries = work.license.map((l) => LicenceEntry.safeParse(l)).flatMap((l) => (l.success ? [l.data] : []));
  // The version of record's licence; "unspecified" entries apply to every version.
  const vor = entries.find((e) => e['content-version'] === 'vor') ?? entries.find((e) => e['content-version'] === 'unspecified');
  return normaliseLicence(vor?.URL);
}

function mostSeriousUpdate(work: Work): z.infer<typeof Retraction> | null {
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

function workAnswer(work: Work): SourceAnswer {
  const year = work.issued?.['date-parts'][0]?.[0] ?? null;
  return {
    copies: [],
    recordLicence: recordLicence(work),
    retraction: mostSeriousUpdate(work),
    work: { title: work.title[0] ?? null, journal: work['container-title'][0] ?? null, year },
  };
}

function parse(json: unknown, requested: string[]): ParseOutcome {
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, error: 'unexpected response shape' };
  if (envelope.data.status !== 'ok') return { ok: false, error: `status ${envelope.data.status}` };
  const list = List.safeParse(envelope.data.message);
  const items = envelope.data['message-type'] === 'work-list' && list.success ? list.data.items : [envelope.data.message];
  if (envelope.data['message-type'] !== 'work' && envelope.data['message-type'] !== 'work-list') {
    return { ok: false, error: `unexpected message type "${envelope.data['message-type']}"` };
  }
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  for (const item of items) {
    const work = Work.safeParse(item);
    if (!work.success) continue;
    const doi = doiFromUrl(work.data.DOI);
    if (doi && (wanted.size === 0 || wanted.has(doi))) answers.set(doi, workAnswer(work.data));
  }
  return { ok: true, answers };
}

function plan(dois: string[], config: Parameters<Source['plan']>[1]): PlannedRequest[] {
  const base = config.sources.crossref.baseUrl;
  const mailto = config.email;
  // Commas separate filters, so a DOI containing one is asked on its own.
  const single = dois.filter((d) => d.includes(','));
  const out: PlannedRequest[] = single.map((doi) => ({
    dois: [doi],
    request: { url: `${base}/works/${encodeDoiPath(doi)}?${queryString({ mailto })}` },
  }));
  for (const part of chunk(dois.filter((d) => !d.includes(',')), CROSSREF_MAX_BATCH)) {
    const filter = part.map((d) => `doi:${d}`).join(',');
    out.push({ dois: part, request: { url: `${base}/works?${queryString({ filter, rows: String(part.length), mailto })}` } });
  }
  return out;
}

export const crossref: Source = {
  name: 'crossref',
  batched: true,
  isActive: (config) => config.sources.crossref.enabled,
  plan,
  notFoundStatuses: [404],
  parse,
};
