import { describe, expect, it } from 'vitest';
import { testApiKey } from '@/utils/settings/key-test';
import type { FetchLike } from '@/utils/engine';

function fakeFetch(status: number, body: string, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(body, { status, headers });
  };
  return { fetch, calls };
}

describe('testApiKey', () => {
  it('OpenAlex: asks the free /rate-limit endpoint and reports the budget left', async () => {
    const { fetch, calls } = fakeFetch(200, JSON.stringify({ rate_limit: { daily_budget_usd: 1, daily_remaining_usd: 0.998 } }));
    const result = await testApiKey('openalex', ' KEY1 ', fetch);
    expect(result).toEqual({ kind: 'accepted', status: 200, detail: 'daily budget 0.998 of 1 USD left' });
    expect(calls[0]?.url).toBe('https://api.openalex.org/rate-limit?api_key=KEY1');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.referrerPolicy).toBe('no-referrer');
  });

  it('OpenAlex: a refused key reports the service’s own message', async () => {
    const { fetch } = fakeFetch(401, '{"error":"Invalid or missing API key","message":"API key not found"}');
    expect(await testApiKey('openalex', 'bad', fetch)).toEqual({ kind: 'rejected', status: 401, detail: 'API key not found' });
  });

  it('CORE: sends the key as a bearer token and reports the remaining requests', async () => {
    const { fetch, calls } = fakeFetch(200, '{"totalHits":1,"results":[]}', { 'x-ratelimit-remaining': '9', 'x-ratelimit-limit': '10' });
    expect(await testApiKey('core', 'C0RE', fetch)).toEqual({ kind: 'accepted', status: 200, detail: '9 of 10 requests left' });
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer C0RE');
    expect(calls[0]?.url.startsWith('https://api.core.ac.uk/v3/search/works?')).toBe(true);
  });

  it('Semantic Scholar: sends x-api-key; a plain-text refusal is reported as is', async () => {
    const { fetch, calls } = fakeFetch(403, 'Forbidden');
    expect(await testApiKey('semanticscholar', 'S2', fetch)).toEqual({ kind: 'rejected', status: 403, detail: 'Forbidden' });
    expect(new Headers(calls[0]?.init?.headers).get('x-api-key')).toBe('S2');
    expect(calls[0]?.url).toBe('https://api.semanticscholar.org/graph/v1/paper/DOI:10.1038/nature12373?fields=paperId');
  });

  it('uses the configured base URL (a mirror or the test server)', async () => {
    const { fetch, calls } = fakeFetch(200, '{}');
    await testApiKey('semanticscholar', 'S2', fetch, 'http://127.0.0.1:8787/s2/');
    expect(calls[0]?.url.startsWith('http://127.0.0.1:8787/s2/graph/v1/paper/')).toBe(true);
  });

  it('clips long answers and reports a network failure as unreachable', async () => {
    const { fetch } = fakeFetch(429, JSON.stringify({ message: 'x'.repeat(500) }));
    const limited = await testApiKey('core', 'k', fetch);
    expect(limited.kind === 'rejected' && limited.detail.length).toBe(200);
    const offline: FetchLike = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await testApiKey('core', 'k', offline)).toEqual({ kind: 'unreachable', detail: 'Failed to fetch' });
  });

  it('makes no request for an empty key', async () => {
    const { fetch, calls } = fakeFetch(200, '{}');
    expect(await testApiKey('openalex', '  ', fetch)).toEqual({ kind: 'empty' });
    expect(calls).toEqual([]);
  });
});
