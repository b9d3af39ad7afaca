/**
 * The options page's "Test" button: one cheap request with the key the user typed, and what the
 * service answered, in its own words. Nothing else is sent (no DOI of the user's, no page).
 */
import type { FetchLike } from '../engine/deps';
import { KEYED_SOURCES } from '../sources/registry';
import type { KeyedService } from './schema';

type KeyedSource = (typeof KEYED_SOURCES)[number];

export type KeyTestResult =
  /** The service accepted the key; `detail` is what it reported (budget, remaining requests) if anything. */
  | { kind: 'accepted'; status: number; detail: string }
  /** The service answered but refused (401/403/429…); `detail` is its message. */
  | { kind: 'rejected'; status: number; detail: string }
  /** No answer: offline, blocked, timed out. */
  | { kind: 'unreachable'; detail: string }
  | { kind: 'empty' };

const MAX_DETAIL = 200;
const TIMEOUT_MS = 10_000;

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

/** What a successful answer tells about the key: what the source reads from it, else a remaining-requests header. */
function acceptedDetail(source: KeyedSource, body: string, headers: Headers): string {
  const told = source.key.describe?.(body, headers);
  if (told) return told;
  const remaining = headers.get('x-ratelimit-remaining');
  const limit = headers.get('x-ratelimit-limit');
  if (remaining) return limit ? `${remaining} of ${limit} requests left` : `${remaining} requests left`;
  return '';
}

/**
 * Sends `service`'s key probe (declared by its source module) to `baseUrl` (default: the public
 * API) with the key the user typed, and says what the service answered. Never throws.
 */
export async function testApiKey(service: KeyedService, key: string, fetch: FetchLike, baseUrl?: string): Promise<KeyTestResult> {
  const trimmed = key.trim();
  if (!trimmed) return { kind: 'empty' };
  const source = KEYED_SOURCES.find((s) => s.id === service);
  if (!source) return { kind: 'unreachable', detail: `no key test for "${service}"` };
  const { url, headers } = source.key.probe(trimmed, (baseUrl || source.baseUrl).replace(/\/+$/, ''));
  try {
    const response = await fetch(url, {
      ...(headers ? { headers } : {}),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.text().catch(() => '');
    if (response.ok) return { kind: 'accepted', status: response.status, detail: acceptedDetail(source, body, response.headers) };
    return { kind: 'rejected', status: response.status, detail: serviceMessage(body) || response.statusText || `HTTP ${response.status}` };
  } catch (error) {
    return { kind: 'unreachable', detail: clip(error instanceof Error ? error.message : String(error)) };
  }
}
