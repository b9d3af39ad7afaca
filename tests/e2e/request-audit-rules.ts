/**
 * The request audit's rules: what each endpoint may receive, derived from the source modules'
 * `requests` declarations, plus the archive look-up; and the value checks they are built from.
 * tests/e2e/request-audit.ts applies them to recorded requests.
 */
import { KEYED_SOURCE_NAMES, SOURCES, type KeyedSourceName, type SourceName } from '../../utils/sources/registry';
import type { RequestRule, ValueRule } from '../../utils/sources/source';
import { WAYBACK_HOST, WAYBACK_PATH } from '../../utils/links/wayback';

export interface AuditAllowance {
  /** DOIs the user saw on the visited pages or typed, plus the key test's probe DOI (any case). */
  dois: Iterable<string>;
  /** PubMed and PubMed Central ids the user typed into the popup (absent: none). */
  ids?: Iterable<string>;
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
export type Check = (value: string) => string | null;

export interface Context {
  dois: Set<string>;
  allowance: AuditAllowance;
}

export interface Rule {
  name: string;
  host: string;
  methods: string[];
  /** Matches the decoded path (without query); capture group 1, if any, must be an allowed DOI. */
  path: RegExp;
  /** Capture group 1 is a list of allowed DOIs joined by this (a lone DOI may contain it). */
  pathDoiSeparator?: string;
  /** Every query parameter allowed, with its value check; `required` ones must be present. */
  params: Record<string, { check: (ctx: Context) => Check; required?: boolean }>;
  /** The body (POST only): null = must be empty. */
  body: ((ctx: Context) => Check) | null;
  /** Headers beyond the common ones that this endpoint may receive. */
  headers?: Record<string, (ctx: Context) => Check>;
}

export const problemIf = (bad: boolean, problem: string): string | null => (bad ? problem : null);

export const digits: Check = (v) => problemIf(!/^\d{1,4}$/.test(v), `not a small number: ${v}`);
export const exactly =
  (...allowed: string[]): Check =>
  (v) =>
    problemIf(!allowed.includes(v), `not a fixed value (${allowed.join(' | ')}): ${v}`);
const oneOfFields =
  (known: ReadonlySet<string>): Check =>
  (v) => {
    const unknown = v.split(',').filter((f) => !known.has(f));
    return problemIf(unknown.length > 0 || v === '', `unknown field names: ${unknown.join(',') || '(empty)'}`);
  };
export const isDoi =
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
/** A query around one id, e.g. `EXT_ID:123 AND SRC:MED`: the id (first capture taken) must be one the user typed. */
const typedId =
  (ctx: Context, query: RegExp): Check =>
  (v) => {
    const m = query.exec(v);
    if (!m) return `id query of unexpected shape: ${v.slice(0, 80)}`;
    const id = m.slice(1).find((group) => group !== undefined) ?? '';
    return problemIf(!new Set(ctx.allowance.ids ?? []).has(id), `not an id the user typed: ${id}`);
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
  if ('idQuery' in rule) return typedId(ctx, rule.idQuery);
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
    ...(declared.pathDoiSeparator ? { pathDoiSeparator: declared.pathDoiSeparator } : {}),
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
