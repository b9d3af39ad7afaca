/**
 * Test doubles for the engine's injected I/O: a fake clock whose timers fire only when the test
 * advances time, and a fake fetch that routes by URL and records every request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export class FakeClock {
  t = 1_700_000_000_000;
  private timers: Array<{ at: number; resolve: () => void }> = [];

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = { at: this.t + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        resolve();
      });
    });

  /** Moves time forward, firing due timers in order and letting promise chains run in between. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await drain();
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.resolve();
    }
    this.t = target;
    await drain();
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

/** Lets every queued promise callback run (several macrotask turns, for chains of awaits). */
export async function drain(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Advances the fake clock in steps until the promise settles (bounded, so a bug cannot hang a test). */
export async function settle<T>(promise: Promise<T>, clock: FakeClock, stepMs = 50, maxSteps = 2000): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < maxSteps && !done; i++) await clock.advance(stepMs);
  return promise;
}

export interface Call {
  method: string;
  url: string;
  body: string | null;
  headers: Record<string, string>;
}

export type Handler = (call: Call) => Response | Promise<Response>;

/** Routes by substring of the URL; unmatched requests answer 599 so a test notices them. */
export function fakeFetch(routes: Array<[string, Handler]>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? init.body : null,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    };
    calls.push(call);
    const route = routes.find(([part]) => url.includes(part));
    if (!route) return new Response('no route', { status: 599 });
    return route[1](call);
  };
  return { fetch, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function fixture(name: string): string {
  // Vitest runs from the repository root.
  return readFileSync(join(process.cwd(), 'tests', 'fixtures', 'api', name), 'utf8');
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixture(name));
}
