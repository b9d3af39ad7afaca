/**
 * Inline badges' answers, progressively: a badge batch waits on its slowest source, so the reply
 * goes out shortly after the first source reports a copy (`EARLY_GRACE_MS`, to let the other fast
 * sources join), with the answers so far that have a copy; the content script then asks again with
 * `final` for the whole answer. A batch where no source has a copy waits for the whole answer (a
 * badge never says "no copy" before every source answered).
 */
import type { LookupManyOptions } from '../../utils/engine';
import type { ProgressListener } from '../../utils/engine/progress';
import type { BadgeAnswers } from '../../utils/messaging/protocol';
import type { LookupResult } from '../../utils/model';
import { doiKey } from '../../utils/model/doi';

/** How long after the first copy the early reply waits for other fast sources (ms). */
export const EARLY_GRACE_MS = 250;

export interface BadgeLookupPort {
  lookupMany(dois: string[], options?: LookupManyOptions & { onProgress?: ProgressListener }): Promise<Map<string, LookupResult>>;
}

/** The badge answers for `dois` (batched sources): early unless `final`; see the module comment. */
export async function answerBadges(
  engine: BadgeLookupPort,
  dois: string[],
  { final = false, graceMs = EARLY_GRACE_MS }: { final?: boolean; graceMs?: number } = {},
): Promise<BadgeAnswers> {
  if (final) return { results: Object.fromEntries(await engine.lookupMany(dois, { scope: 'batched' })), unfinished: [] };
  const latest = new Map<string, LookupResult>();
  let early: () => void = () => undefined;
  const copyFound = new Promise<null>((resolve) => (early = () => resolve(null)));
  let armed = false;
  const whole = engine.lookupMany(dois, {
    scope: 'batched',
    onProgress: ({ doi, result }) => {
      latest.set(doi, result);
      if (!armed && result.best) {
        armed = true;
        setTimeout(early, graceMs);
      }
    },
  });
  const first = await Promise.race([whole, copyFound]);
  if (first) return { results: Object.fromEntries(first), unfinished: [] };
  const results: Record<string, LookupResult> = {};
  for (const doi of dois) {
    const soFar = latest.get(doiKey(doi) ?? '');
    if (soFar?.best) results[doi] = soFar;
  }
  // One batch ends together: until it has, no answer in it is final.
  return { results, unfinished: [...dois] };
}
