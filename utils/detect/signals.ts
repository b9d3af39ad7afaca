/**
 * Ordered article-DOI signals, most trusted first. Each takes the document and the page URL and
 * returns the DOI it vouches for, or null. The first signal with an answer decides (article.ts).
 *
 * Why this order: publisher metadata written for indexers (Highwire `citation_doi`, Dublin Core,
 * PRISM, JSON-LD) names the page's own work; links and URLs name it on most platforms too but also
 * appear on pages about something else; page text is a last resort, used only when exactly one DOI
 * is labelled as such outside reference lists.
 */
import { doisInUrl, doisInUrlPart, isResolverUrl, parseDoiField } from '../model/doi';
import { unproxiedUrl } from './proxy';
import { inCitingContext } from './context';
import { jsonLdDois } from './json-ld';
import { metaValues } from './meta';
import { pageDataDoi } from './page-data';
import { DOI_META_NAMES, SITES, sitesForHost } from './sites/registry';
import type { DoiMetaName } from './sites/types';
import { articleDoiOf } from './sub-doi';

export interface SignalHit {
  doi: string;
  evidence: string;
  label: string;
  /** Built from a platform id by a rule that does not guarantee registration: confirm before showing. */
  derived?: boolean;
}

export interface SignalContext {
  doc: Document;
  /** The page URL, parsed and with any library proxy undone; null when unusable (about:blank, garbage). */
  url: URL | null;
}

export type ArticleSignal = (ctx: SignalContext) => SignalHit | null;

/** Repository-record names are read late (repositorySignal); the rest first, in registry order. */
const REPOSITORY_META = new Set((SITES.find((site) => site.id === 'repository')?.doiMeta ?? []).map((m) => m.name));
const DOI_META: readonly DoiMetaName[] = DOI_META_NAMES.filter((m) => !REPOSITORY_META.has(m.name));

/**
 * A `dc.identifier` may hold any identifier (URL, ISSN, handle): only a DOI-shaped value, an explicit
 * `scheme="doi"`, or a `doi:`/doi.org form counts. parseDoi already rejects the rest.
 */
function metaSignal(key: string, label: string): ArticleSignal {
  return ({ doc }) => {
    const dois = metaValues(doc, [key])
      .map(({ value }) => parseDoiField(value))
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
const WORK_TYPE =
  /schema\.org\/(?:ScholarlyArticle|Article|MedicalScholarlyArticle|Report|Thesis|Chapter|Book|Dataset|CreativeWork|BlogPosting|PublicationIssue)$/i;

/**
 * schema.org microdata (`itemprop="identifier|sameAs|doi"` on a work's itemscope) outside reference
 * lists and related-article boxes; one distinct DOI only.
 */
const microdataSignal: ArticleSignal = ({ doc }) => {
  const dois: string[] = [];
  const props = doc.querySelectorAll('[itemprop]');
  for (let i = 0; i < props.length; i++) {
    const el = props[i] as Element;
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    if (!prop.some((p) => p === 'identifier' || p === 'sameas' || p === 'doi')) continue;
    const scope = el.parentElement?.closest('[itemscope]');
    if (!scope || !WORK_TYPE.test(scope.getAttribute('itemtype') ?? '') || inCitingContext(el)) continue;
    const raw = el.getAttribute('content') ?? el.getAttribute('href') ?? el.textContent ?? '';
    const doi = prop.includes('doi') || /doi/i.test(raw) ? parseDoiField(raw) : null;
    if (doi) dois.push(doi);
  }
  const distinct = new Set(dois.map((doi) => articleDoiOf(doi).toLowerCase()));
  return distinct.size === 1 && dois[0] ? { doi: dois[0], evidence: 'microdata', label: 'schema.org microdata' } : null;
};

/** `<link rel="canonical">` or `rel="cite-as"` pointing at doi.org (Ghost, Hugo, DataCite blogs). */
const linkSignal: ArticleSignal = ({ doc }) => {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Element;
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
    const doi = isResolverUrl(url) ? parseDoiField(href) : null;
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
  // forEach, not for…of: Firefox content scripts see non-iterable URLSearchParams iterators.
  url.searchParams.forEach((value, name) => {
    if (ID_PARAMS.test(name)) for (const doi of doisInUrlPart(value)) found.push(doi);
  });
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
        url = unproxiedUrl(new URL(value));
      } catch {
        continue;
      }
      const doi = isResolverUrl(url) ? parseDoiField(value) : articleDoiFromUrl(url);
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
  for (const { key, value } of metaValues(doc, [...REPOSITORY_META])) {
    const doi = parseDoiField(value);
    if (doi) return { doi, evidence: `meta[${key}]`, label: 'repository record metadata' };
  }
  const cells = doc.querySelectorAll('td, th');
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as Element;
    const name = (cell.textContent ?? '').trim().toLowerCase();
    if (name !== 'dc.identifier.doi' && name !== 'dc.identifier' && name !== 'dc.relation.doi') continue;
    const value = cell.nextElementSibling?.textContent ?? '';
    const doi = parseDoiField(value);
    if (doi) return { doi, evidence: 'dspace-record', label: 'repository record metadata' };
  }
  return null;
};

/**
 * Platform ids that map to DOIs by rule (utils/detect/sites: arXiv, SSRN, JSTOR…). URL rules apply on
 * the site's own hosts; meta rules (`citation_arxiv_id`) wherever the tag is.
 */
const siteRuleSignal: ArticleSignal = ({ doc, url }) => {
  const onHost = url ? sitesForHost(url.hostname) : [];
  for (let i = 0; i < SITES.length; i++) {
    const site = SITES[i] as (typeof SITES)[number];
    const rules = site.doiFromId;
    if (!rules) continue;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as NonNullable<typeof rules>[number];
      let id: string | undefined;
      if (rule.from === 'url') {
        if (!url || !onHost.includes(site)) continue;
        id = rule.pattern?.exec(url.pathname + url.search)?.[1];
      } else if (rule.meta) {
        const value = metaValues(doc, [rule.meta])[0]
          ?.value.trim()
          .replace(/^arxiv\s*:\s*/i, '');
        id = value && rule.pattern ? rule.pattern.exec(value)?.[1] : value?.replace(/v\d+$/i, '');
      }
      if (!id) continue;
      const doi = parseDoiField(rule.doi.replace('{id}', id));
      if (doi) return { doi, evidence: `site[${site.id}]`, label: rule.label, ...(rule.registered === 'check' ? { derived: true } : {}) };
    }
  }
  return null;
};

/** DOI-valued keys of inline script data (data layers, IEEE's metadata object), never issue/journal ones. */
const pageDataSignal: ArticleSignal = ({ doc }) => {
  const doi = pageDataDoi(doc);
  return doi ? { doi, evidence: 'page-data', label: 'page data' } : null;
};

/**
 * COinS (`<span class="Z3988" title="…rft_id=info:doi/…">`), the OpenURL citation Zotero reads.
 * Only a page with exactly one COinS describes itself; several mean a list of works.
 */
export const coinsSignal: ArticleSignal = ({ doc }) => {
  const spans = doc.getElementsByClassName('Z3988');
  if (spans.length !== 1) return null;
  const title = spans[0]?.getAttribute('title') ?? '';
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(title);
  } catch {
    return null;
  }
  let doi: string | null = null;
  params.forEach((value, name) => {
    if (doi === null && (name === 'rft_id' || name === 'rft.doi' || name === 'rft.identifier')) doi = parseDoiField(value);
  });
  return doi ? { doi, evidence: 'coins', label: 'COinS citation' } : null;
};

/**
 * Signals that describe the page itself (metadata, its address, its own data), in trust order. The
 * body-only evidence (COinS, a labelled DOI line: `coinsSignal`, `bodyDois`) is weighed in article.ts.
 */
export const ARTICLE_SIGNALS: readonly ArticleSignal[] = [
  ...DOI_META.map(({ name, label }) => metaSignal(name, label)),
  jsonLdSignal,
  microdataSignal,
  linkSignal,
  articleUrlSignal,
  urlSignal,
  repositorySignal,
  siteRuleSignal,
  pageDataSignal,
];

/** Signals read from the page address: not trusted on an error page ("not found" at a DOI-shaped address). */
export const ADDRESS_SIGNALS: ReadonlySet<ArticleSignal> = new Set([articleUrlSignal, urlSignal, siteRuleSignal]);
