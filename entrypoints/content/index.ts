import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { createBadgeLoader } from '@/entrypoints/content/badge-loader';
import { BADGES_SCRIPT, takeBadges } from '@/entrypoints/content/badges/hook';
import { createPageReporter } from '@/entrypoints/content/report-page';
import { watchPageInContext } from '@/entrypoints/content/lifecycle';
import { detectPage } from '@/utils/detect/article';
import type { WatchReason } from '@/utils/detect/watch';
import { sendRequest } from '@/utils/messaging/client';
import { isPageDoisQuestion } from '@/utils/messaging/page-question';

// Runs on every page (DOIs live anywhere: publisher sites, repositories, Wikipedia, search results).
// The script only reads the page and reports DOIs to the background; it never sends the page URL out.
// Badges and the article indicator come in a second script, only on pages with a DOI (./badge-loader.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const badges = createBadgeLoader({
      load: async () => {
        // eslint-disable-next-line no-restricted-syntax, no-unsanitized/method -- one fixed file of ours; ./badges/hook.ts says why import()
        await import(/* @vite-ignore */ browser.runtime.getURL(BADGES_SCRIPT));
        return takeBadges(globalThis);
      },
      setTimer: (callback, ms) => ctx.setTimeout(callback, ms),
    });
    const reporter = createPageReporter(sendRequest, {
      onScanned: (dois) => {
        if (dois.length > 0 && ctx.isValid) badges.need();
      },
    });
    const report = (reason: WatchReason) => {
      if (!ctx.isValid) return;
      const url = window.location.href;
      // One article detection, shared by the toolbar report and the badges' article indicator.
      const { article, discussedDoi } = detectPage(document, url);
      badges.onPageChange(reason, article);
      if (article) badges.need();
      reporter.report(document, url, article, discussedDoi).catch(() => undefined);
    };
    // The check page's "Check all N references on this page": only our own background asks.
    // Answered through sendResponse, which both browsers' own APIs support: a returned promise as the
    // answer was the polyfill's convenience, and this script runs without the polyfill (wxt.config.ts).
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
      if (ctx.isValid && sender.id === browser.runtime.id && isPageDoisQuestion(message)) sendResponse(reporter.dois());
      return undefined;
    });
    // Re-detects after SPA navigations and late metadata; event-driven, stopped with the context.
    watchPageInContext(ctx, window, report);
    ctx.onInvalidated(() => badges.stop());
  },
});
