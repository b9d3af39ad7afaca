/** The few icons badges use, drawn with DOM calls (no markup strings) and hidden from assistive tech. */
const SVG_NS = 'http://www.w3.org/2000/svg';

const PATHS = {
  /** Open padlock: a free copy exists. */
  open: 'M5 7V5a3 3 0 0 1 5.8-1.1M3.5 7h9v7h-9z',
  /** Closed padlock: no free copy known. */
  closed: 'M5 7V5a3 3 0 0 1 6 0v2M3.5 7h9v7h-9z',
  /** A dashed circle: an answer with a gap (a source was not reached). */
  partial: 'M8 2.5a5.5 5.5 0 0 1 5.5 5.5M13.5 8A5.5 5.5 0 0 1 8 13.5M4.1 11.9A5.5 5.5 0 0 1 4.1 4.1',
  /** A question mark: the DOI itself is unknown. */
  unknown: 'M5.5 6a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M8 13.2v.1',
  /** Two sheets: copy a link. */
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  /** A cross: dismiss. */
  close: 'M4 4l8 8M12 4l-8 8',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(doc: Document, name: IconName): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.6');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  return svg as SVGSVGElement;
}
