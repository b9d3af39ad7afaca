/**
 * `npm run bench` — the one place where performance figures are produced. Every module in
 * scripts/bench/ default-exports a BenchSuite; `npm run bench -- NAME` runs only the suites whose
 * file name contains NAME.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './bench/types';
import { loadSuites } from '../harness/suites';

const suites = await loadSuites<BenchSuite>(join(dirname(fileURLToPath(import.meta.url)), 'bench'), process.argv.slice(2));

let failures = 0;
for (const suite of suites) {
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
