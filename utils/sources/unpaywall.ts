/**
 * Unpaywall: `/v2/<doi>?email=` (its terms require the email, so the source is active only once the
 * user gives one). One DOI per request: Unpaywall has no public batch endpoint.
 */
import type { Copy } from '../model';
import { parseOaStatus } from '../model/oa-status';
import { buildCopy } from './copy-builder';
import { doiFromUrl, encodeDoiPath, queryString } from './request-utils';
import { defineSource, type ParseOutcome, type SourceAnswer, type ZodMini } from './source';

function schemas(z: ZodMini) {
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

  const Record_ = z.object({
    doi: z.string(),
    title: text,
    year: z.catch(z.nullable(z.number()), null),
    journal_name: text,
    publisher: text,
    oa_status: text,
    oa_locations: z.catch(z.array(z.unknown()), []),
  });
  return { Location, Record_ };
}
type Schemas = ReturnType<typeof schemas>;
type Location = ReturnType<Schemas['Location']['parse']>;

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

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const record = s.Record_.safeParse(json);
  if (!record.success) return { ok: false, error: 'unexpected response shape' };
  const r = record.data;
  // One DOI per request: the answer is about the DOI we asked for; a different DOI stated in it must
  // not turn into an answer about a work nobody asked about.
  const stated = doiFromUrl(r.doi);
  const doi = stated !== null && (requested.length === 0 || requested.includes(stated)) ? stated : requested[0];
  if (!doi) return { ok: false, error: 'answer without a DOI' };
  const copies = r.oa_locations
    .map((l) => s.Location.safeParse(l))
    .flatMap((l) => (l.success ? [locationCopy(l.data, r.journal_name, r.publisher, seenAt)] : []))
    .filter((c): c is Copy => c !== null);
  const answer: SourceAnswer = {
    copies,
    status: parseOaStatus(r.oa_status),
    work: { title: r.title, journal: r.journal_name, year: r.year },
  };
  return { ok: true, answers: new Map([[doi, answer]]) };
}

export const unpaywall = defineSource({
  id: 'unpaywall',
  label: 'Unpaywall',
  hosts: ['api.unpaywall.org'],
  baseUrl: 'https://api.unpaywall.org',
  enabledByDefault: true,
  batched: false,
  // Unpaywall's terms ask for an email with every request: without one it is not asked.
  needsEmail: true,
  notFoundStatuses: [404],
  requests: [{ name: 'Unpaywall', method: 'GET', path: /^\/v2\/(10\.\d{4,9}\/.+)$/, params: { email: { value: 'email', required: true } } }],
  // Unknown DOI: 404 with Unpaywall's error object (recorded in ../shared/corpus/api/unpaywall).
  notFound: [
    {
      path: '/v2/',
      reply: ({ url }) => {
        const doi = decodeURIComponent(new URL(url).pathname.slice('/v2/'.length));
        return {
          status: 404,
          json: {
            HTTP_status_code: 404,
            error: true,
            message: `'${doi}' isn't in Unpaywall. See https://support.unpaywall.org/a/solutions/articles/44001900286`,
          },
        };
      },
    },
  ],
  schemas,
  plan: (dois, { baseUrl, email }) => dois.map((doi) => ({ dois: [doi], request: { url: `${baseUrl}/v2/${encodeDoiPath(doi)}?${queryString({ email })}` } })),
  parse,
});
