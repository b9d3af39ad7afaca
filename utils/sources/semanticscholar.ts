/**
 * Semantic Scholar: `POST /graph/v1/paper/batch` (≤ 500 ids) for `openAccessPdf`, a PDF link that
 * often points at a repository or author's copy the other indexes miss. It gives no version, and its
 * `status` is unreliable (arXiv PDFs marked CLOSED), so the host decides the kind.
 */
import type { Copy, HostType } from '../model';
import { parseOaStatus } from '../model/oa-status';
import { buildCopy } from './copy-builder';
import { knownHostOf } from './hosts';
import { chunk, doiFromUrl, queryString } from './request-utils';
import { defineSource, sourceKey, type ParseOutcome, type SourceAnswer, type ZodMini } from './source';

export const SEMANTIC_SCHOLAR_MAX_BATCH = 500;
const FIELDS = 'externalIds,openAccessPdf,isOpenAccess';

function schemas(z: ZodMini) {
  const Paper = z.object({
    paperId: z.string(),
    externalIds: z.catch(z.nullable(z.object({ DOI: z.catch(z.nullable(z.string()), null) })), null),
    openAccessPdf: z.catch(
      z.nullable(
        z.object({
          url: z.catch(z.nullable(z.string()), null),
          status: z.catch(z.nullable(z.string()), null),
          license: z.catch(z.nullable(z.string()), null),
        }),
      ),
      null,
    ),
  });

  const Batch = z.array(z.unknown());
  return { Paper, Batch };
}
type Schemas = ReturnType<typeof schemas>;
type Paper = ReturnType<Schemas['Paper']['parse']>;

function paperCopy(p: Paper, seenAt: number): Copy | null {
  const pdf = p.openAccessPdf;
  if (!pdf?.url) return null;
  const status = parseOaStatus(pdf.status);
  // GOLD/HYBRID/BRONZE mean the publisher's site; GREEN (and the odd CLOSED with a URL) a repository.
  const fallback: HostType = status && status !== 'green' && status !== 'closed' ? 'publisher' : 'repository';
  const known = knownHostOf(pdf.url);
  return buildCopy({
    pdfUrl: pdf.url,
    hostType: known?.hostType ?? fallback,
    hostName: known?.name ?? null,
    version: known?.hostType === 'preprint' ? 'submitted' : null,
    licence: pdf.license,
    source: 'semanticscholar',
    reason: `Semantic Scholar: open access PDF${pdf.status ? ` (${pdf.status.toLowerCase()})` : ''}`,
    seenAt,
  });
}

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const batch = s.Batch.safeParse(json);
  if (!batch.success) return { ok: false, error: 'unexpected response shape' };
  const answers = new Map<string, SourceAnswer>();
  const wanted = new Set(requested);
  let invalid = 0;
  batch.data.forEach((item, index) => {
    if (item === null) return; // unknown to Semantic Scholar
    const paper = s.Paper.safeParse(item);
    if (!paper.success) {
      invalid++;
      return;
    }
    // The answer is aligned with the request. The DOI in the answer is used only when it is one we
    // asked for (it may differ in form); anything else would report a DOI nobody asked about and
    // lose the answer for the one we did ask about.
    const stated = doiFromUrl(paper.data.externalIds?.DOI);
    const doi = stated !== null && (wanted.size === 0 || wanted.has(stated)) ? stated : (requested[index] ?? null);
    if (!doi) return;
    const copy = paperCopy(paper.data, seenAt);
    answers.set(doi, { copies: copy ? [copy] : [] });
  });
  if (invalid > 0 && answers.size === 0) return { ok: false, error: 'unexpected response shape' };
  return { ok: true, answers };
}

export const semanticscholar = defineSource({
  id: 'semanticscholar',
  label: 'Semantic Scholar',
  hosts: ['api.semanticscholar.org'],
  baseUrl: 'https://api.semanticscholar.org',
  enabledByDefault: true,
  batched: true,
  key: sourceKey({
    policy: 'semanticScholarApiKey',
    required: false,
    // One paper by a well-known DOI (Nature 2013, 10.1038/nature12373): nothing of the user's but the key.
    probe: (key, baseUrl) => ({ url: `${baseUrl}/graph/v1/paper/DOI:10.1038/nature12373?fields=paperId`, headers: { 'x-api-key': key } }),
  }),
  notFoundStatuses: [],
  requests: [
    {
      name: 'Semantic Scholar batch',
      method: 'POST',
      path: /^\/graph\/v1\/paper\/batch$/,
      params: { fields: { value: { fields: FIELDS.split(',') } } },
      jsonBody: { ids: { doiArray: { prefix: 'DOI:' } } },
      headers: { 'content-type': { oneOf: ['application/json'] }, 'x-api-key': 'key' },
    },
    {
      name: 'Semantic Scholar key test',
      method: 'GET',
      path: /^\/graph\/v1\/paper\/DOI:(10\.\d{4,9}\/.+)$/,
      params: { fields: { value: { fields: ['paperId'] } } },
      headers: { 'x-api-key': 'key' },
    },
  ],
  // The batch answers one null per id it does not know.
  notFound: [
    {
      path: '/graph/v1/paper/batch',
      reply: ({ body }) => {
        try {
          const ids = (JSON.parse(body) as { ids?: unknown }).ids;
          return { json: Array.isArray(ids) ? ids.map(() => null) : [] };
        } catch {
          return { status: 400, json: { error: 'Unacceptable JSON body' } };
        }
      },
    },
  ],
  schemas,
  plan: (dois, { baseUrl, key }) =>
    chunk(dois, SEMANTIC_SCHOLAR_MAX_BATCH).map((part) => ({
      dois: part,
      request: {
        url: `${baseUrl}/graph/v1/paper/batch?${queryString({ fields: FIELDS })}`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { 'x-api-key': key } : {}),
        },
        body: JSON.stringify({ ids: part.map((d) => `DOI:${d}`) }),
      },
    })),
  parse,
});
