/**
 * Answers while a lookup runs: after each source answers, the result so far and the sources still
 * being asked, for the DOIs someone listens to (the popup, the toolbar icon of the tab showing the
 * article). Nothing is assembled for DOIs nobody listens to, so a 1,000-DOI badge batch costs
 * nothing extra. A listener that joins late gets the latest update at once.
 */
import type { LookupResult, SourceName } from '../model';

export interface LookupProgress {
  /** The DOI key (lower case). */
  doi: string;
  /** What the sources that answered so far say; its status is not final (a copy may still come). */
  result: LookupResult;
  /** Sources still being asked, in registry order. */
  pending: SourceName[];
}

export type ProgressListener = (update: LookupProgress) => void;

export interface ProgressHub {
  /** Listens to `key`'s updates until the returned function is called. */
  listen(key: string, listener: ProgressListener): () => void;
  /** Whether anyone listens to `key` (so that its update is worth assembling). */
  wanted(key: string): boolean;
  /** Sends an update for `key` to its listeners (made only when someone listens). */
  emit(key: string, make: () => LookupProgress): void;
  /** The lookup of `key` has ended: late listeners get no stale update. */
  end(key: string): void;
}

export function createProgressHub(): ProgressHub {
  const listeners = new Map<string, Set<ProgressListener>>();
  const latest = new Map<string, LookupProgress>();
  const call = (listener: ProgressListener, update: LookupProgress) => {
    try {
      listener(update);
    } catch {
      // A listener's failure is its own: the lookup and the other listeners go on.
    }
  };
  return {
    listen(key, listener) {
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      const last = latest.get(key);
      if (last) call(listener, last);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    wanted: (key) => listeners.has(key),
    emit(key, make) {
      const set = listeners.get(key);
      if (!set) return;
      const update = make();
      latest.set(key, update);
      for (const listener of [...set]) call(listener, update);
    },
    end(key) {
      latest.delete(key);
    },
  };
}
