/**
 * The DOI of the article a page is about (not the DOIs it cites), with the signal that decided.
 * Signals are tried in order of trust (see `signals.ts`); the first one that yields a DOI wins.
 */
import { ARTICLE_SIGNALS } from './signals';

export interface ArticleDetection {
  doi: string;
  /** Machine id of the deciding signal, e.g. "meta[citation_doi]". */
  evidence: string;
  /** Human text for the popup, e.g. "citation_doi meta tag". */
  label: string;
}

export function detectArticleDoi(doc: Document, url: string): ArticleDetection | null {
  for (const signal of ARTICLE_SIGNALS) {
    let found: ArticleDetection | null = null;
    try {
      found = signal(doc, url);
    } catch {
      // A malformed page must never break detection: a signal that throws simply yields nothing.
      found = null;
    }
    if (found) return found;
  }
  return null;
}
