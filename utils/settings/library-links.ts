/**
 * The library's own ways to an article, shown by the popup when no free copy exists: the link
 * resolver (OpenURL 1.0 KEV, understood by SFX, Alma, EBSCO, WorldCat…) and the inter-library loan
 * form. Only http(s) URLs come out; anything else is null.
 */
import { safeHttpUrl } from '../model/url';
import type { Settings } from './schema';

export interface ArticleRef {
  doi: string;
  title?: string | null;
  journal?: string | null;
  year?: number | null;
}

/** `base?url_ver=Z39.88-2004&…&rft_id=info:doi/…`, appended with & when the base already has a query. */
export function openUrlFor(base: string, article: ArticleRef): string | null {
  if (!safeHttpUrl(base)) return null;
  const params = new URLSearchParams({
    url_ver: 'Z39.88-2004',
    rft_val_fmt: 'info:ofi/fmt:kev:mtx:journal',
    rft_id: `info:doi/${article.doi}`,
  });
  if (article.title) params.set('rft.atitle', article.title);
  if (article.journal) params.set('rft.jtitle', article.journal);
  if (article.year) params.set('rft.date', String(article.year));
  const trimmed = base.trim();
  const joiner = !trimmed.includes('?') ? '?' : /[?&]$/.test(trimmed) ? '' : '&';
  return safeHttpUrl(`${trimmed}${joiner}${params}`);
}

/** Fills `{doi}` and `{title}` (URL-encoded) into the inter-library loan template. */
export function illUrlFor(template: string, article: ArticleRef): string | null {
  if (!template.trim()) return null;
  const filled = template
    .trim()
    .replaceAll('{doi}', encodeURIComponent(article.doi))
    .replaceAll('{title}', encodeURIComponent(article.title ?? ''));
  return safeHttpUrl(filled);
}

/** Both library links for an article under the given settings (null where not configured). */
export function libraryLinks(library: Settings['library'], article: ArticleRef): { openUrl: string | null; ill: string | null } {
  return {
    openUrl: library.openUrlBase ? openUrlFor(library.openUrlBase, article) : null,
    ill: illUrlFor(library.illUrlTemplate, article),
  };
}
