import { describe, expect, it, vi } from 'vitest';
import { findArchivedCopy } from '@/utils/links/wayback';

const answer = (closest: unknown) =>
  new Response(JSON.stringify({ url: 'x', archived_snapshots: closest ? { closest } : {} }), { headers: { 'content-type': 'application/json' } });

describe('findArchivedCopy', () => {
  it('asks the availability API with only the copy URL and returns the capture over https with its date', async () => {
    const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>(async () =>
      answer({ available: true, status: '200', timestamp: '20230915120000', url: 'http://web.archive.org/web/20230915120000/https://r.example/a.pdf' }),
    );
    const copy = await findArchivedCopy('https://r.example/a.pdf', { fetch, base: 'http://127.0.0.1:9/' });
    expect(copy).toEqual({ url: 'https://web.archive.org/web/20230915120000/https://r.example/a.pdf', date: '2023-09-15' });
    expect(fetch.mock.calls[0]![0]).toBe('http://127.0.0.1:9/wayback/available?url=https%3A%2F%2Fr.example%2Fa.pdf');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });
  it('null without a capture, with a non-2xx capture, a malformed answer, an error, or a non-http URL', async () => {
    expect(await findArchivedCopy('https://r.example/a', { fetch: async () => answer(null) })).toBeNull();
    expect(
      await findArchivedCopy('https://r.example/a', { fetch: async () => answer({ status: '404', timestamp: '2023', url: 'http://web.archive.org/x' }) }),
    ).toBeNull();
    expect(await findArchivedCopy('https://r.example/a', { fetch: async () => answer({ url: 42 }) })).toBeNull();
    expect(await findArchivedCopy('https://r.example/a', { fetch: async () => new Response('no', { status: 503 }) })).toBeNull();
    expect(await findArchivedCopy('https://r.example/a', { fetch: () => Promise.reject(new TypeError('offline')) })).toBeNull();
    const fetch = vi.fn();
    expect(await findArchivedCopy('javascript:x', { fetch })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
