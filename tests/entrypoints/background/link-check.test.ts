import { describe, expect, it, vi } from 'vitest';
import { createLinkChecker, PER_HOST, type LinkCheckerDeps } from '@/entrypoints/background/link-check';

const pdf = () => new Response('%PDF-1.7 …', { status: 206, headers: { 'content-type': 'application/pdf' } });
const capture = () =>
  new Response(
    JSON.stringify({
      archived_snapshots: {
        closest: { available: true, status: '200', timestamp: '20200102030405', url: 'http://web.archive.org/web/20200102030405/https://r.example/gone.pdf' },
      },
    }),
  );
const never = () => new Promise<void>(() => undefined);

function setup(extra: Partial<LinkCheckerDeps> = {}) {
  let now = 0;
  const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async (url) =>
    url.includes('/wayback/') ? capture() : url.includes('gone') ? new Response('', { status: 404 }) : pdf(),
  );
  const checker = createLinkChecker({ fetch, sleep: never, ...extra }, { ttlMs: 1000, maxEntries: 2, now: () => now });
  return { checker, fetch, advance: (ms: number) => (now += ms), urls: () => fetch.mock.calls.map((c) => c[0]) };
}

describe('createLinkChecker', () => {
  it('checks a URL once while the answer is fresh, shared by concurrent asks; again after the TTL', async () => {
    const { checker, fetch, advance } = setup();
    const [a, b] = await Promise.all([checker.check({ url: 'https://r.example/a.pdf' }), checker.check({ url: 'https://r.example/a.pdf' })]);
    expect(a).toMatchObject({ state: 'pdf' });
    expect(b).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1001);
    await checker.check({ url: 'https://r.example/a.pdf' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it(`runs at most ${PER_HOST} checks at a time against one host`, async () => {
    let running = 0;
    let peak = 0;
    const fetch = vi.fn(async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return pdf();
    });
    const checker = createLinkChecker({ fetch, sleep: never });
    await Promise.all([1, 2, 3, 4, 5].map((n) => checker.check({ url: `https://r.example/${n}.pdf` })));
    expect(fetch).toHaveBeenCalledTimes(5);
    expect(peak).toBe(PER_HOST);
  });

  it('says "not checked" without any request when Greenway may not access the host', async () => {
    const hasAccess = vi.fn(async (origin: string) => origin !== 'https://r.example');
    const { checker, fetch } = setup({ hasAccess });
    expect(await checker.check({ url: 'https://r.example/a.pdf' })).toMatchObject({ state: 'not-checked', origin: 'https://r.example' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a dead link brings its archived copy; nothing is asked for a live one', async () => {
    const { checker, urls } = setup();
    expect(await checker.check({ url: 'https://r.example/gone.pdf' })).toMatchObject({
      state: 'dead',
      archived: { url: 'https://web.archive.org/web/20200102030405/https://r.example/gone.pdf', date: '2020-01-02' },
    });
    await checker.check({ url: 'https://r.example/a.pdf' });
    // A record checked only for the same paper brings no archive look-up.
    expect(await checker.check({ url: 'https://r.example/gone-record', expect: 'landing', archive: false })).toMatchObject({ state: 'dead' });
    expect(urls().filter((u) => u.includes('/wayback/'))).toEqual(['https://archive.org/wayback/available?url=https%3A%2F%2Fr.example%2Fgone.pdf']);
  });

  it('in privacy mode asks the archive only on request, and only for a link found dead', async () => {
    const { checker, urls } = setup({ archiveWithoutClick: async () => false });
    const dead = await checker.check({ url: 'https://r.example/gone.pdf' });
    expect(dead).toMatchObject({ state: 'dead', archived: undefined });
    expect(urls().some((u) => u.includes('/wayback/'))).toBe(false);
    expect(await checker.archive('https://r.example/a.pdf')).toBeNull();
    expect(urls().some((u) => u.includes('/wayback/'))).toBe(false);
    expect(await checker.archive('https://r.example/gone.pdf')).toMatchObject({ date: '2020-01-02' });
  });

  it('answers non-http links without any request', async () => {
    const { checker, fetch } = setup();
    expect((await checker.check({ url: 'javascript:alert(1)' })).state).toBe('unknown');
    expect(fetch).not.toHaveBeenCalled();
  });
});
