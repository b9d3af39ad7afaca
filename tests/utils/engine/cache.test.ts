import { describe, expect, it } from 'vitest';
import { createLookupCache, TTL, ttlFor } from '../../../utils/engine/cache';
import { memoryStorage as createMemoryStorage } from '../../../utils/storage/area';
import type { LookupResult } from '../../../utils/model';
import { FakeClock } from './fakes';

function result(doi: string, found: boolean, sources: LookupResult['sources'] = { openalex: { ok: true } }): LookupResult {
  const copy = {
    pdfUrl: 'https://r.example/1.pdf',
    landingUrl: null,
    hostType: 'repository' as const,
    hostName: 'R',
    version: null,
    licence: null,
    sources: ['openalex' as const],
  };
  return { doi, status: found ? 'green' : 'closed', retracted: false, best: found ? copy : null, copies: found ? [copy] : [], sources, fetchedAt: 0 };
}

function setup(max = 100) {
  const clock = new FakeClock();
  const storage = createMemoryStorage();
  return { clock, storage, cache: createLookupCache(storage, clock.now, () => max) };
}

// The lifetimes PRIVACY.md promises ("up to 7 days when a copy was found, 1 day when none was, 1 hour
// when a source failed"; README: "7 days at most"), written out here rather than read from the
// code's TTL, so that changing the code without changing the promise fails.
const HOUR = 60 * 60 * 1000;
const PROMISED = { found: 7 * 24 * HOUR, nothingFound: 24 * HOUR, partial: HOUR, unregistered: HOUR, incomplete: 5 * 60 * 1000 } as const;

const partialResult = (doi: string) => result(doi, true, { openalex: { ok: true }, crossref: { ok: false, error: 'x' } });
const incompleteResult = (doi: string) => ({
  ...result(doi, false, { openalex: { ok: false, error: 'x' }, crossref: { ok: true } }),
  status: 'incomplete' as const,
});
const unregisteredResult = (doi: string) => ({ ...result(doi, false, { openalex: { ok: true }, doiorg: { ok: true } }), status: 'unregistered' as const });

describe('ttlFor', () => {
  it('keeps found results a week, empty ones a day, partial failures and unregistered DOIs an hour, incomplete answers 5 minutes, total failures not at all', () => {
    expect(ttlFor(result('a', true))).toBe(PROMISED.found);
    expect(ttlFor(result('a', false))).toBe(PROMISED.nothingFound);
    expect(ttlFor(partialResult('a'))).toBe(PROMISED.partial);
    expect(ttlFor(incompleteResult('a'))).toBe(PROMISED.incomplete);
    expect(ttlFor(unregisteredResult('a'))).toBe(PROMISED.unregistered);
    expect(ttlFor(result('a', false, { openalex: { ok: false, error: 'x' } }))).toBeNull();
    // The exported constants are the promised ones too (the options page and docs may show them).
    expect(TTL).toEqual(PROMISED);
  });
});

describe('promised lifetimes in the cache', () => {
  it.each([
    ['found', (doi: string) => result(doi, true), PROMISED.found],
    ['nothing found', (doi: string) => result(doi, false), PROMISED.nothingFound],
    ['a source failed', partialResult, PROMISED.partial],
    ['incomplete', incompleteResult, PROMISED.incomplete],
    ['unregistered', unregisteredResult, PROMISED.unregistered],
  ] as const)('serves a "%s" entry until its promised lifetime ends, and not after', async (_kind, make, lifetime) => {
    const { clock, cache } = setup();
    await cache.setMany([{ doi: 'a', result: make('a') }], 'sig');
    await clock.advance(lifetime - 1);
    expect((await cache.getMany(['a'], 'sig')).size).toBe(1);
    await clock.advance(1);
    expect((await cache.getMany(['a'], 'sig')).size).toBe(0);
  });
});

describe('lookup cache', () => {
  it('returns a stored result until its TTL passes', async () => {
    const { clock, cache } = setup();
    await cache.setMany([{ doi: 'a', result: result('a', false) }], 'sig');
    expect((await cache.getMany(['a'], 'sig')).get('a')?.status).toBe('closed');
    await clock.advance(PROMISED.nothingFound + 1);
    expect((await cache.getMany(['a'], 'sig')).size).toBe(0);
  });

  it('does not store results where every source failed', async () => {
    const { cache, storage } = setup();
    await cache.setMany([{ doi: 'a', result: result('a', false, { openalex: { ok: false, error: 'down' } }) }], 'sig');
    expect(Object.keys(storage.dump())).toEqual([]);
  });

  it('treats entries made with another set of sources as stale', async () => {
    const { cache } = setup();
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 'openalex');
    expect((await cache.getMany(['a'], 'openalex,unpaywall')).size).toBe(0);
  });

  it('serves a request asking fewer sources than the entry was asked of, and keeps a narrower entry on a miss', async () => {
    const { cache, storage } = setup();
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 'openalex,unpaywall,core');
    expect((await cache.getMany(['a'], 'openalex')).size).toBe(1);
    await cache.setMany([{ doi: 'b', result: result('b', true) }], 'openalex');
    expect((await cache.getMany(['b'], 'openalex,unpaywall')).size).toBe(0);
    expect(Object.keys(storage.dump()).some((k) => k.endsWith(':b'))).toBe(true);
    expect((await cache.getMany(['b'], 'openalex')).size).toBe(1);
  });

  it('drops a corrupt entry and counts it', async () => {
    const { cache, storage } = setup();
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 'sig');
    const key = Object.keys(storage.dump()).find((k) => k.includes(':lookup:'))!;
    await storage.set({ [key]: { v: 1, savedAt: 0, expiresAt: Infinity, signature: 'sig', result: { doi: 5 } } });
    expect((await cache.getMany(['a'], 'sig')).size).toBe(0);
    expect(storage.dump()).not.toHaveProperty([key]);
    expect((await cache.stats()).dropped).toBe(1);
  });

  it('evicts the least recently used entries beyond the bound', async () => {
    const { clock, cache } = setup(2);
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 's');
    await clock.advance(10);
    await cache.setMany([{ doi: 'b', result: result('b', true) }], 's');
    await clock.advance(10);
    await cache.getMany(['a'], 's'); // a is now more recent than b
    await clock.advance(10);
    await cache.setMany([{ doi: 'c', result: result('c', true) }], 's');
    const got = await cache.getMany(['a', 'b', 'c'], 's');
    expect([...got.keys()].sort()).toEqual(['a', 'c']);
    expect((await cache.stats()).evictions).toBe(1);
  });

  it('survives a restart (index reloaded from storage) and clears everything it owns', async () => {
    const { clock, storage, cache } = setup();
    await storage.set({ unrelated: 1 });
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 's');
    const again = createLookupCache(storage, clock.now, () => 100);
    expect((await again.getMany(['a'], 's')).size).toBe(1);
    await again.clear();
    expect(Object.keys(storage.dump())).toEqual(['unrelated']);
  });

  it('ignores a damaged index', async () => {
    const { clock, storage } = setup();
    await storage.set({ 'greenway:lookup-index:v1': 'junk' });
    const cache = createLookupCache(storage, clock.now, () => 100);
    await cache.setMany([{ doi: 'a', result: result('a', true) }], 's');
    expect((await cache.stats()).entries).toBe(1);
  });
});
