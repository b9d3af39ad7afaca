/**
 * doi.org, the DOI system itself: not an index of copies but the one authority on whether a DOI
 * exists. Its "Which RA?" service (`GET /ra/A,B,…`) names each DOI's registration agency, or says
 * "DOI does not exist". The engine asks it only about DOIs no other source knows (`role:
 * 'registration'`), so a DOI-shaped id that was never registered (a JSTOR stable id, a typo) becomes
 * `unregistered` instead of a closed article. It receives DOIs and nothing else.
 *
 * Answer shape (DOI handbook, "Which RA? Service"; recorded in ../shared/corpus/api/doi_ra/):
 * `[{"DOI":"10.7554","RA":"Crossref"}]`, or `{"DOI":…,"status":"DOI does not exist" | "Invalid DOI" | "Unknown"}`.
 */
import { doiKey } from '../model/doi';
import { chunk, encodeDoiPath } from './request-utils';
import { defineSource, type ParseOutcome, type PlanContext, type PlannedRequest, type SourceAnswer, type ZodMini } from './source';

/** DOIs per request: the list travels in the path, so keep URLs well under 2 000 characters. */
export const DOIORG_MAX_BATCH = 20;

function schemas(z: ZodMini) {
  const Entry = z.object({
    DOI: z.catch(z.nullable(z.string()), null),
    RA: z.catch(z.nullable(z.string()), null),
    status: z.catch(z.nullable(z.string()), null),
  });
  return { Entry, List: z.array(z.unknown()) };
}
type Schemas = ReturnType<typeof schemas>;

/** Which statuses mean "no such DOI". "Unknown" means the service could not tell: no answer. */
const NOT_REGISTERED = /does not exist|invalid doi/i;

/**
 * One request per up to DOIORG_MAX_BATCH DOIs (normalised keys), joined by ",". A DOI that contains a
 * comma goes alone, its comma percent-encoded (the service splits on bare commas).
 */
function plan(dois: string[], { baseUrl }: PlanContext): PlannedRequest[] {
  const request = (group: string[]): PlannedRequest => ({
    dois: group,
    request: { url: `${baseUrl}/ra/${group.map(encodeDoiPath).join(',')}` },
  });
  const alone = dois.filter((d) => d.includes(','));
  const together = dois.filter((d) => !d.includes(','));
  return [...chunk(together, DOIORG_MAX_BATCH).map(request), ...alone.map((d) => request([d]))];
}

/** `registered: true` (and the `agency`) for a DOI with an agency, `false` for "does not exist"; others are not answered. */
function parse(json: unknown, { requested, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  // One entry may come bare, as an object; anything else is not this service's answer.
  const list = s.List.safeParse(Array.isArray(json) || typeof json !== 'object' || json === null ? json : [json]);
  if (!list.success) return { ok: false, error: 'unexpected response shape' };
  const wanted = new Set(requested);
  const answers = new Map<string, SourceAnswer>();
  for (const item of list.data) {
    const entry = s.Entry.safeParse(item);
    if (!entry.success) continue;
    const doi = entry.data.DOI ? doiKey(entry.data.DOI) : null;
    if (!doi || !wanted.has(doi)) continue;
    if (entry.data.RA) answers.set(doi, { copies: [], registered: true, agency: entry.data.RA });
    else if (entry.data.status && NOT_REGISTERED.test(entry.data.status)) answers.set(doi, { copies: [], registered: false });
  }
  return { ok: true, answers };
}

export const doiorg = defineSource({
  id: 'doiorg',
  label: 'doi.org',
  hosts: ['doi.org'],
  baseUrl: 'https://doi.org',
  enabledByDefault: true,
  batched: true,
  role: 'registration',
  notFoundStatuses: [],
  requests: [{ name: 'doi.org registration agency', method: 'GET', path: /^\/ra\/(.+)$/, pathDoiSeparator: ',' }],
  notFound: [
    {
      path: '/ra/',
      // The service's answer for DOIs that were never registered, one entry per DOI asked.
      reply: ({ url }) => {
        const list = decodeURIComponent(new URL(url).pathname.replace(/^\/ra\//, ''));
        return { json: list.split(',').map((doi) => ({ DOI: doi, status: 'DOI does not exist' })) };
      },
    },
  ],
  schemas,
  plan,
  parse,
});
