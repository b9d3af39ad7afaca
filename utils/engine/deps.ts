/**
 * What the engine needs from its host, injected so the same code runs in the MV3 service worker
 * (global fetch, browser.storage.local) and in Node (CLI, bench, tests with a fake clock).
 */
import type { StorageArea } from '../storage/area';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** The subset of `browser.storage.local` the cache uses (the shared StorageArea). */
export type StorageAdapter = StorageArea;

export interface EngineDeps {
  fetch: FetchLike;
  storage: StorageAdapter;
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` (early if `signal` aborts); tests pass a fake that advances a fake clock. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Real timers and clock; storage and fetch still have to be chosen by the caller. */
export const realClock = {
  now: () => Date.now(),
  // The signal lets a finished request cancel its timeout timer, so Node can exit promptly.
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
};
