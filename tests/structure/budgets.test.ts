// @vitest-environment node
/**
 * Size budgets (harness/budgets.json) on the built extension: the content script injected into every
 * page, the badge script, the popup's first paint and the background. Builds into .output-budgets
 * first when that build is missing or older than its sources (harness/build.ts), so a run after a
 * change measures the change.
 */
import { describe, expect, it } from 'vitest';
import { currentBuild } from '../../harness/build';
import { entrySizes } from '../../harness/bundle-sizes';
import { BUDGETS } from '../../harness/budgets';

describe('size budgets of the built extension', () => {
  it(
    'every budgeted entry exists and stays within its gzip ceiling',
    async () => {
      const root = await currentBuild('.output-budgets');
      const measured = new Map(entrySizes(root).map((e) => [e.name, e]));
      for (const budget of BUDGETS) {
        const entry = measured.get(budget.entry);
        expect(entry, `no "${budget.entry}" in the built manifest`).toBeDefined();
        expect(entry!.gzip, `${budget.entry} (${budget.why}): ${entry!.files.join(', ')}`).toBeLessThanOrEqual(budget.gzipBytes);
      }
    },
    // A build on a loaded 2-core machine takes 15–60 s; the check itself is instant.
    180_000,
  );

  it('budgets the content script at 15 kB gzip, the popup first paint and the background', () => {
    const entries = BUDGETS.map((b) => b.entry);
    expect(entries).toEqual(expect.arrayContaining(['content script', 'popup', 'background']));
    expect(BUDGETS.find((b) => b.entry === 'content script')?.gzipBytes).toBeLessThanOrEqual(15_000);
  });
});
