/**
 * Where in a page an element sits: inside a reference list or citation (DOIs there are cited, not
 * the page's own), and which block of text it belongs to.
 */

/** id/class words that mark reference lists, bibliographies, citations and footnotes. */
const CITING =
  /(?:^|[\s_-])(?:refs?|references?|reference-list|ref-list|bibliography|biblio|bibl|cited-?by|footnotes?|fn-group|backmatter|related|recommended|similar)(?:$|[\s_-])/i;
const CITING_TAGS = new Set(['CITE', 'BLOCKQUOTE', 'FOOTER', 'NAV', 'ASIDE']);

/** True when `el` itself is a reference list, citation, footer, navigation or aside. */
export function isCitingElement(e: Element): boolean {
  if (CITING_TAGS.has(e.tagName.toUpperCase())) return true;
  const marks = `${e.id} ${e.getAttribute('class') ?? ''} ${e.getAttribute('role') ?? ''}`;
  return marks.length > 2 && CITING.test(marks);
}

/** True when `el` or an ancestor is a reference list, citation, footer, navigation or aside. */
export function inCitingContext(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (CITING_TAGS.has(e.tagName.toUpperCase())) return true;
    const marks = `${e.id} ${e.getAttribute('class') ?? ''} ${e.getAttribute('role') ?? ''}`;
    if (marks.length > 1 && CITING.test(marks)) return true;
  }
  return false;
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'TD',
  'TH',
  'LI',
  'DD',
  'DT',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'MAIN',
  'BODY',
  'TR',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FORM',
  'FIGURE',
  'FIGCAPTION',
  'CENTER',
]);

/** The nearest block-level ancestor (or the element itself), whose text is the DOI's "line". */
export function blockOf(el: Element): Element {
  for (let e: Element | null = el; e; e = e.parentElement) if (BLOCKS.has(e.tagName.toUpperCase())) return e;
  return el;
}
