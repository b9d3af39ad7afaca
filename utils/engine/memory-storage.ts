/** A `storage.local` stand-in for Node (CLI, bench, tests): a Map with the same async surface. */
import type { StorageAdapter } from './deps';

export interface MemoryStorage extends StorageAdapter {
  readonly data: Map<string, unknown>;
}

export function createMemoryStorage(): MemoryStorage {
  const data = new Map<string, unknown>();
  // Values are cloned like the real storage does, so callers cannot mutate what is stored.
  const clone = (v: unknown) => (v === undefined ? undefined : structuredClone(v));
  return {
    data,
    async get(keys) {
      const list = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = clone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}
