/**
 * Ordered article-DOI signals, most trusted first. Each takes the document and the page URL and
 * returns the DOI it vouches for, or null. The first signal with an answer decides (article.ts).
 *
 * Why this order: publisher metadata written for indexers (Highwire `citation_doi`, Dublin Core,
 * PRISM, JSON-LD) names the page's own work; links and URLs name it on most platforms too but also
 * appear on pages about something else; page text is a last resort, used only when exactly one DOI
 * is labelled as such outside reference lists.
 */
import { doisInUrl, findDoisInText, isResolverUrl, parseDoi } from '../model/doi';
import { arxivDoi, parseArxivId } from '../model/identifiers';
import { blockOf, inCitingContext } from './context';
import { jsonLdDois } from './json-ld';
import { metaValues } from './meta';
import { articleDoiOf } from './sub-doi';

export interface SignalHit {
  doi: string;
  evidence: string;
  label: string;
}

export interface SignalContext {
  doc: Document;
  /** The page URL, parsed; null when unusable (about:blank, garbage). */
  url: URL | null;
}

export type ArticleSignal = (ctx: SignalContext) => SignalHit | null;

/** Meta tags whose value is the article DOI, in the order of the signal list. */
const DOI_META: ReadonlyArray<[key: string, label: string]> = [
  ['citation_doi', 'citation_doi meta tag'],
  ['dc.identifier', 'Dublin Core identifier meta tag'],
  ['dcterms.identifier', 'Dublin Core identifier meta tag'],
  ['dc.identifier.doi', 'DC.Identifier.DOI meta tag'],
  ['prism.doi', 'PRISM DOI meta tag'],
  ['bepress_citation_doi', 'bepress citation_doi meta tag'],
  ['publication_doi', 'publication_doi meta tag'],
  ['wkhealth_doi', 'Wolters Kluwer DOI meta tag'],
  ['doi', 'DOI meta tag'],
];

/**
 * A `dc.identifier` may hold any identifier (URL, ISSN, handle): only a DOI-shaped value, an explicit
 * `scheme="doi"`, or a `doi:`/doi.org form counts. parseDoi already rejects the rest.
 */
function metaSignal(key: string, label: string): ArticleSignal {
  return ({ doc }) => {
    const dois = metaValues(doc, [key])
      .map(({ value }) => parseDoi(value))
      .filter((doi): doi is string => doi !== null);
    // Several different DOIs under one key describe several works (a list page's per-item tags).
    const distinct = new Set(dois.map((doi) => articleDoiOf(doi).toLowerCase()));
    return distinct.size === 1 && dois[0] ? { doi: dois[0], evidence: `meta[${key}]`, label } : null;
  };
}

/** schema.org JSON-LD: the main entity's `identifier`, `@id` or `sameAs` (not its citations). */
const jsonLdSignal: ArticleSignal = ({ doc }) => {
  const dois = jsonLdDois(doc);
  // Several works described side by side (a results page's graph) are not the page's own.
  const distinct = new Set(dois.map((doi) => articleDoiOf(doi).toLowerCase()));
  return distinct.size === 1 && dois[0] ? { doi: dois[0], evidence: 'json-ld', label: 'schema.org JSON-LD' } : null;
};

/** schema.org types whose microdata describes a work the page may be about. */
const WORK_TYPE = /schema\.org\/(?:ScholarlyArticle|Article|MedicalScholarlyArticle|Report|Thesis|Chapter|Book|Dataset|CreativeWork|BlogPosting|PublicationIssue)$/i;

/**
 * schema.org microdata (`itemprop="identifier|sameAs|doi"` on a work's itemscope) outside reference
 * lists and related-article boxes; one distinct DOI only.
 */
const microdataSignal: ArticleSignal = ({ doc }) => {
  const dois: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop]'))) {
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    if (!prop.some((p) => p === 'identifier' || p === 'sameas' || p === 'doi')) continue;
    const scope = el.parentElement?.closest('[itemscope]');
    if (!scope || !WORK_TYPE.test(scope.getAttribute('itemtype') ?? '') || inCitingContext(el)) continue;
    const raw = el.getAttribute('content') ?? el.getAttribute('href') ?? el.textContent ?? '';
    const doi = prop.includes('doi') || /doi/i.test(raw) ? parseDoi(raw.trim()) : null;
    if (doi) dois.push(doi);
  }
  const distinct = new Set(dois.map((doi) => articleDoiOf(doi).toLowerCase()));
  return distinct.size === 1 && dois[0] ? { doi: dois[0], evidence: 'microdata', label: 'schema.org microdata' } : null;
};

/** `<link rel="canonical">` or `rel="cite-as"` pointing at doi.org (Ghost, Hugo, DataCite blogs). */
const linkSignal: ArticleSignal = ({ doc }) => {
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const which = rel.includes('cite-as') ? 'cite-as' : rel.includes('canonical') ? 'canonical' : null;
    if (!which) continue;
    const href = link.getAttribute('href') ?? '';
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    const doi = isResolverUrl(url) ? parseDoi(href) : null;
    if (doi) return { doi, evidence: `link[rel=${which}]`, label: `${which} link to doi.org` };
  }
  return null;
};

/** Query parameters that name the article itself (not a search term). */
const ID_PARAMS = /^(?:doi|id|article_?id|articleDoi|rft_id|rft\.doi|pid|uri)$/i;
/** Paths of search, browse and listing pages: a DOI there is a query, not the page's own. */
const LISTING_PATH = /\/(?:search|toc|action\/doSearch|results|browse|topics?|subjects?|collections?|issues?)(?:\/|$)/i;

/** DOIs an address vouches for: in the path (`/doi/…`, `/articles/…`) or in an id-like parameter. */
export function articleDoiFromUrl(url: URL): string | null {
  if (isResolverUrl(url) || LISTING_PATH.test(url.pathname)) return null;
  const path = new URL(url.href);
  path.search = '';
  path.hash = '';
  const found = doisInUrl(path.href);
  for (const [name, value] of url.searchParams) {
    if (ID_PARAMS.test(name)) for (const hit of findDoisInText(value)) found.push(hit.doi);
  }
  const distinct = new Set(found.map((d) => d.toLowerCase()));
  return distinct.size === 1 ? (found[0] ?? null) : null;
}

/**
 * The publisher's own address for the article: `og:url`, then the Highwire URL tags. A doi.org
 * address there is the DOI itself; a publisher address counts like the page URL.
 */
const ARTICLE_URL_META = ['og:url', 'citation_abstract_html_url', 'citation_fulltext_html_url', 'citation_public_url'];

const articleUrlSignal: ArticleSignal = ({ doc }) => {
  for (const key of ARTICLE_URL_META) {
    for (const { value } of metaValues(doc, [key])) {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        continue;
      }
      const doi = isResolverUrl(url) ? parseDoi(value) : articleDoiFromUrl(url);
      if (doi) return { doi, evidence: `meta[${key}]`, label: key === 'og:url' ? 'og:url meta tag' : `${key} meta tag` };
    }
  }
  return null;
};

const urlSignal: ArticleSignal = ({ url }) => {
  const doi = url ? articleDoiFromUrl(url) : null;
  return doi ? { doi, evidence: 'url', label: 'page address' } : null;
};

/**
 * Repository software: EPrints (`eprints.id_number`, `eprints.doi`, `eprints.official_url`) and
 * DSpace's full-record table, whose rows read "dc.identifier.doi | 10.…".
 */
const repositorySignal: ArticleSignal = ({ doc }) => {
  for (const { key, value } of metaValues(doc, ['eprints.id_number', 'eprints.doi', 'eprints.official_url', 'dc.relation.isversionof'])) {
    const doi = parseDoi(value);
    if (doi) return { doi, evidence: `meta[${key}]`, label: 'repository record metadata' };
  }
  for (const cell of Array.from(doc.querySelectorAll('td, th'))) {
    const name = (cell.textContent ?? '').trim().toLowerCase();
    if (name !== 'dc.identifier.doi' && name !== 'dc.identifier' && name !== 'dc.relation.doi') continue;
    const value = cell.nextElementSibling?.textContent ?? '';
    const doi = parseDoi(value.trim());
    if (doi) return { doi, evidence: 'dspace-record', label: 'repository record metadata' };
  }
  return null;
};

/**
 * Sites that give nothing machine-readable about their own DOI. arXiv registers 10.48550/arXiv.<id>
 * for every paper but its abstract pages carry no DOI meta tag.
 */
const arxivRule: ArticleSignal = ({ doc, url }) => {
  const arxivMeta = metaValues(doc, ['citation_arxiv_id'])[0]?.value;
  let id = arxivMeta ? parseArxivId(arxivMeta) : null;
  if (!id && url && /(?:^|\.)arxiv\.org$/i.test(url.hostname) && /^\/(?:abs|html)\//.test(url.pathname)) {
    id = parseArxivId(url.href);
  }
  return id ? { doi: arxivDoi(id), evidence: 'site[arxiv]', label: 'arXiv identifier' } : null;
};

/**
 * IEEE Xplore renders its metadata from an inline `xplGlobal.document.metadata = {…}` object; the
 * saved or not-yet-rendered page has the DOI nowhere else.
 */
const ieeeRule: ArticleSignal = ({ doc, url }) => {
  if (!url || !/(?:^|\.)ieeexplore\.ieee\.org$/i.test(url.hostname)) return null;
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    const text = script.textContent ?? '';
    if (!text.includes('xplGlobal.document.metadata')) continue;
    const doi = parseDoi(/"doi"\s*:\s*"([^"]{6,300})"/.exec(text)?.[1] ?? '');
    if (doi) return { doi, evidence: 'site[ieee]', label: 'IEEE Xplore page data' };
  }
  return null;
};

/** SSRN registers 10.2139/ssrn.<abstract id> for every paper it hosts. */
const ssrnRule: ArticleSignal = ({ url }) => {
  if (!url || !/(?:^|\.)ssrn\.com$/i.test(url.hostname)) return null;
  const id = url.searchParams.get('abstract_id') ?? url.searchParams.get('abstractid') ?? /\/abstract=(\d+)/.exec(url.pathname)?.[1];
  return id && /^\d{3,9}$/.test(id) ? { doi: `10.2139/ssrn.${id}`, evidence: 'site[ssrn]', label: 'SSRN abstract id' } : null;
};

const siteRuleSignal: ArticleSignal = (ctx) => arxivRule(ctx) ?? ieeeRule(ctx) ?? ssrnRule(ctx);

/**
 * COinS (`<span class="Z3988" title="…rft_id=info:doi/…">`), the OpenURL citation Zotero reads.
 * Only a page with exactly one COinS describes itself; several mean a list of works.
 */
const coinsSignal: ArticleSignal = ({ doc }) => {
  const spans = Array.from(doc.getElementsByClassName('Z3988'));
  if (spans.length !== 1) return null;
  const title = spans[0]?.getAttribute('title') ?? '';
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(title);
  } catch {
    return null;
  }
  for (const [name, value] of params) {
    if (name === 'rft_id' || name === 'rft.doi' || name === 'rft.identifier') {
      const doi = parseDoi(value);
      if (doi) return { doi, evidence: 'coins', label: 'COinS citation' };
    }
  }
  return null;
};

/** "doi:", "DOI", "Digital Object Identifier:", "https://doi.org/" right before the DOI. */
const LABEL = /(?:\bdoi\b\s*[:：.]?\s*|digital object identifier\s*[:：]?\s*|doi\.org\/)$/i;
/**
 * Lead-ins that introduce someone else's paper: news pieces end with "More information: … DOI: …",
 * press releases with "Journal reference: …".
 */
const CITED_WORK = /\b(?:more information|journal reference|original (?:article|study|paper|research)|reference:|references?\s*:|source:|read the (?:paper|study|article)|the (?:study|paper) (?:is|was) published|published in|study:|paper:|related:|see also|cited (?:in|by))/i;

/** A text run or paragraph longer than this is prose, not a metadata line. */
const MAX_LINE = 400;
/** Don't read more text nodes than this looking for a labelled DOI (huge reference-only pages). */
const MAX_TEXT_NODES = 20_000;

/**
 * Last resort: exactly one distinct DOI that the page text labels as a DOI on a short line outside
 * reference lists, footers and navigation ("Digital Object Identifier: 10.1109/28.793383").
 * A second labelled DOI means the page lists works, and then nothing is the article.
 */
const labelledTextSignal: ArticleSignal = ({ doc }) => {
  const body = doc.body;
  if (!body) return null;
  const found = new Map<string, string>();
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_TEXT_NODES) {
    const node = stack.pop() as Node;
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || tag === 'TEXTAREA') continue;
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      continue;
    }
    if (node.nodeType !== 3) continue;
    const data = (node as Text).data;
    if (!data.includes('10.')) continue;
    const parent = node.parentElement;
    if (!parent) continue;
    const hits = findDoisInText(data);
    // Cheapest tests first: on a reference-heavy page most hits fall to the citing-context check.
    if (hits.length === 0 || inCitingContext(parent)) continue;
    const block = blockOf(parent);
    if (isProse(data, block)) continue;
    for (const hit of hits) {
      const before = textBefore(data, hit.index, node as Text, block, 160);
      if (!LABEL.test(before.slice(-40)) || CITED_WORK.test(before)) continue;
      // Figure and table DOIs of the same article are the same article.
      found.set(articleDoiOf(hit.doi).toLowerCase(), hit.doi);
      if (found.size > 1) return null;
    }
  }
  const only = [...found.values()][0];
  return only ? { doi: only, evidence: 'text[labelled]', label: 'DOI shown on the page' } : null;
};

/** A DOI inside running prose (a long text run, or a long paragraph) is cited, not the page's own. */
function isProse(data: string, block: Element): boolean {
  if (data.replace(/\s+/g, ' ').length > MAX_LINE) return true;
  return block.tagName.toUpperCase() === 'P' && (block.textContent ?? '').replace(/\s+/g, ' ').length > MAX_LINE;
}

/**
 * Up to `reach` characters of the block's text just before a DOI, so that a label or lead-in in a
 * separate element (`<b>DOI:</b> <span>10.…</span>`) is seen too.
 */
function textBefore(data: string, index: number, node: Text, block: Element, reach: number): string {
  const own = data.slice(Math.max(0, index - reach), index);
  if (own.length >= reach || (block === node.parentElement && node === block.firstChild)) return own;
  let before = '';
  // The block's text up to this node: its text nodes in document order.
  const walk = (n: Node): boolean => {
    if (n === node) return true;
    if (n.nodeType === 3) before = (before + (n as Text).data).slice(-reach);
    for (let c = n.firstChild; c; c = c.nextSibling) if (walk(c)) return true;
    return false;
  };
  if (!walk(block)) return own;
  return (before + data.slice(0, index)).slice(-reach);
}

export const ARTICLE_SIGNALS: readonly ArticleSignal[] = [
  ...DOI_META.map(([key, label]) => metaSignal(key, label)),
  jsonLdSignal,
  microdataSignal,
  linkSignal,
  articleUrlSignal,
  urlSignal,
  repositorySignal,
  siteRuleSignal,
  coinsSignal,
  labelledTextSignal,
];

