/** A corpus check run by `npm run test:corpus`; each module in scripts/corpus/ default-exports one. */
export interface CorpusCheck {
  title: string;
  /** Prints its own table; resolves to true when the check passes its thresholds. */
  run(sharedDir: string): Promise<boolean>;
}
