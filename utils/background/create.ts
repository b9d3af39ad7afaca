/**
 * Assembles the background worker from its parts: lookup engine (cache → batcher → sources → merge),
 * per-tab state, toolbar painting and the message router. Receives `browser` so the wiring itself is
 * testable with the fake browser.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { createMessageRouter, type SenderInfo } from '../messenger';
import { createTabStore } from '../tab-store';
import { createHandlers } from './handlers';
import { showTabState } from './toolbar';
import { createLookupEngine, realClock } from '../engine';
import { createPdfChecker } from './pdf-check';

type ExtensionBrowser = typeof extensionBrowser;

export function createBackground(browser: ExtensionBrowser) {
  const engine = createLookupEngine(
    {
      // No Referer and no credentials: the sources learn the DOI and nothing about the page.
      fetch: (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer', credentials: 'omit' }),
      storage: browser.storage.local,
      ...realClock,
    },
    {},
  );
  const tabs = createTabStore(browser.storage.session);
  const handlers = createHandlers({
    engine,
    tabs,
    showTabState,
    autoLookup: async () => true,
    verifyPdf: createPdfChecker({ fetch: (url, init) => fetch(url, init), sleep: realClock.sleep }),
  });
  const route = createMessageRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => route(message, sender));

  // A new document in a tab starts with a clean slate; the content script reports it again.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' && changeInfo.url) {
      tabs.clear(tabId).then(() => showTabState(tabId, null));
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.clear(tabId).catch(() => undefined);
  });
  return { engine, tabs, handlers };
}
