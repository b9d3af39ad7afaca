/**
 * Checks a list's DOIs through the background, a chunk at a time: progress after each chunk,
 * cancellable between chunks (what was done is kept), one failing chunk never blanks the others,
 * and per-DOI sources paced. All I/O is injected, so the page, the bench and the tests share it.
 */
import type { LookupResult } from '../model';
import { countResult, emptyTally, type RunTally } from './tally';

/**
 * DOIs per message to the background: OpenAlex's 100 DOIs per request (so 5,000 DOIs
 * cost 50 requests), small enough that progress moves and Cancel takes effect within a chunk.
 */
export const LIST_CHUNK = 100;
/** With per-DOI sources ticked, each message carries this few DOIs and is paced (see PER_DOI_INTERVAL_MS). */
export const PER_DOI_CHUNK = 10;
/**
 * Least time per DOI when Unpaywall and CORE are asked (ms): 10 DOIs a second, Unpaywall's stated
 * ceiling for its API; CORE answers too-fast callers with 429 + Retry-After, which the engine's HTTP
 * client honours (utils/engine/http.ts).
 */
export const PER_DOI_INTERVAL_MS = 100;

/** Batched chunks sent before the first answers (see checkList). */
export const CHUNKS_IN_FLIGHT = 2;

export interface CheckDeps {
  /** Looks up to LIST_CHUNK DOI keys up; the background's `lookup:list`. */
  send(dois: string[], perDoi: boolean): Promise<Record<string, LookupResult>>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface CheckProgress {
  done: number;
  total: number;
  /** Per-source counts and errors so far (results themselves go to `onProgress`, not kept here). */
  tally: RunTally;
  /** Chunks the background could not answer: their DOIs stay "not checked". */
  failures: string[];
}

export interface CheckOptions {
  perDoi: boolean;
  signal?: AbortSignal;
  /**
   * After each chunk, with the chunk's keys and the results it got, by key (a key without a
   * result stays not checked), so a caller can update just those rows.
   */
  onProgress?(progress: CheckProgress, chunk: readonly string[], results: ReadonlyMap<string, LookupResult>): void;
}

/**
 * Looks every key up, chunks started in list order; resolves with what was done when all chunks have
 * answered or the signal aborted (chunks already sent still finish and count; never rejects). `keys`
 * are DOI keys, distinct.
 */
export async function checkList(keys: readonly string[], deps: CheckDeps, options: CheckOptions): Promise<CheckProgress> {
  const progress: CheckProgress = { done: 0, total: keys.length, tally: emptyTally(), failures: [] };
  const size = options.perDoi ? PER_DOI_CHUNK : LIST_CHUNK;
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += size) chunks.push(keys.slice(i, i + size));
  let next = 0;
  // Batched: two chunks in flight, so one chunk's answer overlaps the next one's requests (the
  // engine still limits requests per host). Per-DOI: one at a time, paced.
  const lanes = options.perDoi ? 1 : CHUNKS_IN_FLIGHT;
  const lane = async () => {
    while (next < chunks.length && !options.signal?.aborted) {
      const chunk = chunks[next++]!;
      const started = deps.now();
      const results = new Map<string, LookupResult>();
      try {
        const answer = await deps.send(chunk, options.perDoi);
        for (const key of chunk) {
          const result = answer[key];
          if (!result) continue;
          results.set(key, result);
          countResult(progress.tally, result);
        }
      } catch (error) {
        progress.failures.push(error instanceof Error ? error.message : String(error));
      }
      progress.done += chunk.length;
      options.onProgress?.(progress, chunk, results);
      if (options.perDoi && next < chunks.length) {
        const wait = chunk.length * PER_DOI_INTERVAL_MS - (deps.now() - started);
        if (wait > 0) await deps.sleep(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return progress;
}
