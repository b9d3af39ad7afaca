/**
 * The slice of `browser.storage.{local,session}` Greenway uses. Engine, tab store and settings take
 * this interface so that they run against the real storage in the browser and an in-memory map in
 * Node (CLI, bench, unit tests).
 */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** An in-memory StorageArea, for Node and tests. Values are structured-cloned like the real thing. */
export function memoryStorage(initial: Record<string, unknown> = {}): StorageArea & { dump(): Record<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    async get(keys) {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
    dump: () => Object.fromEntries(data),
  };
}
