/**
 * Inline badges in a real Chromium (the e2e harness): long tasks on a page with 2,000 DOI links, and
 * OpenAlex requests for a 300-DOI list scrolled top to bottom and reloaded. Needs the Debian
 * chromium; builds the extension into .output-bench-badges (GREENWAY_SKIP_BUILD=1 reuses it).
 *
 * The request counts only mean something once every DOI on the list has its badge: a pass that
 * stopped early would leave DOIs unasked, and they would be asked (and counted) on reload. So each
 * pass waits until all badges are in place, and the rows say how many there were.
 */
import type { Page } from 'playwright-core';
import { buildExtension, findChromium, launchExtension, openAlexHandler, startFixtureServer, apiHost } from '../../harness';
import { measureResponsiveness, recordLongTasks, scrollThrough, syntheticDoi, syntheticListPage, workTable, type LongFrame } from '../../harness/badges-world';
import type { BenchRow, BenchSuite } from './types';

const BIG = 2000;
const LIST = 300;
/** The list page cites two more DOIs in running text. */
const LIST_DOIS = LIST + 2;

/** Scrolls through and waits (up to 20 s) until `expected` badges are in place; returns how many there were. */
async function scrollUntilBadged(page: Page, expected: number): Promise<number> {
  const count = () => page.evaluate(() => document.querySelectorAll('greenway-badge').length);
  await scrollThrough(page);
  let badges = await count();
  for (const deadline = Date.now() + 20_000; badges < expected && Date.now() < deadline; badges = await count()) {
    await page.waitForTimeout(200);
  }
  return badges;
}

/**
 * What ran during a long task, from the long animation frame that holds it: the page's scripts and
 * the rendering at the frame's end. Chromium does not attribute content-script (isolated world)
 * code there, so "no page script" with little rendering points at the extension — profile it then.
 */
function describeTask(task: { start: number; duration: number }, frames: LongFrame[]): string {
  const frame = frames.find((f) => f.start <= task.start + 1 && task.start < f.start + f.duration);
  const head = `${Math.round(task.start)} ms + ${Math.round(task.duration)} ms`;
  if (!frame) return `${head}: no long animation frame recorded`;
  const scripts = frame.scripts.map((s) => `${s.url || 'inline'} ${s.invoker} ${Math.round(s.duration)} ms`);
  return `${head}: ${scripts.join(', ') || 'no page script'}; style/layout/paint ${Math.round(frame.render)} ms`;
}

const suite: BenchSuite = {
  title: 'Inline badges (Chromium)',
  async run(): Promise<BenchRow[]> {
    const browser = findChromium();
    if (!browser.ok) return [{ name: 'badges bench', value: NaN, unit: '', skipped: `no Chromium found (${browser.error})` }];
    const extensionDir = await buildExtension('.output-bench-badges');
    const server = await startFixtureServer();
    const index = new Map(Array.from({ length: BIG + 2 }, (_, i) => [syntheticDoi(i), i]));
    // Every work open: each link gets a badge (marks for works without a copy are hidden by default).
    server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(index.keys(), () => true)));
    server.page('https://pubmed.ncbi.nlm.nih.gov/bench-2000/', syntheticListPage(BIG));
    server.page('https://en.wikipedia.org/wiki/Bench_300', syntheticListPage(LIST));
    const ext = await launchExtension({ extensionDir, port: server.port });
    try {
      // The 300-DOI list first: its DOIs are also on the big page, whose look-ups would fill the cache.
      server.resetCounts();
      const page = await ext.openPage('https://en.wikipedia.org/wiki/Bench_300');
      const firstBadges = await scrollUntilBadged(page, LIST_DOIS);
      const first = server.count(apiHost('openalex'), '/works');
      server.resetCounts();
      await page.reload({ waitUntil: 'load' });
      // Every badge back means every answer came back (from the cache, if no request was made).
      const againBadges = await scrollUntilBadged(page, LIST_DOIS);
      const again = server.count(apiHost('openalex'), '/works');
      await page.close();

      await ext.context.addInitScript(recordLongTasks);
      const run = await measureResponsiveness(() => ext.openPage('https://pubmed.ncbi.nlm.nih.gov/bench-2000/'), BIG + 2);
      const afterLoad = run.tasks.filter((t) => t.start >= run.loadEnd);
      const longestAfterLoad = Math.max(0, ...afterLoad.map((t) => t.duration));
      const longestAll = Math.max(0, ...run.tasks.map((t) => t.duration));
      for (const task of afterLoad) console.log(`  long task after load: ${describeTask(task, run.frames)}`);

      const limit = 3 + Math.ceil(LIST / 100);
      return [
        { name: `badges placed on a page with ${BIG} DOI links`, value: run.badges, unit: 'badges', target: `= ${BIG + 2}`, ok: run.badges === BIG + 2 },
        {
          name: 'longest main-thread task after load (extension start-up, badges)',
          value: Math.round(longestAfterLoad),
          unit: 'ms',
          target: '≤ 50 ms',
          ok: longestAfterLoad <= 50,
        },
        { name: 'long tasks after load', value: afterLoad.length, unit: 'tasks' },
        { name: 'longest main-thread task incl. page parsing', value: Math.round(longestAll), unit: 'ms' },
        {
          name: `badges after scrolling the ${LIST_DOIS}-DOI list`,
          value: firstBadges,
          unit: 'badges',
          target: `= ${LIST_DOIS}`,
          ok: firstBadges === LIST_DOIS,
        },
        {
          name: `OpenAlex requests, ${LIST} DOIs scrolled top to bottom`,
          value: first,
          unit: 'requests',
          target: `≤ ${limit}`,
          ok: first > 0 && first <= limit,
        },
        { name: 'badges after reloading and scrolling again', value: againBadges, unit: 'badges', target: `= ${LIST_DOIS}`, ok: againBadges === LIST_DOIS },
        {
          name: 'OpenAlex requests, same page reloaded and scrolled',
          value: again,
          unit: 'requests',
          target: '= 0',
          ok: again === 0 && againBadges === LIST_DOIS,
        },
      ];
    } finally {
      await ext.close();
      await server.close();
    }
  },
};

export default suite;
