/**
 * DataCite, the registration agency of most research data and software (Zenodo, Dryad, figshare,
 * PANGAEA, institutional data archives) and of arXiv. Keyless: `GET /dois/<DOI>?include=client`
 * answers one DOI with its metadata (JSON:API `{ data, included }`) and the DataCite client (the
 * repository account) that registered it; an unknown DOI is HTTP 404 with `{ errors: [...] }`.
 * `include=client` is what makes `included` carry the client (its `re3data` id decides the open
 * repositories below): the recorded answers asked with it have it, the one asked without has
 * `relationships` only. DataCite's OpenAPI (lupo, v2.3.0) lists `include` (`client`, `media`) on
 * `GET /dois`, and its REST API reference says side-loaded associations come with `?include=`; the
 * single-DOI path lists no query parameter there, but the API applies `include` to it (the recordings,
 * made by DataCite's own bolognese among others). `media` is not asked: nothing here reads it.
 *
 * Asked only when the indexes leave a DOI without a copy and either doi.org names DataCite as its
 * registration agency or an index files the work as something other than an article (a dataset, a
 * software release): so it costs nothing for articles (`askIf`).
 *
 * What counts as open (from the recorded answers in ../shared/corpus/api/datacite): a work that is
 * not an article, or a preprint, whose record states an open licence (rightsList, e.g. "cc0-1.0",
 * "cc-by-4.0") or open access ("info:eu-repo/semantics/openAccess"), or that sits in a data
 * repository registered with re3data (the client's `re3data` id: the University of Bath's archive
 * states only per-file "no associated licence" notes, CCDC no rights at all) — unless a right says
 * closed, restricted or embargoed access. Its landing page is then a copy. Articles registered with
 * DataCite (a TIB catalogue entry, a GMS journal page) give their type and title, never a copy: the
 * indexes are the authority on articles' copies.
 */
import type { Copy } from '../model';
import { doiKey } from '../model/doi';
import { isOpenLicence, normaliseLicence } from '../model/licence';
import { isNonArticleType, normaliseWorkType } from '../model/work-type';
import { buildCopy } from './copy-builder';
import { encodeDoiPath } from './request-utils';
import { defineSource, type ParseOutcome, type PlannedRequest, type SourceAnswer, type ZodMini } from './source';

function schemas(z: ZodMini) {
  const text = z.catch(z.nullable(z.string()), null);
  const list = z.catch(z.nullable(z.array(z.unknown())), null);
  const Attributes = z.object({
    doi: text,
    url: text,
    titles: list,
    // A string in every recorded answer; an object `{ name }` is read too, should the API give one.
    publisher: z.catch(z.unknown(), null),
    container: z.catch(z.nullable(z.object({ title: z.optional(text) })), null),
    publicationYear: z.catch(z.unknown(), null),
    types: z.catch(z.nullable(z.object({ resourceTypeGeneral: z.optional(text) })), null),
    rightsList: list,
  });
  const Doc = z.object({
    data: z.object({
      id: text,
      attributes: Attributes,
      relationships: z.catch(
        z.nullable(z.object({ client: z.optional(z.catch(z.nullable(z.object({ data: z.catch(z.nullable(z.object({ id: text })), null) })), null)) })),
        null,
      ),
    }),
    included: list,
  });
  const Client = z.object({ id: text, type: text, attributes: z.object({ name: text, clientType: z.optional(text), re3data: z.optional(text) }) });
  const Rights = z.object({ rights: z.optional(text), rightsUri: z.optional(text), rightsIdentifier: z.optional(text) });
  const Title = z.object({ title: text });
  return { Doc, Client, Rights, Title };
}
type Schemas = ReturnType<typeof schemas>;
type Rights = ReturnType<Schemas['Rights']['parse']>;

const OPEN_ACCESS = /^(info:eu-repo\/semantics\/openaccess|open access)$/i;
const NOT_OPEN = /^(info:eu-repo\/semantics\/(closed|restricted|embargoed)access|(closed|restricted|embargoed) access)$/i;

/** Every way a rights entry may state itself: its SPDX id, its URI, its words. */
const spellings = (r: Rights) => [r.rightsIdentifier, r.rightsUri, r.rights].flatMap((v) => (v && v.trim() ? [v.trim()] : []));

/** Whether a DOI is worth asking DataCite about (see the module comment). */
function askIf(known: { agency: string | null; workType: string | null; copies: number }): boolean {
  return known.copies === 0 && (known.agency?.toLowerCase() === 'datacite' || isNonArticleType(known.workType));
}

/** The registering client's name and re3data id, from `included` (JSON:API side-loading). */
function clientOf(included: unknown[] | null, id: string | null, s: Schemas): { name: string | null; re3data: string | null; repository: boolean } {
  for (const item of included ?? []) {
    const client = s.Client.safeParse(item);
    if (!client.success || !client.data.type?.startsWith('client') || (id && client.data.id !== id)) continue;
    const a = client.data.attributes;
    return { name: a.name, re3data: a.re3data?.trim() || null, repository: a.clientType === 'repository' };
  }
  return { name: null, re3data: null, repository: false };
}

function publisherName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : null;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

function parse(json: unknown, { requested, seenAt, schemas: s }: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome {
  const record = s.Doc.safeParse(json);
  if (!record.success) return { ok: false, error: 'unexpected response shape' };
  const { attributes: a, relationships } = record.data.data;
  const doi = doiKey(a.doi ?? record.data.data.id ?? '');
  const answers = new Map<string, SourceAnswer>();
  if (!doi || (requested.length > 0 && !requested.includes(doi))) return { ok: true, answers };

  const type = normaliseWorkType(a.types?.resourceTypeGeneral);
  const rights = (a.rightsList ?? []).flatMap((r) => {
    const parsed = s.Rights.safeParse(r);
    return parsed.success ? [spellings(parsed.data)] : [];
  });
  const licence = rights.flatMap((r) => r.map(normaliseLicence)).find((l) => isOpenLicence(l)) ?? null;
  const client = clientOf(record.data.included, relationships?.client?.data?.id ?? null, s);
  const closed = rights.some((r) => r.some((v) => NOT_OPEN.test(v)));
  const open = !closed && (licence !== null || rights.some((r) => r.some((v) => OPEN_ACCESS.test(v))) || (client.repository && client.re3data !== null));

  const copies: Copy[] = [];
  const preprint = type === 'preprint';
  if (open && (preprint || isNonArticleType(type))) {
    const hostName = publisherName(a.publisher) ?? client.name;
    const copy = buildCopy({
      landingUrl: a.url,
      hostType: preprint ? 'preprint' : 'repository',
      hostName,
      version: preprint ? 'submittedVersion' : null,
      licence: licence?.id ?? null,
      source: 'datacite',
      reason: `DataCite: ${type} at ${hostName ?? 'its repository'} (${licence ? licence.label : client.re3data ? 're3data-registered repository' : 'open access'})`,
      seenAt,
    });
    if (copy) copies.push(copy);
  }
  const title = (a.titles ?? []).map((t) => s.Title.safeParse(t)).find((t) => t.success && t.data.title)?.data?.title ?? null;
  const year = Number(a.publicationYear);
  answers.set(doi, {
    copies,
    work: { title, journal: a.container?.title ?? null, year: Number.isInteger(year) && year > 0 ? year : null, type },
  });
  return { ok: true, answers };
}

export const datacite = defineSource({
  id: 'datacite',
  label: 'DataCite',
  hosts: ['api.datacite.org'],
  baseUrl: 'https://api.datacite.org',
  enabledByDefault: true,
  // One DOI per request (`/dois/<DOI>`): the list endpoint's DOI filter is not documented as we could check it.
  batched: false,
  role: 'followUp',
  askIf,
  notFoundStatuses: [404],
  requests: [
    {
      name: 'DataCite DOI record',
      method: 'GET',
      path: /^\/dois\/(.+)$/,
      params: { include: { value: { oneOf: ['client'] }, required: true } },
    },
  ],
  // As recorded for a DOI DataCite does not hold.
  notFound: [{ path: '/dois/', reply: { status: 404, json: { errors: [{ status: '404', title: "The resource you are looking for doesn't exist." }] } } }],
  schemas,
  plan: (dois, { baseUrl }): PlannedRequest[] => dois.map((doi) => ({ dois: [doi], request: { url: `${baseUrl}/dois/${encodeDoiPath(doi)}?include=client` } })),
  parse,
});
