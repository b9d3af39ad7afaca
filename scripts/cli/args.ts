/**
 * Argument reading shared by the command-line tools (`detect`, `lookup`, `verify`). README promises
 * that each prints its usage with `--help` (exit 0) and exits 2 on bad arguments; the pieces here
 * keep the three saying the same words for the same mistakes.
 */

/** True for an argument that looks like an option (`--x`, `-x`) rather than an operand (a file, URL, DOI). */
export const isOption = (arg: string): boolean => arg.length > 1 && arg.startsWith('-');

/** A cursor over the command line that records argument errors as it reads. */
export interface ArgReader {
  /** The next argument, or undefined at the end. */
  next(): string | undefined;
  /**
   * The value of `option` (the argument after it), or null with "OPTION needs a value" recorded when
   * there is none or the next argument is itself an option (`--doi --title T` must not read `--title` as a DOI).
   */
  value(option: string): string | null;
  /** Every error recorded so far, in order (`value`'s, and any the caller adds). */
  readonly errors: string[];
}

/** An `ArgReader` over `argv` (`process.argv.slice(2)`); never throws. */
export function readArgs(argv: readonly string[]): ArgReader {
  let i = 0;
  const errors: string[] = [];
  return {
    next: () => argv[i++],
    value(option) {
      const value = argv[i];
      if (value === undefined || value.startsWith('--')) {
        errors.push(`${option} needs a value`);
        return null;
      }
      i++;
      return value;
    },
    errors,
  };
}

/** Prints each error, then the usage, on stderr and exits 2 — the README's code for bad arguments. */
export function exitWithArgumentErrors(errors: readonly string[], usage: string): never {
  process.stderr.write(`${[...errors, usage].join('\n')}\n`);
  process.exit(2);
}
