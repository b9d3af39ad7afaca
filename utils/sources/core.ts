/**
 * CORE (optional; needs the user's own API key): `POST /v3/discover {"doi": …}` answers with the best
 * full-text link CORE knows from the repositories it harvests. One DOI per request.
 */
import { buildCopy } from './copy-builder';
import { knownHostOf } from './hosts';
import { defineSource, sourceKey, type ParseOutcome, type ZodMini } from './source';

function schemas(z: ZodMini) {
  const Discovery = z.object({
    fullTextLink: z.catch(z.nullable(z.string()), null),
    source: z.catch(z.nullable(z.string()), null),
  });
  return { Discovery };
}
type Schemas = ReturnType<typeof schemas>;

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const d = s.Discovery.safeParse(json);
  const doi = requested[0];
  if (!d.success || typeof json !== 'object' || json === null || Array.isArray(json) || !('fullTextLink' in json)) {
    return { ok: false, error: 'unexpected response shape' };
  }
  if (!doi) return { ok: false, error: 'answer without a DOI' };
  const link = d.data.fullTextLink;
  const known = knownHostOf(link);
  // Discovery links point at repository copies (CORE's own mirror or the source repository).
  const copy = link
    ? buildCopy({
        pdfUrl: /\.pdf($|\?)|\/download\//i.test(link) ? link : null,
        landingUrl: /\.pdf($|\?)|\/download\//i.test(link) ? null : link,
        hostType: known?.hostType ?? 'repository',
        hostName: known?.name ?? null,
        source: 'core',
        reason: `CORE: full text discovered${d.data.source ? ` via ${d.data.source}` : ''}`,
        seenAt,
      })
    : null;
  return { ok: true, answers: new Map([[doi, { copies: copy ? [copy] : [] }]]) };
}

export const core = defineSource({
  id: 'core',
  label: 'CORE',
  hosts: ['api.core.ac.uk'],
  baseUrl: 'https://api.core.ac.uk',
  enabledByDefault: true,
  batched: false,
  key: sourceKey({
    policy: 'coreApiKey',
    required: true,
    // A search for a well-known DOI (Nature 2013, 10.1038/nature12373): nothing of the user's but the key.
    probe: (key, baseUrl) => ({
      url: `${baseUrl}/v3/search/works?q=${encodeURIComponent('doi:"10.1038/nature12373"')}&limit=1`,
      headers: { authorization: `Bearer ${key}` },
    }),
  }),
  notFoundStatuses: [404],
  requests: [
    {
      name: 'CORE discover',
      method: 'POST',
      path: /^\/v3\/discover$/,
      jsonBody: { doi: 'doi' },
      headers: { 'content-type': { oneOf: ['application/json'] }, authorization: { keyWithPrefix: 'Bearer ' } },
    },
    {
      name: 'CORE key test',
      method: 'GET',
      path: /^\/v3\/search\/works$/,
      params: { q: { value: { doiList: { separator: ' OR ', item: /^doi:"([^"]+)"$/ } }, required: true }, limit: { value: 'number' } },
      headers: { authorization: { keyWithPrefix: 'Bearer ' } },
    },
  ],
  // No full text known for the DOI: 404.
  notFound: [{ path: '/v3/discover', reply: { status: 404, json: { message: 'Not found' } } }],
  schemas,
  plan: (dois, { baseUrl, key }) =>
    dois.map((doi) => ({
      dois: [doi],
      request: {
        url: `${baseUrl}/v3/discover`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key ?? ''}` },
        body: JSON.stringify({ doi }),
      },
    })),
  parse,
});
