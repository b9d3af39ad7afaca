/**
 * Runs inline badges on one page: finds the DOIs (sliced scan), watches which come near the viewport,
 * asks for them in batches with read-ahead, and places a badge for each answer — in time slices, so a
 * page with thousands of references never gets a long task from us. Re-scans add badges for new
 * DOIs only; `dispose` removes every badge.
 *
 * DOM building is injected (`createBadge`), so this logic runs in happy-dom with a stub.
 */
import { doiKey } from '../../../utils/model/doi';
import { scanPageDois, type PageDoi } from '../../../utils/detect/page-dois';
import type { LookupResult } from '../../../utils/model';
import { hasBadgeAt, placeBadge } from './placement';
import type { LookupQueue } from './queue';
import { badgeView, type BadgeView, type ViewOptions } from './view';
import { createVisibility, type Visibility } from './visibility';

export interface BadgeControllerOptions {
  doc: Document;
  win: Window;
  queue: LookupQueue;
  view: ViewOptions;
  createBadge(view: BadgeView): Element;
  /**
   * DOIs asked for at once when one comes into view: the visible ones plus the next ones in page
   * order up to this many (default 100, one OpenAlex request). Scrolling a 300-reference list then
   * costs three requests, not one per screen.
   */
  readAhead?: number;
  /** Length of one work slice on the main thread (default 8 ms). */
  chunkMs?: number;
  /** How to wait between slices (default: setTimeout 0). */
  schedule?(callback: () => void): void;
  rootMargin?: string;
  /** The page's own article DOI, if known: it is the page, not a reference, so it gets no badge. */
  ownDoi?(): string | null;
}

export interface BadgeStats {
  /** DOIs known on the page. */
  dois: number;
  /** DOIs asked for so far. */
  requested: number;
  /** Badges in the page now. */
  badges: number;
}

export interface BadgeController {
  /** Looks for DOIs again (after a mutation or SPA navigation); resolves when the scan is done. */
  scan(): Promise<void>;
  stats(): BadgeStats;
  /** Removes every badge and stops watching. */
  dispose(): void;
}

interface Entry {
  hit: PageDoi;
  order: number;
  requested: boolean;
  host: Element | null;
  /** What the placed badge shows (its view, serialised): a final answer that says the same changes nothing. */
  shown?: string;
}

export function createBadgeController(options: BadgeControllerOptions): BadgeController {
  const { doc, win, queue } = options;
  const readAhead = options.readAhead ?? 100;
  const chunkMs = options.chunkMs ?? 8;
  const schedule = options.schedule ?? ((cb: () => void) => void win.setTimeout(cb, 0));
  const entries: Entry[] = [];
  const byKey = new Map<string, Entry>();
  /** `update`: the final answer for a badge placed from an answer so far (replace or remove it). */
  const toRender: Array<{ entry: Entry; result: LookupResult | null; update?: boolean }> = [];
  let renderScheduled = false;
  let disposed = false;
  let abort = new AbortController();
  let scanning: Promise<void> | null = null;
  let rescan = false;

  const alive = (entry: Entry) => (entry.host ? entry.host.isConnected : entry.hit.element.isConnected);

  const visibility: Visibility<Entry> = createVisibility<Entry>(win, {
    rootMargin: options.rootMargin,
    onVisible: (seen) => request(seen),
  });

  /** Asks for the entries that came into view and, with them, the next ones in page order. */
  function request(seen: Entry[]): void {
    if (disposed) return;
    const batch = seen.filter((e) => !e.requested && alive(e));
    if (batch.length === 0) return;
    const last = Math.max(...batch.map((e) => e.order));
    for (let i = last + 1; i < entries.length && batch.length < readAhead; i++) {
      const next = entries[i]!;
      if (!next.requested && alive(next)) batch.push(next);
    }
    for (const entry of batch) {
      entry.requested = true;
      void queue.request(entry.hit.doi).then((result) => {
        toRender.push({ entry, result });
        scheduleRender();
      });
    }
  }

  function scheduleRender(): void {
    if (renderScheduled || disposed) return;
    renderScheduled = true;
    schedule(renderSlice);
  }

  function renderSlice(): void {
    renderScheduled = false;
    if (disposed) return;
    const deadline = performance.now() + chunkMs;
    while (toRender.length > 0 && performance.now() < deadline) {
      const { entry, result, update } = toRender.shift()!;
      const view = badgeView(result, options.view);
      if (update && entry.host?.isConnected) replace(entry, view);
      else place(entry, view);
    }
    if (toRender.length > 0) scheduleRender();
  }

  /** Puts the final answer's badge where the answer so far put one (or takes it away). */
  function replace(entry: Entry, view: BadgeView | null): void {
    const old = entry.host!;
    if (!view) {
      old.remove();
      entry.host = null;
      entry.shown = undefined;
      return;
    }
    const shown = JSON.stringify(view);
    // Unchanged: keep the element, and with it the reader's focus or open details.
    if (shown === entry.shown) return;
    let host: Element;
    try {
      host = options.createBadge(view);
    } catch {
      return;
    }
    old.replaceWith(host);
    entry.host = host;
    entry.shown = shown;
  }

  function place(entry: Entry, view: BadgeView | null): void {
    if (!view || entry.host?.isConnected || !entry.hit.element.isConnected) return;
    const placement = placeBadge(entry.hit);
    if (!placement.ok) return;
    const { point } = placement;
    if (hasBadgeAt(point)) {
      entry.host = point.before as Element;
      return;
    }
    let host: Element;
    try {
      host = options.createBadge(view);
    } catch {
      return;
    }
    point.parent.insertBefore(host, point.before);
    entry.host = host;
    entry.shown = JSON.stringify(view);
  }

  // Final answers for DOIs whose badge came from an answer so far.
  const unsubscribe = queue.subscribe((doi, result) => {
    const entry = byKey.get(doiKey(doi) ?? '');
    if (!entry?.requested || disposed) return;
    toRender.push({ entry, result, update: true });
    scheduleRender();
  });

  function add(hits: PageDoi[]): void {
    for (const hit of hits) {
      const key = doiKey(hit.doi);
      if (key === null) continue;
      const known = byKey.get(key);
      if (known && alive(known)) continue;
      const entry: Entry = { hit, order: entries.length, requested: false, host: null };
      entries.push(entry);
      byKey.set(key, entry);
      visibility.watch(hit.element, entry);
    }
  }

  async function runScan(): Promise<void> {
    do {
      rescan = false;
      const hits = await scanPageDois(doc.body ?? doc, { signal: abort.signal, chunkMs, schedule, exclude: options.ownDoi?.() ?? null });
      if (disposed) return;
      add(hits);
    } while (rescan && !disposed);
  }

  function scan(): Promise<void> {
    if (disposed) return Promise.resolve();
    if (scanning) {
      // A scan is under way: run one more when it ends, so late content is not missed.
      rescan = true;
      return scanning;
    }
    scanning = runScan().finally(() => {
      scanning = null;
    });
    return scanning;
  }

  return {
    scan,
    stats: () => ({
      dois: entries.length,
      requested: entries.filter((e) => e.requested).length,
      badges: entries.filter((e) => e.host?.isConnected).length,
    }),
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
      abort.abort();
      abort = new AbortController();
      visibility.disconnect();
      toRender.length = 0;
      for (const entry of entries) entry.host?.remove();
      entries.length = 0;
      byKey.clear();
    },
  };
}
