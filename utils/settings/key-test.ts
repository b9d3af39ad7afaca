/**
 * The options page's "Test" button: one cheap request with the key the user typed, and what the
 * service answered, in its own words. Nothing else is sent (no DOI of the user's, no page).
 */
import { DEFAULT_BASE_URLS } from '../engine/config';
import type { FetchLike } from '../engine/deps';
import type { KeyedService } from './schema';

export type KeyTestResult =
  /** The service accepted the key; `detail` is what it reported (budget, remaining requests) if anything. */
  | { kind: 'accepted'; status: number; detail: string }
  /** The service answered but refused (401/403/429…); `detail` is its message. */
  | { kind: 'rejected'; status: number; detail: string }
  /** No answer: offline, blocked, timed out. */
  | { kind: 'unreachable'; detail: string }
  | { kind: 'empty' };

/** A well-known DOI for the services that need one: the request says nothing about what the user reads. */
const PROBE_DOI = '10.1038/nature12373';
const MAX_DETAIL = 200;
const TIMEOUT_MS = 10_000;

function probe(service: KeyedService, key: string, baseUrl: string): { url: string; init: RequestInit } {
  switch (service) {
    case 'openalex':
      // /rate-limit is free and reports the key's daily budget.
      return { url: `${baseUrl}/rate-limit?api_key=${encodeURIComponent(key)}`, init: {} };
    case 'core':
      return {
        url: `${baseUrl}/v3/search/works?q=${encodeURIComponent(`doi:"${PROBE_DOI}"`)}&limit=1`,
        init: { headers: { authorization: `Bearer ${key}` } },
      };
    case 'semanticScholar':
      return { url: `${baseUrl}/graph/v1/paper/DOI:${PROBE_DOI}?fields=paperId`, init: { headers: { 'x-api-key': key } } };
  }
}

const BASE: Record<KeyedService, string> = {
  openalex: DEFAULT_BASE_URLS.openalex,
  core: DEFAULT_BASE_URLS.core,
  semanticScholar: DEFAULT_BASE_URLS.semanticscholar,
};

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat;
}

/** The service's own words from an error body: `message`, `error` or `detail`, else the raw text. */
function serviceMessage(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      for (const field of ['message', 'error', 'detail'] as const) {
        const value = (json as Record<string, unknown>)[field];
        if (typeof value === 'string' && value.trim()) return clip(value);
      }
    }
  } catch {
    // Not JSON: the text itself is what the service said.
  }
  return clip(body);
}

/** What a successful answer tells about the key: OpenAlex's budget, or a remaining-requests header. */
function acceptedDetail(service: KeyedService, body: string, headers: Headers): string {
  if (service === 'openalex') {
    try {
      const limit = (JSON.parse(body) as { rate_limit?: Record<string, unknown> }).rate_limit;
      const remaining = limit?.daily_remaining_usd;
      const budget = limit?.daily_budget_usd;
      if (typeof remaining === 'number' && typeof budget === 'number') return `daily budget ${remaining} of ${budget} USD left`;
    } catch {
      // Fall through to the headers.
    }
  }
  const remaining = headers.get('x-ratelimit-remaining');
  const limit = headers.get('x-ratelimit-limit');
  if (remaining) return limit ? `${remaining} of ${limit} requests left` : `${remaining} requests left`;
  return '';
}

export async function testApiKey(service: KeyedService, key: string, fetch: FetchLike, baseUrl?: string): Promise<KeyTestResult> {
  const trimmed = key.trim();
  if (!trimmed) return { kind: 'empty' };
  const { url, init } = probe(service, trimmed, (baseUrl || BASE[service]).replace(/\/+$/, ''));
  try {
    const response = await fetch(url, {
      ...init,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.text().catch(() => '');
    if (response.ok) return { kind: 'accepted', status: response.status, detail: acceptedDetail(service, body, response.headers) };
    return { kind: 'rejected', status: response.status, detail: serviceMessage(body) || response.statusText || `HTTP ${response.status}` };
  } catch (error) {
    return { kind: 'unreachable', detail: clip(error instanceof Error ? error.message : String(error)) };
  }
}
