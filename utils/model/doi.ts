/**
 * DOI parsing and normalisation.
 *
 * Normal form: the DOI as written (DOIs are case-insensitive, but the registrant's casing is what
 * users recognise, e.g. `10.1007/BF02727953`), without any `doi:` / resolver prefix, decoded from
 * percent- and HTML-escaping, with trailing punctuation, unbalanced closing brackets and publisher
 * URL suffixes (`/full`, `.pdf`, bioRxiv `v3`) removed. Compare and cache with `doiKey`, which
 * case-folds.
 *
 * Every function here is total: bad input gives `null` (or an empty list), never an exception.
 */

import { DOI_VERSION_PATTERNS } from '../detect/sites/registry';

import { doisInUrl } from './doi-url';

/** Longest DOI we accept; real ones stay far below this and the message schema caps at 300. */
export const MAX_DOI_LENGTH = 300;

/**
 * `10.` + registrant code (4–9 digits, optionally dotted sub-codes such as `10.1000.10`) + `/`.
 * Short registrants (`10.1.1.26.2787`, CiteSeerX ids) and dates (`19.10.2019/x`) fall outside it.
 */
const PREFIX = String.raw`10\.\d{4,9}(?:\.\d+)*`;

/**
 * In running text a DOI may not continue a word or number: `19.10.2019/x.jpg` must not yield
 * `10.2019/x.jpg`. The slash may be percent-encoded (`10.1371%2Fjournal…`).
 */
const TEXT_DOI = new RegExp(String.raw`(?<![\p{L}\p{N}._\-])${PREFIX}(?:/|%2[fF])`, 'gu');

/** Characters that end a DOI in running text (whitespace, quotes, a few ASCII delimiters). */
const STOP_CHARS = String.raw`\s"'“”‘’«»|\\^\x60{}\u0000-\u001f\u007f`;
const STOP = new RegExp(`[${STOP_CHARS}]`, 'u');
/** The rest of a DOI after its prefix: everything up to the first stop character (one sticky match). */
const SUFFIX_RUN = new RegExp(`[^${STOP_CHARS}]*`, 'uy');

const RESOLVER_PREFIX = /^(?:(?:https?:\/\/)?(?:(?:dx\.|www\.)?doi\.org|hdl\.handle\.net)\/|doi:\s*|urn:doi:|info:doi\/|doi\s+)/i;

const ENTITY: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  sol: '/',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  colon: ':',
  semi: ';',
  period: '.',
  comma: ',',
  num: '#',
  percnt: '%',
  hyphen: '-',
  dash: '-',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[body.toLowerCase()] ?? whole;
  });
}

/**
 * Percent-decodes only the delimiters that URLs escape inside DOIs. Decoding never produces `%` or a
 * hex digit, so it cannot create a new escape: a second pass changes nothing (idempotence).
 */
const DECODABLE = new Set('/():;<>[]#?=&+,@ '.split(''));
export function decodePercents(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/%([0-9a-f]{2})/gi, (whole, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return DECODABLE.has(ch) ? ch : whole;
  });
}

/**
 * Soft hyphens and zero-width characters that typesetting puts inside long DOIs to allow line
 * breaks (`10.1002/anie.\u200B201912345`); they are never part of the DOI.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Both decoders to a fixed point; every effective step shortens the string, so this terminates. */
function decode(s: string): string {
  for (;;) {
    const next = decodePercents(decodeEntities(s)).replace(INVISIBLE, '');
    if (next === s) return s;
    s = next;
  }
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Drops trailing sentence punctuation and closing brackets that have no opener inside the DOI. */
function trimTrailing(s: string): string {
  for (;;) {
    const last = s[s.length - 1];
    if (last === undefined) return s;
    if ('.,;:!?/*'.includes(last) || STOP.test(last)) {
      s = s.slice(0, -1);
      continue;
    }
    const open = PAIRS[last];
    if (open !== undefined && count(s, last) > count(s, open)) {
      s = s.slice(0, -1);
      continue;
    }
    return s;
  }
}

/**
 * Parts of publisher URLs that follow a DOI without belonging to it. bioRxiv/medRxiv add a version
 * and a view (`10.1101/2020.03.22.002386v3.full.pdf`); Atypon, Wiley, Frontiers add `/full`, `/abstract`…
 */
const BIORXIV_VIEW =
  /(?:\.(?:full|abstract|article-info|article-metrics|supplementary-material|full-text|full\.pdf\+html|full\.pdf|pdf|figures-only|short|long|print))+$/i;
const VIEW_SUFFIX =
  /\/(?:full|abstract|abs|summary|pdf|epdf|pdfdirect|pdfplus|full-text|fulltext|html|references|citedby|figures|tables|suppinfo|supplemental|info|metrics|reader|epub|meta|toc|issuetoc)$/i;
const FILE_SUFFIX = /\.(?:pdf|html?|xml|epub)$/i;
/** Atypon supplement paths: /doi/suppl/10.1021/x/suppl_file/y.pdf */
const SUPPL_FILE = /\/suppl_file\/.*$/is;
/** A "DOI" that names an asset (`10.2019/x.jpg`) is a path, not an identifier. */
const ASSET = /\.(?:jpe?g|png|gif|svg|webp|ico|css|js|mjs|woff2?|ttf|mp4|mp3)$/i;

/** Cheap pre-test: only DOIs ending like a version, a view path or a file extension need stripping. */
const MAYBE_SUFFIX = /(?:v\d{1,3}|\/[a-z_-]+|\.[a-z+]+)$|\/suppl_file\//i;

function stripPublisherSuffix(doi: string): string {
  if (!MAYBE_SUFFIX.test(doi)) return doi;
  for (;;) {
    let next = doi;
    if (/^10\.1101\//.test(next)) next = next.replace(BIORXIV_VIEW, '');
    // Version tails are site knowledge (utils/detect/sites: bioRxiv, arXiv).
    for (let i = 0; i < DOI_VERSION_PATTERNS.length; i++) next = next.replace(DOI_VERSION_PATTERNS[i] as RegExp, '$1');
    next = next.replace(SUPPL_FILE, '').replace(VIEW_SUFFIX, '').replace(FILE_SUFFIX, '');
    next = trimTrailing(next);
    if (next === doi) return doi;
    doi = next;
  }
}

const WHOLE_DOI = new RegExp(String.raw`^${PREFIX}/[^\s]+$`, 'u');

/** Validates and cleans a string that should now be exactly a DOI (null when it is not one). */
export function finish(candidate: string): string | null {
  // Markup shown as text (`…<identifier type="doi">10.1/x</identifier>`): an end tag never belongs to a
  // DOI (SICI DOIs have `<` and `>`, but never `</name>`).
  let doi = trimTrailing(candidate.replace(/<\/[A-Za-z][\w:.-]*>[\s\S]*$/, ''));
  doi = stripPublisherSuffix(doi);
  if (doi.length > MAX_DOI_LENGTH || !WHOLE_DOI.test(doi) || ASSET.test(doi)) return null;
  // The suffix must hold something besides punctuation.
  const suffix = doi.slice(doi.indexOf('/') + 1);
  if (!/[\p{L}\p{N}]/u.test(suffix)) return null;
  return doi;
}

/**
 * Parses one DOI in any common written form: `10.x/…`, `doi:10.x/…`, `DOI 10.x/…`, `info:doi/…`,
 * `urn:doi:…`, `https://doi.org/…`, `http://dx.doi.org/…`, percent-encoded or HTML-escaped.
 * Failing that, a URL or short text holding exactly one distinct DOI gives that DOI (pasted links,
 * "DOI: 10.1/x (print)"); anything ambiguous gives null. Use `findDoisInText` for prose.
 */
export function parseDoi(input: string): string | null {
  if (typeof input !== 'string' || input.length > 4 * MAX_DOI_LENGTH) return null;
  let s = decode(input).trim();
  // Wrapping punctuation such as "(doi:10.x/y)" or "<10.x/y>".
  s = s.replace(/^[(\[{<"'“‘«]+/u, '').trim();
  let viaResolver = false;
  for (let i = 0; i < 3; i++) {
    const m = RESOLVER_PREFIX.exec(s);
    if (!m) break;
    viaResolver ||= /\//.test(m[0]) && !/^info:/i.test(m[0]);
    s = s.slice(m[0].length).trim();
  }
  // A resolver URL's query and fragment are not part of the DOI.
  if (viaResolver) s = s.replace(/[?#].*$/s, '');
  const strict = /\s/.test(s) ? null : finish(s);
  if (strict !== null || !input.includes('10.')) return strict;
  // Not a bare DOI: accept a publisher URL or a short text that holds exactly one distinct DOI
  // ("DOI: 10.1/x (print)", "https://pubs.acs.org/doi/abs/10.1021/x?src=y").
  const trimmed = input.trim();
  const found = /^https?:\/\//i.test(trimmed) && !/\s/.test(trimmed) ? doisInUrl(trimmed) : findDoisInText(decode(trimmed)).map((hit) => hit.doi);
  const distinct = new Set(found.map((doi) => doi.toLowerCase()));
  return distinct.size === 1 ? (found[0] ?? null) : null;
}

/**
 * A DOI from a field whose whole value is meant to be one DOI: a meta tag, a JSON-LD value, a doi.org
 * href, the popup's input. Unlike running text, nothing is trimmed from its end (a registered DOI may
 * end in `/` or `.`: `10.36652/0042-4633-2023-102-5-404-413/`) and no view or version tail is cut;
 * only resolver prefixes (`doi:`, `info:doi/`, `https://doi.org/`), escaping and surrounding whitespace
 * go. A value that is not a bare DOI (a publisher URL, "DOI: 10.1/x (print)") is read like `parseDoi`.
 */
export function parseDoiField(input: string): string | null {
  if (typeof input !== 'string' || input.length > 4 * MAX_DOI_LENGTH) return null;
  let s = decode(input).trim();
  let viaResolver = false;
  for (let i = 0; i < 3; i++) {
    const m = RESOLVER_PREFIX.exec(s);
    if (!m) break;
    viaResolver ||= /\//.test(m[0]) && !/^info:/i.test(m[0]);
    s = s.slice(m[0].length).trim();
  }
  if (viaResolver) s = s.replace(/[?#].*$/s, '');
  if (!/\s/.test(s) && s.length <= MAX_DOI_LENGTH && WHOLE_DOI.test(s) && !ASSET.test(s)) {
    if (/[\p{L}\p{N}]/u.test(s.slice(s.indexOf('/') + 1))) return s;
  }
  return parseDoi(input);
}

/**
 * The one key of a DOI — for caches, batches, comparisons and tab state: the DOI read from any
 * written form ("https://doi.org/…", "doi:…", percent-encoded) and lower-cased, since DOIs are
 * case-insensitive. Null when `input` is not a string holding a DOI, so callers decide what a
 * non-DOI means (the engine answers with an error value instead of asking the sources).
 */
export function doiKey(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const doi = parseDoiField(input);
  return doi ? doi.toLowerCase() : null;
}

/** True when two strings name the same DOI (false when either is not a DOI). */
export function sameDoi(a: string, b: string): boolean {
  const key = doiKey(a);
  return key !== null && key === doiKey(b);
}

export interface TextDoi {
  doi: string;
  /** Offset of the match in the searched text (start of `10.`). */
  index: number;
  /** Length of the raw match in the text, before decoding. */
  length: number;
}

/**
 * Every DOI in a piece of text, in order (duplicates included: callers decide). Look-alikes that
 * continue a number (`19.10.2019/x`), short registrants (`10.1.1.26.2787`) and asset paths are skipped.
 */
export function findDoisInText(text: string): TextDoi[] {
  const out: TextDoi[] = [];
  if (typeof text !== 'string' || !text.includes('10.')) return out;
  TEXT_DOI.lastIndex = 0;
  for (let m = TEXT_DOI.exec(text); m !== null; m = TEXT_DOI.exec(text)) {
    const start = m.index;
    SUFFIX_RUN.lastIndex = start + m[0].length;
    const run = SUFFIX_RUN.exec(text);
    const end = Math.min(SUFFIX_RUN.lastIndex, start + 4 * MAX_DOI_LENGTH);
    if (run === null) continue;
    const raw = trimTrailing(text.slice(start, end));
    const doi = finish(decode(raw));
    if (doi !== null) out.push({ doi, index: start, length: raw.length });
    TEXT_DOI.lastIndex = Math.max(end, start + 1);
  }
  return out;
}

// DOIs in URLs (paths, query values, doi.org links) live in ./doi-url.ts; re-exported for callers.
// The two modules import each other only for calls at run time, never while loading.
export { doisInUrl, doisInUrlPart, isResolverUrl, linkTargetDois } from './doi-url';
