/**
 * Tells the background what the page shows: the article DOI (with its evidence) and how many DOIs
 * the page cites — its references, the distinct DOIs other than the article's own. Skips the message when nothing changed since the last report (SPA mutations fire
 * often) and never lets an older, slower report overwrite a newer one.
 */
import type { ArticleDetection, PageDetection } from '../../utils/detect/article';
import { scanPageDois, type PageDoi } from '../../utils/detect/page-dois';
import type { Request } from '../../utils/messaging/protocol';
import { sendRequest } from '../../utils/messaging/client';

type PageReport = Extract<Request, { type: 'page:detected' }>;

/**
 * The message for what detection found: only the DOIs, the evidence and a count leave the page.
 * `pageDoiCount` counts the references ("Check all N references on this page"): the distinct DOIs of
 * `hits`, case-insensitively, without the article's own (a page citing only itself has none).
 */
export function pageReport(article: ArticleDetection | null, hits: readonly PageDoi[], discussedDoi: string | null = null): PageReport {
  const own = article?.doi.toLowerCase();
  const references = new Set(hits.map((hit) => hit.doi.toLowerCase()).filter((key) => key !== own));
  return {
    type: 'page:detected',
    article: article ? { doi: article.doi, evidence: article.evidence, label: article.label, ...(article.derived ? { derived: true } : {}) } : null,
    pageDoiCount: references.size,
    ...(discussedDoi && !article ? { discussedDoi } : {}),
  };
}

export interface PageReporter {
  /** `article` comes from the caller, who shares that detection with the badges. */
  report(doc: Document, url: string, article: ArticleDetection | null, discussedDoi?: PageDetection['discussedDoi']): Promise<void>;
  /** The references of the last report, in page order: its distinct DOIs but the article's own (the check page's "Check all N references"). */
  dois(): string[];
}

export interface PageReporterOptions {
  /** Called with the page's references (distinct DOIs but the article's own) after each scan, before the report is sent (the badge loader listens; an article alone already needs the badges). */
  onScanned?(dois: readonly string[]): void;
}

export function createPageReporter(send: (report: PageReport) => Promise<unknown> = sendRequest, options: PageReporterOptions = {}): PageReporter {
  let lastFingerprint = '';
  let latest = 0;
  let lastDois: string[] = [];
  return {
    dois: () => [...lastDois],
    async report(doc, url, article, discussedDoi = null) {
      const call = ++latest;
      // Counting walks the whole page: in time slices, so a page with thousands of references never
      // gets a long main-thread task from us.
      // The article's own DOI is no reference: left out of the count and of the check page's list alike.
      const hits = await scanPageDois(doc, { limit: 5000, exclude: article?.doi ?? null });
      if (call !== latest) return;
      const report = pageReport(article, hits, discussedDoi);
      const seen = new Set<string>();
      lastDois = hits.map((hit) => hit.doi).filter((doi) => !seen.has(doi.toLowerCase()) && (seen.add(doi.toLowerCase()), true));
      options.onScanned?.(lastDois);
      // The URL is part of the fingerprint (an SPA navigation is worth a fresh report even when the
      // DOI stays) but it never leaves this script.
      const fingerprint = `${url}\n${JSON.stringify(report)}`;
      if (fingerprint === lastFingerprint) return;
      lastFingerprint = fingerprint;
      await send(report);
    },
  };
}
