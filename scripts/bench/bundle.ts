/**
 * Built bundle sizes per entrypoint, from a fresh production build into .output-bench (what each part
 * of the extension makes the browser load; harness/bundle-sizes.ts says how it is counted), with the
 * ceilings of harness/budgets.json as targets (the same the budgets test enforces).
 */
import { dirname } from 'node:path';
import { buildExtension } from '../../harness/build';
import { allFiles, entrySizes, sizes } from '../../harness/bundle-sizes';
import { BUDGETS } from '../../harness/budgets';
import type { BenchRow, BenchSuite } from './types';

const suite: BenchSuite = {
  title: 'Bundle size per entrypoint (fresh production build, chrome-mv3)',
  async run() {
    const root = await buildExtension('.output-bench', { fresh: true });
    const rows: BenchRow[] = [];
    for (const { name, files, bytes, gzip } of entrySizes(root)) {
      const budget = BUDGETS.find((b) => b.entry === name);
      rows.push({ name: `${name} (${files.length} file${files.length === 1 ? '' : 's'})`, value: bytes, unit: 'B' });
      rows.push({
        name: `${name}, gzip`,
        value: gzip,
        unit: 'B',
        ...(budget ? { target: `≤ ${budget.gzipBytes} B (${budget.why})`, ok: gzip <= budget.gzipBytes } : {}),
      });
    }
    const everything = sizes(root, allFiles(root));
    rows.push({ name: `whole extension (${dirname(root).split(/[\\/]/).pop()}/chrome-mv3)`, value: everything.bytes, unit: 'B' });
    rows.push({ name: 'whole extension, gzip per file', value: everything.gzip, unit: 'B' });
    return rows;
  },
};

export default suite;
