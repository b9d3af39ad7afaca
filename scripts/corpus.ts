/**
 * `npm run test:corpus` — conformance checks against the real saved pages and recorded API responses
 * in ../shared/corpus (read in place, never copied into the repo). `npm run test:corpus -- pages`
 * runs only the checks whose file name contains "pages".
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusCheck } from './corpus/types';
import { loadSuites } from '../harness/suites';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.GREENWAY_SHARED ?? join(root, '..', 'shared'));
if (!existsSync(join(shared, 'corpus'))) {
  console.error(`No corpus at ${shared}/corpus: put the shared data beside the repo or set GREENWAY_SHARED.`);
  process.exit(2);
}
const checks = await loadSuites<CorpusCheck>(join(dirname(fileURLToPath(import.meta.url)), 'corpus'), process.argv.slice(2));

let failed = 0;
for (const check of checks) {
  console.log(`\n## ${check.title}`);
  const ok = await check.run(shared).catch((error: unknown) => {
    console.log(`  crashed: ${error instanceof Error ? error.stack : String(error)}`);
    return false;
  });
  console.log(ok ? '  PASS' : '  FAIL');
  if (!ok) failed++;
}
console.log(`\ncorpus: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
