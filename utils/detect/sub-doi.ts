/**
 * Figures, tables and supplements often have DOIs of their own, built from the article's DOI
 * (PLOS `….g001`, PeerJ `…/fig-1`, eLife `….002`). On their pages the article is what the reader
 * wants, so such sub-DOIs are mapped back to the article DOI. Per-site patterns live in the site
 * files (utils/detect/sites); the generic figure/table path pattern is here.
 */
import { SUB_DOI_PATTERNS } from './sites/registry';

/** Generic figure/table/supplement paths under an article DOI. */
const GENERIC_SUB_DOI = /^(10\.\d{4,9}\/.+?)\/(?:fig|figure|figures|table|tables|tbl|supp|suppl|supplementary)[-_]?\d{1,3}$/i;

/** The article DOI a figure/table/supplement DOI belongs to; other DOIs are returned unchanged. */
export function articleDoiOf(doi: string): string {
  for (let i = 0; i < SUB_DOI_PATTERNS.length; i++) {
    const m = (SUB_DOI_PATTERNS[i] as RegExp).exec(doi);
    if (m?.[1]) return m[1];
  }
  return GENERIC_SUB_DOI.exec(doi)?.[1] ?? doi;
}
