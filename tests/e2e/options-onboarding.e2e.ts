/**
 * The options and onboarding pages as a new reader meets them (issue 18), in real Chromium and Firefox:
 * onboarding says how to pin the button (each browser its own way) and shows "Saved"; a source that
 * needs an email is not shown as on until the email is given; a site hidden with the article
 * indicator's "Hide on this site" is listed, and "Show again" brings the indicator back there; the
 * library "Test" buttons open the filled address in a new tab without Referer. axe (colour contrast
 * included) in light and dark.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BMC_ARTICLE_URL, BMC_DOI, startFixtureServer, type FixtureServer } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import { HIDDEN_SITES_KEY } from '../../utils/settings/basics';
import { openUrlFor } from '../../utils/settings/library-links';
import { axeViolations } from './popup-world';
import { fillSetting, isChecked, openOptions } from './options-ui';
import { builtExtensions } from './built';

/** The `chrome` global inside inExtension callbacks (they run in the browser). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const RESOLVER = 'https://resolver.example.edu/openurl';
const ILL = 'https://library.example.edu/ill?doi={doi}';
const BMC_SITE = new URL(BMC_ARTICLE_URL).hostname;
const PIN_STEP = {
  chromium: 'Click the pin next to Greenway (“Pin extension”).',
  firefox: 'Click the gear next to Greenway (“Open menu for Greenway”), then “Pin to Toolbar”.',
} as const;

const innerText = (page: DrivenPage, selector: string) =>
  page.evaluate((sel) => (document.querySelector(sel) as HTMLElement | null)?.innerText ?? null, selector);
const count = (page: DrivenPage, selector: string) => page.evaluate((sel) => document.querySelectorAll(sel).length, selector);
const hideButton = 'greenway-indicator >>> button[aria-label="Hide on this site"]';

/** axe in the page's light and dark themes; [] when both are clean. */
async function axeBothThemes(page: DrivenPage): Promise<string[]> {
  await page.setColorScheme('light');
  const light = await axeViolations(page);
  await page.setColorScheme('dark');
  const dark = await axeViolations(page);
  await page.setColorScheme('light');
  return [...light.map((v) => `light ${v}`), ...dark.map((v) => `dark ${v}`)];
}

describe.each(BROWSERS)('options and onboarding in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchDriven(browserName, { extensionDirs: builtExtensions(), port: server.port });
  });

  // Every test fails on errors of the extension's contexts (background, pages, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const hiddenSites = () => ext.inExtension(async (key) => (await chrome.storage.local.get(key))[key] ?? null, HIDDEN_SITES_KEY);

  it('onboarding says how to pin the button, pictures the signals, and shows "Saved" for the email', async () => {
    const page = await ext.openExtensionPage('onboarding.html');
    await page.waitFor({ role: 'region', name: 'Keep the Greenway button in sight' });
    const text = () => page.evaluate(() => document.body.innerText, null);
    await expect.poll(text).toContain('Click Extensions, the puzzle-piece button in the toolbar.');
    expect(await text()).toContain(PIN_STEP[browserName]);
    // The picture's accessible name: an img role named by its <title> (aria-labelledby) or alt text.
    const pictures = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[role="img"], img'), (e) => {
          const by = e.getAttribute('aria-labelledby');
          return (by ? document.getElementById(by)?.textContent : (e.getAttribute('aria-label') ?? e.getAttribute('alt'))) ?? '';
        }),
      null,
    );
    expect(pictures.filter((name) => /three signals/.test(name))).toHaveLength(1);
    expect(await page.attribute({ role: 'link', name: 'Try it on an example article' }, 'href')).toBe(BMC_ARTICLE_URL);

    await page.fill('#opt-email', 'reader@example.org');
    await page.press('Tab');
    await expect.poll(() => innerText(page, '.saved-inline')).toBe('Saved');
    expect(await axeBothThemes(page)).toEqual([]);
    await page.close();
    // The email given here is the one the options page now has.
    const options = await openOptions(ext);
    expect(await options.evaluate(() => (document.querySelector('#opt-email') as HTMLInputElement).value, null)).toBe('reader@example.org');
    await fillSetting(ext, options, 'email', '');
    await options.close();
  });

  it('options show a source that needs an email as off until the email is given', async () => {
    const options = await openOptions(ext);
    expect(await count(options, '#opt-sources-unpaywall-enabled')).toBe(0);
    expect(await innerText(options, '#opt-sources-unpaywall-enabled-needs')).toContain('Off — needs your email');
    expect(await innerText(options, '#opt-sources-core-enabled-needs')).toContain('Off — needs a key');
    expect(await innerText(options, '#opt-email-help')).toContain('Giving your email turns on Unpaywall');
    await fillSetting(ext, options, 'email', 'reader@example.org');
    await expect.poll(() => isChecked(options, '#opt-sources-unpaywall-enabled')).toBe(true);
    expect(await count(options, '#opt-sources-unpaywall-enabled-needs')).toBe(0);
    await options.close();
  });

  it('lists a site hidden with "Hide on this site"; "Show again" removes it and the indicator returns', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    await article.waitFor(hideButton, 20_000);
    await article.click(hideButton);
    await expect.poll(hiddenSites).toEqual([BMC_SITE]);
    await article.close();

    const options = await openOptions(ext);
    const showAgain = { role: 'button', name: `Show again: ${BMC_SITE}` };
    await options.waitFor(showAgain);
    expect(await axeBothThemes(options)).toEqual([]);
    await options.click(showAgain);
    await expect.poll(hiddenSites).toEqual([]);
    const body = () => options.evaluate(() => document.body.innerText, null);
    await expect.poll(body).toContain('No sites.');
    expect(await body()).toContain(`The card will show again on ${BMC_SITE}.`);
    await options.close();

    const again = await ext.openPage(BMC_ARTICLE_URL);
    await again.waitFor(hideButton, 20_000);
    await again.close();
  });

  it('"Test" opens the filled link resolver and ILL addresses in a new tab, without Referer', async () => {
    const options = await openOptions(ext);
    await fillSetting(ext, options, 'library.openUrlBase', RESOLVER);
    await fillSetting(ext, options, 'library.illUrlTemplate', ILL);
    const cases = [
      { field: 'opt-library-openUrlBase', url: openUrlFor(RESOLVER, { doi: BMC_DOI })! },
      { field: 'opt-library-illUrlTemplate', url: `https://library.example.edu/ill?doi=${encodeURIComponent(BMC_DOI)}` },
    ];
    for (const { field, url } of cases) {
      const tab = await ext.openedTab(() => options.click(`button[aria-describedby="${field}-test"]`));
      expect(tab.url).toBe(url);
      await expect.poll(() => server.requests().filter((r) => r.url === url).length).toBeGreaterThan(0);
      for (const r of server.requests().filter((r) => r.url === url)) expect(r.headers.referer, url).toBeUndefined();
      await tab.close();
    }
    expect(await innerText(options, '#opt-library-openUrlBase-test')).toBe(`Opened in a new tab with the example article's DOI, ${BMC_DOI}.`);
    // An address that is not http(s) opens nothing and says why.
    await options.fill('#opt-library-openUrlBase', 'resolver.example.edu/openurl');
    await options.click('button[aria-describedby="opt-library-openUrlBase-test"]');
    await expect.poll(() => innerText(options, '#opt-library-openUrlBase-test')).toMatch(/^That is not a web address/);
    expect(await axeBothThemes(options)).toEqual([]);
    await options.close();
  });
});
