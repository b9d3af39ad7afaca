import '@/components/popup.css';
import { nativeExtensionApi, startFirstRead } from '@/entrypoints/popup/first-read';

// The entry stays tiny: it starts reading the tab state, then loads the app, whose modules the page
// preloads alongside this one (wxt.config.ts, preloadPopupApp), so the read and the loading overlap.
// `popup.html?tabId=N` opens the popup for a given tab (tests, the context menu's window); `?doi=` or
// `?q=` look up a DOI or text sent by the context menu; otherwise the popup is about the active tab.
const root = document.getElementById('app');
if (root) {
  const first = startFirstRead(window.location.search, nativeExtensionApi());
  void import('@/entrypoints/popup/app').then(({ startPopup }) => startPopup(root, first));
}
