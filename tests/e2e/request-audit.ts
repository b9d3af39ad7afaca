/**
 * The request audit: what may leave the browser towards the six scholarly APIs, stated precisely and
 * checked request by request. Every request must match one endpoint rule (method, path, the exact set
 * of query parameters, body shape); every value must have its expected shape — a DOI the user saw on
 * a page (or typed), the email or key the user gave (each only to the services it is meant for), or a
 * fixed API parameter. Headers are whitelisted by name; Referer and Cookie are never allowed. On top,
 * no request may contain any "secret" (page URLs and host names, page titles, cookie values) anywhere.
 *
 * Pure: takes the fixture server's recorded requests and returns the violations, so the audit itself
 * is tested on bad samples (see zz-request-audit.e2e.ts).
 */
import type { RecordedRequest } from '../../harness';

export interface AuditAllowance {
  /** DOIs the user saw on the visited pages or typed, plus the key test's probe DOI (any case). */
  dois: Iterable<string>;
  /** The email the user gave ('' = none): Unpaywall's `email`, OpenAlex's and Crossref's `mailto`. */
  email: string;
  /** The keys the user gave, each sent only to its own service. */
  keys: { openalex: string; core: string; semanticScholar: string };
  /** `chrome-extension://<id>`: the only Origin an extension request may carry. */
  extensionOrigin: string;
  /** Strings that must appear in no request at all (URL, body, headers), raw or URL-encoded. */
  secrets: string[];
}

export interface Violation {
  request: string;
  problem: string;
}

/** Values as the audit checks them; `null` = fine, else what is wrong. */
type Check = (value: string) => string | null;

interface Context {
  dois: Set<string>;
  allowance: AuditAllowance;
}

interface Rule {
  name: string;
  host: string;
  methods: string[];
  /** Matches the decoded path (without query); capture group 1, if any, must be an allowed DOI. */
  path: RegExp;
  /** Every query parameter allowed, with its value check; `required` ones must be present. */
  params: Record<string, { check: (ctx: Context) => Check; required?: boolean }>;
  /** The body (POST only): null = must be empty. */
  body: ((ctx: Context) => Check) | null;
  /** Headers beyond the common ones that this endpoint may receive. */
  headers?: Record<string, (ctx: Context) => Check>;
}

const problemIf = (bad: boolean, problem: string): string | null => (bad ? problem : null);

const digits: Check = (v) => problemIf(!/^\d{1,4}$/.test(v), `not a small number: ${v}`);
const exactly =
  (...allowed: string[]): Check =>
  (v) =>
    problemIf(!allowed.includes(v), `not a fixed value (${allowed.join(' | ')}): ${v}`);
const oneOfFields =
  (known: ReadonlySet<string>): Check =>
  (v) => {
    const unknown = v.split(',').filter((f) => !known.has(f));
    return problemIf(unknown.length > 0 || v === '', `unknown field names: ${unknown.join(',') || '(empty)'}`);
  };
const isDoi =
  (ctx: Context): Check =>
  (v) =>
    problemIf(!ctx.dois.has(v.toLowerCase()), `not a DOI the user saw or typed: ${v}`);
/** A list of DOIs inside a fixed frame, e.g. `doi:https://doi.org/A|doi:B`: every item must be an allowed DOI. */
const doiList =
  (ctx: Context, separator: string, item: RegExp, prefix = ''): Check =>
  (v) => {
    if (!v.startsWith(prefix)) return `does not start with ${prefix}: ${v}`;
    const items = v.slice(prefix.length).split(separator);
    for (const part of items) {
      const m = item.exec(part);
      if (!m) return `list item of unexpected shape: ${part}`;
      const problem = isDoi(ctx)(m[1]!);
      if (problem) return problem;
    }
    return null;
  };
const userEmail =
  (ctx: Context): Check =>
  (v) =>
    problemIf(ctx.allowance.email === '' || v !== ctx.allowance.email, `not the user's email: ${v}`);
const userKey =
  (service: keyof AuditAllowance['keys'], wrap: (key: string) => string = (k) => k) =>
  (ctx: Context): Check =>
  (v) =>
    problemIf(ctx.allowance.keys[service] === '' || v !== wrap(ctx.allowance.keys[service]), `not the user's ${service} key`);
/** A JSON body that must equal `expected(parsed)`-shaped data: checked by the given function on the parsed value. */
const jsonBody =
  (validate: (json: unknown, ctx: Context) => string | null) =>
  (ctx: Context): Check =>
  (v) => {
    let json: unknown;
    try {
      json = JSON.parse(v);
    } catch {
      return `body is not JSON: ${v.slice(0, 80)}`;
    }
    return validate(json, ctx);
  };
const onlyKeys = (json: unknown, keys: string[]): boolean =>
  typeof json === 'object' && json !== null && !Array.isArray(json) && Object.keys(json).sort().join() === [...keys].sort().join();

/** Fields Greenway may ask OpenAlex and Semantic Scholar for: names of their public schemas, no free text. */
const OPENALEX_FIELDS = new Set([
  'id', 'doi', 'display_name', 'title', 'publication_year', 'publication_date', 'open_access', 'is_retracted',
  'primary_location', 'best_oa_location', 'locations', 'ids', 'type', 'is_paratext',
]);
const S2_FIELDS = new Set(['paperId', 'externalIds', 'openAccessPdf', 'isOpenAccess', 'title', 'year', 'venue']);

const mailto = { check: userEmail };
const DOI_IN_PATH = '(10\\.\\d{4,9}/.+)';

export const RULES: Rule[] = [
  {
    name: 'OpenAlex single work',
    host: 'api.openalex.org',
    methods: ['GET'],
    path: new RegExp(`^/works/doi:${DOI_IN_PATH}$`),
    params: { select: { check: () => oneOfFields(OPENALEX_FIELDS) }, mailto, api_key: { check: userKey('openalex') } },
    body: null,
  },
  {
    name: 'OpenAlex batch',
    host: 'api.openalex.org',
    methods: ['GET'],
    path: /^\/works$/,
    params: {
      filter: { check: (ctx) => doiList(ctx, '|', /^https:\/\/doi\.org\/(.+)$/, 'doi:'), required: true },
      per_page: { check: () => digits },
      select: { check: () => oneOfFields(OPENALEX_FIELDS) },
      mailto,
      api_key: { check: userKey('openalex') },
    },
    body: null,
  },
  {
    name: 'OpenAlex key test',
    host: 'api.openalex.org',
    methods: ['GET'],
    path: /^\/rate-limit$/,
    params: { api_key: { check: userKey('openalex'), required: true } },
    body: null,
  },
  {
    name: 'Unpaywall',
    host: 'api.unpaywall.org',
    methods: ['GET'],
    path: new RegExp(`^/v2/${DOI_IN_PATH}$`),
    params: { email: { check: userEmail, required: true } },
    body: null,
  },
  {
    name: 'Europe PMC search',
    host: 'www.ebi.ac.uk',
    methods: ['GET'],
    path: /^\/europepmc\/webservices\/rest\/search$/,
    params: {
      query: { check: (ctx) => doiList(ctx, ' OR ', /^DOI:"([^"]+)"$/), required: true },
      resultType: { check: () => exactly('core', 'lite') },
      format: { check: () => exactly('json') },
      pageSize: { check: () => digits },
    },
    body: null,
  },
  {
    name: 'Semantic Scholar batch',
    host: 'api.semanticscholar.org',
    methods: ['POST'],
    path: /^\/graph\/v1\/paper\/batch$/,
    params: { fields: { check: () => oneOfFields(S2_FIELDS) } },
    body: jsonBody((json, ctx) => {
      if (!onlyKeys(json, ['ids'])) return `body has other fields than ids: ${JSON.stringify(json).slice(0, 80)}`;
      const ids = (json as { ids: unknown }).ids;
      if (!Array.isArray(ids) || ids.length === 0) return 'ids is not a non-empty list';
      for (const id of ids) {
        if (typeof id !== 'string' || !id.startsWith('DOI:')) return `id of unexpected shape: ${String(id)}`;
        const problem = isDoi(ctx)(id.slice(4));
        if (problem) return problem;
      }
      return null;
    }),
    headers: { 'content-type': () => exactly('application/json'), 'x-api-key': userKey('semanticScholar') },
  },
  {
    name: 'Semantic Scholar key test',
    host: 'api.semanticscholar.org',
    methods: ['GET'],
    path: new RegExp(`^/graph/v1/paper/DOI:${DOI_IN_PATH}$`),
    params: { fields: { check: () => oneOfFields(S2_FIELDS) } },
    body: null,
    headers: { 'x-api-key': userKey('semanticScholar') },
  },
  {
    name: 'CORE discover',
    host: 'api.core.ac.uk',
    methods: ['POST'],
    path: /^\/v3\/discover$/,
    params: {},
    body: jsonBody((json, ctx) =>
      onlyKeys(json, ['doi']) && typeof (json as { doi: unknown }).doi === 'string'
        ? isDoi(ctx)((json as { doi: string }).doi)
        : `body is not {"doi": …}: ${JSON.stringify(json).slice(0, 80)}`,
    ),
    headers: { 'content-type': () => exactly('application/json'), authorization: userKey('core', (k) => `Bearer ${k}`) },
  },
  {
    name: 'CORE key test',
    host: 'api.core.ac.uk',
    methods: ['GET'],
    path: /^\/v3\/search\/works$/,
    params: { q: { check: (ctx) => doiList(ctx, ' OR ', /^doi:"([^"]+)"$/), required: true }, limit: { check: () => digits } },
    body: null,
    headers: { authorization: userKey('core', (k) => `Bearer ${k}`) },
  },
  {
    name: 'Crossref single work',
    host: 'api.crossref.org',
    methods: ['GET'],
    path: new RegExp(`^/works/${DOI_IN_PATH}$`),
    params: { mailto },
    body: null,
  },
  {
    name: 'Crossref batch',
    host: 'api.crossref.org',
    methods: ['GET'],
    path: /^\/works$/,
    params: {
      filter: { check: (ctx) => doiList(ctx, ',', /^doi:(.+)$/), required: true },
      rows: { check: () => digits },
      mailto,
    },
    body: null,
  },
];

/** Headers any request may carry: the browser's own, describing the browser, not the page or the user. */
const COMMON_HEADERS: Record<string, (ctx: Context) => Check> = {
  host: () => () => null,
  connection: () => exactly('keep-alive', 'close'),
  accept: () => (v) => problemIf(!/^[\w*/+.,;=\s-]+$/.test(v), `unexpected accept: ${v}`),
  'accept-encoding': () => (v) => problemIf(!/^[a-z, -]+$/.test(v), `unexpected accept-encoding: ${v}`),
  'accept-language': () => (v) => problemIf(!/^[a-zA-Z0-9,;=.\s-]+$/.test(v), `unexpected accept-language: ${v}`),
  'user-agent': () => () => null,
  'sec-ch-ua': () => () => null,
  'sec-ch-ua-mobile': () => () => null,
  'sec-ch-ua-platform': () => () => null,
  'sec-fetch-site': () => exactly('none', 'cross-site'),
  'sec-fetch-mode': () => exactly('cors', 'no-cors'),
  'sec-fetch-dest': () => exactly('empty'),
  'sec-fetch-storage-access': () => () => null,
  priority: () => (v) => problemIf(!/^u=\d(, i)?$/.test(v), `unexpected priority: ${v}`),
  'content-length': () => digits,
  origin: (ctx) => exactly(ctx.allowance.extensionOrigin),
  'access-control-request-method': () => exactly('GET', 'POST'),
  'access-control-request-headers': () => (v) => problemIf(!/^[a-z, -]+$/.test(v), `unexpected preflight headers: ${v}`),
};

const FORBIDDEN_HEADERS: Record<string, string> = {
  referer: 'sends a Referer (the page address)',
  cookie: 'sends cookies',
};

function describe(request: RecordedRequest): string {
  return `${request.method} ${request.url.slice(0, 160)}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function secretProblems(request: RecordedRequest, secrets: string[]): string[] {
  const everything = [request.url, safeDecode(request.url), request.body, ...Object.values(request.headers)].join('\n').toLowerCase();
  return secrets
    .filter((s) => s.length >= 4 && (everything.includes(s.toLowerCase()) || everything.includes(encodeURIComponent(s).toLowerCase())))
    .map((s) => `contains "${s.slice(0, 60)}"`);
}

function headerProblems(request: RecordedRequest, rule: Rule | null, ctx: Context): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (FORBIDDEN_HEADERS[name]) {
      problems.push(FORBIDDEN_HEADERS[name]!);
      continue;
    }
    const check = rule?.headers?.[name] ?? COMMON_HEADERS[name];
    if (!check) {
      problems.push(`unexpected header ${name}: ${value.slice(0, 60)}`);
      continue;
    }
    const problem = check(ctx)(value);
    if (problem) problems.push(`header ${name}: ${problem}`);
  }
  return problems;
}

/** The request against one rule: [] when it fits, else what does not. */
function ruleProblems(request: RecordedRequest, url: URL, rule: Rule, ctx: Context): string[] {
  const problems: string[] = [];
  const preflight = request.method === 'OPTIONS';
  if (!preflight && !rule.methods.includes(request.method)) problems.push(`method ${request.method}`);
  const m = rule.path.exec(safeDecode(url.pathname));
  if (!m) return [`path ${url.pathname}`];
  if (m[1] !== undefined) {
    const problem = isDoi(ctx)(m[1]);
    if (problem) problems.push(`path: ${problem}`);
  }
  const seen = new Set<string>();
  for (const [name, value] of url.searchParams) {
    const spec = rule.params[name];
    if (!spec) problems.push(`unexpected parameter ${name}`);
    else if (seen.has(name)) problems.push(`parameter ${name} twice`);
    else {
      const problem = spec.check(ctx)(value);
      if (problem) problems.push(`parameter ${name}: ${problem}`);
    }
    seen.add(name);
  }
  for (const [name, spec] of Object.entries(rule.params)) {
    if (spec.required && !preflight && !seen.has(name)) problems.push(`missing parameter ${name}`);
  }
  if (preflight || !rule.body) {
    if (request.body !== '') problems.push(`unexpected body: ${request.body.slice(0, 80)}`);
  } else {
    const problem = rule.body(ctx)(request.body);
    if (problem) problems.push(`body: ${problem}`);
  }
  return problems;
}

/** Every problem of every request to the given API hosts; [] = the session sent only what it may. */
export function auditApiRequests(requests: RecordedRequest[], allowance: AuditAllowance): Violation[] {
  const ctx: Context = { dois: new Set([...allowance.dois].map((d) => d.toLowerCase())), allowance };
  const violations: Violation[] = [];
  for (const request of requests) {
    const url = new URL(request.url);
    const candidates = RULES.filter((r) => r.host === request.host);
    const fits = candidates.map((rule) => ({ rule, problems: ruleProblems(request, url, rule, ctx) }));
    // Judged by the rule it fits best (fewest problems), so the report names the nearest endpoint.
    const best = fits.sort((a, b) => a.problems.length - b.problems.length)[0];
    const problems = best ? best.problems.map((p) => `${best.rule.name}: ${p}`) : [`no endpoint of ${request.host} is allowed`];
    problems.push(...headerProblems(request, best?.problems.length === 0 ? best.rule : null, ctx));
    problems.push(...secretProblems(request, allowance.secrets));
    for (const problem of problems) violations.push({ request: describe(request), problem });
  }
  return violations;
}

/** Which rule each request fitted (for the session report and to check the audit saw every endpoint). */
export function endpointsUsed(requests: RecordedRequest[], allowance: AuditAllowance): Map<string, number> {
  const ctx: Context = { dois: new Set([...allowance.dois].map((d) => d.toLowerCase())), allowance };
  const used = new Map<string, number>();
  for (const request of requests) {
    const url = new URL(request.url);
    const rule = RULES.find((r) => r.host === request.host && ruleProblems(request, url, r, ctx).length === 0);
    const name = rule ? `${rule.name}${request.method === 'OPTIONS' ? ' (preflight)' : ''}` : 'unmatched';
    used.set(name, (used.get(name) ?? 0) + 1);
  }
  return used;
}
