import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { publishBadges } from '@/entrypoints/content/badges/hook';
import { startBadges } from '@/entrypoints/content/badges/start';
import { sendRequest } from '@/utils/messaging/client';

// The inline DOI badges and the article indicator, imported by the page script on pages that have a DOI
// (entrypoints/content/badge-loader.ts, badges/hook.ts). It only publishes its starter: the page script
// starts it, with timers that die with the page script's context.
export default defineUnlistedScript(() => {
  publishBadges(globalThis, ({ setTimer }) =>
    startBadges(window, {
      local: browser.storage.local,
      managed: browser.storage.managed,
      onChanged: browser.storage.onChanged,
      send: (dois, options) => sendRequest({ type: 'lookup:many', dois, ...(options?.article ? { article: true } : {}) }),
      sendBadges: (dois, final) => sendRequest({ type: 'lookup:badges', dois, ...(final ? { final } : {}) }),
      copyText: (text) => navigator.clipboard.writeText(text),
      setTimer,
    }),
  );
});
