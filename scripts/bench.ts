/**
 * `npm run bench` — the one place where performance figures are produced. Every module in
 * scripts/bench/ default-exports a BenchSuite; `npm run bench -- NAME` runs only the suites whose
 * file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './bench/types';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .filter((f) => filter.length === 0 || filter.some((n) => f.includes(n)))
  .sort();

let failures = 0;
for (const file of files) {
  const suite = (await import(pathToFileURL(join(dir, file)).href)).default as BenchSuite;
  console.log(`\n## ${suite.title}`);
  try {
    const rows = await suite.run();
    const width = Math.max(...rows.map((r) => r.name.length), 10);
    for (const row of rows) {
      const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
      const target = row.target ? `  (target ${row.target}: ${row.ok ? 'met' : 'MISSED'})` : '';
      if (row.ok === false) failures++;
      console.log(`  ${row.name.padEnd(width)}  ${value.padStart(10)} ${row.unit}${target}`);
    }
  } catch (error) {
    failures++;
    console.log(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
console.log(failures === 0 ? '\nAll targets met.' : `\n${failures} target(s) missed or suite(s) failed.`);
process.exitCode = failures === 0 ? 0 : 1;
