/**
 * The shape of site knowledge: one file per site or platform in this folder, listed in registry.ts.
 * Plain objects and regular expressions only — this is bundled into the content script, which must
 * stay small and never import zod.
 */
import type { ArticleIds } from '../article-ids';

/** A meta tag whose value is the page's own DOI, and who documents or reads it. */
export interface DoiMetaName {
  /** Lower-case meta key (name, property, itemprop or id). */
  name: string;
  /** Human text for the popup. */
  label: string;
  /** Where the name comes from (a standard, a tool that reads it); say so when unsure. */
  source: string;
}

/** A platform id that maps to a DOI by rule: `doi` with `{id}` replaced. */
export interface DoiFromIdRule {
  /** Read the id from the page address (path + query) or from a meta tag. */
  from: 'url' | 'meta';
  /** For `url`: matched against path + search of the (unproxied) address; group 1 is the id. */
  pattern?: RegExp;
  /** For `meta`: the lower-case meta key; its value must match `pattern` if given (group 1 = id). */
  meta?: string;
  /** The DOI template, e.g. "10.2139/ssrn.{id}". */
  doi: string;
  /**
   * `always`: the platform registers this DOI for every id. `check`: not guaranteed (some ids never got
   * one): the DOI is flagged `derived` and must be confirmed as registered before it is shown.
   */
  registered: 'always' | 'check';
  label: string;
}

/** Where a site's address gives another identifier of the page's work. */
export interface IdInUrl {
  kind: keyof ArticleIds;
  /** Matched against the path of the (unproxied) address; group 1 is the id. */
  pattern: RegExp;
}

/** Library proxies (EZproxy and alike) that rewrite publishers' host names. */
export interface ProxyRule {
  /** A host label that marks a proxy host: `ezproxy` in `link-springer-com.ezproxy.example.edu`. */
  hostLabel: RegExp;
  /** A host suffix run by a proxy service, whose first label is the rewritten original host. */
  hostSuffixes: readonly string[];
  /** Login/redirect paths whose query parameter carries the original address (`/login?url=…`). */
  loginPath: RegExp;
  loginParams: readonly string[];
}

export interface SiteRule {
  /** Short id, used in evidence strings ("site[ssrn]"). */
  id: string;
  name: string;
  /** Domain names the rules apply to (subdomains included); empty: any host (a platform known by its markup). */
  hosts: readonly string[];
  /** Meta tags that hold the page's own DOI, tried in registry order. */
  doiMeta?: readonly DoiMetaName[];
  /** Platform ids that map to DOIs. */
  doiFromId?: readonly DoiFromIdRule[];
  /** Figure/table/supplement DOIs built from the article's DOI; group 1 is the article DOI. */
  subDoi?: readonly RegExp[];
  /** Version tails a DOI gets in this site's addresses (`…002386v3`); group 1 is the DOI. */
  doiVersion?: readonly RegExp[];
  /** PubMed/PMC/arXiv ids in this site's addresses. */
  idsInUrl?: readonly IdInUrl[];
  /** Pages on these hosts are never an article (a resolver's "not found" answer). */
  neverArticle?: boolean;
  proxy?: ProxyRule;
}

/** One worked example of a site's rules, run by tests/utils/detect/sites.test.ts. */
export interface SiteExample {
  /** What the example shows. */
  note: string;
  /** Page address (default about:blank). */
  url?: string;
  /** Markup for <head> and <body> (default empty). */
  head?: string;
  body?: string;
  /** Expected article DOI (null: none). Omit to not check. */
  article?: string | null;
  /** Expected `derived` flag of the article detection. */
  derived?: boolean;
  /** Expected other identifiers (detectArticleIds). */
  ids?: ArticleIds;
  /** A sub-DOI and the article DOI it belongs to. */
  subDoi?: readonly [sub: string, article: string];
  /** A DOI with this site's version tail, and the DOI without it. */
  version?: readonly [withVersion: string, doi: string];
}
