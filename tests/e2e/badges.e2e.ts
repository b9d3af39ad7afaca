/**
 * Inline badges in real Chromium and Firefox, on reference lists generated in code (always
 * available): right status next to each DOI, batched and cached look-ups, and pages that keep
 * working — links, forms, and copying a reference without badge text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAlexHandler, startFixtureServer, type FixtureServer, apiHost } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import { readBadges, scrollThrough, syntheticDoi, syntheticIsOpen, syntheticListPage, workTable } from '../../harness/badges-world';
import { builtExtensions } from './built';

const LIST_URL = 'https://en.wikipedia.org/wiki/Greenway_test_references';
const COUNT = 300;

const index = new Map(Array.from({ length: COUNT + 2 }, (_, i) => [syntheticDoi(i).toLowerCase(), i]));
const isOpen = (doi: string) => syntheticIsOpen(index.get(doi.toLowerCase()) ?? 1);

/** The third reference's badge: whether its tip shows (a box on screen, as Playwright's isVisible judges), and its words. */
function ref3Tip() {
  const tip = document.querySelector('#ref3 greenway-badge')?.shadowRoot?.querySelector<HTMLElement>('.tip');
  if (!tip) return { visible: false, words: [] as Array<string | null> };
  const box = tip.getBoundingClientRect();
  return {
    visible: box.width > 0 && box.height > 0 && getComputedStyle(tip).visibility !== 'hidden',
    words: Array.from(tip.querySelectorAll('[data-text]'), (e) => e.getAttribute('data-text')),
  };
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

  it('badges every DOI with its status after scrolling, in ≤ 3 + ceil(300/100) OpenAlex requests', async () => {
    server.resetCounts();
    page = await ext.openPage(LIST_URL);
    await scrollThrough(page);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBe(COUNT + 2);
    const badges = await readBadges(page);
    const byDoi = new Map(badges.map((b) => [b.doi?.toLowerCase(), b]));
    expect(byDoi.size).toBe(COUNT + 2);
    for (const [doi] of index) {
      const badge = byDoi.get(doi);
      expect(badge, doi).toBeDefined();
      expect(badge, doi).toMatchObject(isOpen(doi) ? { kind: 'open', status: 'green' } : { kind: 'closed', status: 'closed' });
    }
    expect(openalexRequests()).toBeGreaterThan(0);
    expect(openalexRequests()).toBeLessThanOrEqual(3 + Math.ceil(COUNT / 100));
    console.info(`[badges] ${browserName}: ${COUNT + 2} DOIs scrolled: ${openalexRequests()} OpenAlex requests, ${server.requests({}).length} requests in all`);
  });

  it('costs no request at all when the page is reloaded and scrolled again', async () => {
    server.resetCounts();
    await page.reload();
    await scrollThrough(page);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBe(COUNT + 2);
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
      expect(link.next).toBe('greenway-badge');
    });
  });

  it('shows host, version and licence on hover; the badge opens the best copy; the copy button copies the repository link', async () => {
    await page.evaluate(() => document.querySelector('#ref3 greenway-badge')?.scrollIntoView({ block: 'center' }), null);
    await expect.poll(async () => (await page.evaluate(ref3Tip, null)).visible).toBe(false);
    await page.hover('#ref3 greenway-badge >>> a.main');
    await expect.poll(async () => (await page.evaluate(ref3Tip, null)).visible).toBe(true);
    expect((await page.evaluate(ref3Tip, null)).words).toEqual([
      'Free copy in a repository (green)',
      'Example University Repository',
      'Accepted manuscript',
      'CC BY 4.0',
    ]);

    const opened = await ext.openedTab(() => page.click('#ref3 greenway-badge >>> a.main'));
    expect(opened.url).toBe(`https://repository.example.ac.uk/files/${encodeURIComponent(syntheticDoi(3))}.pdf`);
    await opened.close();
    expect(await page.url()).toBe(LIST_URL);

    await page.click('#ref3 greenway-badge >>> button.copy');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText(), null))
      .toBe(`https://repository.example.ac.uk/record/${encodeURIComponent(syntheticDoi(3))}`);
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
});
