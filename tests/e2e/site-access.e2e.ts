/**
 * Pages Greenway may not read (issue 15), in Chromium and Firefox: with site access withheld the
 * content script does not run, and the popup says "Greenway can't read this page" instead of the false
 * "No article DOI on this page"; a typed DOI still finds the UCL Discovery copy. In Firefox (where a
 * test can grant what a toolbar click grants) "Allow on this site" asks for the page's origin, the
 * content script is injected at once, and the BMC article's UCL Discovery copy shows.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BMC_ARTICLE_URL, BMC_DOI, apiHost, startFixtureServer, type FixtureServer } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

const bodyText = (popup: DrivenPage) => popup.evaluate(() => document.body.innerText, null);

describe.each(BROWSERS)('site access withheld in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchDriven(browserName, {
      extensionDirs: { chromium: inject('extensionDir'), firefox: inject('firefoxExtensionDir') },
      port: server.port,
      siteAccess: 'withheld',
    });
  });

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
    expect(await ext.errors()).toEqual([]);
    await popup.close();
    await article.close();
  });

  it.runIf(browserName === 'firefox')('"Allow on this site" asks for the origin, reads the page at once and shows the UCL Discovery copy', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    await ext.grantActiveTab!(article);
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openPopup(tabId);
    await expect.poll(() => bodyText(popup), { timeout: 10_000 }).toContain('Allow on this site');
    await popup.click('.site-access button');
    await expect.poll(() => bodyText(popup), { timeout: 15_000 }).toContain('UCL Discovery');
    expect(await bodyText(popup)).not.toContain("can't read");
    const origins = await ext.inExtension(
      async () =>
        (await (globalThis as unknown as { browser: { permissions: { getAll(): Promise<{ origins: string[] }> } } }).browser.permissions.getAll()).origins,
      null,
    );
    expect(origins).toContain('https://bmchealthservres.biomedcentral.com/*');
    expect(await ext.errors()).toEqual([]);
    await popup.close();
    await article.close();
  });
});
