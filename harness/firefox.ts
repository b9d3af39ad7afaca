/**
 * Starts Debian's Firefox ESR with the built firefox-mv3 extension (a temporary add-on), driven by
 * puppeteer-core over WebDriver BiDi (Firefox's own Remote Agent; no geckodriver), every host name
 * mapped onto the fixture server, in a fresh profile. The recipe and its pitfalls, all checked on
 * ESR 153 and 140: ../shared/NOTES-firefox.md (numbers below refer to its sections).
 */
import { accessSync, constants } from 'node:fs';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { jsonCall, type DrivenLaunch, type DrivenPage } from './driven';
import { firefoxPage } from './firefox-page';
import { managedStorageHome } from './firefox-managed';
import { FIREFOX_ERROR_WATCH, type ChromeScope } from './firefox-errors';
import { POPUP_SIZE } from './launch';

export const GECKO_ID = 'greenway@greenway-oa.org';

export type FirefoxLookup = { ok: true; path: string } | { ok: false; error: string };

/** `FIREFOX_PATH`, else Debian's /usr/bin/firefox-esr, else /usr/bin/firefox. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): FirefoxLookup {
  const candidates = env.FIREFOX_PATH ? [env.FIREFOX_PATH] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return { ok: true, path };
    } catch {
      // next
    }
  }
  return { ok: false, error: `No Firefox found (${candidates.join(', ')}). Install one with \`apt-get install -y firefox-esr\`, or set FIREFOX_PATH.` };
}

/** The prefs of §2/§3: every host → 127.0.0.1:port, no chatter, a fixed moz-extension:// host. */
export function firefoxPrefs(port: number, uuid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${port};80=${port}`,
    'network.trr.mode': 5,
    'network.proxy.type': 0,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'dom.events.testing.asyncClipboard': true,
    'extensions.openPopupWithoutUserGesture.enabled': true,
    ...extra,
  };
}

interface BidiSend {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

function bidi(browser: Browser): BidiSend['connection'] {
  return (browser as unknown as BidiSend).connection;
}

function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

export interface FirefoxLaunchOptions {
  extensionDir: string;
  port: number;
  /** Extra Firefox prefs, e.g. `extensions.originControls.grantByDefault: false` (§5). */
  prefs?: Record<string, unknown>;
  /** The add-on's `storage.managed` (an institution's policy), from a per-user native manifest. */
  managedStorage?: Record<string, unknown>;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions): Promise<DrivenLaunch> {
  const firefox = findFirefox();
  if (!firefox.ok) throw new Error(firefox.error);
  const managed = options.managedStorage ? await managedStorageHome(GECKO_ID, options.managedStorage) : null;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: firefox.path,
      headless: process.env.GREENWAY_HEADED !== '1' || !process.env.DISPLAY,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', ...managed?.env },
      extraPrefsFirefox: firefoxPrefs(options.port, uuid, options.prefs),
      // One cleanup path (§9.10): puppeteer's own handlers exit before deleting the profile.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    })
    .catch(async (error: unknown) => {
      await managed?.remove();
      throw error;
    });
  const closeAll = async () => {
    await browser.close().catch(() => undefined);
    await managed?.remove();
  };
  try {
    const chrome = await chromeScope(browser);
    if (chrome) await chrome.evaluate(FIREFOX_ERROR_WATCH(origin, GECKO_ID));
    await browser.installExtension(options.extensionDir);
    const pages = new Map<DrivenPage, Page>();
    const track = (page: Page) => {
      const driven = firefoxPage(page, chrome);
      pages.set(driven, page);
      return driven;
    };
    // Extension pages get no load events over BiDi (§4): navigate raw, then wait for the document.
    const openExtensionPage = async (path: string): Promise<Page> => {
      const page = await browser.newPage();
      const url = `${origin}/${path}`;
      await bidi(browser).send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
      await page.waitForFunction((u: string) => location.href === u && document.readyState === 'complete', { timeout: 15_000 }, url);
      return page;
    };
    const helper = await openExtensionPage('options.html');
    const inExtension: DrivenLaunch['inExtension'] = async (fn, arg) => JSON.parse((await helper.evaluate(jsonCall(fn, arg))) as string) as never;
    const real = (page: DrivenPage) => {
      const found = pages.get(page);
      if (!found) throw new Error('not a page of this browser');
      return found;
    };
    const tabIdOf = async (page: DrivenPage): Promise<number> => {
      await real(page).bringToFront();
      const ids = await inExtension(async () => {
        const tabs = await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.flatMap((t) => (typeof t.id === 'number' ? [t.id] : []));
      }, null);
      if (ids.length !== 1) throw new Error(`cannot tell the tab id (found ${ids.length} active tabs)`);
      return ids[0]!;
    };
    return {
      browser: 'firefox',
      origin,
      async openPage(url) {
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return track(page);
      },
      async openExtensionPage(path, viewport) {
        const page = await openExtensionPage(path);
        if (viewport) await page.setViewport(viewport);
        return track(page);
      },
      tabIdOf,
      async openPopup(target) {
        const tabId = typeof target === 'number' ? target : await tabIdOf(target);
        const page = await openExtensionPage(`popup.html?tabId=${tabId}`);
        await page.setViewport(POPUP_SIZE);
        return track(page);
      },
      inExtension,
      async clickToolbarIcon(page) {
        if (!chrome) throw new Error('clickToolbarIcon needs Firefox 153+ (chrome scope)');
        await real(page).bringToFront();
        // What a click on the toolbar button runs (ext-browserAction's triggerAction): activeTab on the
        // selected tab, and the popup panel opened.
        await chrome.evaluate(`(async () => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
          await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
          return 'clicked';
        })()`);
      },
      async grantActiveTab(page) {
        if (!chrome) throw new Error('grantActiveTab needs Firefox 153+ (chrome scope)');
        await real(page).bringToFront();
        await chrome.evaluate(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.tabManager.addActiveTabPermission(gBrowser.selectedTab)`);
      },
      // BiDi announces no tab that Firefox's extension pages open: the extension's own tabs.query does
      // (host permissions show each web tab's URL there).
      async openedTab(action) {
        type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; remove(id: number): Promise<void> } };
        const tabs = () =>
          inExtension(
            async () => (await (globalThis as unknown as { browser: Tabs }).browser.tabs.query({})).map((t) => ({ id: t.id ?? -1, url: t.url ?? '' })),
            null,
          );
        const before = new Set((await tabs()).map((t) => t.id));
        await action();
        const deadline = Date.now() + 10_000;
        for (;;) {
          const fresh = (await tabs()).find((t) => !before.has(t.id) && t.url !== '' && t.url !== 'about:blank');
          if (fresh)
            return { url: fresh.url, close: () => inExtension((id) => (globalThis as unknown as { browser: Tabs }).browser.tabs.remove(id), fresh.id) };
          if (Date.now() > deadline) throw new Error('no new tab with an address within 10 s');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      async addCookies(cookies) {
        for (const c of cookies) await browser.setCookie({ ...c, path: '/', secure: true, sameSite: 'None' });
      },
      errors: async () => (chrome ? ((await chrome.evaluate('JSON.stringify(window.__greenwayErrors ?? [])')) as string[]) : []),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

interface ChromeTabs {
  chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
}

/** Firefox's chrome window over BiDi (§8): only 153+ exposes it; ESR 140 gives null (no error capture). */
async function chromeScope(browser: Browser): Promise<ChromeScope | null> {
  const send = bidi(browser).send.bind(bidi(browser));
  const tree = (await send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: Array<{ context: string; url: string }> };
  const win = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
  if (!win) return null;
  return {
    async evaluate(expression: string): Promise<unknown> {
      const reply = (await send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true })).result as {
        type: string;
        result?: { type: string; value?: unknown };
        exceptionDetails?: { text: string };
      };
      if (reply.type === 'exception') throw new Error(`chrome-scope evaluate: ${reply.exceptionDetails?.text ?? 'exception'}`);
      const value = reply.result?.value;
      return typeof value === 'string' && value.startsWith('[') ? (JSON.parse(value) as unknown) : value;
    },
  };
}
