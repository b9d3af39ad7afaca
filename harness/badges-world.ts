/**
 * Shared pieces of the inline-badge e2e tests and bench: synthetic reference-list pages generated in
 * code (so the batching and responsiveness checks never depend on ../shared), OpenAlex work objects
 * that say "open" or "closed" for each DOI, and a reader that tells which DOI each badge on a page
 * belongs to.
 */
import type { DrivenPage } from './driven';
import type { Page } from 'playwright-core';
import { doisInUrl, doiKey, findDoisInText } from '../utils/model/doi';
import type { WorkTable } from './';

export const SYNTHETIC_PREFIX = '10.5555';

/** Every third synthetic DOI has a free copy; the rest are closed. */
export function syntheticIsOpen(i: number): boolean {
  return i % 3 === 0;
}

export function syntheticDoi(i: number): string {
  return `${SYNTHETIC_PREFIX}/greenway.${i}`;
}

/**
 * A reference list of `count` DOIs as doi.org links, tall enough that only a few fit on a screen,
 * with a search form and a paragraph citing DOIs in running text (to check that badges break neither).
 */
export function syntheticListPage(count: number, title = 'References'): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const doi = syntheticDoi(i);
    items.push(
      `<li id="ref${i}">Author ${i}, A. (2020). A study of item ${i}. <i>Journal of Tests</i>, 12(3), 45–67. ` +
        `<a class="doi" href="https://doi.org/${doi}">https://doi.org/${doi}</a></li>`,
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em} li{margin:.6em 0}</style></head>
<body><h1>${title}</h1>
<form id="search" action="/search" method="get"><label>Search <input name="q" value=""></label> <button type="submit">Go</button></form>
<p id="prose">As shown by ${syntheticDoi(count)} and doi:${syntheticDoi(count + 1)} in earlier work, the effect holds.</p>
<ol id="refs">${items.join('\n')}</ol>
<p id="end">End of list.</p></body></html>`;
}

/** An OpenAlex work object: open ones have a repository copy (accepted manuscript, CC BY). */
export function openAlexWork(doi: string, open: boolean): Record<string, unknown> {
  const id = encodeURIComponent(doi);
  const repository = {
    is_oa: true,
    landing_page_url: `https://repository.example.ac.uk/record/${id}`,
    pdf_url: `https://repository.example.ac.uk/files/${id}.pdf`,
    source: { display_name: 'Example University Repository', type: 'repository', host_organization_name: 'Example University' },
    license: 'cc-by',
    version: 'acceptedVersion',
  };
  const publisher = {
    is_oa: false,
    landing_page_url: `https://doi.org/${doi}`,
    pdf_url: null,
    source: { display_name: 'Journal of Tests', type: 'journal' },
    license: null,
    version: 'publishedVersion',
  };
  return {
    id: `https://openalex.org/W${Math.abs(hash(doi))}`,
    doi: `https://doi.org/${doi}`,
    display_name: `Work ${doi}`,
    publication_year: 2020,
    open_access: { is_oa: open, oa_status: open ? 'green' : 'closed' },
    is_retracted: false,
    primary_location: publisher,
    locations: open ? [publisher, repository] : [publisher],
  };
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

/** A deterministic open/closed verdict for DOIs that are not ours (corpus pages). */
export function hashIsOpen(doi: string): boolean {
  return Math.abs(hash(doiKey(doi) ?? doi)) % 2 === 0;
}

export function workTable(dois: Iterable<string>, isOpen: (doi: string) => boolean): WorkTable {
  const table: WorkTable = new Map();
  for (const doi of dois) table.set(doiKey(doi) ?? doi, openAlexWork(doi, isOpen(doi)));
  return table;
}

export interface SeenBadge {
  status: string | null;
  kind: string | null;
  /** The DOI the badge follows, read from the link or text just before it; null if none. */
  doi: string | null;
}

/** A page in either browser (harness/driven.ts) or a Playwright page: only `evaluate(fn, arg)` is used. */
type Evaluates = Pick<DrivenPage, 'evaluate'>;

/** Every badge on the page with the DOI it stands next to. */
export async function readBadges(page: Evaluates): Promise<SeenBadge[]> {
  const raw = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('greenway-badge')).map((badge) => {
        const prev = badge.previousSibling;
        let href: string | null = null;
        let text = '';
        if (prev instanceof Element) {
          const link = prev.matches('a[href]') ? prev : prev.querySelector('a[href]');
          href = link?.getAttribute('href') ?? null;
          text = prev.textContent ?? '';
        } else if (prev) text = prev.textContent ?? '';
        return { status: badge.getAttribute('data-status'), kind: badge.getAttribute('data-kind'), href, text: text.slice(-600) };
      }),
    null,
  );
  return raw.map(({ status, kind, href, text }) => {
    const fromHref = href ? (doisInUrl(href, 'https://example.invalid/')[0] ?? null) : null;
    const fromText = findDoisInText(text).at(-1)?.doi ?? null;
    return { status, kind, doi: fromHref ?? fromText };
  });
}

/**
 * Waits (up to `timeoutMs`) until the page shows a badge: the badge script has started and asked
 * about what is in view. Scroll only after that when every badge is counted: references scrolled
 * past before the script watches them are asked about only when they come back into view, and
 * the script is imported once the page is read, so a scroll right after load races its start.
 */
export async function firstBadge(page: Evaluates, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(() => document.querySelector('greenway-badge') !== null, null))) {
    if (Date.now() > deadline) throw new Error(`no badge on the page within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Scrolls from top to bottom one screen at a time, giving badges time to arrive at each stop. */
export async function scrollThrough(page: Evaluates, pauseMs = 150): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0), null);
  for (;;) {
    const done = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight);
      return window.scrollY === before;
    }, null);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (done) break;
  }
}

/**
 * One page script's share of a long animation frame (Chromium's LoAF attribution). Content scripts
 * run in an isolated world and are not listed: a long frame without page scripts is ours or native.
 */
export interface FrameScript {
  url: string;
  invoker: string;
  duration: number;
  /** Style and layout the script forced by reading layout after changing the page. */
  forcedLayout: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  /** Time spent in style, layout and paint at the frame's end (work no script is blamed for). */
  render: number;
  scripts: FrameScript[];
}

/**
 * Installed before any page script: records every long task (> 50 ms) of the main thread, and every
 * long animation frame with the scripts that ran in it, so a long task can be traced to its code.
 */
export function recordLongTasks(): void {
  const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }>; __longFrames: LongFrame[] };
  w.__longTasks = [];
  w.__longFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task support: the list stays empty */
  }
  type LoafScript = { sourceURL: string; invoker: string; duration: number; forcedStyleAndLayoutDuration: number };
  type Loaf = PerformanceEntry & { renderStart: number; scripts: LoafScript[] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Loaf[]) {
        w.__longFrames.push({
          start: e.startTime,
          duration: e.duration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* no long-animation-frame support */
  }
}

export async function longTasks(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(() => (window as unknown as { __longTasks?: Array<{ start: number; duration: number }> }).__longTasks ?? []);
}

export async function longFrames(page: Page): Promise<LongFrame[]> {
  return page.evaluate(() => (window as unknown as { __longFrames?: LongFrame[] }).__longFrames ?? []);
}

export interface ResponsivenessRun {
  badges: number;
  /** Long tasks (> 50 ms) seen from navigation start until every badge was in place. */
  tasks: Array<{ start: number; duration: number }>;
  /** Long animation frames over the same time, with the scripts that ran in each. */
  frames: LongFrame[];
  /** When the page's `load` event ended (ms since navigation start): tasks before it are page parsing. */
  loadEnd: number;
  supported: boolean;
}

/**
 * Opens `url` (a big generated list), scrolls through it and waits until `expectedBadges` badges are
 * in place (or 30 s), recording every long task on the way. The init script must be installed on the
 * context first (`context.addInitScript(recordLongTasks)`).
 */
export async function measureResponsiveness(open: () => Promise<Page>, expectedBadges: number): Promise<ResponsivenessRun> {
  const page = await open();
  const count = () => page.evaluate(() => document.querySelectorAll('greenway-badge').length);
  // A fast first pass (a reader flicking through), then slower passes: references scrolled past
  // before the extension had even finished scanning are only asked for when they come back into view.
  await scrollThrough(page, 60);
  let badges = await count();
  for (let pass = 0; pass < 3 && badges < expectedBadges; pass++) {
    await scrollThrough(page, 250);
    badges = await count();
  }
  const deadline = Date.now() + 20_000;
  while (badges < expectedBadges && Date.now() < deadline) {
    await page.waitForTimeout(200);
    badges = await count();
  }
  // Let the last slices finish and the observer deliver.
  await page.waitForTimeout(300);
  const tasks = await longTasks(page);
  const frames = await longFrames(page);
  const info = await page.evaluate(() => ({
    loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0,
    supported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
  }));
  await page.close();
  return { badges, tasks, frames, ...info };
}
