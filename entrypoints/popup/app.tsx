import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupRequest } from '@/components/PopupApp';
import { createPopupClient, readTabState } from '@/entrypoints/popup/client';
import { FIRST_READ_WAIT_MS, settledWithin } from '@/entrypoints/popup/first-frame';
import { tabStateKey, type FirstRead } from '@/entrypoints/popup/first-read';

/**
 * Renders the popup into `root`, from the first read main.tsx started: a cached answer is the first
 * thing painted.
 */
export async function startPopup(root: HTMLElement, first: FirstRead): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const request: PopupRequest = { doi: params.get('doi'), text: params.get('q') };
  const client = createPopupClient();
  const tabId = await first.tabId;
  // The stored entry main.tsx is already reading, checked by the guard (or asked of the background).
  const session = browser.storage.session;
  const area = { get: (key: string) => (tabId !== null && key === tabStateKey(tabId) ? first.stored.then((s) => s ?? {}) : session.get(key)) };
  const read = tabId === null ? Promise.resolve(null) : readTabState(tabId, area);
  // Wait for the stored tab state (at most FIRST_READ_WAIT_MS): then a cached result is the first
  // thing painted, and only a very slow read shows the skeleton instead of an empty popup.
  // A DOI or text given in the address (the context menu) is what the popup is about: no tab state
  // to wait for.
  const tab = request.doi || request.text ? null : await settledWithin(read, FIRST_READ_WAIT_MS);
  // A read slower than that is not repeated: the app's first getTab gets this same promise.
  let pending: typeof read | null = read;
  const once = { ...client, getTab: (id: number) => (pending && id === tabId ? pending : client.getTab(id)).finally(() => (pending = null)) };
  render(<PopupApp tabId={tabId} client={once} request={request} initialTab={tab ? { tab: tab.value } : undefined} />, root);
}
