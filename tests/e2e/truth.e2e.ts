/**
 * Issue 13 in a real Chromium: OpenAlex — the default source that knows the seed article's UCL
 * Discovery copy — is down, so the answer is incomplete, never "No free copy found" nor ✕ on the
 * toolbar; once OpenAlex is back, a new view of the page asks it again and shows the copy. A dataset
 * in an open data repository (per DataCite) is open, and DataCite is never asked about the article.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  BMC_ARTICLE_URL,
  BMC_DOI,
  apiHost,
  launchExtension,
  loadOpenAlexWorks,
  openAlexHandler,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
} from '../../harness';

/** The `chrome` global as seen inside the service worker's evaluate callbacks (they run in the browser). */
declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> } };

let server: FixtureServer;
let ext: LaunchedExtension;
let openalexDown = true;
const DRYAD_DOI = '10.5061/dryad.8515';

beforeAll(async () => {
  server = await startFixtureServer();
  const works = openAlexHandler(loadOpenAlexWorks());
  server.api(apiHost('openalex'), '/works', (request) =>
    openalexDown && decodeURIComponent(request.url).toLowerCase().includes(BMC_DOI) ? { status: 503, json: { error: 'Service Unavailable' } } : works(request),
  );
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const text = (popup: Page) => popup.locator('body').innerText();

describe('lookup truth in Chromium', () => {
  it('OpenAlex down on the seed article: an incomplete answer naming OpenAlex, no "No free copy found", a neutral toolbar mark; back: the next view finds UCL Discovery', async () => {
    const page = await ext.openPage(BMC_ARTICLE_URL);
    const first = await ext.openPopup(page);
    await expect.poll(() => text(first), { timeout: 30_000 }).toContain('The answer is incomplete');
    const during = await text(first);
    expect(during).toContain('OpenAlex could not be reached');
    expect(during).not.toContain('No free copy found');
    expect(during).not.toContain('inter-library loan');
    // The toolbar: a neutral mark (never ✕) whose tooltip says the answer is incomplete and why.
    const tabId = await ext.tabIdOf(page);
    expect(await ext.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('–');
    expect(await ext.serviceWorker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(
      `Greenway: incomplete answer for ${BMC_DOI} — OpenAlex could not be reached`,
    );
    await first.close();

    // An article costs DataCite nothing: it is asked only about datasets and DOIs it registered.
    expect(server.count(apiHost('datacite'))).toBe(0);

    openalexDown = false;
    const asked = server.count(apiHost('openalex'));
    const again = await ext.openPopup(await ext.openPage(BMC_ARTICLE_URL));
    await expect.poll(() => text(again), { timeout: 30_000 }).toContain('UCL Discovery');
    expect(server.count(apiHost('openalex'))).toBeGreaterThan(asked);
  });

  it('a dataset DOI typed into the popup: open at its landing page in Dryad (per DataCite), named a dataset, never "No free copy found"', async () => {
    // Known to no index in this world; doi.org names DataCite as its agency; DataCite's record is the recorded one.
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?doi=${encodeURIComponent(DRYAD_DOI)}`);
    await expect.poll(() => text(popup), { timeout: 30_000 }).toContain('Dryad');
    const shown = await text(popup);
    expect(shown).toContain('Data from: A new malaria agent in African hominids.');
    expect(shown).toContain('dataset, 2011');
    expect(shown).not.toContain('No free copy found');
    expect(shown).not.toContain('Not an article');
    expect(await popup.getByRole('link', { name: /Dryad/ }).first().getAttribute('href')).toBe('https://datadryad.org/dataset/doi:10.5061/dryad.8515');
    expect(server.count(apiHost('datacite'))).toBe(1);
    expect(ext.errors).toEqual([]);
  });
});
