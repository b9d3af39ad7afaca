/**
 * Ordered article-DOI signals. Each takes the document and page URL and returns a detection or null.
 */
import { doisInUrl, isResolverUrl, parseDoi } from '../doi';
import type { ArticleDetection } from './article';
import { metaValues } from './meta';

export type ArticleSignal = (doc: Document, url: string) => ArticleDetection | null;

/** Meta tags whose value is the article DOI, most specific first. */
const DOI_META: ReadonlyArray<[key: string, label: string]> = [
  ['citation_doi', 'citation_doi meta tag'],
  ['dc.identifier.doi', 'DC.Identifier.DOI meta tag'],
  ['prism.doi', 'prism.doi meta tag'],
  ['bepress_citation_doi', 'bepress_citation_doi meta tag'],
  ['publication_doi', 'publication_doi meta tag'],
  ['dc.identifier', 'dc.identifier meta tag'],
  ['doi', 'DOI meta tag'],
];

const metaSignals: ArticleSignal[] = DOI_META.map(([key, label]) => (doc) => {
  for (const { value } of metaValues(doc, [key])) {
    const doi = parseDoi(value);
    if (doi) return { doi, evidence: `meta[${key}]`, label };
  }
  return null;
});

const urlSignal: ArticleSignal = (_doc, url) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // On doi.org itself the page is the resolver's "DOI not found" answer, not the article.
  if (isResolverUrl(parsed)) return null;
  const dois = doisInUrl(url);
  return dois.length === 1 && dois[0] ? { doi: dois[0], evidence: 'url', label: 'page address' } : null;
};

export const ARTICLE_SIGNALS: readonly ArticleSignal[] = [...metaSignals, urlSignal];
