/**
 * The DOI of the article a page is about (not the DOIs it cites), with the signal that decided.
 * Signals are tried in order of trust (see `signals.ts`); the first one that yields a DOI wins.
 */
import { isResolverUrl } from '../model/doi';
import { ARTICLE_SIGNALS } from './signals';
import { articleDoiOf } from './sub-doi';

export interface ArticleDetection {
  doi: string;
  /** Machine id of the deciding signal, e.g. "meta[citation_doi]". */
  evidence: string;
  /** Human text for the popup, e.g. "citation_doi meta tag". */
  label: string;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function detectArticleDoi(doc: Document, url: string): ArticleDetection | null {
  if (!doc || typeof doc.getElementsByTagName !== 'function') return null;
  const pageUrl = typeof url === 'string' ? parseUrl(url) : null;
  // A page served by doi.org itself is the resolver's "DOI not found" answer, never the article.
  if (pageUrl && isResolverUrl(pageUrl)) return null;
  for (const signal of ARTICLE_SIGNALS) {
    let hit: ArticleDetection | null = null;
    try {
      hit = signal({ doc, url: pageUrl });
    } catch {
      // A malformed page must never break detection: a signal that throws simply yields nothing.
      hit = null;
    }
    if (hit) return { ...hit, doi: articleDoiOf(hit.doi) };
  }
  return null;
}
