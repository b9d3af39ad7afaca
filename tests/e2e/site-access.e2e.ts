/**
 * Pages Greenway may not read (issue 15), in Chromium and Firefox: with site access withheld the
 * content script does not run, and the popup says "Greenway can't read this page" instead of the false
 * "No article DOI on this page"; a typed DOI still finds the UCL Discovery copy. A click on the
 * toolbar icon reads the page in both browsers, each its own way (Chrome runs the content script it
 * held back; Firefox grants activeTab, runs it and opens the popup panel, which must then show the
 * copy). In Firefox "Allow on this site" asks for the page's origin, the content script is injected
 * at once, and the BMC article's UCL Discovery copy shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BMC_ARTICLE_URL, BMC_DOI, apiHost, startFixtureServer, type FixtureServer } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import { builtExtensions } from './built';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

const bodyText = (popup: DrivenPage) => popup.evaluate(() => document.body.innerText, null);
/** The text of Firefox's real popup panel, read from an extension page (same process). */
const panelText = () =>
  (globalThis as unknown as { browser: { extension: { getViews(q: object): Window[] } } }).browser.extension
    .getViews({ type: 'popup' })
    .map((w) => w.document.body.innerText)
    .join('\n');

describe.each(BROWSERS)('site access withheld in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;
  /** The article DOI the background keeps for a tab (storage.session): the content script reported it. */
  const tabArticleDoi = (tabId: number) =>
    ext.inExtension(async (id) => {
      const all = await chrome.storage.session.get(`tab:${id}`);
      return (all[`tab:${id}`] as { article?: { doi: string } } | undefined)?.article?.doi ?? null;
    }, tabId);

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchDriven(browserName, {
      extensionDirs: builtExtensions(),
      port: server.port,
      siteAccess: 'withheld',
    });
  });

  // Every test fails on errors of the extension's contexts (background, popup, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('says it cannot read the page, not that the page has no DOI, and a typed DOI still works', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    const tabId = await ext.tabIdOf(article);
    // The content script did not run: no report, no inline badges, no lookup.
    expect(await ext.inExtension(async (id) => Object.keys(await chrome.storage.session.get(`tab:${id}`)).length, tabId)).toBe(0);
    expect(await article.evaluate(() => document.querySelectorAll('greenway-badge').length, null)).toBe(0);
    expect(server.count(apiHost('openalex'))).toBe(0);

    const popup = await ext.openPopup(tabId);
    await expect.poll(() => bodyText(popup), { timeout: 10_000 }).toContain("Greenway can't read this page");
    expect(await bodyText(popup)).not.toContain('No article DOI on this page');

    await popup.evaluate((doi) => {
      const input = document.querySelector<HTMLInputElement>('#doi-input')!;
      input.value = doi;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, BMC_DOI);
    await popup.click('form button[type=submit]');
    await expect.poll(() => bodyText(popup), { timeout: 15_000 }).toContain('UCL Discovery');
    await popup.close();
    await article.close();
  });

  it('a click on the toolbar icon reads the page, and the popup shows the UCL Discovery copy', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    const tabId = await ext.tabIdOf(article);
    expect(await tabArticleDoi(tabId)).toBeNull();
    // Chromium ("On click"): the click runs the content script Chrome held back, and opens no popup.
    // Firefox: the click grants activeTab, runs the content script, and opens the popup panel at once.
    await ext.clickToolbarIcon(article);
    await expect.poll(() => tabArticleDoi(tabId), { timeout: 10_000 }).toBe(BMC_DOI);
    if (browserName === 'firefox') {
      // The panel painted "can't read" before the page's report came; it must not keep saying so.
      await expect.poll(() => ext.inExtension(panelText, null), { timeout: 10_000 }).toContain('UCL Discovery');
      expect(await ext.inExtension(panelText, null)).not.toContain("can't read");
    }
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => bodyText(popup), { timeout: 15_000 }).toContain('UCL Discovery');
    expect(await bodyText(popup)).not.toContain("can't read");
    await popup.close();
    await article.close();
  });

  // Firefox, where a test can grant activeTab alone: the popup knows the site but no report came (the
  // moment between a toolbar click and the page's report). In Chromium "Allow on this site" ends in
  // Chrome's permission prompt, which no test can answer; the component tests cover its request.
  it.runIf(browserName === 'firefox')('"Allow on this site" asks for the origin, reads the page at once and shows the UCL Discovery copy', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    await ext.grantActiveTab!(article);
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openPopup(tabId);
    await popup.waitFor({ role: 'button', name: 'Allow on this site' });
    await popup.click({ role: 'button', name: 'Allow on this site' });
    await expect.poll(() => bodyText(popup), { timeout: 15_000 }).toContain('UCL Discovery');
    expect(await bodyText(popup)).not.toContain("can't read");
    const origins = await ext.inExtension(
      async () =>
        (await (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }).browser.permissions.getAll()).origins,
      null,
    );
    expect(origins).toContain('https://bmchealthservres.biomedcentral.com/*');
    await popup.close();
    await article.close();
  });
});
