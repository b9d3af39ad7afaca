/**
 * Asks the background to check each shown PDF link (see entrypoints/background/pdf-check.ts) and keeps the
 * answers for the popup. A few links at most: the popup shows a handful of copies, and each check
 * costs the repository a request.
 */
import { useEffect, useState } from 'preact/hooks';
import type { VerifyResult, VerifyState } from '../utils/links/pdf-probe';

export type PdfCheckState = 'checking' | VerifyState;

export const MAX_CHECKS = 8;

export function usePdfChecks(
  urls: ReadonlyArray<string | null>,
  verify: ((url: string) => Promise<VerifyResult>) | undefined,
): ReadonlyMap<string, PdfCheckState> {
  const unique = [...new Set(urls.filter((u): u is string => !!u))].slice(0, MAX_CHECKS);
  const signature = unique.join('\n');
  const [states, setStates] = useState<ReadonlyMap<string, PdfCheckState>>(new Map());
  useEffect(() => {
    if (!verify || unique.length === 0) return;
    let live = true;
    setStates(new Map(unique.map((u) => [u, 'checking' as const])));
    for (const url of unique) {
      verify(url)
        .then(
          (r) => r.state,
          () => 'unknown' as const,
        )
        .then((state) => {
          if (live) setStates((prev) => new Map(prev).set(url, state));
        });
    }
    return () => {
      live = false;
    };
    // `signature` stands for `unique`: a new array with the same links must not re-check them.
  }, [signature, verify]);
  return states;
}
