/**
 * Where a badge goes for a DOI the detector found: right after the link, or right after the DOI's
 * characters in a text node — never inside a link, button or label (a badge there would become part
 * of the link text and its click would follow the page's link), never inside editable content.
 */
import { findDoisInText } from '../../../utils/model/doi';
import type { PageDoi } from '../../../utils/detect/page-dois';

/** Tag name of every badge host; the detector and the placement skip what is already ours. */
export const BADGE_TAG = 'greenway-badge';

/**
 * Ancestors a badge must come after rather than inside: activating anything inside them would
 * trigger the page's own control.
 */
const WRAPPERS = 'a,button,label,summary,select,textarea,[role="link"],[role="button"]';

export interface InsertionPoint {
  parent: Node;
  /** Insert before this node; null = append at the end of `parent`. */
  before: Node | null;
}

export type Placement = { ok: true; point: InsertionPoint } | { ok: false; reason: string };

function isEditable(el: Element): boolean {
  return el.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** The outermost wrapper around `el` (itself included), or null. */
function outermostWrapper(el: Element): Element | null {
  let found: Element | null = null;
  for (let cur = el.closest(WRAPPERS); cur; cur = cur.parentElement?.closest(WRAPPERS) ?? null) found = cur;
  return found;
}

function after(node: Node): InsertionPoint | null {
  return node.parentNode ? { parent: node.parentNode, before: node.nextSibling } : null;
}

/** Length of the DOI's raw characters at `index` in `text` (the detector stores only the start). */
export function doiLengthAt(text: string, index: number): number | null {
  const hit = findDoisInText(text.slice(index, index + 1300))[0];
  return hit && hit.index === 0 ? hit.length : null;
}

/** Trailing characters that may sit between a DOI and its badge: ".", ",", ")" and spaces. */
const TAIL = /^[\s.,;:)\]]*$/;

/**
 * Decides the insertion point for `hit` without touching the page, except for one case: a DOI in
 * the middle of running text, whose text node is split at the DOI's end (`splitText`) so the badge
 * can sit right after it. A DOI followed only by punctuation gets its badge after the text node,
 * which leaves the node whole (frameworks that own the node keep working).
 */
export function placeBadge(hit: PageDoi): Placement {
  const el = hit.element;
  if (!el || !el.isConnected) return { ok: false, reason: 'element not in the page' };
  if (el.closest(BADGE_TAG)) return { ok: false, reason: 'inside a badge' };
  if (isEditable(el)) return { ok: false, reason: 'editable content' };
  // Image-map areas are not rendered: a badge next to one would float somewhere unrelated.
  if (el.localName === 'area') return { ok: false, reason: 'image-map area' };
  const wrapper = outermostWrapper(el);
  if (wrapper) {
    const point = after(wrapper);
    return point ? { ok: true, point } : { ok: false, reason: 'link has no parent' };
  }
  if (hit.kind === 'link') {
    const point = after(el);
    return point ? { ok: true, point } : { ok: false, reason: 'link has no parent' };
  }
  if (!hit.textNode || hit.textNode.parentNode === null || typeof hit.index !== 'number') {
    return { ok: false, reason: 'text node gone' };
  }
  const found = locateText(hit.textNode, hit.index);
  if (!found) return { ok: false, reason: 'DOI no longer in the text' };
  const { node, index, length } = found;
  const end = index + length;
  if (end < node.data.length && !TAIL.test(node.data.slice(end))) node.splitText(end);
  return { ok: true, point: after(node)! };
}

/**
 * Finds the DOI that the detector saw at `index` of `node`. An earlier badge in the same text (a
 * list of DOIs in one paragraph) split the node, so the DOI may now sit in a following piece:
 * walk the text siblings, stepping over our own badges, counting the characters passed.
 */
function locateText(start: Text, index: number): { node: Text; index: number; length: number } | null {
  let offset = 0;
  for (let cur: Node | null = start; cur; cur = cur.nextSibling) {
    if (cur.nodeType === 1 && (cur as Element).localName === BADGE_TAG) continue;
    if (cur.nodeType !== 3) return null;
    const text = (cur as Text).data;
    const local = index - offset;
    if (local < text.length) {
      const length = local >= 0 ? doiLengthAt(text, local) : null;
      return length === null ? null : { node: cur as Text, index: local, length };
    }
    offset += text.length;
  }
  return null;
}

/** True when a badge host already follows this insertion point (a re-scan found the same DOI). */
export function hasBadgeAt(point: InsertionPoint): boolean {
  const next = point.before;
  return next !== null && next.nodeType === 1 && (next as Element).localName === BADGE_TAG;
}
