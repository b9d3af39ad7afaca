/**
 * Single-page-app support: tells the caller when detection should run again — after a URL change
 * (`wxt:locationchange`, history/hash navigation, or a URL seen to differ) or when metadata loads late —
 * debounced, and never for mutations that leave the page's metadata and DOI-bearing content unchanged.
 */
import { metaKey, metaValue } from './meta';

export type WatchReason = 'url' | 'mutation' | 'initial';

export interface WatchOptions {
  /** Quiet time before reporting (default 250 ms). */
  debounceMs?: number;
  /** A burst of mutations is reported at least this often (default 4 × debounce). */
  maxWaitMs?: number;
  /**
   * How often to compare `location.href` (default 1000 ms; 0 disables). `history.pushState` fires no
   * event a content script can hear, and WXT dispatches `wxt:locationchange` only when the script's
   * context subscribed to it, so polling is the fallback that always works.
   */
  pollMs?: number;
}

/**
 * What in the head decides the article DOI: meta tags, canonical/alternate links, JSON-LD and title.
 * Mutations that leave this unchanged (a script tag appended, a style swapped) are not reported.
 */
export function headSignature(doc: Document): string {
  const head = doc.head;
  if (!head) return '';
  const parts: string[] = [];
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = metaKey(meta);
    if (key) parts.push(`m:${key}=${metaValue(meta)}`);
  }
  for (const link of Array.from(head.getElementsByTagName('link'))) {
    const rel = link.getAttribute('rel');
    if (rel && /canonical|cite-as|alternate|meta/i.test(rel)) parts.push(`l:${rel}=${link.getAttribute('href') ?? ''}`);
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    parts.push(`j:${script.textContent?.length ?? 0}:${(script.textContent ?? '').slice(0, 2000)}`);
  }
  parts.push(`t:${doc.title}`);
  return parts.join('\n');
}

/** Whether a body mutation may have brought a DOI: "10." in added text or links, or a meta tag. */
function mayAddDoi(record: MutationRecord): boolean {
  if (record.type === 'characterData') return (record.target.nodeValue ?? '').includes('10.');
  if (record.type === 'attributes') {
    const el = record.target as Element;
    return (el.getAttribute(record.attributeName ?? '') ?? '').includes('10.');
  }
  for (const node of Array.from(record.addedNodes)) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').includes('10.')) return true;
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    // Metadata in the body counts (the head signature covers it); other scripts never do.
    if (tag === 'META') return true;
    if (tag === 'SCRIPT') {
      if (/ld\+json/i.test(el.getAttribute('type') ?? '')) return true;
      continue;
    }
    if ((el.textContent ?? '').includes('10.')) return true;
    if (el.querySelector('a[href*="10."], meta')) return true;
  }
  return false;
}

function inHead(doc: Document, node: Node): boolean {
  const head = doc.head;
  return head !== null && (node === head || head.contains(node));
}

export function watchPage(
  win: Window,
  onChange: (reason: WatchReason) => void,
  opts: WatchOptions = {},
): () => void {
  const doc = win.document;
  const debounceMs = opts.debounceMs ?? 250;
  const maxWaitMs = opts.maxWaitMs ?? debounceMs * 4;
  const pollMs = opts.pollMs ?? 1000;

  let lastUrl = win.location.href;
  let lastHead = headSignature(doc);
  let pendingUrl = false;
  let pendingBody = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let disposed = false;

  const safeCall = (reason: WatchReason) => {
    try {
      onChange(reason);
    } catch {
      // The caller's failure must not stop the watcher.
    }
  };

  const flush = () => {
    timer = undefined;
    firstPendingAt = 0;
    if (disposed) return;
    const url = win.location.href;
    const head = headSignature(doc);
    const urlChanged = pendingUrl || url !== lastUrl;
    const headChanged = head !== lastHead;
    const bodyChanged = pendingBody;
    pendingUrl = false;
    pendingBody = false;
    lastHead = head;
    if (urlChanged && url !== lastUrl) {
      lastUrl = url;
      safeCall('url');
    } else if (headChanged || bodyChanged) {
      safeCall('mutation');
    }
  };

  const schedule = () => {
    if (disposed) return;
    const now = Date.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    timer = setTimeout(flush, wait);
  };

  const onLocation = () => {
    pendingUrl = true;
    schedule();
  };

  const MO = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver;
  const observer = MO
    ? new MO((records) => {
        let relevant = false;
        for (const record of records) {
          if (inHead(doc, record.target)) relevant = true;
          else if (record.target.nodeName === 'META' || mayAddDoi(record)) {
            relevant = true;
            pendingBody = true;
          }
          if (relevant && pendingBody) break;
        }
        if (relevant) schedule();
      })
    : null;
  observer?.observe(doc.documentElement ?? doc, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['content', 'value', 'href', 'name', 'property'],
  });

  win.addEventListener('wxt:locationchange', onLocation);
  win.addEventListener('popstate', onLocation);
  win.addEventListener('hashchange', onLocation);
  const poll =
    pollMs > 0
      ? setInterval(() => {
          if (win.location.href !== lastUrl) onLocation();
        }, pollMs)
      : undefined;

  safeCall('initial');

  return () => {
    if (disposed) return;
    disposed = true;
    observer?.disconnect();
    win.removeEventListener('wxt:locationchange', onLocation);
    win.removeEventListener('popstate', onLocation);
    win.removeEventListener('hashchange', onLocation);
    if (poll !== undefined) clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  };
}
