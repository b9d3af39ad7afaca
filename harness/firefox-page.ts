/**
 * A puppeteer page of Firefox (WebDriver BiDi) as the browser-neutral DrivenPage (harness/driven.ts).
 * Pitfalls from ../shared/NOTES-firefox.md: results travel as JSON (§9.11), and extension pages send
 * no load events (so `url()` and `reload()` are for web pages).
 */
import type { Page } from 'puppeteer-core';
import { chordKeys, jsonCall, type DrivenPage, type Target } from './driven';
import type { ChromeScope } from './firefox-errors';

/** puppeteer's own syntax: `>>>` pierces shadow roots, `::-p-aria` asks the accessibility tree. */
function selectorOf(target: Target): string {
  if (typeof target === 'string') return target;
  const quote = (s: string) => JSON.stringify(s);
  return `::-p-aria([name=${quote(target.name)}][role=${quote(target.role)}])`;
}

export function firefoxPage(page: Page, chrome: ChromeScope | null): DrivenPage {
  // A user acts on the tab in front. Firefox runs no IntersectionObserver callbacks in a background
  // tab, so puppeteer's locators (which wait for the element to be in view) would never act there.
  const front = async () => void (await page.bringToFront());
  return {
    // BiDi deserialisation drops repeated references (§9.11): results travel as JSON.
    evaluate: async (fn, arg) => JSON.parse((await page.evaluate(jsonCall(fn, arg))) as string) as never,
    // BiDi's script.evaluate runs with the Remote Agent's privileges: the page's CSP does not apply.
    addScript: async (source) => void (await page.evaluate(source)),
    click: async (target) => (await front(), page.locator(selectorOf(target)).click()),
    hover: async (target) => (await front(), page.locator(selectorOf(target)).hover()),
    async fill(target, value) {
      await front();
      const field = page.locator(selectorOf(target));
      if (value !== '') return void (await field.fill(value));
      // puppeteer's fill('') over BiDi leaves the field as it was: clear it as a user does.
      await field.click();
      await page.keyboard.down('Control');
      await page.keyboard.press('a');
      await page.keyboard.up('Control');
      await page.keyboard.press('Backspace');
    },
    async attribute(target, name) {
      const element = await page.waitForSelector(selectorOf(target), { timeout: 10_000 });
      return element!.evaluate((e, n) => e.getAttribute(n), name);
    },
    waitFor: async (target, timeout = 10_000) => void (await page.waitForSelector(selectorOf(target), { visible: true, timeout })),
    async press(chord) {
      await front();
      // With modifiers, a letter is its lower-case key ("Control+C" is Ctrl and "c", not Shift+C).
      const keys = chordKeys(chord).map((k, i, all) => (all.length > 1 && i === all.length - 1 && /^[A-Z]$/.test(k) ? k.toLowerCase() : k)) as Parameters<
        Page['keyboard']['press']
      >[0][];
      for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
      await page.keyboard.press(keys.at(-1)!);
      for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
    },
    url: () => Promise.resolve(page.url()),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    async setColorScheme(scheme) {
      // puppeteer's emulateMediaFeatures needs CDP; Firefox's content-override pref does it (0 dark, 1 light).
      if (!chrome) throw new Error('setColorScheme needs Firefox 153+ (chrome scope)');
      await chrome.evaluate(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
      await page.waitForFunction((dark: boolean) => matchMedia('(prefers-color-scheme: dark)').matches === dark, { timeout: 5_000 }, scheme === 'dark');
    },
    async screenshot({ selector, ...options }) {
      const path = options.path as `${string}.png`;
      if (!selector) return page.screenshot({ path, fullPage: options.fullPage });
      const element = await page.waitForSelector(selector, { timeout: 5_000 });
      return element!.screenshot({ path });
    },
    setViewport: (size) => page.setViewport(size),
    close: () => page.close(),
  };
}
