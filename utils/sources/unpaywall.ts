/**
 * Unpaywall: `/v2/<doi>?email=` (its terms require the email, so the source is active only once the
 * user gives one). One DOI per request: Unpaywall has no public batch endpoint.
 */
import * as z from 'zod/mini';
import type { Copy } from '../model';
import { parseOaStatus } from '../model/oa-status';
import { buildCopy } from './copy-builder';
import { doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import type { ParseOutcome, Source, SourceAnswer } from './types';

const text = z.catch(z.nullable(z.string()), null);

const Location = z.object({
  host_type: text,
  version: text,
  license: text,
  repository_institution: text,
  url_for_pdf: text,
  url_for_landing_page: text,
  url: text,
  // Since 2025 often the literal string "deprecated"; kept only when it says something.
  evidence: text,
});
type Location = z.infer<typeof Location>;

const Record_ = z.object({
  doi: z.string(),
  title: text,
  year: z.catch(z.nullable(z.number()), null),
  journal_name: text,
  publisher: text,
  oa_status: text,
  oa_locations: z.catch(z.array(z.unknown()), []),
});

function locationCopy(loc: Location, journal: string | null, publisher: string | null, seenAt: number): Copy | null {
  const isRepository = loc.host_type === 'repository';
  const evidence = loc.evidence && loc.evidence !== 'deprecated' ? `: ${loc.evidence}` : '';
  return buildCopy({
    pdfUrl: loc.url_for_pdf,
    landingUrl: loc.url_for_landing_page ?? (loc.url_for_pdf ? null : loc.url),
    hostType: isRepository ? 'repository' : 'publisher',
    hostName: isRepository ? loc.repository_institution : journal,
    institution: isRepository ? null : publisher,
    version: loc.version,
    licence: loc.license,
    source: 'unpaywall',
    reason: `Unpaywall: ${isRepository ? 'repository' : 'publisher'} location${evidence}`,
    seenAt,
  });
}

function parse(json: unknown, requested: string[], seenAt: number): ParseOutcome {
  const record = Record_.safeParse(json);
  if (!record.success) return { ok: false, error: 'unexpected response shape' };
  const r = record.data;
  // One DOI per request: the answer is about the DOI we asked for; a different DOI stated in it must
  // not turn into an answer about a work nobody asked about.
  const stated = doiFromUrl(r.doi);
  const doi = stated !== null && (requested.length === 0 || requested.includes(stated)) ? stated : requested[0];
  if (!doi) return { ok: false, error: 'answer without a DOI' };
  const copies = r.oa_locations
    .map((l) => Location.safeParse(l))
    .flatMap((l) => (l.success ? [locationCopy(l.data, r.journal_name, r.publisher, seenAt)] : []))
    .filter((c): c is Copy => c !== null);
  const answer: SourceAnswer = {
    copies,
    status: parseOaStatus(r.oa_status),
    work: { title: r.title, journal: r.journal_name, year: r.year },
  };
  return { ok: true, answers: new Map([[doi, answer]]) };
}

export const unpaywall: Source = {
  name: 'unpaywall',
  batched: false,
  isActive: (config) => config.sources.unpaywall.enabled && config.email !== null,
  plan: (dois, config) =>
    dois.map((doi) => ({
      dois: [doi],
      request: { url: `${config.sources.unpaywall.baseUrl}/v2/${encodeDoiPath(doi)}?${queryString({ email: config.email })}` },
    })),
  notFoundStatuses: [404],
  parse,
};
