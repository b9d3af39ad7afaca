/**
 * What a source module declares: who it is (id, label), where it lives (hosts, base URL), when it is
 * asked (default on, needs an email or a key), how to ask (`plan`), how to read the answer
 * (`schemas` + `parse`), what it may be sent (`requests`, checked by the e2e request audit) and what
 * it answers for a DOI it does not know (`notFound`, the e2e harness's default reply). Everything
 * else — settings, managed policy, host permissions, options sections, audit, harness — is derived
 * from these declarations through ./registry.ts, so a source is added in one place.
 *
 * Sources never import zod at run time: `schemas` receives it. The registry (labels, ids) is then
 * safe to import from the popup's first paint and from the content script, which must not bundle
 * zod; the engine, which already bundles zod, builds the schemas once per source (./parse.ts).
 * Sources never do I/O: the engine sends the planned requests (retries, timeouts, caching in one place).
 */
import type * as Zod from 'zod/mini';
import type { Copy, Licence, OaStatus, Retraction, WorkInfo } from '../model';
import type { OtherIdKind } from '../model/typed-id';

/**
 * The part of zod/mini handed to `schemas` (./parse.ts builds it). A subset rather than the whole
 * namespace, so that bundlers keep only these functions; a source needing another adds it there.
 */
export type ZodMini = Pick<typeof Zod, 'array' | 'boolean' | 'catch' | 'nullable' | 'number' | 'object' | 'optional' | 'string' | 'unknown'>;

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
}

/** What one source says about one DOI. An empty `copies` means "known, but no free copy here". */
export interface SourceAnswer {
  copies: Copy[];
  status?: OaStatus | null;
  retraction?: Zod.infer<typeof Retraction> | null;
  work?: WorkInfo | null;
  /** Licence of the version of record as the publisher registered it (Crossref). */
  recordLicence?: Licence | null;
  /** A registration source's word: true = the DOI exists, false = it does not (see `role`). */
  registered?: boolean;
  /** A registration source's word on who registered the DOI: "Crossref", "DataCite", … */
  agency?: string | null;
}

/** What the engine knows of a DOI once the indexes and doi.org have answered (a follow-up source's `askIf`). */
export interface KnownSoFar {
  /** The DOI's registration agency as doi.org named it ("DataCite"), or null when doi.org was not asked. */
  agency: string | null;
  /** The work's type as an index filed it, normalised ("dataset"), or null. */
  workType: string | null;
  /** Copies found so far. */
  copies: number;
}

export type ParseOutcome = { ok: true; answers: Map<string, SourceAnswer> } | { ok: false; error: string };

/** One planned request and the DOIs (normalised keys) it answers. */
export interface PlannedRequest {
  dois: string[];
  request: HttpRequest;
}

/** What `plan` may use: this source's own settings, never another service's key. */
export interface PlanContext {
  /** Base URL without a trailing slash: the public API or the user's mirror. */
  baseUrl: string;
  /** The user's email, or null; sent only by sources that use it (Unpaywall's terms, polite `mailto`). */
  email: string | null;
  /** This source's API key, or null. */
  key: string | null;
}

/**
 * How a request part may look, for the request audit (tests/e2e/request-audit.ts):
 * - `'doi'`: a DOI the user saw on a page or typed; `'email'`: the user's email; `'key'`: this
 *   source's key; `'number'`: a small number;
 * - `{ oneOf }`: one of fixed values; `{ fields }`: a comma-separated list of these field names;
 * - `{ doiList }`: DOIs joined by `separator` after `prefix`, each matching `item` (group 1 = DOI);
 * - `{ keyWithPrefix }`: the key after a fixed prefix ("Bearer …"); `{ doiArray }`: a JSON array of
 *   DOIs each written after `prefix` ("DOI:…");
 * - `{ idQuery }`: the whole value matches the expression, and its first capture group that took part
 *   is a PubMed or PubMed Central id the user typed (`EXT_ID:123 AND SRC:MED`).
 */
export type ValueRule =
  | 'doi'
  | 'email'
  | 'key'
  | 'number'
  | { oneOf: readonly string[] }
  | { fields: readonly string[] }
  | { doiList: { prefix?: string; separator: string; item: RegExp } }
  | { keyWithPrefix: string }
  | { doiArray: { prefix: string } }
  | { idQuery: RegExp };

/** One endpoint the source may call, exactly: anything else it sends is a request-audit violation. */
export interface RequestRule {
  /** Shown in audit reports: "OpenAlex batch". */
  name: string;
  method: 'GET' | 'POST';
  /** Matches the decoded path; capture group 1, if any, must be an allowed DOI. */
  path: RegExp;
  /** Capture group 1 is a list of DOIs joined by this separator (doi.org's "/ra/A,B"), each allowed. */
  pathDoiSeparator?: string;
  /** Every query parameter allowed; `required` ones must be present. */
  params?: Readonly<Record<string, { value: ValueRule; required?: boolean }>>;
  /** POST only: a JSON object with exactly these keys. Absent = no body. */
  jsonBody?: Readonly<Record<string, ValueRule>>;
  /** Headers this endpoint may receive beyond the browser's own. */
  headers?: Readonly<Record<string, ValueRule>>;
}

/** A canned HTTP answer (status 200 and JSON unless said otherwise). */
export interface StubReply {
  status?: number;
  json?: unknown;
  text?: string;
  contentType?: string;
}

/** What the service answers, on `path` (a prefix, query included if any), for DOIs it does not know. */
export interface NotFoundRoute {
  path: string;
  reply: StubReply | ((request: { url: string; body: string }) => StubReply);
}

/** An API key the user (or a managed policy) may give. */
export interface SourceKey {
  /** Its name in the managed policy — a contract with administrators, never renamed: "coreApiKey". */
  policy: string;
  /** True when the source is asked only once a key is given. */
  required: boolean;
  /** The options page's "Test" request: cheap, and it carries nothing of the user's but the key. */
  probe(key: string, baseUrl: string): { url: string; headers?: Record<string, string> };
  /** What an accepted probe's answer tells about the key (budget left), or '' when nothing. */
  describe?(body: string, headers: Headers): string;
}

/** What a source says about a typed PubMed or PubMed Central id. */
export type IdOutcome =
  | { ok: true; found: 'doi'; doi: string }
  /** The source has the record, and the record has no DOI. */
  | { ok: true; found: 'no-doi' }
  | { ok: true; found: 'unknown' }
  | { ok: false; error: string };

/**
 * A source that maps other ids to DOIs (the popup's typed PMIDs and PMCIDs). Only the id is sent;
 * its request is declared in `requests` like any other, with an `{ idQuery }` value.
 */
export interface IdMapping<Schemas = unknown> {
  kinds: readonly OtherIdKind[];
  plan(kind: OtherIdKind, id: string, context: PlanContext): HttpRequest;
  /** Reads a parsed JSON body; never throws on odd data. */
  parse(json: unknown, context: { kind: OtherIdKind; id: string; schemas: Schemas }): IdOutcome;
}

export interface SourceDefinition<Id extends string = string, Schemas = unknown> {
  /** The one spelling of the service everywhere: settings, messages, policy paths, CSS, tests. */
  id: Id;
  /** The service's own name, for people: "Semantic Scholar". */
  label: string;
  /** Every host a request may go to (the manifest's host permissions; README and PRIVACY name each). */
  hosts: readonly string[];
  /** The public API's base URL, no trailing slash; users may point it at a mirror. */
  baseUrl: string;
  enabledByDefault: boolean;
  /**
   * True when one request answers many DOIs. Badges on a list page ask only batched sources, so a
   * 150-reference list never costs 150 requests to a per-DOI service (Unpaywall, CORE, OpenAIRE).
   */
  batched: boolean;
  /** Asked only once the user gives an email (Unpaywall's terms). */
  needsEmail?: boolean;
  key?: SourceKey;
  /**
   * `registration`: not an index of copies but the DOI system itself. The engine asks it only about
   * DOIs that no other source knows, and its answer (`registered`) decides `unregistered`.
   * `followUp`: asked last, only about the DOIs its `askIf` picks from what the others said (DataCite:
   * works that are not articles, or DOIs DataCite registered), so it costs nothing for the rest.
   * Absent: an index that may know copies, asked first about every DOI.
   * Any source that was asked and failed makes a copy-less answer `incomplete`.
   */
  role?: 'registration' | 'followUp';
  /** `followUp` sources only: whether to ask about a DOI, given what is known so far. */
  askIf?(known: KnownSoFar): boolean;
  /** HTTP statuses that mean "this DOI is unknown here" rather than a failure. */
  notFoundStatuses: readonly number[];
  requests: readonly RequestRule[];
  notFound: readonly NotFoundRoute[];
  /** Builds the response schemas with the zod/mini it is given (see the module comment). */
  schemas(z: ZodMini): Schemas;
  /** Splits DOIs (normalised keys) into requests, each within the service's batch limit. */
  plan(dois: string[], context: PlanContext): PlannedRequest[];
  /** Reads a parsed JSON body into answers keyed by DOI key. Never throws on odd data. */
  parse(json: unknown, context: { requested: string[]; seenAt: number; schemas: Schemas }): ParseOutcome;
  /** Present when the source can name the DOI of a PMID or PMCID (see IdMapping). */
  ids?: IdMapping<Schemas>;
}

/** Any registered source, whatever its schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schemas type is private to each source module
export type Source<Id extends string = string> = SourceDefinition<Id, any>;

/** Declares a source's API key (typed on its own, so that `defineSource` sees whether a key exists). */
export function sourceKey(key: SourceKey): SourceKey {
  return key;
}

/** Declares a source; the identity function gives the definition its precise types (id, key or not). */
export function defineSource<const Id extends string, Schemas, Key extends SourceKey | undefined = undefined>(
  definition: Omit<SourceDefinition<Id, Schemas>, 'key'> & { key?: Key },
): Omit<SourceDefinition<Id, Schemas>, 'key'> & { key: Key } {
  return definition as Omit<SourceDefinition<Id, Schemas>, 'key'> & { key: Key };
}
