/**
 * DOIs in one text node, with a DOI that goes on in the following inline nodes joined
 * (`10.1002/anie.<wbr>201912345`, `10.1038/<b>owls</b>.2024`, an auto-linker's
 * `10.1002/<a>anie.201912345</a>`), and never a head cut off by markup that cannot be joined:
 * a wrong DOI is worse than none. Shared by the page scan (badges) and the labelled-text signal.
 */
import { findDoisInText, linkTargetDois, MAX_DOI_LENGTH, type TextDoi } from '../model/doi';

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** A DOI-looking run that reaches the end of a text node: it may go on in the next node. */
const OPEN_DOI_AT_END = /(?<![\p{L}\p{N}._\-])1(?:0(?:\.(?:\d{1,9}(?:\.\d*)*(?:\/[^\s"'“”]*)?)?)?)?$/u;

/** Cheap test for a text node that might end in the beginning of a DOI cut by markup (`…1<b>0.1234/x</b>`). */
export function mayEndInDoiHead(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return text.includes('10.') || last === 49 /* 1 */ || (last === 48 /* 0 */ && text.endsWith('10'));
}
/**
 * Elements that typesetting or other software puts inside a DOI without breaking its text: `<wbr>`,
 * highlighting, styling, and links that auto-linkers wrap around part of it.
 */
const INLINE = new Set([
  'WBR',
  'B',
  'I',
  'EM',
  'STRONG',
  'SPAN',
  'MARK',
  'SUB',
  'SUP',
  'SMALL',
  'U',
  'S',
  'FONT',
  'CODE',
  'TT',
  'ABBR',
  'A',
  'INS',
  'DEL',
  'BDI',
  'BDO',
  'DFN',
  'KBD',
  'SAMP',
  'VAR',
  'DATA',
  'TIME',
  'NOBR',
  'Q',
]);
/** Text right after a DOI that could still be part of it (not a space, quote or closing punctuation). */
const CONTINUES = /^(?:[^\s"'“”‘’«»<>)\]},;]|[,;][^\s"'“”‘’«»<>])/u;

/** Whether `next` may go on from `head`: a closing bracket does when the head left one open (`…(1999`). */
function continues(head: string, next: string): boolean {
  if (CONTINUES.test(next)) return true;
  const close = next[0];
  const open = close === ')' ? '(' : close === ']' ? '[' : close === '}' ? '{' : null;
  return open !== null && head.split(open).length > head.split(close as string).length;
}

export interface SplitDoi extends TextDoi {
  /** Links inside the joined run whose own target is only the head of the DOI (not to be badged). */
  truncatedLinks: Element[];
}

export interface NodeDois {
  /** Every complete DOI of the node, in order; a joined one replaces its head. */
  hits: TextDoi[];
  /** The DOI joined across nodes, if any (it has no single text position). */
  split: SplitDoi | null;
}

/** Elements that end a line: the DOI's text stops there (`doi: 10.1/x.</span><div>PMCID…`). */
const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TD',
  'TH',
  'TR',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'MAIN',
  'FORM',
  'FIGURE',
  'FIGCAPTION',
  'BLOCKQUOTE',
  'PRE',
  'HR',
  'BR',
  'ADDRESS',
  'FIELDSET',
  'DETAILS',
  'SUMMARY',
  'CENTER',
]);

/** Joinable: the known inline tags, and custom elements (inline unless styled otherwise). */
function isInline(node: Node): boolean {
  const tag = (node as Element).tagName.toUpperCase();
  return INLINE.has(tag) || tag.includes('-');
}

/** Links whose target is a strict prefix of `doi`: a head the auto-linker cut off. */
function headLinks(candidates: Element[], doi: string): Element[] {
  const out: Element[] = [];
  const key = doi.toLowerCase();
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i] as Element;
    const targets = linkTargetDois(el.getAttribute('href') ?? '', 'https://example.invalid/');
    for (let t = 0; t < targets.length; t++) {
      const target = (targets[t] as string).toLowerCase();
      if (target !== key && key.startsWith(target)) out.push(el);
    }
  }
  return out;
}

/**
 * The DOI at the end of `text` joined with its continuation in following inline nodes. `blocked`
 * is true when the text goes on without a break into something that cannot be joined (a block
 * element, the length budget): the DOI at the end is then only a head.
 */
function joinAtEnd(node: Text, text: string): { split: SplitDoi | null; blocked: boolean; start: number } {
  const open = OPEN_DOI_AT_END.exec(text);
  if (!open) return { split: null, blocked: false, start: -1 };
  let continuation = '';
  const links: Element[] = [];
  // Climb out of inline wrappers that end with this node: `<span>10.1371</span>/journal…`.
  let from: Node = node;
  while (!from.nextSibling && from.parentElement && isInline(from.parentElement)) {
    from = from.parentElement;
    if ((from as Element).tagName.toUpperCase() === 'A') links.push(from as Element);
  }
  let blocked = false;
  for (let next = from.nextSibling; next; next = next.nextSibling) {
    if (continuation.length >= MAX_DOI_LENGTH) {
      blocked = true;
      break;
    }
    // Comments mark where a framework joins separately rendered pieces (Vue's `<!--[-->`): text after
    // one is not the DOI going on (`10.3758/s13428-014-0470-2<!--]-->[Epub ahead of print]`).
    if (next.nodeType === COMMENT) break;
    if (next.nodeType !== ELEMENT && next.nodeType !== TEXT) continue;
    const part = next.textContent ?? '';
    if (next.nodeType === ELEMENT && !isInline(next)) {
      // A block ends the line, and the DOI with it. Any other element we cannot join (a button, an
      // image, a label) whose text runs on from the DOI's: what we have is only a head.
      // An element without text (an icon `<img>`) is looked through to the text after it.
      const after = part === '' ? (next.nextSibling?.textContent ?? '') : part;
      blocked = continuation === '' && !BLOCK.has((next as Element).tagName.toUpperCase()) && continues(open[0], after);
      break;
    }
    if (next.nodeType === ELEMENT) {
      if ((next as Element).tagName.toUpperCase() === 'A') links.push(next as Element);
      const inner = (next as Element).getElementsByTagName('a');
      for (let i = 0; i < inner.length; i++) links.push(inner[i] as Element);
    }
    const space = part.search(/\s/);
    if (space >= 0) {
      continuation += part.slice(0, space);
      break;
    }
    continuation += part;
  }
  if (continuation === '') return { split: null, blocked, start: open.index };
  const joined = findDoisInText(open[0] + continuation)[0];
  if (!joined || joined.index !== 0) return { split: null, blocked, start: open.index };
  return {
    split: { doi: joined.doi, index: open.index, length: text.length - open.index, truncatedLinks: headLinks(links, joined.doi) },
    blocked: false,
    start: open.index,
  };
}

export function textDoisOf(node: Text, text: string = node.data): NodeDois {
  const hits = findDoisInText(text);
  const { split, blocked, start } = joinAtEnd(node, text);
  if (split || blocked) {
    // The DOI at the end of this node goes on in the next nodes: the joined one replaces its head,
    // or, when it cannot be joined, the head is dropped.
    while (hits.length > 0 && (hits[hits.length - 1] as TextDoi).index >= start) hits.pop();
    if (split) hits.push(split);
  }
  return { hits, split };
}
