/**
 * The popup's Details disclosure in words, not API field names: how Greenway found the article's
 * DOI on the page (the detection evidence) and how the sources matched a copy to the work (their
 * free-text reasons, e.g. Unpaywall's "oa repository (via OAI-PMH title and first author match)").
 * A reason no rule knows says nothing: the copy's sources are named anyway.
 */
import { t, type MessageKey } from './i18n';

/** The detection evidence (ArticleSignal.evidence, e.g. "meta[citation_doi]") as a sentence. */
export function evidenceWords(article: { evidence: string; label: string }): string {
  const { evidence, label } = article;
  if (label === 'repository record metadata' || evidence === 'dspace-record') return t('evidenceRepository');
  if (evidence.startsWith('meta[')) return t('evidenceCitation');
  if (evidence === 'json-ld' || evidence === 'microdata') return t('evidenceStructured');
  if (evidence.startsWith('link[')) return t('evidenceDoiLink');
  if (evidence === 'url') return t('evidenceAddress');
  if (evidence.startsWith('text[')) return t('evidenceShown');
  if (evidence.startsWith('site[')) return t('evidenceSiteId', label);
  if (evidence === 'page-data') return t('evidencePageData');
  if (evidence === 'coins') return t('evidenceCoins');
  return t('evidenceOther');
}

/** Patterns in the sources' reasons, in the order their sentences are shown. */
const REASON_RULES: ReadonlyArray<[RegExp, MessageKey]> = [
  [/title and first author match/i, 'whyTitleAuthor'],
  [/\bdoi match/i, 'whyDoi'],
  [/pmcid lookup/i, 'whyPubMedId'],
  [/author manuscript/i, 'whyManuscript'],
  [/page says licen[cs]e/i, 'whyPageLicence'],
  [/\bdoaj\b/i, 'whyDoaj'],
];

/** Plain sentences for a copy's reasons, each once, in rule order. */
export function reasonWords(reasons: readonly string[]): string[] {
  const out: string[] = [];
  for (const [pattern, key] of REASON_RULES) {
    if (reasons.some((r) => pattern.test(r))) out.push(t(key));
  }
  return out;
}
