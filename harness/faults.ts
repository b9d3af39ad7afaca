/**
 * Faults the fixture server can inject in front of any route, to see how the extension copes with
 * the ways real APIs misbehave: error statuses, rate limits, slowness, silence, broken bodies and
 * bot walls.
 */
import type { Reply } from './reply';

export type FaultSpec =
  /** Any status with an optional body (default: a short JSON error). */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** 429 Too Many Requests with `Retry-After` (seconds, default 1). */
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  /** Waits, then answers as the route normally would. */
  | { kind: 'delay'; ms: number }
  /** Never answers; the connection stays open until the client gives up or the server closes. */
  | { kind: 'timeout' }
  /** 200, JSON content type, body cut off mid-object. */
  | { kind: 'malformed-json' }
  /** A Cloudflare-style HTML challenge page (403 by default), as bot walls serve it. */
  | { kind: 'bot-challenge'; status?: number }
  /** 200 with an empty body. */
  | { kind: 'empty'; status?: number }
  /** Drops the connection without an answer (the browser sees a network error). */
  | { kind: 'reset' };

/** What the server does for a fault: answer now, wait then carry on, or never answer / hang up. */
export type FaultAction = { reply: Reply } | { delayMs: number } | { hang: true } | { reset: true };

const CHALLENGE_HTML = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="360"></head><body><div id="challenge-body-text">
Verifying you are human. This may take a few seconds.</div><noscript>Enable JavaScript and cookies to continue</noscript>
</body></html>`;

export function faultAction(spec: FaultSpec): FaultAction {
  switch (spec.kind) {
    case 'status':
      return {
        reply: {
          status: spec.status,
          body: spec.body ?? JSON.stringify({ error: `injected HTTP ${spec.status}` }),
          headers: { 'content-type': spec.body === undefined ? 'application/json' : 'text/plain; charset=utf-8', ...spec.headers },
        },
      };
    case 'rate-limit':
      return {
        reply: {
          status: 429,
          body: JSON.stringify({ error: 'Too Many Requests' }),
          headers: { 'content-type': 'application/json', 'retry-after': String(spec.retryAfterSeconds ?? 1) },
        },
      };
    case 'delay':
      return { delayMs: spec.ms };
    case 'timeout':
      return { hang: true };
    case 'malformed-json':
      return {
        reply: { status: 200, body: '{"meta": {"count": 1}, "results": [{"doi": "https://doi.org/10.', headers: { 'content-type': 'application/json' } },
      };
    case 'bot-challenge':
      return {
        reply: {
          status: spec.status ?? 403,
          body: CHALLENGE_HTML,
          headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-mitigated': 'challenge' },
        },
      };
    case 'empty':
      return { reply: { status: spec.status ?? 200, body: '', headers: { 'content-type': 'application/json' } } };
    case 'reset':
      return { reset: true };
  }
}
