/**
 * Tells when elements come on screen or near it, through one IntersectionObserver for the whole
 * page. Without IntersectionObserver (old engines, some test DOMs) every element counts as visible
 * at once, which is correct, only less lazy.
 */

export interface VisibilityOptions<Item> {
  /** How far outside the viewport counts as "near" (default: one screen above and below). */
  rootMargin?: string;
  /** Called with every item whose element came near the viewport, once per item. */
  onVisible(items: Item[]): void;
}

export interface Visibility<Item> {
  watch(element: Element, item: Item): void;
  /** Stops watching; items not yet seen are forgotten. */
  disconnect(): void;
}

type IOConstructor = new (
  callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void,
  options?: { rootMargin?: string },
) => { observe(el: Element): void; unobserve(el: Element): void; disconnect(): void };

export function createVisibility<Item>(win: Window, options: VisibilityOptions<Item>): Visibility<Item> {
  const IO = (win as unknown as { IntersectionObserver?: IOConstructor }).IntersectionObserver;
  const waiting = new Map<Element, Item[]>();
  const report = (items: Item[]) => {
    if (items.length === 0) return;
    try {
      options.onVisible(items);
    } catch {
      // A failing consumer must not stop later notifications.
    }
  };

  if (typeof IO !== 'function') {
    let queued: Item[] = [];
    return {
      watch(_element, item) {
        // Report in one batch per task, like an observer would, so callers still batch.
        if (queued.length === 0) queueMicrotask(() => report(queued.splice(0)));
        queued.push(item);
      },
      disconnect() {
        queued = [];
      },
    };
  }

  const observer = new IO(
    (entries) => {
      const items: Item[] = [];
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const list = waiting.get(entry.target);
        if (!list) continue;
        waiting.delete(entry.target);
        observer.unobserve(entry.target);
        items.push(...list);
      }
      report(items);
    },
    { rootMargin: options.rootMargin ?? '100% 0px 100% 0px' },
  );

  return {
    watch(element, item) {
      const list = waiting.get(element);
      if (list) list.push(item);
      else {
        waiting.set(element, [item]);
        observer.observe(element);
      }
    },
    disconnect() {
      observer.disconnect();
      waiting.clear();
    },
  };
}
