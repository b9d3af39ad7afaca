/**
 * The content script's side of batching: DOIs asked for within a short window travel in one
 * `lookup:badges` message of at most `maxBatch` DOIs, each DOI is asked for once per page (results and
 * failures are remembered), and a failed message resolves its DOIs with null instead of throwing.
 * The background's engine batches again per source and caches across pages.
 *
 * Progressive: the background may answer before every source has (`unfinished`); a DOI with a copy
 * so far resolves at once, and the batch is asked again for the final answer, which resolves the
 * rest and reaches subscribers for the DOIs already resolved (their badge may change).
 */
import { doiKey } from '../../../utils/model/doi';
import type { LookupResult } from '../../../utils/model';

/** One message's answer: results keyed by the DOIs as sent; `unfinished` ones are asked again with `final`. */
export interface BatchAnswer {
  results: Record<string, LookupResult>;
  unfinished?: string[];
}

export type UpdateListener = (doi: string, result: LookupResult | null) => void;

export interface LookupQueueOptions {
  /** Sends one message (`final`: wait for the whole answer). */
  send(dois: string[], final: boolean): Promise<BatchAnswer>;
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
  /** Hears the final answer of DOIs that already resolved with an answer so far; returns the unsubscribe. */
  subscribe(listener: UpdateListener): () => void;
}

interface Pending {
  doi: string;
  resolve(result: LookupResult | null): void;
  /** Resolved already (with an answer so far): the final answer goes to the subscribers. */
  settled?: boolean;
}

export function createLookupQueue(options: LookupQueueOptions): LookupQueue {
  const windowMs = options.windowMs ?? 80;
  const maxBatch = Math.max(1, Math.min(options.maxBatch ?? 100, 1000));
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const known = new Map<string, Promise<LookupResult | null>>();
  const pending: Pending[] = [];
  let timerArmed = false;
  let messages = 0;

  const listeners = new Set<UpdateListener>();

  function settle(p: Pending, result: LookupResult | null): void {
    if (!p.settled) {
      p.settled = true;
      p.resolve(result);
      return;
    }
    // Later askers get the final answer; those already shown hear of it.
    const key = doiKey(p.doi);
    if (key) known.set(key, Promise.resolve(result));
    for (const listener of [...listeners]) listener(p.doi, result);
  }

  function send(batch: Pending[], final = false): void {
    messages++;
    let reply: Promise<BatchAnswer>;
    try {
      reply = options.send(
        batch.map((p) => p.doi),
        final,
      );
    } catch (error) {
      reply = Promise.reject(error);
    }
    reply.then(
      (answer) => {
        const results = answer && typeof answer.results === 'object' && answer.results !== null ? answer.results : {};
        const unfinished = new Set(!final && Array.isArray(answer?.unfinished) ? answer.unfinished : []);
        const again: Pending[] = [];
        for (const p of batch) {
          const result = results[p.doi] ?? null;
          if (!unfinished.has(p.doi)) settle(p, result);
          else {
            again.push(p);
            // A copy found so far is shown now; "nothing yet" waits for the final answer.
            if (result) settle(p, result);
          }
        }
        if (again.length > 0) send(again, true);
      },
      () => {
        // A failed message: nothing known for the DOIs not shown yet; an answer so far stays.
        for (const p of batch) if (!p.settled) settle(p, null);
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
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
