/**
 * DOIs in URLs: a doi.org link's whole path, a DOI in a publisher path (`/doi/abs/10.1021/x`), in a
 * query value (`?id=10.1371/…`), without the view, file and session tails URLs add after it. Link
 * targets (for inline badges) exclude navigation, account and search links that merely carry a DOI.
 */
import { decodePercents, findDoisInText, finish, parseDoiField } from './doi';

/**
 * What a URL puts after a DOI without it being part of the DOI, from the URL grammar rather than a
 * per-site list: a view name as a path segment or a dot-suffix (`/abstract`, `/full`, `/epdf`,
 * `.full`, `.short`, `.abstract`, `.full.pdf+html`), a file extension, a session or tracking path
 * parameter (`;jsessionid=…`, `;ref=…` — a `;` followed by `name=`; SICI DOIs have `;2-Y`, no `=`).
 */
const URL_VIEW_TAIL =
  /\/(?:full|short|long|abstract|abs|summary|pdf|epdf|pdfdirect|pdfplus|full-text|fulltext|html?|xml|epub|references|citedby|cited-by|figures|tables|suppinfo|supplemental|supplementary-material|article-info|article-metrics|metrics|info|reader|print|meta|toc|issuetoc|view|download)$|\.(?:full|short|long|abstract|pdf|epdf|pdf\+html|full-text|html?|xml|epub|ris|bib|enw|article-info|article-metrics|figures-only|supplementary-material|print)$/i;
const URL_PATH_PARAM = /;[a-z_][\w.-]*=[^/]*$/i;

/** A DOI found in a URL path, without the view, file and session tails the URL added after it. */
export function stripUrlTail(doi: string): string {
  for (let i = 0; i < 8; i++) {
    const next = doi.replace(URL_PATH_PARAM, '').replace(URL_VIEW_TAIL, '').replace(/\/+$/, '');
    if (next === doi) break;
    doi = next;
  }
  return doi;
}

const DOI_HOSTS = /^(?:(?:dx\.|www\.)?doi\.org|hdl\.handle\.net)$/i;

/** True for doi.org resolver URLs (where the DOI is the whole path). */
export function isResolverUrl(url: URL): boolean {
  return DOI_HOSTS.test(url.hostname);
}

/**
 * DOIs inside a URL, looked for in the decoded path and in each query value separately so that
 * `?`, `&` and `#` end them: `/doi/abs/10.1021/x?src=y`, `?id=10.1371/…&type=z`, `info%3Adoi%2F10.…`.
 * Returns an empty list for unparseable URLs.
 */
const RESOLVER_HREF = /^(?:https?:)?\/\/(?:dx\.|www\.)?doi\.org\/([^?#]+)/i;

export function doisInUrl(href: string, base?: string): string[] {
  return urlDois(href, base, false);
}

/**
 * DOIs of the works a link points at, for inline badges: a DOI in the link's path (`/doi/10.…`,
 * `/articles/10.…`, doi.org) always; a DOI in a query parameter only when the parameter names the
 * work (`?doi=`, `?id=`, `rft_id=`) on a path that is not an account, search or navigation page — a
 * "Log in" link with `?uri=/doi/abs/10.…` or an "advanced search" link with `articleURI=info:doi/…`
 * does not point at the work.
 */
export function linkTargetDois(href: string, base?: string): string[] {
  return urlDois(href, base, true);
}

/** Query parameters whose value names the linked work itself. */
const WORK_PARAM = /^(?:doi|id|ids?|article_?id|articledoi|rft_id|rft\.doi|rft\.identifier|pid|identifier|key)$/i;
/** Paths of account, search and navigation pages: a DOI in their query is where to go back to, or a search term. */
const NAV_PATH =
  /(?:^|[/_.-])(?:log-?in|log-?on|sign-?in|sign-?up|register|registration|auth\w*|sso|shibboleth|wayf|openurl-?resolver|search\w*|dosearch|advanced\w*|showlogin|logout|account|profile|alerts?|subscribe|cart|checkout|basket|share\w*|email\w*|permissions?|rightslink|reprints?|feedback|help)(?:$|[/_.;-])/i;

/** DOIs in one decoded part of a URL (its path, a query value), without view/file/session tails. */
export function doisInUrlPart(part: string): string[] {
  const out: string[] = [];
  for (const hit of findDoisInText(part)) {
    const doi = finish(stripUrlTail(hit.doi));
    if (doi !== null) out.push(doi);
  }
  return out;
}

function urlDois(href: string, base: string | undefined, linkTarget: boolean): string[] {
  if (typeof href !== 'string' || !href.includes('10.')) return [];
  // Fast path for the commonest case, doi.org links (reference lists have thousands). The path of a
  // resolver link is the whole DOI: taken as written, trailing `/` or `.` included.
  const resolver = RESOLVER_HREF.exec(href);
  if (resolver?.[1]) {
    const doi = parseDoiField(resolver[1]);
    return doi ? [doi] : [];
  }
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return [];
  }
  const out: string[] = [];
  const add = (part: string) => {
    for (const doi of doisInUrlPart(part)) if (!out.includes(doi)) out.push(doi);
  };
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    path = decodePercents(path);
  }
  if (isResolverUrl(url)) {
    const doi = parseDoiField(path.replace(/^\//, ''));
    if (doi) out.push(doi);
    return out;
  }
  add(path);
  const navigation = linkTarget && NAV_PATH.test(url.pathname);
  // forEach, not for…of: in a Firefox content script URLSearchParams' iterators are not iterable
  // (Xray wrappers), and a throw here would lose every link with a query.
  url.searchParams.forEach((value, name) => {
    if (!value.includes('10.')) return;
    if (linkTarget && (navigation || !WORK_PARAM.test(name))) return;
    add(value);
  });
  if (!linkTarget && url.hash.includes('10.')) add(decodePercents(url.hash.slice(1)));
  return out;
}
