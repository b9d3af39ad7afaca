/**
 * The popup in real Chromium and Firefox, for every state the issue names: found, nothing found,
 * source errors, manual DOI, retracted; the keyboard. axe runs with colour contrast in both themes.
 * Chromium saves each state's screenshot to docs/screenshots/popup-*.png (light theme, 400 px; the
 * found state also in dark).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_NAMES } from '../../utils/model';
import {
  BMC_ARTICLE_URL,
  UCL_LANDING_URL,
  loadOpenAlexWorks,
  openAlexHandler,
  registeredHandler,
  startFixtureServer,
  type FixtureServer,
  apiHost,
} from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import {
  CLOSED_DOI,
  CLOSED_URL,
  DOWN_DOI,
  DOWN_URL,
  PARTIAL_DOI,
  PARTIAL_URL,
  partialWork,
  NO_DOI_PAGE,
  NO_DOI_URL,
  RETRACTED_DOI,
  RETRACTED_URL,
  RETRACTION_NOTICE_DOI,
  articlePage,
  axeViolations,
  closedWork,
  crossrefRetraction,
  retractedWork,
  screenshot,
} from './popup-world';
import { builtExtensions } from './built';

const text = (popup: DrivenPage) => popup.evaluate(() => document.body.innerText, null);
/** The first copy card (`<article>`, the best copy), as text. */
const bestCard = (popup: DrivenPage) => popup.evaluate(() => (document.querySelector('article') as HTMLElement | null)?.innerText ?? '', null);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(BROWSERS)('popup in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    const works = loadOpenAlexWorks();
    works.set(CLOSED_DOI, closedWork());
    works.set(RETRACTED_DOI, retractedWork());
    works.set(PARTIAL_DOI, partialWork());
    server.api(apiHost('openalex'), '/works', openAlexHandler(works));
    server.api(apiHost('crossref'), '/works', crossrefRetraction());
    // The down article is registered, though no index has it yet: once the sources are back, doi.org
    // says so and the answer is an honest "No free copy found" (an unregistered DOI would say that instead).
    server.api(apiHost('doiorg'), '/ra/', registeredHandler(new Set([...works.keys(), DOWN_DOI])));
    server.page(CLOSED_URL, articlePage(CLOSED_DOI, 'Outcomes of a closed-access trial (test fixture)'));
    server.page(RETRACTED_URL, articlePage(RETRACTED_DOI, 'A retracted study of integrated care (test fixture)'));
    server.page(NO_DOI_URL, NO_DOI_PAGE);
    server.page(PARTIAL_URL, articlePage(PARTIAL_DOI, 'Integrated care pathways, a second look (test fixture)'));
    server.page(DOWN_URL, articlePage(DOWN_DOI, 'A study nobody could be asked about (test fixture)'));
    ext = await launchDriven(browserName, { extensionDirs: builtExtensions(), port: server.port });
  });

  // Every test fails on errors of the extension's contexts (background, popup, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function popupFor(url: string): Promise<DrivenPage> {
    const page = await ext.openPage(url);
    return ext.openPopup(page);
  }

  /** The documentation's screenshots are Chromium's. */
  const shot = (popup: DrivenPage, name: string) => (browserName === 'chromium' ? screenshot(popup, name) : Promise.resolve());

  it('found: best copy first with host, kind, version, licence, checked PDF; copy link says Copied', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('PDF checked');
    await expect.poll(() => bestCard(popup)).toContain('UCL Discovery');
    const card = await bestCard(popup);
    for (const words of ['Institutional repository', 'Published version', 'CC BY 4.0', 'Found via OpenAlex']) expect(card).toContain(words);
    await shot(popup, 'found');
    await popup.click({ role: 'button', name: 'Copy repository link — UCL Discovery' });
    await expect.poll(() => bestCard(popup)).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText(), null)).toBe(UCL_LANDING_URL);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.setColorScheme('dark');
    try {
      await sleep(2100); // "Copied" fades after 2 s; the dark screenshot shows the resting state.
      await shot(popup, 'found-dark');
      expect(await axeViolations(popup)).toEqual([]);
    } finally {
      // Firefox's colour scheme is browser-wide: later tests see the light theme again.
      await popup.setColorScheme('light');
    }
    await popup.close();
  });

  it('fits 360 and 420 px windows without sideways scrolling', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    for (const width of [360, 420]) {
      await popup.setViewport({ width, height: 600 });
      expect(await popup.evaluate(() => document.documentElement.scrollWidth, null)).toBeLessThanOrEqual(width);
    }
    await popup.close();
  });

  it('nothing found: says so and offers search services with the title', async () => {
    const popup = await popupFor(CLOSED_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('No free copy found');
    expect(await popup.attribute({ role: 'link', name: 'Search the title in Google Scholar' }, 'href')).toContain('scholar.google.com/scholar?q=%22Outcomes');
    await shot(popup, 'nothing');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('source errors: names the failing source and keeps what the others found', async () => {
    server.fault(apiHost('crossref'), undefined, { kind: 'status', status: 503 });
    try {
      const popup = await popupFor(PARTIAL_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/Crossref did not answer \(.+\); the other sources did\./);
      expect(await text(popup)).toContain('UCL Discovery');
      await shot(popup, 'source-error');
      await popup.close();
    } finally {
      server.clearFaults();
    }
  });

  it('all sources down: says which failed and offers a retry that works once they are back', async () => {
    // Every registered source, so that a source added later cannot quietly answer.
    for (const host of SOURCE_NAMES.map((id) => apiHost(id))) {
      server.fault(host, undefined, { kind: 'status', status: 503 });
    }
    let popup: DrivenPage;
    try {
      popup = await popupFor(DOWN_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/No source answered: .*OpenAlex/);
      expect(await text(popup)).not.toContain('No free copy found');
      await shot(popup, 'error');
      expect(await axeViolations(popup)).toEqual([]);
    } finally {
      server.clearFaults();
    }
    await popup.click({ role: 'button', name: 'Try again' });
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('No free copy found');
    expect(await text(popup)).not.toContain('did not answer');
    expect(server.count(apiHost('doiorg'))).toBeGreaterThan(0);
    await popup.close();
  });

  it('manual DOI: a page without a DOI offers the field; a doi.org link is looked up', async () => {
    const popup = await popupFor(NO_DOI_URL);
    const field = { role: 'textbox', name: 'DOI or link' };
    await popup.waitFor(field);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id, null)).toBe('doi-input');
    await popup.fill(field, 'https://doi.org/10.1186/s12913-023-10058-w');
    await shot(popup, 'manual');
    await popup.press('Enter');
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    expect(await text(popup)).toContain('DOI 10.1186/s12913-023-10058-w');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('retracted: a clear warning with the notice link, above the copies', async () => {
    const popup = await popupFor(RETRACTED_URL);
    const notice = { role: 'link', name: 'Read the retraction notice' };
    await popup.waitFor(notice, 20_000);
    expect(await popup.attribute(notice, 'href')).toBe(`https://doi.org/${RETRACTION_NOTICE_DOI}`);
    expect(await text(popup)).toContain('This article has been retracted');
    await shot(popup, 'retracted');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('keyboard: Tab reaches every action, P opens the best PDF in a new tab', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    const pdf = await ext.openedTab(() => popup.press('p'));
    expect(pdf.url).toContain('discovery.ucl.ac.uk/id/eprint/10179598/1/');
    await pdf.close();
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.press('Tab');
      names.push(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '', null));
    }
    expect(names).toEqual(expect.arrayContaining(['Open PDF — UCL Discovery', 'Open repository record — UCL Discovery']));
    await popup.close();
  });
});
