/**
 * The options and onboarding pages as a new reader meets them (issue 18), in a real Chromium:
 * onboarding says how to pin the button and shows "Saved"; a source that needs an email is not shown
 * as on until the email is given; a site hidden with the article indicator's "Hide on this site" is
 * listed, and "Show again" brings the indicator back there; the library "Test" buttons open the filled
 * address in a new tab without opener or Referer. axe (colour contrast included) in light and dark.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BMC_ARTICLE_URL, BMC_DOI, launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension } from '../../harness';
import { HIDDEN_SITES_KEY } from '../../utils/settings/basics';
import { openUrlFor } from '../../utils/settings/library-links';
import { axeViolations } from './popup-world';
import { fillSetting, openOptions } from './options-ui';

/** The `chrome` global inside serviceWorker.evaluate callbacks (they run in the browser). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const RESOLVER = 'https://resolver.example.edu/openurl';
const ILL = 'https://library.example.edu/ill?doi={doi}';
const BMC_SITE = new URL(BMC_ARTICLE_URL).hostname;

let server: FixtureServer;
let ext: LaunchedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const hiddenSites = () => ext.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], HIDDEN_SITES_KEY);

/** axe in the page's light and dark themes; [] when both are clean. */
async function axeBothThemes(page: Page): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  return [...light.map((v) => `light ${v}`), ...dark.map((v) => `dark ${v}`)];
}

describe('onboarding', () => {
  it('says how to pin the button in Chromium, pictures the signals, and shows "Saved" for the email', async () => {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/onboarding.html`);
    const pin = page.getByRole('region', { name: 'Keep the Greenway button in sight' });
    await expect.poll(() => pin.innerText()).toContain('Click Extensions, the puzzle-piece button in the toolbar.');
    expect(await pin.innerText()).toContain('Click the pin next to Greenway (“Pin extension”).');
    expect(await page.getByRole('img', { name: /three signals/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Try it on an example article' }).getAttribute('href')).toBe(BMC_ARTICLE_URL);

    const saved = page.locator('.saved-inline');
    await page.locator('#opt-email').fill('reader@example.org');
    await page.locator('#opt-email').press('Tab');
    await expect.poll(() => saved.innerText()).toBe('Saved');
    expect(await saved.isVisible()).toBe(true);
    expect(await axeBothThemes(page)).toEqual([]);
    await page.close();
    // The email given here is the one the options page now has.
    const options = await openOptions(ext);
    expect(await options.locator('#opt-email').inputValue()).toBe('reader@example.org');
    await fillSetting(ext, options, 'email', '');
    await options.close();
  });
});

describe('options', () => {
  it('shows a source that needs an email as off until the email is given', async () => {
    const options = await openOptions(ext);
    expect(await options.locator('#opt-sources-unpaywall-enabled').count()).toBe(0);
    expect(await options.locator('#opt-sources-unpaywall-enabled-needs').innerText()).toContain('Off — needs your email');
    expect(await options.locator('#opt-sources-core-enabled-needs').innerText()).toContain('Off — needs a key');
    expect(await options.locator('#opt-email-help').innerText()).toContain('Giving your email turns on Unpaywall');
    await fillSetting(ext, options, 'email', 'reader@example.org');
    await expect.poll(() => options.locator('#opt-sources-unpaywall-enabled').isChecked()).toBe(true);
    expect(await options.locator('#opt-sources-unpaywall-enabled-needs').count()).toBe(0);
    await options.close();
  });

  it('lists a site hidden with "Hide on this site"; "Show again" removes it and the indicator returns', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    const hide = article.locator('greenway-indicator').getByRole('button', { name: 'Hide on this site' });
    await hide.click({ timeout: 20_000 });
    await expect.poll(hiddenSites).toEqual([BMC_SITE]);
    await article.close();

    const options = await openOptions(ext);
    const showAgain = options.getByRole('button', { name: `Show again: ${BMC_SITE}` });
    await showAgain.waitFor();
    expect(await axeBothThemes(options)).toEqual([]);
    await showAgain.click();
    await expect.poll(hiddenSites).toEqual([]);
    await expect.poll(() => options.getByText(/^No sites\./).count()).toBe(1);
    expect(await options.getByRole('status').filter({ hasText: 'The card will show again' }).innerText()).toBe(`The card will show again on ${BMC_SITE}.`);
    await options.close();

    const again = await ext.openPage(BMC_ARTICLE_URL);
    await again.locator('greenway-indicator').getByRole('button', { name: 'Hide on this site' }).waitFor({ timeout: 20_000 });
    await again.close();
  });

  it('"Test" opens the filled link resolver and ILL addresses in a new tab, without opener or Referer', async () => {
    const options = await openOptions(ext);
    await fillSetting(ext, options, 'library.openUrlBase', RESOLVER);
    await fillSetting(ext, options, 'library.illUrlTemplate', ILL);
    const cases = [
      { field: '#opt-library-openUrlBase', url: openUrlFor(RESOLVER, { doi: BMC_DOI })! },
      { field: '#opt-library-illUrlTemplate', url: `https://library.example.edu/ill?doi=${encodeURIComponent(BMC_DOI)}` },
    ];
    for (const { field, url } of cases) {
      const opened = ext.context.waitForEvent('page');
      await options.locator(field).locator('xpath=..').getByRole('button', { name: 'Test' }).click();
      const tab = await opened;
      await tab.waitForLoadState('domcontentloaded');
      expect(tab.url()).toBe(url);
      expect(await tab.evaluate(() => window.opener)).toBeNull();
      const arrived = server.requests().filter((r) => r.url === url);
      expect(arrived.length, url).toBeGreaterThan(0);
      for (const r of arrived) expect(r.headers.referer, url).toBeUndefined();
      await tab.close();
    }
    expect(await options.locator('#opt-library-openUrlBase-test').innerText()).toBe(`Opened in a new tab with the example article's DOI, ${BMC_DOI}.`);
    // An address that is not http(s) opens nothing and says why.
    await options.locator('#opt-library-openUrlBase').fill('resolver.example.edu/openurl');
    const pagesBefore = ext.context.pages().length;
    await options.locator('#opt-library-openUrlBase').locator('xpath=..').getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => options.locator('#opt-library-openUrlBase-test').innerText()).toMatch(/^That is not a web address/);
    expect(ext.context.pages().length).toBe(pagesBefore);
    expect(await axeBothThemes(options)).toEqual([]);
    await options.close();
    expect(ext.errors).toEqual([]);
  });
});
