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
  BMC_DOI,
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
  EXAMPLE_ORCID,
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

/** What the reader sees: innerText leaves out what CSS hides, closed disclosures included. */
const text = (popup: DrivenPage) => popup.evaluate(() => document.body.innerText, null);
/** The best copy's card, as text. */
const bestCard = (popup: DrivenPage) => popup.evaluate(() => (document.querySelector('article.copy-best') as HTMLElement | null)?.innerText ?? '', null);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The accessible name (else the text) of the focused element. */
const focused = (popup: DrivenPage) =>
  popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '', null);

/** axe with colour contrast, in the dark and the light theme; the page is left in the light one. */
async function axeBothThemes(popup: DrivenPage): Promise<void> {
  try {
    await popup.setColorScheme('dark');
    expect(await axeViolations(popup), 'dark').toEqual([]);
  } finally {
    // Firefox's colour scheme is browser-wide: later tests see the light theme again.
    await popup.setColorScheme('light');
  }
  expect(await axeViolations(popup), 'light').toEqual([]);
}

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

  it('found: leads with what the reader can do, focus on the main button, the rest in words under Details; copy link says Copied', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('PDF checked');
    expect(await popup.evaluate(() => document.querySelector('article.copy-best')?.getAttribute('data-host'), null)).toBe('UCL Discovery');
    const card = await bestCard(popup);
    expect(card).toContain('Free to read: published version, CC BY 4.0, at UCL Discovery');
    expect(card).toContain('The version of record, as the journal published it.');
    // Enter opens the copy: the main button has the focus from the start.
    expect(await focused(popup)).toBe('Open PDF — UCL Discovery');
    // No API field names in what the reader sees (closed disclosures excluded), nor a colour the copy contradicts.
    const visible = await text(popup);
    expect(visible).not.toMatch(/oa_status|meta tag|OAI-PMH/);
    expect(visible).not.toMatch(/gold open access/i);
    const summary = 'article.copy-best details.details > summary';
    await popup.click(summary);
    const details = await popup.evaluate(() => (document.querySelector('article.copy-best details.details') as HTMLElement).innerText, null);
    for (const words of [
      'Institutional repository · University College London',
      'Green open access: a free copy kept in a repository.',
      'Found via OpenAlex',
      'Greenway read the DOI from the citation details in the page.',
    ])
      expect(details).toContain(words);
    await popup.click(summary);
    await shot(popup, 'found');
    await popup.click({ role: 'button', name: 'Copy repository link — UCL Discovery' });
    await expect.poll(() => bestCard(popup)).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText(), null)).toBe(UCL_LANDING_URL);
    await sleep(2100); // "Copied" fades after 2 s; the dark screenshot shows the resting state.
    await axeBothThemes(popup);
    await popup.setColorScheme('dark');
    try {
      await shot(popup, 'found-dark');
    } finally {
      await popup.setColorScheme('light');
    }
    await popup.close();
  });

  // The popup's stylesheet is written into popup.html (vite/inline-page-css.ts): the browser's content
  // security policy for extension pages must let an inline <style> apply, in both browsers.
  it('styled: its stylesheet is inline in the page, not a request, and it applies', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => popup.evaluate(() => document.querySelector('article.copy-best') !== null, null), { timeout: 20_000 }).toBe(true);
    const styles = await popup.evaluate(() => {
      const best = document.querySelector('article.copy-best') as HTMLElement;
      return {
        linked: document.querySelectorAll('link[rel="stylesheet"]').length,
        inline: document.querySelectorAll('head style').length,
        border: getComputedStyle(best).borderTopWidth,
        accent: getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
      };
    }, null);
    expect(styles).toEqual({ linked: 0, inline: 1, border: '2px', accent: '#1a7f37' });
    // A folded row reads "host · version · licence": the space before the first "·" is drawn (a flex
    // item's leading space is dropped unless kept, and a shortened host ran into the dot).
    await expect.poll(() => popup.evaluate(() => document.querySelector('.row-facts') !== null, null)).toBe(true);
    const space = await popup.evaluate(() => {
      const text = document.querySelector('.row-facts')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 1);
      return { char: text.textContent![0], width: range.getBoundingClientRect().width };
    }, null);
    expect(space.char).toBe(' ');
    expect(space.width).toBeGreaterThan(2);
  });

  it('loads: its early script starts the tab read before the entry module runs, and the entry reuses it', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => popup.evaluate(() => performance.getEntriesByName('greenway:content').length, null), { timeout: 20_000 }).toBe(1);
    const order = await popup.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name).map((e) => e.startTime);
      const slot = Object.getOwnPropertyDescriptor(globalThis, '__greenwayFirstRead');
      return { early: at('greenway:early-read'), content: at('greenway:content'), slotHidden: slot?.enumerable === false };
    }, null);
    // One read, started by the deferred classic script (the mark is set only when it starts the read).
    expect(order.early).toHaveLength(1);
    expect(order.early[0]).toBeLessThan(order.content[0]!);
    expect(order.slotHidden).toBe(true);
  });

  it('fits: everything within 400 × 600, the main button on the first screen at 200 % zoom, no sideways scrolling at 360–420 px', async () => {
    // On BMC's own page the reader is on a free copy: the first screen says so and starts the card of
    // the best other copy. The same DOI asked for in the address (the context menu) has no tab: then
    // the best copy's main button is what the first screen must reach.
    const onPage = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(onPage), { timeout: 20_000 }).toContain('You are on this copy');
    await expect.poll(() => text(onPage)).toContain('PDF checked');
    const asked = await ext.openExtensionPage(`popup.html?doi=${encodeURIComponent(BMC_DOI)}`, { width: 400, height: 600 });
    await expect.poll(() => text(asked), { timeout: 20_000 }).toContain('PDF checked');
    for (const popup of [onPage, asked]) {
      await popup.setViewport({ width: 400, height: 600 });
      expect(await popup.evaluate(() => document.documentElement.scrollHeight, null)).toBeLessThanOrEqual(600);
      for (const width of [360, 420]) {
        await popup.setViewport({ width, height: 600 });
        expect(await popup.evaluate(() => document.documentElement.scrollWidth, null)).toBeLessThanOrEqual(width);
      }
      // A browser popup is at most 800 × 600 device pixels; at 200 % zoom that is 400 × 300 CSS pixels.
      await popup.setViewport({ width: 400, height: 300 });
    }
    const first = await onPage.evaluate(
      () => ({
        here: document.querySelector('.here-version')?.getBoundingClientRect().bottom ?? 1e9,
        bestCard: document.querySelector('article.copy-best')?.getBoundingClientRect().top ?? 1e9,
      }),
      null,
    );
    expect(first.here).toBeLessThanOrEqual(300);
    expect(first.bestCard).toBeLessThanOrEqual(300);
    const bottom = await asked.evaluate(() => document.querySelector('.copy-best .action.primary')?.getBoundingClientRect().bottom ?? 1e9, null);
    expect(bottom).toBeLessThanOrEqual(300);
    await onPage.close();
    await asked.close();
  });

  it('nothing found: says so and offers search services with the title', async () => {
    const popup = await popupFor(CLOSED_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('No free copy found');
    expect(await popup.attribute({ role: 'link', name: 'Search the title in Google Scholar' }, 'href')).toContain('scholar.google.com/scholar?q=%22Outcomes');
    // No library set up: the offer to set it up comes first, opening the options at the library section.
    expect(await popup.attribute({ role: 'link', name: 'Get it through your library — set up' }, 'href')).toBe('/options.html#library');
    expect(await popup.evaluate(() => (document.querySelector('.next-steps a') as HTMLElement).innerText, null)).toBe('Get it through your library — set up');
    // The corresponding author the sources name, through their ORCID record.
    expect(await popup.attribute({ role: 'link', name: "Ask the author — Josiah Carberry's ORCID record" }, 'href')).toBe(`https://orcid.org/${EXAMPLE_ORCID}`);
    await shot(popup, 'nothing');
    await axeBothThemes(popup);
    await popup.close();
  });

  it('source errors: names the failing source and keeps what the others found', async () => {
    server.fault(apiHost('crossref'), undefined, { kind: 'status', status: 503 });
    try {
      const popup = await popupFor(PARTIAL_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/Crossref did not answer \(.+\); the other sources did\./);
      expect(await text(popup)).toContain('UCL Discovery');
      // A footnote under the best copy, not a box above it.
      const [footnote, lead] = await popup.evaluate(
        () => ['.copy-best .footnote', '.copy-best .lead'].map((sel) => document.querySelector(sel)?.getBoundingClientRect().top ?? NaN),
        null,
      );
      expect(footnote).toBeGreaterThan(lead!);
      await shot(popup, 'source-error');
      await axeBothThemes(popup);
      await popup.close();
    } finally {
      server.clearFaults();
    }
  });

  it('all sources down: says the services are not answering (not the connection, while online), still offers next steps, and a retry that works once they are back', async () => {
    // Every registered source, so that a source added later cannot quietly answer.
    for (const host of SOURCE_NAMES.map((id) => apiHost(id))) {
      server.fault(host, undefined, { kind: 'status', status: 503 });
    }
    let popup: DrivenPage;
    try {
      popup = await popupFor(DOWN_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toContain('The services Greenway asks are not answering right now');
      expect(await popup.evaluate(() => navigator.onLine, null)).toBe(true);
      const shown = await text(popup);
      expect(shown).not.toMatch(/check your connection/i);
      expect(shown).not.toContain('No free copy found');
      // Each source's error is folded away; the ways forward the DOI allows are still offered.
      expect(shown).not.toContain('HTTP 503');
      const said = await popup.evaluate(
        () => [...document.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === 'What each service said')?.textContent ?? '',
        null,
      );
      expect(said).toContain('OpenAlex: HTTP 503');
      expect(await popup.attribute({ role: 'link', name: 'Search the DOI in Google Scholar' }, 'href')).toContain('scholar.google.com');
      expect(await popup.attribute({ role: 'link', name: "Open the article's page at doi.org" }, 'href')).toBe(`https://doi.org/${DOWN_DOI}`);
      await shot(popup, 'error');
      await axeBothThemes(popup);
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
    await axeBothThemes(popup);
    await popup.press('Enter');
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    expect(await text(popup)).toContain('DOI 10.1186/s12913-023-10058-w');
    await axeBothThemes(popup);
    await popup.close();
  });

  it('retracted: a clear warning with the notice link, above the copies', async () => {
    const popup = await popupFor(RETRACTED_URL);
    const notice = { role: 'link', name: 'Read the retraction notice' };
    await popup.waitFor(notice, 20_000);
    expect(await popup.attribute(notice, 'href')).toBe(`https://doi.org/${RETRACTION_NOTICE_DOI}`);
    expect(await text(popup)).toContain('This article has been retracted');
    await shot(popup, 'retracted');
    await axeBothThemes(popup);
    await popup.close();
  });

  it('keyboard: Tab reaches every action, a row opens with Enter, P opens the best PDF in a new tab', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    const pdf = await ext.openedTab(() => popup.press('p'));
    expect(pdf.url).toContain('discovery.ucl.ac.uk/id/eprint/10179598/1/');
    await pdf.close();
    await popup.evaluate(() => document.querySelector<HTMLElement>('.copy-best .action.primary')?.focus(), null);
    const names = [await focused(popup)];
    for (let i = 0; i < 6; i++) {
      await popup.press('Tab');
      names.push(await focused(popup));
    }
    expect(names).toEqual(expect.arrayContaining(['Open PDF — UCL Discovery', 'Open repository record — UCL Discovery', 'Details']));
    await popup.evaluate(() => document.querySelector<HTMLElement>('button.row-toggle')?.focus(), null);
    await popup.press('Enter');
    expect(await popup.attribute('button.row-toggle', 'aria-expanded')).toBe('true');
    expect(await popup.evaluate(() => (document.querySelector('.row-body') as HTMLElement | null)?.innerText ?? '', null)).toContain('Open PDF');
    await axeBothThemes(popup);
    await popup.close();
  });
});
