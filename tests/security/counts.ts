/**
 * Fuzz budgets: each property names its case count here, and its test timeout comes from here too.
 *
 * - `GREENWAY_FUZZ_SCALE=N` multiplies every case count for a longer hunt (default 1, at least 0.1);
 *   the timeouts grow with it (never below the scale-1 value), so a longer hunt does not time out.
 * - `GREENWAY_FUZZ_REPORT=1` prints, after each fuzz file, how many cases each property ran:
 *   `GREENWAY_FUZZ_SCALE=10 GREENWAY_FUZZ_REPORT=1 npx vitest run tests/security`
 */
export const FUZZ_SCALE = Math.max(0.1, Number(process.env.GREENWAY_FUZZ_SCALE ?? 1) || 1);
const totals = new Map<string, number>();

/** The number of runs for a property whose scale-1 budget is `runs`; recorded for the report. */
export function countCases(label: string, runs: number): number {
  const n = Math.max(1, Math.round(runs * FUZZ_SCALE));
  totals.set(label, (totals.get(label) ?? 0) + n);
  return n;
}

/**
 * The test timeout for a fuzz property. At scale 1 the slowest property takes about 3.5 s on a
 * loaded 2-core machine, against Vitest's default 5 s; 20 s leaves room, and it scales with the runs.
 */
export function fuzzTimeout(baseMs = 20_000): number {
  return Math.ceil(baseMs * Math.max(1, FUZZ_SCALE));
}

export function caseTotals(): Record<string, number> {
  return Object.fromEntries(totals);
}

/** For `afterAll` in each fuzz file: prints the cases run when GREENWAY_FUZZ_REPORT=1. */
export function reportCases(file: string): void {
  if (process.env.GREENWAY_FUZZ_REPORT !== '1') return;
  const counts = caseTotals();
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const each = Object.entries(counts)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  console.log(`[fuzz] ${file}: ${total} cases at scale ${FUZZ_SCALE} (${each})`);
}
