/** One figure printed by `npm run bench`. Each file in scripts/bench/ (except this one) default-exports a suite. */
export interface BenchRow {
  /** What is measured, e.g. "article detection, corpus pages, median". */
  name: string;
  value: number;
  unit: string;
  /** The goal from the issue, e.g. "≤ 2 ms", shown beside the figure. */
  target?: string;
  /** Whether the figure meets its target; omitted when there is no target. */
  ok?: boolean;
  /**
   * Why the figure could not be measured (e.g. no Chromium). Such a row, like one whose value is not a
   * finite number, never counts as met: the run reports it and exits non-zero.
   */
  skipped?: string;
}

export interface BenchSuite {
  title: string;
  run(): Promise<BenchRow[]>;
}
