/**
 * Starts Chromium with the built extension loaded, every host name mapped onto the fixture server,
 * and a fresh profile. Collects the errors a test should fail on: uncaught page errors, console
 * errors of extension pages and of the content script, and console errors / unhandled rejections of
 * the service worker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium';

export interface LaunchOptions {
  /** The built chrome-mv3 directory (see buildExtension). */
  extensionDir: string;
  /** The fixture server's port: every host name resolves to it. */
  port: number;
  /** Show the window. Default: only when GREENWAY_HEADED=1 and a DISPLAY exists. */
  headed?: boolean;
  /**
   * A profile to start with and keep (a browser restart: the bench's cold start). Default: a fresh
   * profile per launch, deleted on close.
   */
  userDataDir?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens a URL in a new tab and waits for its `load` event. */
  openPage(url: string): Promise<Page>;
  /** The browser's tab id of an open page. Brings the page to the front (it becomes the active tab). */
  tabIdOf(page: Page): Promise<number>;
  /** Opens popup.html (≈400×600) in a new tab, for the given page or tab id; without one, for the active tab. */
  openPopup(target?: Page | number): Promise<Page>;
  /** Errors seen so far; a healthy run leaves this empty. */
  errors: string[];
  close(): Promise<void>;
}

export const POPUP_SIZE = { width: 400, height: 600 };

/** Chromium's own line for every 4xx/5xx; API "not found" answers are normal, not errors. */
const NETWORK_NOISE = /^Failed to load resource/;

interface ChromeTabs {
  chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
}

function chromiumArgs(extensionDir: string, port: number): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
    '--ignore-certificate-errors',
  ];
}

function isExtensionUrl(url: string): boolean {
  return url.startsWith('chrome-extension://');
}

/** Service workers report unhandled rejections only to DevTools; re-log them so `console` sees them. */
async function watchWorker(worker: Worker, errors: string[]): Promise<void> {
  worker.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' && !NETWORK_NOISE.test(msg.text())) errors.push(`service worker: ${msg.text()}`);
  });
  await worker
    .evaluate(() => {
      self.addEventListener('unhandledrejection', (e) => console.error('unhandled rejection:', String((e as PromiseRejectionEvent).reason)));
      self.addEventListener('error', (e) => console.error('uncaught error:', String((e as ErrorEvent).message)));
    })
    .catch(() => undefined);
}

function watchPage(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`page error (${page.url()}): ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || NETWORK_NOISE.test(msg.text())) return;
    // Extension pages (popup, options), and our content script on any page (its messages carry the
    // script's chrome-extension:// location). A fixture page's own console is not the extension's.
    if (isExtensionUrl(page.url())) errors.push(`extension page console (${page.url()}): ${msg.text()}`);
    else if (isExtensionUrl(msg.location().url)) errors.push(`content script console (${page.url()}): ${msg.text()}`);
  });
}

export async function launchExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  const browser = findChromium();
  if (!browser.ok) throw new Error(browser.error);
  const headed = options.headed ?? (process.env.GREENWAY_HEADED === '1' && Boolean(process.env.DISPLAY));
  // A fresh profile per launch: no state (storage, cache, permissions) leaks between tests.
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'greenway-e2e-')));
  const removeProfile = () => (ownProfile ? rm(userDataDir, { recursive: true, force: true }) : Promise.resolve());
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browser.path,
    headless: !headed,
    args: chromiumArgs(options.extensionDir, options.port),
  });
  const errors: string[] = [];
  try {
    context.pages().forEach((p) => watchPage(p, errors));
    context.on('page', (p) => watchPage(p, errors));

    const isOurs = (w: Worker) => isExtensionUrl(w.url());
    const serviceWorker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
    await watchWorker(serviceWorker, errors);
    context.on('serviceworker', (w) => {
      if (isOurs(w) && w !== serviceWorker) void watchWorker(w, errors);
    });
    const extensionId = new URL(serviceWorker.url()).host;
    // Chromium refuses per-origin grants for chrome-extension:// ("opaque origin"); a context-wide
    // grant covers the extension's pages, so tests can read back what "Copy" put on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    // The extension has no "tabs" permission, so chrome.tabs hides URLs: instead, bring the page to
    // the front and ask for the active tab of its window (window id from DevTools, same id space).
    const tabIdOf = async (page: Page): Promise<number> => {
      const cdp = await context.newCDPSession(page);
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      await cdp.detach();
      await page.bringToFront();
      const ids = await serviceWorker.evaluate(async (win) => {
        const tabs = await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ active: true, windowId: win });
        return tabs.flatMap((t) => (typeof t.id === 'number' ? [t.id] : []));
      }, windowId);
      if (ids.length !== 1) throw new Error(`cannot tell the tab id of ${page.url()} (found ${ids.length} active tabs)`);
      return ids[0]!;
    };

    return {
      context,
      extensionId,
      serviceWorker,
      errors,
      tabIdOf,
      async openPage(url) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async openPopup(target) {
        const tabId = typeof target === 'number' ? target : target ? await tabIdOf(target) : null;
        const page = await context.newPage();
        await page.setViewportSize(POPUP_SIZE);
        await page.goto(`chrome-extension://${extensionId}/popup.html${tabId === null ? '' : `?tabId=${tabId}`}`);
        return page;
      },
      async close() {
        await context.close().catch(() => undefined);
        await removeProfile();
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    await removeProfile();
    throw error;
  }
}
