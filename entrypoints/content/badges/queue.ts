/**
 * The content script's side of batching: DOIs asked for within a short window travel in one
 * `lookup:many` message of at most `maxBatch` DOIs, each DOI is asked for once per page (results and
 * failures are remembered), and a failed message resolves its DOIs with null instead of throwing.
 * The background's engine batches again per source and caches across pages.
 */
import { doiKey } from '../../../utils/model/doi';
import type { LookupResult } from '../../../utils/model';

export interface LookupQueueOptions {
  /** Sends one message; resolves with results keyed by the DOIs as sent. */
  send(dois: string[]): Promise<Record<string, LookupResult>>;
  /** Collect for this long before sending (default 80 ms). */
  windowMs?: number;
  /** Most DOIs per message (default 100, OpenAlex's filter limit). */
  maxBatch?: number;
  setTimer?(callback: () => void, ms: number): unknown;
}

export interface LookupQueue {
  /** The result for `doi` (null when the lookup failed); shares one request with every other caller. */
  request(doi: string): Promise<LookupResult | null>;
  /** True once `doi` was requested (pending, in flight or done). */
  has(doi: string): boolean;
  /** DOIs collected but not yet sent. */
  pendingCount(): number;
  /** Messages sent so far (tests, bench). */
  sentMessages(): number;
  /** Sends what is collected now. */
  flush(): void;
}

interface Pending {
  doi: string;
  resolve(result: LookupResult | null): void;
}

export function createLookupQueue(options: LookupQueueOptions): LookupQueue {
  const windowMs = options.windowMs ?? 80;
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? 100, 1000));
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const known = new Map<string, Promise<LookupResult | null>>();
  const pending: Pending[] = [];
  let timerArmed = false;
  let messages = 0;

  function send(batch: Pending[]): void {
    messages++;
    let reply: Promise<Record<string, LookupResult>>;
    try {
      reply = options.send(batch.map((p) => p.doi));
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(
      (results) => {
        for (const p of batch) {
          const result = results && typeof results === 'object' ? results[p.doi] : undefined;
          p.resolve(result ?? null);
        }
      },
      () => {
        for (const p of batch) p.resolve(null);
      },
    );
  }

  function flush(): void {
    while (pending.length > 0) send(pending.splice(0, maxBatch));
  }

  function request(doi: string): Promise<LookupResult | null> {
    const key = doiKey(doi);
    // Not a DOI (the detector only reports DOIs, so this is a caller's slip): nothing to ask.
    if (key === null) return Promise.resolve(null);
    const existing = known.get(key);
    if (existing) return existing;
    const promise = new Promise<LookupResult | null>((resolve) => pending.push({ doi, resolve }));
    known.set(key, promise);
    if (pending.length >= maxBatch) {
      send(pending.splice(0, maxBatch));
    } else if (!timerArmed) {
      timerArmed = true;
      setTimer(() => {
        timerArmed = false;
        flush();
      }, windowMs);
    }
    return promise;
  }

  return {
    request,
    has: (doi) => known.has(doiKey(doi) ?? ''),
    pendingCount: () => pending.length,
    sentMessages: () => messages,
    flush,
  };
}
