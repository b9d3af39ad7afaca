/**
 * CORE (optional; needs the user's own API key): `POST /v3/discover {"doi": …}` answers with the best
 * full-text link CORE knows from the repositories it harvests. One DOI per request.
 */
import * as z from 'zod/mini';
import { buildCopy } from './copy-builder';
import { knownHostOf } from './hosts';
import type { ParseOutcome, Source } from './types';

const Discovery = z.object({
  fullTextLink: z.catch(z.nullable(z.string()), null),
  source: z.catch(z.nullable(z.string()), null),
});

function parse(json: unknown, requested: string[], seenAt: number): ParseOutcome {
  const d = Discovery.safeParse(json);
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

export const core: Source = {
  name: 'core',
  batched: false,
  isActive: (config) => config.sources.core.enabled && config.coreApiKey !== null,
  plan: (dois, config) =>
    dois.map((doi) => ({
      dois: [doi],
      request: {
        url: `${config.sources.core.baseUrl}/v3/discover`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.coreApiKey ?? ''}` },
        body: JSON.stringify({ doi }),
      },
    })),
  notFoundStatuses: [404],
  parse,
};
