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
import { KEYED_SOURCE_NAMES, SOURCES, type KeyedSourceName, type SourceName } from '../../utils/sources/registry';
import type { RequestRule, ValueRule } from '../../utils/sources/source';
import { WAYBACK_HOST, WAYBACK_PATH } from '../../utils/links/wayback';

export interface AuditAllowance {
  /** DOIs the user saw on the visited pages or typed, plus the key test's probe DOI (any case). */
  dois: Iterable<string>;
  /** The email the user gave ('' = none): Unpaywall's `email`, OpenAlex's and Crossref's `mailto`. */
  email: string;
  /** The keys the user gave ('' = none), each sent only to its own service. */
  keys: Record<KeyedSourceName, string>;
  /** `chrome-extension://<id>`: the only Origin an extension request may carry. */
  extensionOrigin: string;
  /** The copy links the popup showed: the only URLs the archive look-up may send (absent: any http(s) URL). */
  copyUrls?: Iterable<string>;
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
  (service: SourceName, wrap: (key: string) => string = (k) => k) =>
  (ctx: Context): Check =>
  (v) => {
    const key = (KEYED_SOURCE_NAMES as readonly string[]).includes(service) ? ctx.allowance.keys[service as KeyedSourceName] : '';
    return problemIf(key === '' || v !== wrap(key), `not the user's ${service} key`);
  };
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

/**
 * The rules come from each source module's `requests` declarations (utils/sources/*.ts): a source
 * states exactly which endpoints it calls and what each part may hold; this file only interprets
 * those declarations, so adding a source adds its audit rules.
 */
function valueCheck(rule: ValueRule, source: SourceName, ctx: Context): Check {
  if (rule === 'doi') return isDoi(ctx);
  if (rule === 'email') return userEmail(ctx);
  if (rule === 'key') return userKey(source)(ctx);
  if (rule === 'number') return digits;
  if ('oneOf' in rule) return exactly(...rule.oneOf);
  if ('fields' in rule) return oneOfFields(new Set(rule.fields));
  if ('doiList' in rule) return doiList(ctx, rule.doiList.separator, rule.doiList.item, rule.doiList.prefix);
  if ('keyWithPrefix' in rule) return userKey(source, (k) => `${rule.keyWithPrefix}${k}`)(ctx);
  const { prefix } = rule.doiArray;
  return (v) => {
    let ids: unknown;
    try {
      ids = JSON.parse(v);
    } catch {
      return `not a JSON list: ${v.slice(0, 80)}`;
    }
    if (!Array.isArray(ids) || ids.length === 0) return 'not a non-empty list';
    for (const id of ids) {
      if (typeof id !== 'string' || !id.startsWith(prefix)) return `id of unexpected shape: ${String(id)}`;
      const problem = isDoi(ctx)(id.slice(prefix.length));
      if (problem) return problem;
    }
    return null;
  };
}

function ruleOf(source: (typeof SOURCES)[number], declared: RequestRule, host: string): Rule {
  const id = source.id;
  const body = declared.jsonBody;
  return {
    name: declared.name,
    host,
    methods: [declared.method],
    path: declared.path,
    params: Object.fromEntries(
      Object.entries(declared.params ?? {}).map(([name, p]) => [name, { check: (ctx: Context) => valueCheck(p.value, id, ctx), required: p.required }]),
    ),
    body: body
      ? jsonBody((json, ctx) => {
          if (!onlyKeys(json, Object.keys(body))) return `body has other fields than ${Object.keys(body).join(', ')}: ${JSON.stringify(json).slice(0, 80)}`;
          for (const [field, rule] of Object.entries(body)) {
            const value = (json as Record<string, unknown>)[field];
            const text = typeof value === 'string' ? value : JSON.stringify(value);
            const problem = valueCheck(rule, id, ctx)(text);
            if (problem) return `${field}: ${problem}`;
          }
          return null;
        })
      : null,
    headers: Object.fromEntries(Object.entries(declared.headers ?? {}).map(([name, rule]) => [name, (ctx: Context) => valueCheck(rule, id, ctx)])),
  };
}

/** A copy's link (the only value the archive look-up may carry): an http(s) URL the user was shown. */
const copyUrl =
  (ctx: Context): Check =>
  (v) =>
    problemIf(
      !/^https?:\/\//.test(v) || (ctx.allowance.copyUrls !== undefined && !new Set(ctx.allowance.copyUrls).has(v)),
      `not a copy's link: ${v.slice(0, 80)}`,
    );

/** The Wayback Machine's availability API (utils/links/wayback.ts): a dead copy's URL, nothing else. */
const ARCHIVE_RULE: Rule = {
  name: 'Wayback availability',
  host: WAYBACK_HOST,
  methods: ['GET'],
  path: new RegExp(`^${WAYBACK_PATH}$`),
  params: { url: { check: copyUrl, required: true } },
  body: null,
};

export const RULES: Rule[] = [
  ...SOURCES.flatMap((source) => source.hosts.flatMap((host) => source.requests.map((r) => ruleOf(source, r, host)))),
  ARCHIVE_RULE,
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

/**
 * A link check (the popup checking a shown copy's link): a GET or HEAD, no body, no Cookie, no
 * Referer, only the common headers and `range`. [] = fine.
 */
export function linkCheckProblems(request: RecordedRequest, allowance: Pick<AuditAllowance, 'extensionOrigin'>): string[] {
  const ctx: Context = { dois: new Set(), allowance: { dois: [], email: '', keys: {} as AuditAllowance['keys'], secrets: [], ...allowance } };
  const rule: Rule = {
    name: 'link check',
    host: request.host,
    methods: ['GET', 'HEAD'],
    path: /./,
    params: {},
    body: null,
    headers: { range: () => (v) => problemIf(!/^bytes=0-\d+$/.test(v), `unexpected range: ${v}`) },
  };
  const problems = headerProblems(request, rule, ctx);
  if (!rule.methods.includes(request.method)) problems.push(`method ${request.method}`);
  if (request.body !== '') problems.push('has a body');
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
