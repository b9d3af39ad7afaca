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
import { RULES, digits, exactly, isDoi, problemIf, type AuditAllowance, type Check, type Context, type Rule, type Violation } from './request-audit-rules';

export type { AuditAllowance, Violation } from './request-audit-rules';
export { RULES } from './request-audit-rules';

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
  // Firefox (ESR 153) marks an add-on's requests to hosts it holds permissions for as same-origin.
  'sec-fetch-site': () => exactly('none', 'cross-site', 'same-origin'),
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
    const check = isDoi(ctx);
    const whole = check(m[1]);
    const parts = whole && rule.pathDoiSeparator ? m[1].split(rule.pathDoiSeparator).map(check) : [whole];
    for (const problem of parts) if (problem) problems.push(`path: ${problem}`);
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
