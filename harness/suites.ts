/**
 * Loads the pluggable suites of a scripts/ runner (bench, corpus): every .ts module in `dir` except
 * types.ts, sorted, optionally only those whose file name contains one of the command-line words.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadSuites<T>(dir: string, argv: readonly string[]): Promise<T[]> {
  const filter = argv.filter((a) => !a.startsWith('-'));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
    .filter((f) => filter.length === 0 || filter.some((n) => f.includes(n)))
    .sort();
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
  return modules.map((m) => (m as { default: T }).default);
}
