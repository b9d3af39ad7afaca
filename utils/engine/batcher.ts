/**
 * Collects keys asked for within a short window and hands them to one `run` call, so a page that
 * shows twenty DOIs costs one request per source rather than twenty. A full batch is sent at once.
 */

export interface BatcherOptions<V> {
  windowMs(): number;
  maxBatch: number;
  sleep(ms: number): Promise<void>;
  /** Must resolve with a value for every key; a rejection fails every key of that batch. */
  run(keys: string[]): Promise<Map<string, V>>;
}

export interface Batcher<V> {
  load(key: string): Promise<V>;
  /** Sends whatever is collected now instead of waiting for the window. */
  flush(): void;
}

interface Waiter<V> {
  resolve(value: V): void;
  reject(error: unknown): void;
}

export function createBatcher<V>(options: BatcherOptions<V>): Batcher<V> {
  let pending = new Map<string, Array<Waiter<V>>>();
  let timerArmed = false;

  function flush(): void {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    const keys = [...batch.keys()];
    options.run(keys).then(
      (results) => {
        for (const [key, waiters] of batch) {
          const value = results.get(key);
          for (const w of waiters) {
            if (value === undefined) w.reject(new Error(`no result for ${key}`));
            else w.resolve(value);
          }
        }
      },
      (error: unknown) => {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
      },
    );
  }

  function load(key: string): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      if (pending.size >= options.maxBatch) {
        flush();
        return;
      }
      if (!timerArmed) {
        timerArmed = true;
        void options.sleep(options.windowMs()).then(() => {
          timerArmed = false;
          flush();
        });
      }
    });
  }

  return { load, flush };
}
