import '@/components/popup.css';
import { startPopup } from '@/entrypoints/popup/app';
import { nativeExtensionApi, sharedFirstRead, startFirstRead } from '@/entrypoints/popup/first-read';

// The entry stays tiny: it takes up the tab-state read the early script (popup-read.ts) started, or
// starts it when that script has not run yet, then renders the app. The app and everything its first
// paint needs are one chunk this entry imports (vite/popup-first-chunk.ts), and the page carries its
// stylesheet inline (vite/inline-page-css.ts): no wait for a stylesheet. A dynamic import() of the
// app would bring the wait back: Vite's loader adds the chunk's stylesheet as a <link> and holds the
// app until it has loaded.
// `popup.html?tabId=N` opens the popup for a given tab (tests, the context menu's window); `?doi=` or
// `?q=` look up a DOI or text sent by the context menu; otherwise the popup is about the active tab.
const root = document.getElementById('app');
if (root)
  void startPopup(
    root,
    sharedFirstRead(globalThis, () => startFirstRead(window.location.search, nativeExtensionApi())),
  );
