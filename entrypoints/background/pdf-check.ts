/**
 * The background's PDF link checker for the popup (`verify:pdf`). Wraps utils/verify.ts with a short
 * memory: a popup reopened on the same article, or two copies sharing one PDF, probe the host once
 * and not on every render. Concurrent asks for one URL share the same probe.
 */
import { verifyPdfLink, type VerifyDeps, type VerifyResult } from '../../utils/links/pdf-probe';

export interface PdfCheckerOptions {
  /** How long an answer is reused; a repository that was down may be back later. */
  ttlMs?: number;
  /** Bound on remembered URLs, so a long session cannot grow the worker's memory. */
  maxEntries?: number;
  now?: () => number;
}

export type PdfChecker = (url: string) => Promise<VerifyResult>;

export function createPdfChecker(deps: VerifyDeps, options: PdfCheckerOptions = {}): PdfChecker {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const max = options.maxEntries ?? 200;
  const now = options.now ?? Date.now;
  const memo = new Map<string, { at: number; answer: Promise<VerifyResult> }>();
  return (url) => {
    const hit = memo.get(url);
    if (hit && now() - hit.at < ttl) return hit.answer;
    // verifyPdfLink never rejects (bad input and network errors come back as states).
    const answer = verifyPdfLink(url, deps);
    memo.delete(url);
    memo.set(url, { at: now(), answer });
    // Map keeps insertion order: the first key is the oldest entry.
    while (memo.size > max) memo.delete(memo.keys().next().value as string);
    return answer;
  };
}
