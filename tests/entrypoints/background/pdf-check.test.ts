import { describe, expect, it, vi } from 'vitest';
import { createPdfChecker } from '@/entrypoints/background/pdf-check';

const pdf = () => new Response('%PDF-1.7 …', { status: 206, headers: { 'content-type': 'application/pdf' } });

function setup() {
  let now = 0;
  const fetch = vi.fn(async () => pdf());
  const check = createPdfChecker({ fetch, sleep: () => new Promise<void>(() => undefined) }, { ttlMs: 1000, maxEntries: 2, now: () => now });
  return { check, fetch, advance: (ms: number) => (now += ms) };
}

describe('createPdfChecker', () => {
  it('probes a URL once while the answer is fresh, shared by concurrent asks', async () => {
    const { check, fetch } = setup();
    const [a, b] = await Promise.all([check('https://r.example/a.pdf'), check('https://r.example/a.pdf')]);
    expect(a).toEqual({ state: 'verified', detail: 'PDF' });
    expect(b).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(2); // HEAD + ranged GET, once
  });
  it('probes again after the TTL and forgets the oldest entries beyond the bound', async () => {
    const { check, fetch, advance } = setup();
    await check('https://r.example/a.pdf');
    advance(1001);
    await check('https://r.example/a.pdf');
    expect(fetch).toHaveBeenCalledTimes(4);
    await check('https://r.example/b.pdf');
    await check('https://r.example/c.pdf');
    fetch.mockClear();
    await check('https://r.example/a.pdf');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
  it('answers non-http links without any request', async () => {
    const { check, fetch } = setup();
    expect((await check('javascript:alert(1)')).state).toBe('unreachable');
    expect(fetch).not.toHaveBeenCalled();
  });
});
