/**
 * Check a list (issue 16): a 10,000-row results table scrolls smoothly. 10,000 DOIs are pasted into
 * check.html and checked against fake services answering at once (every third one open at OpenAlex);
 * then the table is scrolled from the first row to the last, one step per animation frame, as a very
 * fast fling would (and, for the figures at 108 px a frame, over its first 2,000 rows as a hard
 * trackpad fling would). Reported: the rows in the table, the most table rows in the DOM at any frame (the table
 * is virtualised, so this stays at a screenful, not 10,000), the longest main-thread task while
 * scrolling (≤ 50 ms, the Long Tasks API's own threshold) and the 95th-percentile frame interval as a
 * ratio to the same scroll over an empty box of the same height in the same page (the floor: what the
 * machine gives any scroll at that moment). `npm run bench -- check-scroll` runs only this suite;
 * builds into .output-bench-check (GREENWAY_SKIP_BUILD=1 reuses it).
 */
import { buildExtension, findChromium, launchExtension, openAlexHandler, startFixtureServer, apiHost } from '../../harness';
import { recordLongTasks, syntheticDoi, syntheticIsOpen, workTable } from '../../harness/badges-world';
import type { Page } from 'playwright-core';
import { benchTrace } from '../../harness/trace';
import { median } from '../../harness/stats';
import type { BenchRow, BenchSuite } from './types';

const N = 10_000;
/** Pixels per frame: 10 of the table's 36 px rows, a very fast fling (the whole table in about 1,000 frames). */
const STEP = 360;
/**
 * A hard trackpad fling, 108 px (3 rows) a frame, about 6,500 px/s at 60 Hz; a mouse wheel moves far
 * less. Run over the first 2,000 rows' height.
 */
const FLING_STEP = 108;
const FLING_PX = 2_000 * 36;
const FLOOR_RATIO = 1.5;

interface ScrollRun {
  frames: number[];
  maxRows: number;
  lastRowIndex: number;
  start: number;
  end: number;
}

/**
 * Scrolls `selector` to its end, `step` px per animation frame, in the page. Kept as source text:
 * tsx names every inner function with a helper (`__name`) that the page does not have.
 */
const SCROLL_IN_PAGE = `async ([selector, step, distance]) => {
  const box = document.querySelector(selector);
  const frames = [];
  let maxRows = 0;
  let lastRowIndex = 0;
  const start = performance.now();
  let last = start;
  await new Promise((resolve) => {
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      const rows = box.querySelectorAll('tbody tr:not(.spacer)');
      maxRows = Math.max(maxRows, rows.length);
      const tail = rows[rows.length - 1];
      if (tail) lastRowIndex = Math.max(lastRowIndex, Number(tail.getAttribute('aria-rowindex')));
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1 || box.scrollTop >= distance) return resolve();
      box.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return { frames: frames.slice(1), maxRows, lastRowIndex, start, end: performance.now() };
}`;

/** Scrolls from the top, `step` px a frame, to the end or `distance` px, whichever comes first. */
async function scrollInPage(page: Page, selector: string, step = STEP, distance = Number.MAX_SAFE_INTEGER): Promise<ScrollRun> {
  await page.evaluate((sel) => {
    document.querySelector(sel)!.scrollTop = 0;
  }, selector);
  await page.waitForTimeout(300);
  return page.evaluate(`(${SCROLL_IN_PAGE})(${JSON.stringify([selector, step, distance])})`) as Promise<ScrollRun>;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}

const suite: BenchSuite = {
  title: 'Check a list: scrolling a 10,000-row table',
  async run(): Promise<BenchRow[]> {
    const browser = findChromium();
    if (!browser.ok) return [{ name: 'check page in Chromium', value: NaN, unit: '', skipped: `no Chromium found (${browser.error})` }];
    const extensionDir = await buildExtension('.output-bench-check');
    const server = await startFixtureServer();
    const dois = Array.from({ length: N }, (_, i) => syntheticDoi(i));
    const index = new Map(dois.map((doi, i) => [doi, i]));
    server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(index.keys(), (d) => syntheticIsOpen(index.get(d) ?? 1))));
    const ext = await launchExtension({ extensionDir, port: server.port });
    try {
      await ext.context.addInitScript(recordLongTasks);
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(`chrome-extension://${ext.extensionId}/check.html`);
      // Pasted as one input event (what a paste is): Playwright's fill of 200 kB timed out.
      const box = page.getByLabel('DOIs or references');
      await box.waitFor();
      await box.evaluate((el, text) => {
        (el as HTMLTextAreaElement).value = text;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, dois.join('\n'));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.waitForFunction(
        (n) => document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') === String(n) && !document.querySelector('.check-progress button'),
        N,
        { timeout: 300_000, polling: 500 },
      );
      const tableRows = await page.evaluate(() => Number(document.querySelector('.check-table')?.getAttribute('aria-rowcount')) - 1);
      await page.waitForTimeout(500);
      // The floor: an empty box of the same size and height, scrolled the same way in the same page.
      await page.evaluate(() => {
        const table = document.querySelector('.check-scroll') as HTMLElement;
        const floor = document.createElement('div');
        floor.id = 'bench-floor';
        floor.style.cssText = `height:${table.clientHeight}px;width:${table.clientWidth}px;overflow:auto`;
        const inner = document.createElement('div');
        inner.style.height = `${table.scrollHeight}px`;
        floor.append(inner);
        document.body.prepend(floor);
      });
      const floor = await scrollInPage(page, '#bench-floor');
      const flingFloor = await scrollInPage(page, '#bench-floor', FLING_STEP, FLING_PX);
      await page.evaluate(() => document.getElementById('bench-floor')?.remove());
      const fling = await scrollInPage(page, '.check-scroll', FLING_STEP, FLING_PX);
      const stopTrace = await benchTrace(ext.context, page, 'while scrolling');
      const run = await scrollInPage(page, '.check-scroll');
      const cpuRow = await stopTrace();
      const longest = await page.evaluate(
        ([from, to]) =>
          Math.max(
            0,
            ...(window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks
              .filter((t) => t.start >= from && t.start <= to)
              .map((t) => t.duration),
          ),
        [run.start, run.end] as [number, number],
      );
      const ratio = p95(run.frames) / p95(floor.frames);
      // Frame intervals come in whole refresh intervals: the share of frames drawn within one (under
      // 1.5 × the floor's median) shows progress that a p95 of one or two intervals hides.
      const refresh = median(floor.frames);
      const withinOne = (frames: number[]) => Math.round((frames.filter((f) => f < 1.5 * refresh).length / frames.length) * 100);
      return [
        { name: 'rows in the table', value: tableRows, unit: 'rows', target: `= ${N}`, ok: tableRows === N },
        {
          name: 'last row reached by scrolling (aria-rowindex − 1)',
          value: run.lastRowIndex - 1,
          unit: 'row',
          target: `= ${N}`,
          ok: run.lastRowIndex - 1 === N,
        },
        { name: 'table rows in the DOM at once, most (virtualised)', value: run.maxRows, unit: 'rows', target: '≤ 100', ok: run.maxRows <= 100 },
        { name: 'longest main-thread task while scrolling', value: Math.round(longest), unit: 'ms', target: '≤ 50 ms', ok: longest <= 50 },
        cpuRow,
        { name: `frames scrolled (${STEP} px each)`, value: run.frames.length, unit: 'frames' },
        { name: 'frame interval, 95th percentile, table', value: Math.round(p95(run.frames) * 10) / 10, unit: 'ms' },
        { name: 'frame interval, 95th percentile, empty box (floor)', value: Math.round(p95(floor.frames) * 10) / 10, unit: 'ms' },
        { name: 'frame interval, median, table', value: Math.round(median(run.frames) * 10) / 10, unit: 'ms' },
        { name: 'frames drawn within one refresh interval, table', value: withinOne(run.frames), unit: '%' },
        { name: 'frames drawn within one refresh interval, empty box (floor)', value: withinOne(floor.frames), unit: '%' },
        { name: `frames drawn within one refresh interval at ${FLING_STEP} px a frame, table`, value: withinOne(fling.frames), unit: '%' },
        { name: `frames drawn within one refresh interval at ${FLING_STEP} px a frame, empty box (floor)`, value: withinOne(flingFloor.frames), unit: '%' },
        {
          name: `table / floor at ${FLING_STEP} px a frame, 95th-percentile frame interval`,
          value: Math.round((p95(fling.frames) / p95(flingFloor.frames)) * 100) / 100,
          unit: '×',
        },
        {
          name: 'table / floor, 95th-percentile frame interval',
          value: Math.round(ratio * 100) / 100,
          unit: '×',
          target: `≤ ${FLOOR_RATIO}`,
          ok: ratio <= FLOOR_RATIO,
        },
      ];
    } finally {
      await ext.close();
      await server.close();
    }
  },
};

export default suite;
