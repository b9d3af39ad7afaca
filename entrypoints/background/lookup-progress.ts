/**
 * Where the popup finds a lookup's answer so far: `progress:<DOI key>` in `storage.session` (extension
 * pages read it directly and hear its changes), written after each source answers while the popup
 * waits for `lookup:doi`, and removed when the lookup ends. Writes for one DOI happen in order, so
 * the removal is never overtaken by a late update.
 */
import type { StorageArea } from '../../utils/storage/area';
import type { LookupProgress } from '../../utils/engine/progress';

import { progressKey } from '../../utils/messaging/progress-key';

export { progressKey };

/** What is stored: the update, stamped with the time it was written (epoch ms). */
export interface StoredProgress {
  result: LookupProgress['result'];
  pending: LookupProgress['pending'];
  at: number;
}

export interface ProgressStore {
  set(doiKey: string, update: LookupProgress): void;
  clear(doiKey: string): void;
}

export function createProgressStore(area: Pick<StorageArea, 'set' | 'remove'>, now: () => number = Date.now): ProgressStore {
  const tails = new Map<string, Promise<void>>();
  /** Runs `write` after the DOI's earlier writes; a failed write (a full session area) is dropped. */
  const queue = (doiKey: string, write: () => Promise<void>) => {
    const tail = (tails.get(doiKey) ?? Promise.resolve()).then(write).catch(() => undefined);
    tails.set(doiKey, tail);
    void tail.then(() => {
      if (tails.get(doiKey) === tail) tails.delete(doiKey);
    });
  };
  return {
    set: (doiKey, update) =>
      queue(doiKey, () => area.set({ [progressKey(doiKey)]: { result: update.result, pending: update.pending, at: now() } satisfies StoredProgress })),
    clear: (doiKey) => queue(doiKey, () => area.remove(progressKey(doiKey))),
  };
}
