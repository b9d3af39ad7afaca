/**
 * The popup in a real Chromium, for every state the issue names: found, nothing found, source errors,
 * manual DOI, retracted. Each saves a screenshot to docs/screenshots/popup-*.png (light theme, 400 px;
 * the found state also in dark). axe runs with colour contrast in both themes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SOURCE_NAMES } from '../../utils/model';
import {
  BMC_ARTICLE_URL,
  UCL_LANDING_URL,
  launchExtension,
  loadOpenAlexWorks,
  openAlexHandler,
  registeredHandler,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
  apiHost,
} from '../../harness';
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

let server: FixtureServer;
let ext: LaunchedExtension;

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
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** What the reader sees: innerText leaves out what CSS hides, closed disclosures included. */
const text = (popup: Page) => popup.locator('body').innerText();

/** axe with colour contrast, in the light and the dark theme; the page is left in the light one. */
async function axeBothThemes(popup: Page): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup), colorScheme).toEqual([]);
  }
}

async function popupFor(url: string): Promise<Page> {
  const page = await ext.openPage(url);
  return ext.openPopup(page);
}

describe('popup in Chromium', () => {
  it('found: leads with what the reader can do, focus on the main button, the rest in words under Details; copy link says Copied', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('PDF checked');
    const best = popup.locator('article.copy-best');
    expect(await best.getAttribute('data-host')).toBe('UCL Discovery');
    expect(await best.innerText()).toContain('Free to read: published version, CC BY 4.0, at UCL Discovery');
    expect(await best.innerText()).toContain('The version of record, as the journal published it.');
    // Enter opens the copy: the main button has the focus from the start.
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open PDF — UCL Discovery');
    // No API field names in what the reader sees (closed disclosures excluded), nor a colour the copy contradicts.
    const visible = await text(popup);
    expect(visible).not.toMatch(/oa_status|meta tag|OAI-PMH/);
    expect(visible).not.toMatch(/gold open access/i);
    const summary = best.locator('details.details > summary');
    await summary.click();
    const details = await best.locator('details.details').innerText();
    for (const words of [
      'Institutional repository · University College London',
      'Green open access: a free copy kept in a repository.',
      'Found via OpenAlex',
      'Greenway read the DOI from the citation details in the page.',
    ])
      expect(details).toContain(words);
    await summary.click();
    await screenshot(popup, 'found');
    await popup.getByRole('button', { name: 'Copy repository link — UCL Discovery' }).click();
    await expect.poll(() => best.innerText()).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(UCL_LANDING_URL);
    await popup.waitForTimeout(2100); // "Copied" fades after 2 s; the dark screenshot shows the resting state.
    await axeBothThemes(popup);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await screenshot(popup, 'found-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(ext.errors).toEqual([]);
  });

  it('fits: everything within 400 × 600, the main button on the first screen at 200 % zoom, no sideways scrolling at 360–420 px', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('PDF checked');
    await popup.setViewportSize({ width: 400, height: 600 });
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    // A browser popup is at most 800 × 600 device pixels; at 200 % zoom that is 400 × 300 CSS pixels.
    await popup.setViewportSize({ width: 400, height: 300 });
    const bottom = await popup.evaluate(() => document.querySelector('.copy-best .action.primary')?.getBoundingClientRect().bottom ?? Infinity);
    expect(bottom).toBeLessThanOrEqual(300);
    for (const width of [360, 420]) {
      await popup.setViewportSize({ width, height: 600 });
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });

  it('nothing found: says so and offers search services with the title', async () => {
    const popup = await popupFor(CLOSED_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('No free copy found');
    const scholar = popup.getByRole('link', { name: 'Search the title in Google Scholar' });
    expect(await scholar.getAttribute('href')).toContain('scholar.google.com/scholar?q=%22Outcomes');
    // No library set up: the offer to set it up comes first, opening the options at the library section.
    const setUp = popup.getByRole('link', { name: 'Get it through your library — set up' });
    expect(await setUp.getAttribute('href')).toBe('/options.html#library');
    expect(await popup.locator('.next-steps a').first().innerText()).toBe('Get it through your library — set up');
    // The corresponding author the sources name, through their ORCID record.
    const ask = popup.getByRole('link', { name: "Ask the author — Josiah Carberry's ORCID record" });
    expect(await ask.getAttribute('href')).toBe(`https://orcid.org/${EXAMPLE_ORCID}`);
    await screenshot(popup, 'nothing');
    await axeBothThemes(popup);
  });

  it('source errors: names the failing source and keeps what the others found', async () => {
    server.fault(apiHost('crossref'), undefined, { kind: 'status', status: 503 });
    try {
      const popup = await popupFor(PARTIAL_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/Crossref did not answer \(.+\); the other sources did\./);
      expect(await text(popup)).toContain('UCL Discovery');
      // A footnote under the best copy, not a box above it.
      const footnote = await popup.locator('.copy-best .footnote').boundingBox();
      const lead = await popup.locator('.copy-best .lead').boundingBox();
      expect(footnote!.y).toBeGreaterThan(lead!.y);
      await screenshot(popup, 'source-error');
      await axeBothThemes(popup);
    } finally {
      server.clearFaults();
    }
  });

  it('all sources down: says the services are not answering (not the connection, while online), still offers next steps, and a retry that works once they are back', async () => {
    // Every registered source, so that a source added later cannot quietly answer.
    for (const host of SOURCE_NAMES.map((id) => apiHost(id))) {
      server.fault(host, undefined, { kind: 'status', status: 503 });
    }
    let popup: Page;
    try {
      popup = await popupFor(DOWN_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toContain('The services Greenway asks are not answering right now');
      expect(await popup.evaluate(() => navigator.onLine)).toBe(true);
      const shown = await text(popup);
      expect(shown).not.toMatch(/check your connection/i);
      expect(shown).not.toContain('No free copy found');
      // Each source's error is folded away; the ways forward the DOI allows are still offered.
      expect(shown).not.toContain('HTTP 503');
      expect(await popup.locator('details', { hasText: 'What each service said' }).textContent()).toContain('OpenAlex: HTTP 503');
      expect(await popup.getByRole('link', { name: /^Search the (title|DOI) in Google Scholar$/ }).count()).toBe(1);
      expect(await popup.getByRole('link', { name: "Open the article's page at doi.org" }).getAttribute('href')).toBe(`https://doi.org/${DOWN_DOI}`);
      await screenshot(popup, 'error');
      await axeBothThemes(popup);
    } finally {
      server.clearFaults();
    }
    await popup.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('No free copy found');
    expect(await text(popup)).not.toContain('did not answer');
    expect(server.count(apiHost('doiorg'))).toBeGreaterThan(0);
  });

  it('manual DOI: a page without a DOI offers the field; a doi.org link is looked up', async () => {
    const popup = await popupFor(NO_DOI_URL);
    const input = popup.getByLabel('DOI or link');
    await input.waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('doi-input');
    await input.fill('https://doi.org/10.1186/s12913-023-10058-w');
    await screenshot(popup, 'manual');
    await axeBothThemes(popup);
    await popup.keyboard.press('Enter');
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    expect(await text(popup)).toContain('DOI 10.1186/s12913-023-10058-w');
    await axeBothThemes(popup);
  });

  it('retracted: a clear warning with the notice link, above the copies', async () => {
    const popup = await popupFor(RETRACTED_URL);
    const notice = popup.getByRole('link', { name: 'Read the retraction notice' });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.getAttribute('href')).toBe(`https://doi.org/${RETRACTION_NOTICE_DOI}`);
    expect(await text(popup)).toContain('This article has been retracted');
    await screenshot(popup, 'retracted');
    await axeBothThemes(popup);
  });

  it('keyboard: Tab reaches every action, a row opens with Enter, P opens the best PDF in a new tab', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    const opened = ext.context.waitForEvent('page');
    await popup.keyboard.press('p');
    const pdf = await opened;
    expect(pdf.url()).toContain('discovery.ucl.ac.uk/id/eprint/10179598/1/');
    await pdf.close();
    const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    const names = [await focused()];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      names.push(await focused());
    }
    expect(names).toEqual(expect.arrayContaining(['Open PDF — UCL Discovery', 'Open repository record — UCL Discovery', 'Details']));
    const row = popup.locator('button.row-toggle').first();
    await row.focus();
    await popup.keyboard.press('Enter');
    expect(await row.getAttribute('aria-expanded')).toBe('true');
    expect(await popup.locator('.row-body').first().innerText()).toContain('Open PDF');
    await axeBothThemes(popup);
  });
});
