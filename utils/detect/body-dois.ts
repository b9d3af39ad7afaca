/**
 * The body's weak evidence for the article DOI, read in one walk outside reference lists, footers,
 * navigation and asides: a DOI labelled as such on a metadata-like line ("DOI: 10.…"), and DOIs the
 * text names as someone else's work. article.ts decides what they mean; a lone DOI is never enough.
 */
import { linkTargetDois } from '../model/doi';
import { blockOf, isCitingElement } from './context';
import { articleDoiOf } from './sub-doi';
import { mayEndInDoiHead, textDoisOf } from './text-dois';

/** "doi:", "DOI", "Digital Object Identifier:", "https://doi.org/" right before the DOI. */
const LABEL = /(?:\bdoi\b\s*[:：.]?\s*|digital object identifier\s*[:：]?\s*|doi\.org\/)$/i;
/**
 * Lead-ins that introduce someone else's paper: news pieces end with "More information: … DOI: …",
 * press releases with "Journal reference: …".
 */
const CITED_WORK =
  /\b(?:more information|journal reference|original (?:article|study|paper|research)|reference:|references?\s*:|source:|read the (?:paper|study|article)|the (?:study|paper) (?:is|was) published|published in|study:|paper:|related:|see also|cited (?:in|by))/i;

/** A text run or paragraph longer than this is prose, not a metadata line. */
const MAX_LINE = 400;
/** Don't read more text nodes than this looking for a labelled DOI (huge reference-only pages). */
const MAX_TEXT_NODES = 20_000;

export interface BodyDois {
  /** The one DOI the page text labels as a DOI on a metadata-like line ("DOI: 10.…"), if exactly one. */
  labelled: string | null;
  /** Characters of paragraph text before that DOI: a story told before it means the DOI is cited. */
  proseBefore: number;
  /** DOIs the page's own text names as someone else's work: after a lead-in ("Journal reference:"), doi.org links. */
  mentioned: string[];
}

/**
 * One walk over the body (outside reference lists, footers, navigation and asides) for the weak,
 * body-only evidence: a labelled DOI line, and DOIs mentioned as a cited work. Which of these is the
 * page's article is decided in article.ts from what describes the page itself; a lone DOI in the body
 * is never enough on its own.
 */
export function bodyDois(doc: Document): BodyDois {
  const out: BodyDois = { labelled: null, proseBefore: 0, mentioned: [] };
  const body = doc.body;
  if (!body) return out;
  const found = new Map<string, string>();
  const mentioned = new Map<string, string>();
  let many = false;
  let prose = 0;
  const stack: Node[] = [body];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_TEXT_NODES) {
    const node = stack.pop() as Node;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE' || tag === 'TEXTAREA') continue;
      // A reference list, footer or navigation: nothing in it describes the page (skip it whole).
      if (el !== body && isCitingElement(el)) continue;
      if (tag === 'A') {
        const href = el.getAttribute('href') ?? '';
        if (/doi\.org\/10\./i.test(href)) {
          const doi = linkTargetDois(href)[0];
          if (doi) mentioned.set(articleDoiOf(doi).toLowerCase(), doi);
        }
      }
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      continue;
    }
    if (node.nodeType !== 3) continue;
    const data = (node as Text).data;
    const parent = node.parentElement;
    if (!parent) continue;
    if (!mayEndInDoiHead(data)) {
      // A story is told in paragraphs: count their text (not sidebars' previews, menus or tables).
      if (data.length > 40 && blockOf(parent).tagName.toUpperCase() === 'P') prose += data.length;
      continue;
    }
    const { hits } = textDoisOf(node as Text, data);
    if (hits.length === 0) continue;
    const block = blockOf(parent);
    const inProse = isProse(data, block);
    for (const hit of hits) {
      const before = textBefore(data, hit.index, node as Text, block, 160);
      const key = articleDoiOf(hit.doi).toLowerCase();
      if (CITED_WORK.test(before)) {
        mentioned.set(key, hit.doi);
        continue;
      }
      if (inProse || !LABEL.test(before.slice(-40)) || sentenceGoesOn(textAfter(data, hit.index + hit.length, node as Text, block, 160))) continue;
      // Figure and table DOIs of the same article are the same article.
      if (found.size === 0) out.proseBefore = prose;
      found.set(key, hit.doi);
      if (found.size > 1) many = true;
    }
    if (block.tagName.toUpperCase() === 'P') prose += data.length;
  }
  // A second labelled DOI means the page lists works, and then nothing is the article.
  if (!many) for (const doi of found.values()) out.labelled = doi;
  for (const [key, doi] of found) if (!mentioned.has(key)) mentioned.set(key, doi);
  for (const doi of mentioned.values()) out.mentioned.push(doi);
  return out;
}

/**
 * Up to `reach` characters of the block's text just after a DOI ending at `end` of `node`. The words
 * may sit in the next text node: our own badge splits the node right after the DOI it marks, and a
 * page may wrap the DOI in a link. Reading only the node would take "…and doi:10.1/x<badge> in
 * earlier work" for a metadata line the moment its badge appears.
 */
function textAfter(data: string, end: number, node: Text, block: Element, reach: number): string {
  const after = data.slice(end, end + reach);
  if (after.length >= reach || after.includes('\n')) return after;
  return (after + (blockTextBeside(block, node, 'after', reach - after.length) ?? '')).slice(0, reach);
}

/**
 * True when the words after a DOI carry on a sentence on the same line ("…and doi:10.1/x in earlier
 * work, the effect holds"): a metadata line ends at its DOI, or goes on with another field.
 */
function sentenceGoesOn(after: string): boolean {
  const rest = after.split(/\n/, 1)[0] ?? '';
  // Lower-case words straight after the DOI continue a sentence; a separator ("·", "|", ";") or a
  // capitalised field ("Published: …", "PMID …") starts the next field of a metadata line.
  return /^\s+\p{Ll}{2,}(?:\s+\p{L}+){2,}/u.test(rest);
}

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
  const before = blockTextBeside(block, node, 'before', reach);
  return before === null ? own : (before + data.slice(0, index)).slice(-reach);
}

/**
 * Up to `reach` characters of `block`'s text on one side of `node`, `node` itself left out: the end
 * of its text nodes before `node`, or the start of those after it (document order). Null when `node`
 * is not in `block`.
 */
function blockTextBeside(block: Element, node: Text, side: 'before' | 'after', reach: number): string | null {
  let text = '';
  let found = false;
  // A hand walk (firstChild / nextSibling), as the page scanner's; it stops at `node` going back, or
  // once it has `reach` characters going forward.
  const walk = (n: Node): boolean => {
    if (n === node) {
      found = true;
      if (side === 'before') return true;
    } else if (n.nodeType === 3) {
      if (side === 'before') text = (text + (n as Text).data).slice(-reach);
      else if (found) text += (n as Text).data;
    }
    if (side === 'after' && text.length >= reach) return true;
    for (let c = n.firstChild; c; c = c.nextSibling) if (walk(c)) return true;
    return false;
  };
  walk(block);
  if (!found) return null;
  return side === 'before' ? text : text.slice(0, reach);
}
