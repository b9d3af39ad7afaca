import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '@/utils/content/report-page';
import { watchPage } from '@/utils/detect/watch';

// Runs on every page (DOIs live anywhere: publisher sites, repositories, Wikipedia, search results).
// The script only reads the page and reports DOIs to the background; it never sends the page URL out.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => {
      if (!ctx.isValid) return;
      reportPage(document, window.location.href).catch(() => undefined);
    };
    const stop = watchPage(window, report);
    ctx.onInvalidated(stop);
  },
});
