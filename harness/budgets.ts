/** The size budgets (harness/budgets.json), read and checked once: the one place they are written down. */
import { readFileSync } from 'node:fs';

export interface Budget {
  /** An entry name as harness/bundle-sizes.ts names it ("content script", "popup", …). */
  entry: string;
  /** Most gzip bytes the entry may load. */
  gzipBytes: number;
  /** Why this entry's size matters, for messages and bench rows. */
  why: string;
}

function load(): Budget[] {
  const raw = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as { budgets?: unknown };
  if (!Array.isArray(raw.budgets)) throw new Error('harness/budgets.json: "budgets" must be a list');
  return raw.budgets.map((b: Partial<Budget>, i) => {
    if (typeof b.entry !== 'string' || !Number.isInteger(b.gzipBytes) || typeof b.why !== 'string') {
      throw new Error(`harness/budgets.json: budget ${i} needs "entry", an integer "gzipBytes" and "why"`);
    }
    return { entry: b.entry, gzipBytes: b.gzipBytes!, why: b.why };
  });
}

export const BUDGETS: readonly Budget[] = load();
