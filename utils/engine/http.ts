/**
 * The one way the engine talks to the network, built so we never hammer a service: a concurrency
 * limit per host, a timeout per request, retries with exponential backoff on 5xx and network
 * failures, 429s that honour Retry-After, and a pause when a service's budget headers say the
 * allowance is spent. Requests carry no cookies and no Referer: only the DOI (and email/key) leave.
 */
import type { HttpRequest } from '../sources/source';
import type { FetchLike } from './deps';
import { readBudget } from './rate-budget';

export interface HttpOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxConcurrentPerHost: number;
  maxRetryAfterMs: number;
}

export type HttpResult = { kind: 'response'; status: number; headers: Headers; text: string } | { kind: 'failure'; error: string };

export interface HttpClientDeps {
  fetch: FetchLike;
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface HttpStats {
  /** Requests actually sent (attempts, including retries), per host. */
  sent: Record<string, number>;
}

export interface SendOptions {
  /**
   * false: answer a 5xx at once instead of retrying it (network failures and 429s are still
   * retried). A failing batch is split instead (./ask.ts): the split is its retry.
   */
  retryServerErrors?: boolean;
}

export interface HttpClient {
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResult>;
  stats(): HttpStats;
}

/** 429 answers retried (when their wait fits) before giving up. */
const MAX_RATE_LIMIT_RETRIES = 3;

class HostState {
  active = 0;
  waiting: Array<() => void> = [];
  /** Epoch ms before which no request may start (Retry-After, spent budget). */
  blockedUntil = 0;
  sent = 0;
}

export function createHttpClient(deps: HttpClientDeps, options: () => HttpOptions): HttpClient {
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string) => {
    let s = hosts.get(host);
    if (!s) hosts.set(host, (s = new HostState()));
    return s;
  };

  async function acquire(state: HostState): Promise<void> {
    while (state.active >= options().maxConcurrentPerHost) await new Promise<void>((r) => state.waiting.push(r));
    state.active++;
  }
  function release(state: HostState): void {
    state.active--;
    state.waiting.shift()?.();
  }

  /** One attempt, bounded by the timeout; the body is read inside the same bound. */
  async function attempt(request: HttpRequest, timeoutMs: number): Promise<HttpResult | 'timeout'> {
    const controller = new AbortController();
    const timerStop = new AbortController();
    const timer = deps.sleep(timeoutMs, timerStop.signal).then(
      () => 'timeout' as const,
      () => 'cancelled' as const,
    );
    const call = (async (): Promise<HttpResult> => {
      const response = await deps.fetch(request.url, {
        method: request.method ?? 'GET',
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'follow',
      });
      return { kind: 'response', status: response.status, headers: response.headers, text: await response.text() };
    })().catch((error: unknown): HttpResult => ({ kind: 'failure', error: networkMessage(error) }));
    const winner = await Promise.race([call, timer]);
    timerStop.abort();
    if (winner === 'timeout') {
      controller.abort();
      return 'timeout';
    }
    return winner === 'cancelled' ? call : winner;
  }

  async function send(request: HttpRequest, sendOptions: SendOptions = {}): Promise<HttpResult> {
    let host: string;
    try {
      host = new URL(request.url).host;
    } catch {
      return { kind: 'failure', error: 'invalid URL' };
    }
    const state = stateOf(host);
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      const opts = options();
      const wait = state.blockedUntil - deps.now();
      if (wait > opts.maxRetryAfterMs) return { kind: 'failure', error: `rate limited; try again in ${Math.ceil(wait / 1000)} s` };
      if (wait > 0) await deps.sleep(wait);
      await acquire(state);
      state.sent++;
      let result: HttpResult | 'timeout';
      try {
        result = await attempt(request, opts.timeoutMs);
      } finally {
        release(state);
      }
      if (result === 'timeout') return { kind: 'failure', error: `timed out after ${Math.round(opts.timeoutMs / 1000)} s` };
      if (result.kind === 'response') {
        const budget = readBudget(result.headers, deps.now());
        if (budget.blockedUntil !== null) state.blockedUntil = Math.max(state.blockedUntil, budget.blockedUntil);
        if (result.status === 429) {
          const retryAt = retryAfter(result.headers.get('retry-after'), deps.now()) ?? deps.now() + opts.backoffMs * 2 ** rateLimited;
          state.blockedUntil = Math.max(state.blockedUntil, retryAt);
          if (++rateLimited > MAX_RATE_LIMIT_RETRIES || retryAt - deps.now() > opts.maxRetryAfterMs) return result;
          continue;
        }
        if (result.status < 500 || failures >= opts.retries || sendOptions.retryServerErrors === false) return result;
      } else if (failures >= opts.retries) {
        return result;
      }
      await deps.sleep(opts.backoffMs * 2 ** failures);
      failures++;
    }
  }

  return {
    send,
    stats: () => ({ sent: Object.fromEntries([...hosts].map(([h, s]) => [h, s.sent])) }),
  };
}

/** Retry-After is either delay-seconds or an HTTP date; returns the epoch ms to wait for, or null. */
export function retryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

function networkMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `network error (${message.slice(0, 120)})`;
}
