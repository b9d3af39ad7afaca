/**
 * The window of rows a virtual list renders: only what the viewport shows plus `overscan` rows each
 * side, so 10,000 rows cost the DOM of a few dozen. Pure, for the table and its tests.
 */
export interface VirtualWindow {
  /** First rendered row (0-based) and one past the last. */
  start: number;
  end: number;
  /** Heights of the spacers above and below the rendered rows (px). */
  before: number;
  after: number;
}

/** `scrollTop` and `viewport` in px; `rowHeight` px per row (fixed). */
export function virtualWindow(count: number, scrollTop: number, viewport: number, rowHeight: number, overscan = 8): VirtualWindow {
  const first = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan);
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 2 * overscan;
  const start = Math.min(first, Math.max(0, count - 1));
  const end = Math.min(count, start + visible);
  return { start: Math.min(start, end), end, before: Math.min(start, end) * rowHeight, after: (count - end) * rowHeight };
}
