import { render } from 'preact';
import { PopupApp, type PopupRequest } from '@/components/PopupApp';
import { createPopupClient, resolvePopupTabId } from '@/utils/popup/client';
import { firstFrameOrNull } from '@/utils/popup/first-frame';
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
      // Wait for the stored tab state only as long as one frame: then a cached result is the first
      // thing painted, and a slow read shows the skeleton instead of an empty popup.
      const tab = tabId === null ? { value: null } : await firstFrameOrNull(client.getTab(tabId));
      render(<PopupApp tabId={tabId} client={client} request={request} initialTab={tab ? { tab: tab.value } : undefined} />, root);
    });
}
