/**
 * The DOI of the article a page is about (not the DOIs it cites), with the signal that decided.
 * Signals that describe the page itself are tried in order of trust (see `signals.ts`); the first one
 * that yields a DOI wins. Body-only evidence — one COinS, one labelled "DOI: 10.…" line — counts only
 * when what describes the page says it is a scholarly work (or at least not a story about one);
 * otherwise that DOI is the paper the page *discusses*, reported apart (`discussedDoi`).
 */
import { isResolverUrl } from '../model/doi';
import { unproxiedUrl } from './proxy';
import { bodyDois } from './body-dois';
import { ADDRESS_SIGNALS, ARTICLE_SIGNALS, coinsSignal, type SignalContext, type SignalHit } from './signals';
import { metaTags, metaKey, metaValue } from './meta';
import { sitesForHost } from './sites/registry';
import { articleDoiOf } from './sub-doi';

export interface ArticleDetection {
  doi: string;
  /** Machine id of the deciding signal, e.g. "meta[citation_doi]". */
  evidence: string;
  /** Human text for the popup, e.g. "citation_doi meta tag". */
  label: string;
  /**
   * Built from a platform id by a rule that does not guarantee a registered DOI (utils/detect/sites,
   * `registered: 'check'`): the lookup must confirm the DOI exists before showing it as the article.
   */
  derived?: boolean;
}

export interface PageDetection {
  article: ArticleDetection | null;
  /**
   * No article of its own, but the page is about one paper (a news story, a press release, a blog
   * post naming exactly one DOI): that paper's DOI, for "Paper discussed on this page".
   */
  discussedDoi: string | null;
}

function parseUrl(url: string): URL | null {
  try {
    return unproxiedUrl(new URL(url));
  } catch {
    return null;
  }
}

/**
 * What the page says it is, from its own metadata, address and title:
 * - `error`: a "not found"/error page — nothing on it is an article;
 * - `info`: a journal's or site's information page (author guidelines, about, help) — example DOIs;
 * - `story`: news, press release, blog post, magazine feature — it discusses papers;
 * - `scholarly`: scholarly metadata describes the page;
 * - `unknown`: none of these.
 */
export type PageKind = 'error' | 'info' | 'story' | 'scholarly' | 'unknown';

/** An error page's title or heading (anchored, so a paper titled "… not found in …" is not one). */
const ERROR_TITLE =
  /^\s*(?:error\b|(?:error\s*)?40[34]\b|410\b|(?:page|doi|article|content|resource|document)\s+not\s+found|not\s+found\b)|\b(?:page not found|404 not found|page (?:is )?no longer available|access denied)\b/i;
const INFO_PATH =
  /\/(?:for[-_]authors|(?:for-)?authors?[-_]?(?:guidelines?|instructions|information|services)|instructions[-_]for[-_]authors|guide[-_]for[-_]authors|submission[-_]guidelines|author[-_]guide|about(?:[-_]us)?|help|faq|contact|policies|editorial[-_]policies)(?:[/.]|$)/i;
const INFO_TITLE = /\b(?:author guidelines|guide for authors|instructions for authors|information for authors|submission guidelines|how to cite)\b/i;
const STORY_PATH =
  /\/(?:news|press(?:[-_]?releases?|room)?|media[-_]releases?|newsroom|blogs?|stories|story|features?|magazine|podcasts?|opinion|insights?)(?:[/.]|$)/i;
const STORY_TYPE =
  /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Blog|SocialMediaPosting|DiscussionForumPosting|PressRelease)$/i;
const SCHOLARLY_TYPE = /^(?:ScholarlyArticle|MedicalScholarlyArticle|Thesis|Chapter|Dataset|Report)$/i;
const SCHOLARLY_META =
  /^(?:citation_(?:title|journal_title|author|publisher|conference_title|dissertation_institution|technical_report_institution)|prism\.(?:publicationname|volume)|eprints\.\w+|bepress_citation_\w+|dc\.(?:creator|contributor)|dcterms\.bibliographiccitation)$/;
const STORY_META = /^(?:news_keywords|article:(?:published_time|section|author)|og:type|parsely-type|sailthru\.\w+)$/;

/** More paragraph text than this before the labelled DOI (an abstract is shorter; a story is longer): the DOI closes a story rather than heading a paper. */
const PROSE_BEFORE_OWN_DOI = 3500;

function jsonLdTypes(doc: Document): string[] {
  const out: string[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    const text = (scripts[i] as Element).textContent ?? '';
    const re = /"@type"\s*:\s*(?:"([^"]{1,60})"|\[([^\]]{1,300})\])/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[1]) out.push(m[1]);
      else for (const t of (m[2] ?? '').split(',')) out.push(t.trim().replace(/^"|"$/g, ''));
    }
  }
  return out;
}

export function pageKind(doc: Document, url: URL | null): PageKind {
  const heading = (doc.getElementsByTagName('h1')[0]?.textContent ?? '').slice(0, 200);
  const title = `${doc.title ?? ''} ${heading}`.slice(0, 400);
  if (ERROR_TITLE.test((doc.title ?? '').slice(0, 200)) || ERROR_TITLE.test(heading)) return 'error';
  if ((url && INFO_PATH.test(url.pathname)) || INFO_TITLE.test(title)) return 'info';
  let scholarly = false;
  let story = false;
  const metas = metaTags(doc);
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i] as Element;
    const key = metaKey(meta);
    if (SCHOLARLY_META.test(key)) scholarly = true;
    else if (STORY_META.test(key)) {
      // og:type "article" is what news and blog posts declare (journals that use it also carry citation_* tags).
      if (key !== 'og:type' || /^(?:article|blog)$/i.test(metaValue(meta))) story = true;
    }
  }
  const types = jsonLdTypes(doc);
  if (types.some((t) => SCHOLARLY_TYPE.test(t))) scholarly = true;
  if (types.some((t) => STORY_TYPE.test(t))) story = true;
  if (scholarly) return 'scholarly';
  if (story || (url && STORY_PATH.test(url.pathname))) return 'story';
  return 'unknown';
}

function run(signal: (ctx: SignalContext) => SignalHit | null, ctx: SignalContext): SignalHit | null {
  try {
    return signal(ctx);
  } catch {
    // A malformed page must never break detection: a signal that throws simply yields nothing.
    return null;
  }
}

function finish(hit: SignalHit): ArticleDetection {
  return { ...hit, doi: articleDoiOf(hit.doi) };
}

export function detectPage(doc: Document, url: string): PageDetection {
  const none: PageDetection = { article: null, discussedDoi: null };
  if (!doc || typeof doc.getElementsByTagName !== 'function') return none;
  const pageUrl = typeof url === 'string' ? parseUrl(url) : null;
  // A page served by doi.org itself is the resolver's "DOI not found" answer, never the article.
  if (pageUrl && (isResolverUrl(pageUrl) || sitesForHost(pageUrl.hostname).some((s) => s.neverArticle))) return none;
  const ctx: SignalContext = { doc, url: pageUrl };
  let kind: PageKind | undefined;
  const kindOf = () => (kind ??= safeKind(doc, pageUrl));
  for (const signal of ARTICLE_SIGNALS) {
    const hit = run(signal, ctx);
    if (!hit) continue;
    // A "not found" page at a DOI-shaped address is not that DOI's article.
    if (ADDRESS_SIGNALS.has(signal) && kindOf() === 'error') continue;
    return { article: finish(hit), discussedDoi: null };
  }
  const k = kindOf();
  if (k === 'error' || k === 'info') return none;
  let body;
  try {
    body = bodyDois(doc);
  } catch {
    return none;
  }
  const coins = run(coinsSignal, ctx);
  const own = k === 'scholarly' || (k === 'unknown' && body.proseBefore <= PROSE_BEFORE_OWN_DOI);
  if (own && coins) return { article: finish(coins), discussedDoi: null };
  if (own && body.labelled)
    return { article: { doi: articleDoiOf(body.labelled), evidence: 'text[labelled]', label: 'DOI shown on the page' }, discussedDoi: null };
  // Not the page's own: one paper named by the page is the paper it discusses.
  const named = new Set(body.mentioned.map((d) => d.toLowerCase()));
  if (coins) named.add(coins.doi.toLowerCase());
  const discussed = named.size === 1 ? (coins?.doi ?? body.mentioned[0] ?? null) : null;
  return { article: null, discussedDoi: discussed ? articleDoiOf(discussed) : null };
}

function safeKind(doc: Document, url: URL | null): PageKind {
  try {
    return pageKind(doc, url);
  } catch {
    return 'unknown';
  }
}

export function detectArticleDoi(doc: Document, url: string): ArticleDetection | null {
  return detectPage(doc, url).article;
}
