/** The real PopupClient: talks to the background and the clipboard. */
import { browser } from 'wxt/browser';
import type { PopupClient } from '@/components/PopupApp';
import { sendRequest } from '../send';

/** The tab the popup is about: `?tabId=N` when given (and valid), else the active tab of the window. */
export async function resolvePopupTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d{1,10}$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

export function createPopupClient(): PopupClient {
  return {
    getTab: (tabId) => sendRequest({ type: 'tab:get', tabId }),
    lookup: (doi, { tabId, force }) => sendRequest({ type: 'lookup:doi', doi, tabId, force }),
    copyText: (text) => navigator.clipboard.writeText(text),
  };
}
