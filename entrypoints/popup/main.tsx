import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { createPopupClient, resolvePopupTabId } from '@/utils/popup/client';
import '@/components/popup.css';

// `popup.html?tabId=N` opens the popup for a given tab (tests, "pop out" window); otherwise the active tab.
const root = document.getElementById('app');
if (root) {
  resolvePopupTabId(window.location.search).then((tabId) => {
    render(<PopupApp tabId={tabId} client={createPopupClient()} />, root);
  });
}
