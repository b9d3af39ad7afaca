/**
 * The browser-neutral face of the e2e harness: what a scenario shared by Chromium and Firefox may use.
 * Chromium is driven by playwright-core (harness/driven-chromium.ts over harness/launch.ts), Firefox by
 * puppeteer-core over WebDriver BiDi (harness/firefox.ts). Each operation below has one implementation
 * per browser inside the harness; a shared scenario uses only these. Browser-specific scenarios keep
 * using `launchExtension` (Playwright) directly.
 */
import { drivenChromium } from './driven-chromium';
import { launchFirefoxExtension } from './firefox';

export const BROWSERS = ['chromium', 'firefox'] as const;
export type BrowserName = (typeof BROWSERS)[number];

/**
 * An element: a CSS selector (`host >>> inner` reaches into `host`'s open shadow root, e.g. an inline
 * DOI badge), or an ARIA role with the element's exact accessible name, as the browser's own
 * accessibility tree computes it (Playwright's `getByRole`, puppeteer's `::-p-aria`). The first match counts.
 */
export type Target = string | { role: string; name: string };

/** A tab (web page or extension page) in either browser. */
export interface DrivenPage {
  /** Runs `fn(arg)` in the page; `arg` and the result must be JSON-serialisable. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs a script's source in the page, outside the page's CSP (e.g. axe-core into an extension page). */
  addScript(source: string): Promise<void>;
  /** Clicks the element (a real mouse click, a user gesture); waits for it to be there first. */
  click(target: Target): Promise<void>;
  /** Moves the mouse over the element. */
  hover(target: Target): Promise<void>;
  /** Replaces a text field's value the way a user types it (input events), without leaving the field. */
  fill(target: Target, value: string): Promise<void>;
  /** The element's attribute (null when absent); waits for the element first. */
  attribute(target: Target, name: string): Promise<string | null>;
  /** Waits until the element is there and visible; throws after `timeoutMs` (default 10 s). */
  waitFor(target: Target, timeoutMs?: number): Promise<void>;
  /** Presses a key or a chord in the focused element: "Tab", "Enter", "p", "Control+C". */
  press(key: string): Promise<void>;
  /** The page's address (web pages; Firefox reports `about:blank` for extension pages). */
  url(): Promise<string>;
  /** Reloads the page and waits for its `load` event. */
  reload(): Promise<void>;
  /**
   * `prefers-color-scheme` as the page sees it. Chromium: this page only; Firefox: every page of the
   * browser (the `layout.css.prefers-color-scheme.content-override` pref, through its chrome scope).
   */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** A screenshot of the viewport, the whole page, or one element (`selector`), animations stopped where the driver can. */
  screenshot(options: { path: string; fullPage?: boolean; selector?: string }): Promise<unknown>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

export interface DrivenCookie {
  name: string;
  value: string;
  /** A host name; the cookie is set for path "/", Secure, SameSite=None. */
  domain: string;
}

export interface OpenedTab {
  url: string;
  close(): Promise<void>;
}

export interface DrivenExtension {
  browser: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: the Origin of the extension's own requests. */
  origin: string;
  /** Opens a URL in a new tab and waits for its `load` event. */
  openPage(url: string): Promise<DrivenPage>;
  /** An extension page (`options.html`, `popup.html?doi=…`) in a new tab, waited until its document is complete. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<DrivenPage>;
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
   * What a click on the toolbar icon does for `page`'s tab, as the browser itself does it. Chromium
   * (DevTools `Extensions.triggerAction`): grants the tab and runs content scripts that site access
   * held back. Firefox (its own action's `triggerAction`, through the chrome scope, 153+): grants
   * activeTab on the tab and opens the real popup panel.
   */
  clickToolbarIcon(page: DrivenPage): Promise<void>;
  /**
   * Firefox only: activeTab on `page`'s tab alone (the popup then sees the tab's URL), without the
   * content-script run that a real toolbar click adds. Chromium offers no way to grant it from a test.
   */
  grantActiveTab?(page: DrivenPage): Promise<void>;
  /**
   * Runs `action` and returns the tab it opened (e.g. a link with target=_blank, from a popup or a
   * page) once that tab has an address; `close` closes it.
   */
  openedTab(action: () => Promise<void>): Promise<OpenedTab>;
  /** Puts cookies in the browser's jar (e.g. to prove that the extension's requests leave them out). */
  addCookies(cookies: DrivenCookie[]): Promise<void>;
  /** Errors of the extension's contexts (background, extension pages, content script) so far. */
  errors(): Promise<string[]>;
  /** The errors not returned by an earlier call: for a per-test check in `afterEach`. */
  newErrors(): Promise<string[]>;
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
  /**
   * Firefox only: the add-on's `storage.managed` (an institution's policy), from a per-user native
   * manifest in a throw-away HOME (harness/firefox-managed.ts). Chromium reads managed policy only
   * from machine-wide files, which would reach every Chromium on the host: refused there.
   */
  managedStorage?: Record<string, unknown>;
}

/** What each browser's launcher returns; `launchDriven` adds the rest. */
export type DrivenLaunch = Omit<DrivenExtension, 'newErrors'>;

/** Wraps a function and its argument as an expression whose value is the JSON of the result. */
export function jsonCall(fn: (arg: never) => unknown, arg: unknown): string {
  return `(async () => JSON.stringify(await (${fn.toString()})(${JSON.stringify(arg)})) ?? "null")()`;
}

/** Splits "Control+Shift+C" into its keys, for drivers that press one key at a time. */
export function chordKeys(chord: string): string[] {
  return chord === '+' ? ['+'] : chord.split('+').filter(Boolean);
}

/** Starts `browser` with the built extension for it, every host mapped onto the fixture server. */
export async function launchDriven(browser: BrowserName, options: DrivenOptions): Promise<DrivenExtension> {
  const dir = options.extensionDirs[browser];
  let launched: DrivenLaunch;
  if (browser === 'chromium') {
    if (options.managedStorage) throw new Error('managedStorage: Chromium reads managed policy only from machine-wide files');
    launched = await drivenChromium(dir, options.port, options.siteAccess);
  } else {
    const prefs =
      options.siteAccess === 'withheld' ? { 'extensions.originControls.grantByDefault': false, 'extensions.webextOptionalPermissionPrompts': false } : {};
    launched = await launchFirefoxExtension({ extensionDir: dir, port: options.port, prefs, managedStorage: options.managedStorage });
  }
  let reported = 0;
  return {
    ...launched,
    async newErrors() {
      const all = await launched.errors();
      const fresh = all.slice(reported);
      reported = all.length;
      return fresh;
    },
  };
}
