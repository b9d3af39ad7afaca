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

let missed = 0;
let unmeasured = 0;
let failedSuites = 0;
let met = 0;
for (const suite of suites) {
  console.log(`\n## ${suite.title}`);
  try {
    const rows = await suite.run();
    if (rows.length === 0) {
      unmeasured++;
      console.log('  not measured: the suite returned no figures');
      continue;
    }
    const width = Math.max(...rows.map((r) => r.name.length), 10);
    for (const row of rows) {
      // A row without a measurement is never "met", whether or not it names a target.
      if (row.skipped !== undefined || !Number.isFinite(row.value)) {
        unmeasured++;
        console.log(`  ${row.name.padEnd(width)}  not measured: ${row.skipped ?? `value ${row.value}`}${row.target ? ` (target ${row.target})` : ''}`);
        continue;
      }
      const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
      // A target without a verdict counts as missed, not met.
      const ok = row.target ? row.ok === true : undefined;
      const target = row.target ? `  (target ${row.target}: ${ok ? 'met' : 'MISSED'})` : '';
      if (ok === false) missed++;
      if (ok === true) met++;
      console.log(`  ${row.name.padEnd(width)}  ${value.padStart(10)} ${row.unit}${target}`);
    }
  } catch (error) {
    failedSuites++;
    console.log(`  failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
const problems = [
  missed && `${missed} target(s) missed`,
  unmeasured && `${unmeasured} figure(s) not measured`,
  failedSuites && `${failedSuites} suite(s) failed`,
].filter(Boolean);
if (suites.length === 0) problems.push('no suite matched');
console.log(problems.length === 0 ? `\nAll ${met} targets met.` : `\n${problems.join(', ')}.`);
process.exitCode = problems.length === 0 ? 0 : 1;
