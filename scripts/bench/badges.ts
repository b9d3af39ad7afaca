/**
 * Inline badges in a real Chromium (the e2e harness): long tasks on a page with 2,000 DOI links, and
 * OpenAlex requests for a 300-DOI list scrolled top to bottom and reloaded. Needs the Debian
 * chromium; builds the extension into .output-bench-badges (GREENWAY_SKIP_BUILD=1 reuses it).
 */
import { buildExtension, findChromium, launchExtension, openAlexHandler, startFixtureServer } from '../../tests/e2e/harness';
import {
  measureResponsiveness,
  readBadges,
  recordLongTasks,
  scrollThrough,
  syntheticDoi,
  syntheticIsOpen,
  syntheticListPage,
  workTable,
} from '../../tests/e2e/badges-world';
import type { BenchRow, BenchSuite } from './types';

const BIG = 2000;
const LIST = 300;

const suite: BenchSuite = {
  title: 'Inline badges (Chromium)',
  async run(): Promise<BenchRow[]> {
    if (!findChromium().ok) return [{ name: 'badges bench skipped: no Chromium found', value: 0, unit: '' }];
    const extensionDir = await buildExtension('.output-bench-badges');
    const server = await startFixtureServer();
    const index = new Map(Array.from({ length: BIG + 2 }, (_, i) => [syntheticDoi(i), i]));
    server.api('api.openalex.org', '/works', openAlexHandler(workTable(index.keys(), (d) => syntheticIsOpen(index.get(d) ?? 1))));
    server.page('https://pubmed.ncbi.nlm.nih.gov/bench-2000/', syntheticListPage(BIG));
    server.page('https://en.wikipedia.org/wiki/Bench_300', syntheticListPage(LIST));
    const ext = await launchExtension({ extensionDir, port: server.port });
    try {
      // The 300-DOI list first: its DOIs are also on the big page, whose look-ups would fill the cache.
      server.resetCounts();
      const page = await ext.openPage('https://en.wikipedia.org/wiki/Bench_300');
      await scrollThrough(page);
      for (let i = 0; i < 50 && (await readBadges(page)).length < LIST + 2; i++) await page.waitForTimeout(200);
      const first = server.count('api.openalex.org', '/works');
      server.resetCounts();
      await page.reload({ waitUntil: 'load' });
      await scrollThrough(page);
      await page.waitForTimeout(1000);
      const again = server.count('api.openalex.org', '/works');
      await ext.context.addInitScript(recordLongTasks);
      const run = await measureResponsiveness(() => ext.openPage('https://pubmed.ncbi.nlm.nih.gov/bench-2000/'), BIG + 2);
      const afterLoad = run.tasks.filter((t) => t.start >= run.loadEnd);
      const longestAfterLoad = Math.max(0, ...afterLoad.map((t) => t.duration));
      const longestAll = Math.max(0, ...run.tasks.map((t) => t.duration));

      const limit = 3 + Math.ceil(LIST / 100);
      return [
        { name: `badges placed on a page with ${BIG} DOI links`, value: run.badges, unit: 'badges', target: `= ${BIG + 2}`, ok: run.badges === BIG + 2 },
        { name: 'longest main-thread task after load (extension start-up, badges)', value: Math.round(longestAfterLoad), unit: 'ms', target: '≤ 50 ms', ok: longestAfterLoad <= 50 },
        { name: 'long tasks after load', value: afterLoad.length, unit: 'tasks' },
        { name: 'longest main-thread task incl. page parsing', value: Math.round(longestAll), unit: 'ms' },
        { name: `OpenAlex requests, ${LIST} DOIs scrolled top to bottom`, value: first, unit: 'requests', target: `≤ ${limit}`, ok: first > 0 && first <= limit },
        { name: 'OpenAlex requests, same page reloaded and scrolled', value: again, unit: 'requests', target: '= 0', ok: again === 0 },
      ];
    } finally {
      await ext.close();
      await server.close();
    }
  },
};

export default suite;
