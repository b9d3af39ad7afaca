/**
 * Fuzz case counts: each property names its budget here so the suite can report how many cases ran
 * (`GREENWAY_FUZZ_REPORT=1 npx vitest run tests/security` prints the total).
 * `GREENWAY_FUZZ_SCALE` multiplies every budget for a longer hunt (default 1).
 */
const scale = Math.max(0.1, Number(process.env.GREENWAY_FUZZ_SCALE ?? 1) || 1);
const totals = new Map<string, number>();

export function countCases(label: string, runs: number): number {
  const n = Math.max(1, Math.round(runs * scale));
  totals.set(label, (totals.get(label) ?? 0) + n);
  return n;
}

export function caseTotals(): Record<string, number> {
  return Object.fromEntries(totals);
}
