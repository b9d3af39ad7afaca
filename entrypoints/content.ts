import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { startBadges } from '@/components/badge/start';
import { buildReport, reportPage } from '@/utils/content/report-page';
import { watchPage, type WatchReason } from '@/utils/detect/watch';
import { sendRequest } from '@/utils/send';

// Runs on every page (DOIs live anywhere: publisher sites, repositories, Wikipedia, search results).
// The script only reads the page and reports DOIs to the background; it never sends the page URL out.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Inline badges next to every DOI (utils/badges, components/badge); they follow the settings.
    const badges = startBadges(window, {
      local: browser.storage.local,
      managed: browser.storage.managed,
      onChanged: browser.storage.onChanged,
      send: (dois) => sendRequest({ type: 'lookup:many', dois }),
      copyText: (text) => navigator.clipboard.writeText(text),
    });
    const report = (reason: WatchReason) => {
      if (!ctx.isValid) return;
      const url = window.location.href;
      // Detection walks the whole page: run it once and give its article DOI to the badges too.
      const found = buildReport(document, url);
      reportPage(document, url, found).catch(() => undefined);
      badges.onPageChange(reason, found.article);
    };
    const stop = watchPage(window, report);
    ctx.onInvalidated(() => {
      stop();
      badges.stop();
    });
  },
});
