import { describe, expect, it } from 'vitest';
import { createHttpClient, retryAfter } from '../../../utils/engine/http';
import { FakeClock, fakeFetch, json, settle } from './fakes';

const OPTIONS = { timeoutMs: 1000, retries: 2, backoffMs: 100, maxConcurrentPerHost: 2, maxRetryAfterMs: 5000 };

function client(routes: Parameters<typeof fakeFetch>[0], options = OPTIONS) {
  const clock = new FakeClock();
  const fake = fakeFetch(routes);
  return { clock, calls: fake.calls, http: createHttpClient({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep }, () => options) };
}

describe('http client', () => {
  it('retries a 5xx with backoff, then returns the last answer', async () => {
    const { clock, calls, http } = client([['x.test', () => new Response('down', { status: 503 })]]);
    const result = await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(result).toMatchObject({ kind: 'response', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('succeeds when a retry succeeds', async () => {
    let n = 0;
    const { clock, http } = client([['x.test', () => (n++ === 0 ? new Response('', { status: 500 }) : json({ ok: 1 }))]]);
    const result = await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(result).toMatchObject({ kind: 'response', status: 200, text: '{"ok":1}' });
  });

  it('honours Retry-After on 429 before asking again', async () => {
    let n = 0;
    const { clock, calls, http } = client([['x.test', () => (n++ === 0 ? json({}, 429, { 'retry-after': '3' }) : json({ ok: 1 }))]]);
    const started = clock.now();
    const result = await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(result).toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
    expect(clock.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('gives up on a Retry-After longer than it may wait, and keeps the host paused', async () => {
    const { clock, calls, http } = client([['x.test', () => json({}, 429, { 'retry-after': '3600' })]]);
    expect(await settle(http.send({ url: 'https://x.test/a' }), clock)).toMatchObject({ status: 429 });
    const second = await settle(http.send({ url: 'https://x.test/b' }), clock);
    expect(second).toMatchObject({ kind: 'failure' });
    expect(second.kind === 'failure' && second.error).toMatch(/rate limited; try again in \d+ s/);
    expect(calls).toHaveLength(1);
  });

  it('stops asking a host whose budget headers say the allowance is spent', async () => {
    const { clock, calls, http } = client([
      ['x.test', () => json({ ok: 1 }, 200, { 'x-ratelimit-remaining-usd': '0.00005', 'x-ratelimit-cost-usd': '0.0001', 'x-ratelimit-reset': '7200' })],
    ]);
    expect(await settle(http.send({ url: 'https://x.test/a' }), clock)).toMatchObject({ status: 200 });
    expect(await settle(http.send({ url: 'https://x.test/b' }), clock)).toMatchObject({ kind: 'failure' });
    expect(calls).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    const { clock, http } = client([['x.test', () => new Promise<Response>(() => undefined)]]);
    const result = await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(result).toEqual({ kind: 'failure', error: 'timed out after 1 s' });
  });

  it('turns a network error into a failure after retries', async () => {
    const { clock, calls, http } = client([
      [
        'x.test',
        () => {
          throw new TypeError('connection refused');
        },
      ],
    ]);
    const result = await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(result).toEqual({ kind: 'failure', error: 'network error (connection refused)' });
    expect(calls).toHaveLength(3);
  });

  it('keeps at most maxConcurrentPerHost requests in flight per host', async () => {
    let active = 0;
    let peak = 0;
    const { clock, http } = client([
      [
        'x.test',
        async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 1));
          active--;
          return json({});
        },
      ],
    ]);
    await settle(Promise.all(Array.from({ length: 6 }, (_, i) => http.send({ url: `https://x.test/${i}` }))), clock);
    expect(peak).toBe(2);
    expect(http.stats().sent['x.test']).toBe(6);
  });

  it('sends no cookies and no referrer', async () => {
    let init: RequestInit | undefined;
    const clock = new FakeClock();
    const http = createHttpClient({ fetch: async (_u, i) => ((init = i), json({})), now: clock.now, sleep: clock.sleep }, () => OPTIONS);
    await settle(http.send({ url: 'https://x.test/a' }), clock);
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('5', 1000)).toBe(6000);
    expect(retryAfter('Wed, 21 Oct 2015 07:28:00 GMT', 0)).toBe(Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'));
    expect(retryAfter('soon', 0)).toBeNull();
    expect(retryAfter(null, 0)).toBeNull();
  });
});
