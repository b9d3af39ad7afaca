/**
 * The browser-neutral face of the e2e harness: what a scenario shared by Chromium and Firefox may use.
 * Chromium is driven by playwright-core (harness/launch.ts), Firefox by puppeteer-core over WebDriver
 * BiDi (harness/firefox.ts); both pages already share `evaluate(fn, arg)`, `click(selector)`,
 * `screenshot` and `close`, so a shared scenario uses only those plus `inExtension` for the extension's
 * own APIs. Browser-specific scenarios keep using `launchExtension` (Playwright) directly.
 */
import { launchExtension } from './launch';
import { launchFirefoxExtension } from './firefox';

export const BROWSERS = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

/** A tab (web page or extension page) in either browser. */
export interface DrivenPage {
  /** Runs `fn(arg)` in the page; `arg` and the result must be JSON-serialisable. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks the first element matching a CSS selector (a real mouse click, a user gesture). */
  click(selector: string): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

export interface DrivenExtension {
  browser: BrowserName;
  /** Opens a URL in a new tab and waits for its `load` event. */
  openPage(url: string): Promise<DrivenPage>;
  /** The browser's tab id of an open page; brings the page to the front. */
  tabIdOf(page: DrivenPage): Promise<number>;
  /** popup.html?tabId=N (≈400×600) in a new tab, waited until its document is complete. */
  openPopup(target: DrivenPage | number): Promise<DrivenPage>;
  /**
   * Runs `fn(arg)` in an extension context with the full `chrome.*` API (Chromium: the service
   * worker; Firefox: an extension tab, since BiDi cannot reach the event page). JSON in, JSON out.
   */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * What a toolbar-icon click grants the extension on `page`'s tab (activeTab: its URL, and scripting
   * there). Firefox only (through its chrome scope); Chromium offers no way to grant it from a test.
   */
  grantActiveTab?(page: DrivenPage): Promise<void>;
  /** Errors of the extension's contexts (background, extension pages, content script) so far. */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface DrivenOptions {
  extensionDirs: Record<BrowserName, string>;
  port: number;
  /**
   * 'withheld': the user has taken site access away. Firefox: no host permission granted at install
   * (`extensions.originControls.grantByDefault: false`), and `permissions.request` grants without its
   * prompt (`extensions.webextOptionalPermissionPrompts: false`). Chromium: site access "On click"
   * (chrome://extensions' own developerPrivate call), which withholds every host, API hosts included.
   */
  siteAccess?: 'granted' | 'withheld';
}

/** Wraps a function and its argument as an expression whose value is the JSON of the result. */
export function jsonCall(fn: (arg: never) => unknown, arg: unknown): string {
  return `(async () => JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg)})) ?? "null")()`;
}

async function drivenChromium(extensionDir: string, port: number, siteAccess: DrivenOptions['siteAccess']): Promise<DrivenExtension> {
  const ext = await launchExtension({ extensionDir, port });
  if (siteAccess === 'withheld') {
    const admin = await ext.context.newPage();
    await admin.goto('chrome://extensions');
    await admin.evaluate(async (extensionId) => {
      const dp = (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } } }).chrome
        .developerPrivate;
      await dp.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' });
    }, ext.extensionId);
    await admin.close();
  }
  // Playwright's Page satisfies DrivenPage as is; the map keeps the real objects for tabIdOf/openPopup.
  const pages = new Map<DrivenPage, import('playwright-core').Page>();
  const wrap = (page: import('playwright-core').Page): DrivenPage => {
    const driven: DrivenPage = {
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
      click: (selector) => page.click(selector),
      screenshot: (options) => page.screenshot(options),
      setViewport: (size) => page.setViewportSize(size),
      close: () => page.close(),
    };
    pages.set(driven, page);
    return driven;
  };
  const real = (page: DrivenPage) => {
    const found = pages.get(page);
    if (!found) throw new Error('not a page of this browser');
    return found;
  };
  return {
    browser: 'chromium',
    openPage: async (url) => wrap(await ext.openPage(url)),
    tabIdOf: (page) => ext.tabIdOf(real(page)),
    openPopup: async (target) => {
      const popup = await ext.openPopup(typeof target === 'number' ? target : real(target));
      await popup.waitForLoadState('load');
      return wrap(popup);
    },
    inExtension: async (fn, arg) => JSON.parse((await ext.serviceWorker.evaluate(jsonCall(fn, arg))) as string) as never,
    errors: () => Promise.resolve([...ext.errors]),
    close: () => ext.close(),
  };
}

/** Starts `browser` with the built extension for it, every host mapped onto the fixture server. */
export function launchDriven(browser: BrowserName, options: DrivenOptions): Promise<DrivenExtension> {
  const dir = options.extensionDirs[browser];
  if (browser === 'chromium') return drivenChromium(dir, options.port, options.siteAccess);
  const prefs =
    options.siteAccess === 'withheld' ? { 'extensions.originControls.grantByDefault': false, 'extensions.webextOptionalPermissionPrompts': false } : {};
  return launchFirefoxExtension({ extensionDir: dir, port: options.port, prefs });
}
