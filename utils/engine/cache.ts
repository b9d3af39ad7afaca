/**
 * Lookup results cached in `storage.local`: one versioned entry per DOI, a time to live that depends
 * on what was found, a bound on the number of entries with least-recently-used eviction. Anything
 * that does not validate (an older format, a damaged record) is dropped and fetched again.
 */
import * as z from 'zod/mini';
import { LookupResult } from '../model';
import { indexOutcomes } from './answered';
import type { StorageAdapter } from './deps';

export const CACHE_VERSION = 1;
const PREFIX = `greenway:lookup:v${CACHE_VERSION}:`;
const INDEX_KEY = `greenway:lookup-index:v${CACHE_VERSION}`;

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
export const TTL = { found: 7 * DAY, nothingFound: DAY, partial: 60 * MINUTE, unregistered: 60 * MINUTE, incomplete: 5 * MINUTE } as const;

const Entry = z.object({
  v: z.literal(CACHE_VERSION),
  savedAt: z.number(),
  expiresAt: z.number(),
  /**
   * Which sources the result was asked of, comma-separated. An entry serves a request that would
   * ask a subset of them (a full entry serves a badge); enabling a source makes older entries stale.
   */
  signature: z.string(),
  result: LookupResult,
});
type Entry = z.infer<typeof Entry>;

const Index = z.object({ v: z.literal(CACHE_VERSION), lastUsed: z.record(z.string(), z.number()) });

/**
 * How long a result may be reused (ms, or null = not kept): found 7 days, nothing found 1 day; an
 * unregistered DOI an hour (it may be registered soon after it was printed); an incomplete answer
 * 5 minutes (and the engine asks its failed sources again on the next view even then); when some
 * sources failed but a copy was found, an hour; when every source failed, not at all.
 */
export function ttlFor(result: LookupResult): number | null {
  // doi.org's word alone (every index failed) is no answer to keep.
  const outcomes = indexOutcomes(result);
  const failed = outcomes.filter((o) => !o.ok).length;
  if (outcomes.length === 0 || failed === outcomes.length) return null;
  if (result.status === 'unregistered') return TTL.unregistered;
  if (result.status === 'incomplete') return TTL.incomplete;
  if (failed > 0) return TTL.partial;
  return result.copies.length > 0 ? TTL.found : TTL.nothingFound;
}

/** Whether an entry asked of `stored` sources answers a request that would ask `wanted` ones. */
export function signatureCovers(stored: string, wanted: string): boolean {
  const asked = new Set(stored.split(','));
  return wanted.split(',').every((name) => name === '' || asked.has(name));
}

export interface CacheStats {
  entries: number;
  hits: number;
  misses: number;
  evictions: number;
  dropped: number;
}

export interface LookupCache {
  /** Fresh entries whose sources include every one in `signature` (comma-separated source names). */
  getMany(dois: string[], signature: string): Promise<Map<string, LookupResult>>;
  setMany(items: Array<{ doi: string; result: LookupResult }>, signature: string): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
}

export function createLookupCache(storage: StorageAdapter, now: () => number, maxEntries: () => number): LookupCache {
  const counters = { hits: 0, misses: 0, evictions: 0, dropped: 0 };
  let indexLoad: Promise<Map<string, number>> | null = null;

  /** The LRU index lives in memory and is written with each batch of new entries. */
  function index(): Promise<Map<string, number>> {
    indexLoad ??= storage
      .get(INDEX_KEY)
      .then((got) => {
        const parsed = Index.safeParse(got[INDEX_KEY]);
        return new Map(parsed.success ? Object.entries(parsed.data.lastUsed) : []);
      })
      .catch(() => new Map<string, number>());
    return indexLoad;
  }

  async function getMany(dois: string[], signature: string): Promise<Map<string, LookupResult>> {
    const out = new Map<string, LookupResult>();
    if (dois.length === 0) return out;
    const [idx, stored] = await Promise.all([index(), storage.get(dois.map((d) => PREFIX + d)).catch(() => ({}) as Record<string, unknown>)]);
    const stale: string[] = [];
    const t = now();
    for (const doi of dois) {
      const raw = stored[PREFIX + doi];
      if (raw === undefined) {
        counters.misses++;
        continue;
      }
      const entry = Entry.safeParse(raw);
      if (!entry.success || entry.data.expiresAt <= t) {
        if (!entry.success) counters.dropped++;
        counters.misses++;
        stale.push(doi);
        continue;
      }
      // Asked of too few sources (a badge's entry, wanted by the popup): a miss, but kept, since it
      // still serves badges until the wider lookup overwrites it.
      if (!signatureCovers(entry.data.signature, signature)) {
        counters.misses++;
        continue;
      }
      counters.hits++;
      idx.set(doi, t);
      out.set(doi, entry.data.result);
    }
    if (stale.length) {
      for (const doi of stale) idx.delete(doi);
      await storage.remove(stale.map((d) => PREFIX + d)).catch(() => undefined);
    }
    return out;
  }

  async function setMany(items: Array<{ doi: string; result: LookupResult }>, signature: string): Promise<void> {
    const idx = await index();
    const t = now();
    const writes: Record<string, unknown> = {};
    for (const { doi, result } of items) {
      const ttl = ttlFor(result);
      if (ttl === null) continue;
      const entry: Entry = { v: CACHE_VERSION, savedAt: t, expiresAt: t + ttl, signature, result };
      writes[PREFIX + doi] = entry;
      idx.set(doi, t);
    }
    if (Object.keys(writes).length === 0) return;
    const evicted = evict(idx);
    writes[INDEX_KEY] = { v: CACHE_VERSION, lastUsed: Object.fromEntries(idx) };
    for (const doi of evicted) delete writes[PREFIX + doi];
    // A full or failing storage must not fail the lookup: the result is still returned, just not kept.
    await storage.set(writes).catch(() => undefined);
    if (evicted.length) await storage.remove(evicted.map((d) => PREFIX + d)).catch(() => undefined);
  }

  /** Drops the least recently used entries beyond the bound; returns their DOIs. */
  function evict(idx: Map<string, number>): string[] {
    const excess = idx.size - maxEntries();
    if (excess <= 0) return [];
    const oldest = [...idx]
      .sort((a, b) => a[1] - b[1])
      .slice(0, excess)
      .map(([doi]) => doi);
    for (const doi of oldest) idx.delete(doi);
    counters.evictions += oldest.length;
    return oldest;
  }

  async function clear(): Promise<void> {
    const all = await storage.get(null).catch(() => ({}) as Record<string, unknown>);
    const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX) || k === INDEX_KEY);
    if (keys.length) await storage.remove(keys).catch(() => undefined);
    indexLoad = Promise.resolve(new Map());
  }

  return {
    getMany,
    setMany,
    clear,
    stats: async () => ({ entries: (await index()).size, ...counters }),
  };
}
