import { render } from 'preact';
import { PopupApp, type PopupRequest } from '@/components/PopupApp';
import { createPopupClient, resolvePopupTabId } from '@/entrypoints/popup/client';
import { FIRST_READ_WAIT_MS, settledWithin } from '@/entrypoints/popup/first-frame';
import '@/components/popup.css';

// `popup.html?tabId=N` opens the popup for a given tab (tests, the context menu's window); `?doi=` or
// `?q=` look up a DOI or text sent by the context menu; otherwise the popup is about the active tab.
const root = document.getElementById('app');
if (root) {
  const params = new URLSearchParams(window.location.search);
  const request: PopupRequest = { doi: params.get('doi'), text: params.get('q') };
  const client = createPopupClient();
  resolvePopupTabId(window.location.search)
    .catch(() => null)
    .then(async (tabId) => {
      // Wait for the stored tab state (at most FIRST_READ_WAIT_MS): then a cached result is the first
      // thing painted, and only a very slow read shows the skeleton instead of an empty popup.
      const read = tabId === null ? Promise.resolve(null) : client.getTab(tabId);
      const tab = await settledWithin(read, FIRST_READ_WAIT_MS);
      // A read slower than that is not repeated: the app's first getTab gets this same promise.
      let pending: typeof read | null = read;
      const once = { ...client, getTab: (id: number) => (pending && id === tabId ? pending : client.getTab(id)).finally(() => (pending = null)) };
      render(<PopupApp tabId={tabId} client={once} request={request} initialTab={tab ? { tab: tab.value } : undefined} />, root);
    });
}
