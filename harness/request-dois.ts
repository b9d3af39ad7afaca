/**
 * Which DOIs a request asks about, read the way the source declares its endpoints (`requests`, the
 * same declarations the request audit checks): the path's capture group (or list of DOIs), query
 * parameters of kind `'doi'` or `{ doiList }`, JSON body fields of kind `'doi'` or `{ doiArray }`.
 * Test worlds use it to answer any source's request without knowing that source's URL scheme.
 */
import { doiKey } from '../utils/model/doi';
import type { RequestRule, Source, ValueRule } from '../utils/sources/source';

/** A request as it left the engine or the browser: method, full URL, body ('' or null for none). */
export interface OutgoingRequest {
  method?: string;
  url: string;
  body?: string | null;
}

/**
 * `url` under the source's own base URL: tests point sources at mirrors ("http://fixtures.test/<id>"),
 * while the source's declarations (request paths, not-found routes) speak of its public API.
 */
export function atOwnBase(source: Source, url: string, baseUrl: string = source.baseUrl): string {
  return url.startsWith(baseUrl) ? source.baseUrl + url.slice(baseUrl.length) : url;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** DOI keys in one value, in order, as `rule` says they are written there. */
function valueDois(rule: ValueRule, value: unknown): string[] {
  const raw: unknown[] = [];
  if (rule === 'doi') raw.push(value);
  else if (typeof rule === 'object' && 'doiList' in rule && typeof value === 'string') {
    const { prefix = '', separator, item } = rule.doiList;
    if (value.startsWith(prefix)) for (const part of value.slice(prefix.length).split(separator)) raw.push(item.exec(part)?.[1]);
  } else if (typeof rule === 'object' && 'doiArray' in rule && Array.isArray(value)) {
    const { prefix } = rule.doiArray;
    for (const part of value) if (typeof part === 'string' && part.startsWith(prefix)) raw.push(part.slice(prefix.length));
  }
  return raw.flatMap((v) => {
    const key = doiKey(v);
    return key ? [key] : [];
  });
}

function bodyJson(body: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body ?? '');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The DOI keys `request` carries under `rule`, or null when the request is not this endpoint. */
function ruleDois(rule: RequestRule, request: OutgoingRequest, url: URL): string[] | null {
  if ((request.method ?? 'GET').toUpperCase() !== rule.method) return null;
  const match = rule.path.exec(decoded(url.pathname));
  if (!match) return null;
  const dois: string[] = [];
  if (match[1] !== undefined) {
    const parts = rule.pathDoiSeparator ? match[1].split(rule.pathDoiSeparator) : [match[1]];
    dois.push(...parts.flatMap((p) => valueDois('doi', p)));
  }
  for (const [name, spec] of Object.entries(rule.params ?? {})) {
    const value = url.searchParams.get(name);
    if (value !== null) dois.push(...valueDois(spec.value, value));
  }
  const body = bodyJson(request.body);
  for (const [name, spec] of Object.entries(rule.jsonBody ?? {})) dois.push(...valueDois(spec, body[name]));
  return dois;
}

/**
 * The DOI keys `request` asks `source` about, in the order it names them (a batch answer may be
 * aligned with it), or null when the request fits none of the source's declared endpoints.
 * `baseUrl` is where the source was pointed (default: its public API).
 */
export function requestDois(source: Source, request: OutgoingRequest, baseUrl?: string): string[] | null {
  let url: URL;
  try {
    url = new URL(atOwnBase(source, request.url, baseUrl));
  } catch {
    return null;
  }
  for (const rule of source.requests) {
    const dois = ruleDois(rule, request, url);
    if (dois !== null) return dois;
  }
  return null;
}
