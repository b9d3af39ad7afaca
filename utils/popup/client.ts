/** The real PopupClient: talks to the background, reads tab state and settings, uses the clipboard. */
import { browser } from 'wxt/browser';
import type { PopupClient, PopupPreferences } from '@/components/PopupApp';
import { sendRequest } from '../send';
import { createTabStore } from '../tab-store';
import type { TabState } from '../messages';

/** The tab the popup is about: `?tabId=N` when given (and valid), else the active tab of the window. */
export async function resolvePopupTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d{1,10}$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

/**
 * The tab state straight from `storage.session` (extension pages may read it): no round trip to a
 * service worker that may be asleep, so a cached result paints in the popup's first frame. Falls
 * back to asking the background when storage cannot be read.
 */
async function readTabState(tabId: number): Promise<TabState | null> {
  try {
    return await createTabStore(browser.storage.session).get(tabId);
  } catch {
    return sendRequest({ type: 'tab:get', tabId });
  }
}

/** Loaded on demand: only "nothing found" needs the settings, so their code stays off the first paint. */
async function readPreferences(): Promise<PopupPreferences> {
  const { loadSettings } = await import('../settings/store');
  // loadSettings never throws: damaged or missing settings come back as the defaults.
  const { settings } = await loadSettings(browser.storage.local, browser.storage.managed);
  return { discovery: settings.discovery, library: settings.library };
}

export function createPopupClient(): PopupClient {
  return {
    getTab: readTabState,
    lookup: (doi, { tabId, force }) => sendRequest({ type: 'lookup:doi', doi, tabId, force }),
    copyText: (text) => navigator.clipboard.writeText(text),
    verifyPdf: (url) => sendRequest({ type: 'verify:pdf', url }),
    preferences: readPreferences,
    isOnline: () => navigator.onLine,
  };
}
