/**
 * `npm run test:corpus` — conformance checks against the real saved pages and recorded API responses
 * in ../shared/corpus (read in place, never copied into the repo). `npm run test:corpus -- pages`
 * runs only the checks whose file name contains "pages".
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CorpusCheck } from './corpus/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.GREENWAY_SHARED ?? join(root, '..', 'shared'));
if (!existsSync(join(shared, 'corpus'))) {
  console.error(`No corpus at ${shared}/corpus: put the shared data beside the repo or set GREENWAY_SHARED.`);
  process.exit(2);
}
const dir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
  .filter((f) => filter.length === 0 || filter.some((n) => f.includes(n)))
  .sort();

let failed = 0;
for (const file of files) {
  const check = (await import(pathToFileURL(join(dir, file)).href)).default as CorpusCheck;
  console.log(`\n## ${check.title}`);
  const ok = await check.run(shared).catch((error: unknown) => {
    console.log(`  crashed: ${error instanceof Error ? error.stack : String(error)}`);
    return false;
  });
  console.log(ok ? '  PASS' : '  FAIL');
  if (!ok) failed++;
}
console.log(`\ncorpus: ${files.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
