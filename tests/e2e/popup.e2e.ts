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

const text = (popup: Page) => popup.locator('body').innerText();

async function popupFor(url: string): Promise<Page> {
  const page = await ext.openPage(url);
  return ext.openPopup(page);
}

describe('popup in Chromium', () => {
  it('found: best copy first with host, kind, version, licence, checked PDF; copy link says Copied', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('PDF checked');
    const best = popup.getByRole('article').first();
    await expect.poll(() => best.innerText()).toContain('UCL Discovery');
    const card = await best.innerText();
    for (const words of ['Institutional repository', 'Published version', 'CC BY 4.0', 'Found via OpenAlex']) expect(card).toContain(words);
    await screenshot(popup, 'found');
    await popup.getByRole('button', { name: 'Copy repository link — UCL Discovery' }).click();
    await expect.poll(() => best.innerText()).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(UCL_LANDING_URL);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.waitForTimeout(2100); // "Copied" fades after 2 s; the dark screenshot shows the resting state.
    await screenshot(popup, 'found-dark');
    expect(await axeViolations(popup)).toEqual([]);
    expect(ext.errors).toEqual([]);
  });

  it('fits 360 and 420 px windows without sideways scrolling', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
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
    await screenshot(popup, 'nothing');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('source errors: names the failing source and keeps what the others found', async () => {
    server.fault(apiHost('crossref'), undefined, { kind: 'status', status: 503 });
    try {
      const popup = await popupFor(PARTIAL_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/Crossref did not answer \(.+\); the other sources did\./);
      expect(await text(popup)).toContain('UCL Discovery');
      await screenshot(popup, 'source-error');
    } finally {
      server.clearFaults();
    }
  });

  it('all sources down: says which failed and offers a retry that works once they are back', async () => {
    // Every registered source, so that a source added later cannot quietly answer.
    for (const host of SOURCE_NAMES.map((id) => apiHost(id))) {
      server.fault(host, undefined, { kind: 'status', status: 503 });
    }
    let popup: Page;
    try {
      popup = await popupFor(DOWN_URL);
      await expect.poll(() => text(popup), { timeout: 40_000 }).toMatch(/No source answered: .*OpenAlex/);
      expect(await text(popup)).not.toContain('No free copy found');
      await screenshot(popup, 'error');
      expect(await axeViolations(popup)).toEqual([]);
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
    await popup.keyboard.press('Enter');
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    expect(await text(popup)).toContain('DOI 10.1186/s12913-023-10058-w');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('retracted: a clear warning with the notice link, above the copies', async () => {
    const popup = await popupFor(RETRACTED_URL);
    const notice = popup.getByRole('link', { name: 'Read the retraction notice' });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.getAttribute('href')).toBe(`https://doi.org/${RETRACTION_NOTICE_DOI}`);
    expect(await text(popup)).toContain('This article has been retracted');
    await screenshot(popup, 'retracted');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('keyboard: Tab reaches every action, P opens the best PDF in a new tab', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('UCL Discovery');
    const opened = ext.context.waitForEvent('page');
    await popup.keyboard.press('p');
    const pdf = await opened;
    expect(pdf.url()).toContain('discovery.ucl.ac.uk/id/eprint/10179598/1/');
    await pdf.close();
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      await popup.keyboard.press('Tab');
      names.push(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
    }
    expect(names).toEqual(expect.arrayContaining(['Open PDF — UCL Discovery', 'Open repository record — UCL Discovery']));
  });
});
