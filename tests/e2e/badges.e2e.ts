/**
 * Inline badges in real Chromium and Firefox, on reference lists generated in code (always
 * available): right status next to each DOI, batched and cached look-ups, and pages that keep
 * working — links, forms, and copying a reference without badge text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAlexHandler, startFixtureServer, type FixtureServer, apiHost } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import { firstBadge, readBadges, scrollThrough, syntheticDoi, syntheticIsOpen, syntheticListPage, workTable } from '../../harness/badges-world';
import { builtExtensions } from './built';

const LIST_URL = 'https://en.wikipedia.org/wiki/Greenway_test_references';
const COUNT = 300;

const index = new Map(Array.from({ length: COUNT + 2 }, (_, i) => [syntheticDoi(i).toLowerCase(), i]));
const isOpen = (doi: string) => syntheticIsOpen(index.get(doi.toLowerCase()) ?? 1);

const OPEN = [...index.keys()].filter(isOpen).length;

/** The third reference's badge: whether its details show (a box on screen, as Playwright's isVisible judges), and their words. */
function ref3Details() {
  const panel = document.querySelector('#ref3 greenway-badge')?.shadowRoot?.querySelector<HTMLElement>('.panel');
  if (!panel) return { visible: false, words: [] as Array<string | null> };
  const box = panel.getBoundingClientRect();
  return {
    visible: box.width > 0 && box.height > 0 && getComputedStyle(panel).visibility !== 'hidden',
    words: Array.from(panel.querySelectorAll('[data-text]'), (e) => e.getAttribute('data-text')),
  };
}

/** The class of the element focused inside the third reference's badge ('' when the focus is elsewhere). */
function ref3Focus() {
  return document.querySelector('#ref3 greenway-badge')?.shadowRoot?.activeElement?.className ?? '';
}

describe.each(BROWSERS)('inline badges on a 300-reference list in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;
  let page: DrivenPage;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(index.keys(), isOpen)));
    server.page(LIST_URL, syntheticListPage(COUNT));
    server.page('https://en.wikipedia.org/search', '<!doctype html><title>Search</title><p>results</p>');
    ext = await launchDriven(browserName, { extensionDirs: builtExtensions(), port: server.port });
  });

  // Every test fails on errors of the extension's contexts (background, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const openalexRequests = () => server.count(apiHost('openalex'), '/works');

  it('badges every DOI with a free copy after scrolling, and marks none without one by default, in ≤ 3 + ceil(300/100) OpenAlex requests', async () => {
    server.resetCounts();
    page = await ext.openPage(LIST_URL);
    await firstBadge(page);
    await scrollThrough(page);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBe(OPEN);
    const badges = await readBadges(page);
    const byDoi = new Map(badges.map((b) => [b.doi?.toLowerCase(), b]));
    expect(byDoi.size).toBe(OPEN);
    expect(OPEN).toBeLessThan(COUNT + 2);
    for (const [doi] of index) {
      if (isOpen(doi)) expect(byDoi.get(doi), doi).toMatchObject({ kind: 'open', status: 'green' });
      else expect(byDoi.get(doi), doi).toBeUndefined();
    }
    // No "Closed" mark anywhere on the page by default.
    expect(await page.evaluate(() => document.querySelectorAll('greenway-badge[data-kind="closed"]').length, null)).toBe(0);
    expect(openalexRequests()).toBeGreaterThan(0);
    expect(openalexRequests()).toBeLessThanOrEqual(3 + Math.ceil(COUNT / 100));
    console.info(`[badges] ${browserName}: ${COUNT + 2} DOIs scrolled: ${openalexRequests()} OpenAlex requests, ${server.requests({}).length} requests in all`);
  });

  it('costs no request at all when the page is reloaded and scrolled again', async () => {
    server.resetCounts();
    await page.reload();
    await firstBadge(page);
    await scrollThrough(page);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBe(OPEN);
    expect(openalexRequests()).toBe(0);
  });

  it('puts badges after links, never inside them, and leaves link text and targets unchanged', async () => {
    const links = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('a.doi')).map((a) => ({
          inside: a.querySelector('greenway-badge') !== null,
          text: a.textContent,
          href: a.getAttribute('href'),
          next: a.nextElementSibling?.localName ?? null,
        })),
      null,
    );
    expect(links).toHaveLength(COUNT);
    links.forEach((link, i) => {
      expect(link.inside).toBe(false);
      expect(link.href).toBe(`https://doi.org/${syntheticDoi(i)}`);
      expect(link.text).toBe(`https://doi.org/${syntheticDoi(i)}`);
      expect(link.next).toBe(syntheticIsOpen(i) ? 'greenway-badge' : null);
    });
  });

  it('one Tab stop per badge; its details say what the reader can do and hold the link to the copy and the copy action', async () => {
    // Every badge on the page offers exactly one focusable element while its details are closed.
    const stops = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('greenway-badge')).map(
          (b) => Array.from(b.shadowRoot!.querySelectorAll<HTMLElement>('a, button')).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0).length,
        ),
      null,
    );
    expect(stops.length).toBe(OPEN);
    expect(new Set(stops)).toEqual(new Set([1]));

    await page.evaluate(() => document.querySelector('#ref3 greenway-badge')?.scrollIntoView({ block: 'center' }), null);
    await page.hover('h1'); // Hover shows the details too: keep the mouse away for the keyboard path.
    await expect.poll(async () => (await page.evaluate(ref3Details, null)).visible).toBe(false);
    await page.evaluate(() => document.querySelector('#ref3 greenway-badge')?.shadowRoot?.querySelector<HTMLElement>('button.main')?.focus(), null);
    await page.press('Enter');
    await expect.poll(async () => (await page.evaluate(ref3Details, null)).visible).toBe(true);
    expect(await page.attribute('#ref3 greenway-badge >>> button.main', 'aria-expanded')).toBe('true');
    expect((await page.evaluate(ref3Details, null)).words).toEqual([
      'Free to read: accepted version, CC BY 4.0, at Example University Repository',
      "The peer-reviewed text, without the journal's layout.",
      'Open PDF',
      'Copy repository link',
    ]);

    // Tab moves into the details: the link to the copy opens it in a new tab.
    await page.press('Tab');
    expect(await page.evaluate(ref3Focus, null)).toBe('go');
    const opened = await ext.openedTab(() => page.press('Enter'));
    expect(opened.url).toBe(`https://repository.example.ac.uk/files/${encodeURIComponent(syntheticDoi(3))}.pdf`);
    await opened.close();
    expect(await page.url()).toBe(LIST_URL);

    await page.click('#ref3 greenway-badge >>> button.copy');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText(), null))
      .toBe(`https://repository.example.ac.uk/record/${encodeURIComponent(syntheticDoi(3))}`);
    // Escape inside the details closes them and gives the focus back to the badge.
    await page.evaluate(() => document.querySelector('#ref3 greenway-badge')?.shadowRoot?.querySelector<HTMLElement>('button.copy')?.focus(), null);
    await page.press('Escape');
    await page.hover('h1');
    await expect.poll(async () => (await page.evaluate(ref3Details, null)).visible).toBe(false);
    expect(await page.attribute('#ref3 greenway-badge >>> button.main', 'aria-expanded')).toBe('false');
    expect(await page.evaluate(ref3Focus, null)).toBe('main');
  });

  it('copying a reference leaves the badge text out', async () => {
    const expected = await page.evaluate(() => document.getElementById('ref3')!.textContent, null);
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('ref3')!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, null);
    expect(selected).toBe(expected);
    await page.press('Control+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText(), null)).toBe(expected);
    expect(expected).not.toMatch(/Free copy|Closed/);
  });

  it('keeps running text intact and the form working', async () => {
    expect(await page.evaluate(() => document.getElementById('prose')!.textContent, null)).toBe(
      `As shown by ${syntheticDoi(COUNT)} and doi:${syntheticDoi(COUNT + 1)} in earlier work, the effect holds.`,
    );
    await page.fill('#search input[name="q"]', 'greenway');
    await page.click('#search button');
    await expect.poll(() => page.url()).toMatch(/\/search\?q=greenway$/);
    expect(new URL(await page.url()).searchParams.get('q')).toBe('greenway');
  });

  it('progressive: with Semantic Scholar 10 s late, a fresh list gets its free-copy badges within 3 s, and keeps them once it answers', async () => {
    // DOIs no earlier test asked about (nothing cached), known to OpenAlex like the others: 30
    // references and the 2 DOIs its running text cites.
    const fresh = new Map(Array.from({ length: 32 }, (_, i) => [syntheticDoi(5000 + i).toLowerCase(), i]));
    const all = new Map([...index, ...fresh]);
    server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(all.keys(), (doi) => syntheticIsOpen(all.get(doi.toLowerCase()) ?? 1))));
    const freshUrl = 'https://en.wikipedia.org/wiki/Greenway_progressive_references';
    server.page(
      freshUrl,
      syntheticListPage(30).replace(/greenway\.(\d+)/g, (_m, n: string) => `greenway.${5000 + Number(n)}`),
    );
    const open = [...fresh.values()].filter(syntheticIsOpen).length;
    server.fault(apiHost('semanticscholar'), undefined, { kind: 'delay', ms: 10_000 });
    server.resetCounts();
    try {
      const started = Date.now();
      const list = await ext.openPage(freshUrl);
      // A functional bound, not a timing goal: the late source takes 10 s, the badges must not wait for it.
      await expect
        .poll(async () => (await readBadges(list)).filter((b) => b.kind === 'open').length, {
          timeout: Math.max(0, 3_000 - (Date.now() - started)),
          interval: 100,
        })
        .toBe(open);
      expect(await list.evaluate(() => document.querySelectorAll('greenway-badge').length, null)).toBe(open);
      // Semantic Scholar was asked about this list (its answer is what the badges did not wait for)…
      expect(server.count(apiHost('semanticscholar'))).toBeGreaterThan(0);
      // …and once it answers (nothing new), the same badges stay.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      expect((await readBadges(list)).filter((b) => b.kind === 'open').length).toBe(open);
      await list.close();
    } finally {
      server.clearFaults();
    }
  });
});
