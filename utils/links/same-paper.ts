/**
 * Same paper: does an HTML answer (a repository record, a landing page) describe the work we looked
 * up? Reads `citation_doi`, `dc.identifier` (any case, `DC.` / `dcterms.` too), `citation_title`,
 * `dc.title` and JSON-LD from the first bytes of the page with plain string scanning — no DOM, so it
 * runs in the service worker (no DOMParser there) and in Node (the `verify` CLI).
 */
import { doiKey, findDoisInText } from '../model/doi';

/** What a page says it is: lower-cased DOI keys and raw titles, each list deduplicated. */
export interface PaperIds {
  dois: string[];
  titles: string[];
}

/** The work we expect: its DOI and/or title (either may be missing). */
export interface ExpectedPaper {
  doi?: string | null;
  title?: string | null;
}

/** `yes` "Same paper", `no` "Different paper!", `unknown` when the page says too little. */
export type SamePaper = 'yes' | 'no' | 'unknown';

/** How much of a page the check reads: records put their metadata in the head. */
export const SAME_PAPER_BYTES = 256 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : null;
}

const DOI_NAMES = /^(citation_doi|(dc|dcterms)\.identifier|prism\.doi|bepress_citation_doi)$/i;
const TITLE_NAMES = /^(citation_title|(dc|dcterms)\.title)$/i;

function doisIn(value: string): string[] {
  const direct = doiKey(value);
  if (direct) return [direct];
  return findDoisInText(value)
    .map((d) => doiKey(d.doi))
    .filter((d): d is string => d !== null);
}

function jsonLdIds(node: unknown, out: PaperIds, depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 50)) jsonLdIds(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of ['doi', 'identifier', 'sameAs', '@id', 'url']) {
    const value = record[key];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string') out.dois.push(...doisIn(v));
      else if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).value === 'string') out.dois.push(...doisIn((v as { value: string }).value));
    }
  }
  const type = String(record['@type'] ?? '');
  if (/article|scholarly|creativework|report|thesis|chapter/i.test(type)) {
    for (const key of ['headline', 'name']) if (typeof record[key] === 'string') out.titles.push(record[key]);
  }
  for (const key of ['@graph', 'mainEntity']) if (key in record) jsonLdIds(record[key], out, depth + 1);
}

/** Reads a page's own identifiers from (the first SAME_PAPER_BYTES of) its HTML. Never throws. */
export function readPaperIds(html: string): PaperIds {
  const text = html.slice(0, SAME_PAPER_BYTES);
  const out: PaperIds = { dois: [], titles: [] };
  for (const [tag] of text.matchAll(/<meta\b[^>]*>/gi)) {
    const name = attr(tag, 'name') ?? attr(tag, 'property');
    const content = attr(tag, 'content');
    if (!name || !content) continue;
    if (DOI_NAMES.test(name)) out.dois.push(...doisIn(content.trim()));
    else if (TITLE_NAMES.test(name) && content.trim()) out.titles.push(content.trim());
  }
  for (const [, body] of text.matchAll(/<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      jsonLdIds(JSON.parse(body ?? ''), out);
    } catch {
      // Broken JSON-LD is common: the meta tags still count.
    }
  }
  return { dois: [...new Set(out.dois)], titles: [...new Set(out.titles)] };
}

/** Lower case, accents and punctuation gone, one space between words. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Word-set overlap of two titles, 0…1 (Jaccard over normalised words). */
export function titleSimilarity(a: string, b: string): number {
  const wa = new Set(normaliseTitle(a).split(' ').filter(Boolean));
  const wb = new Set(normaliseTitle(b).split(' ').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

const SAME_TITLE = 0.8;
const OTHER_TITLE = 0.3;

/**
 * Compares a page's identifiers with the expected work. A matching DOI or title says `yes` (a
 * preprint record may carry its own DOI and the paper's title); a page whose DOIs all differ and
 * whose title (if any) does not match says `no`; a title alone that clearly differs says `no`;
 * anything less certain is `unknown`.
 */
export function comparePaper(ids: PaperIds, expected: ExpectedPaper): SamePaper {
  const doi = doiKey(expected.doi ?? null);
  const title = expected.title?.trim() ? expected.title : null;
  if (doi && ids.dois.includes(doi)) return 'yes';
  const best = title && ids.titles.length > 0 ? Math.max(...ids.titles.map((t) => titleSimilarity(t, title))) : null;
  if (best !== null && best >= SAME_TITLE) return 'yes';
  if (doi && ids.dois.length > 0) return best === null || best < OTHER_TITLE ? 'no' : 'unknown';
  if (best !== null && best < OTHER_TITLE) return 'no';
  return 'unknown';
}
