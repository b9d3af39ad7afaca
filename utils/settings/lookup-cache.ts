/**
 * The options page's view of the lookup cache: how much it holds and a way to empty it. The engine
 * keeps every entry (and its index) under keys starting with "greenway:lookup"; clearing removes
 * all of them, from any cache version. A missing entry is simply a miss for the engine.
 */
import type { StorageArea } from '../storage/area';

const CACHE_PREFIX = 'greenway:lookup';

export interface CacheUsage {
  /** Cached lookups (the index record is not counted). */
  entries: number;
  /** Approximate size: the JSON length of every cache record. */
  bytes: number;
}

async function cacheKeys(local: StorageArea): Promise<Record<string, unknown>> {
  const all = await local.get(null);
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(CACHE_PREFIX)));
}

export async function lookupCacheUsage(local: StorageArea): Promise<CacheUsage> {
  try {
    const records = await cacheKeys(local);
    let bytes = 0;
    let entries = 0;
    for (const [key, value] of Object.entries(records)) {
      bytes += key.length + (JSON.stringify(value)?.length ?? 0);
      if (key.startsWith(`${CACHE_PREFIX}:`)) entries++;
    }
    return { entries, bytes };
  } catch {
    return { entries: 0, bytes: 0 };
  }
}

export async function clearLookupCache(local: StorageArea): Promise<void> {
  const keys = Object.keys(await cacheKeys(local));
  if (keys.length) await local.remove(keys);
}
