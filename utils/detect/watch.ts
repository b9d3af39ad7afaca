/**
 * Single-page-app support: tells the caller when detection should run again — after a URL change
 * (announced by the caller's location-change subscription, or history/hash navigation) or when
 * metadata loads late — debounced, and never for mutations that leave the page's metadata and
 * DOI-bearing content unchanged.
 *
 * Event-driven only: on a page where nothing happens, the watcher has no timer pending (the debounce
 * timer exists only between a change and its report). It never polls the URL itself; noticing a
 * `history.pushState` (which fires no DOM event) is the job of the subscription the caller passes —
 * in the content script, WXT's `wxt:locationchange` (see entrypoints/content/lifecycle.ts).
 */
import { doisInUrl, findDoisInText } from '../model/doi';
import { metaKey, metaTags, metaValue } from './meta';

export type WatchReason = 'url' | 'mutation' | 'initial';

/** Calls `listener` whenever the page's address may have changed; returns the unsubscribe function. */
export type LocationSubscription = (listener: () => void) => () => void;

/** Where the watcher's timers come from (the content script passes its context's, which die with it). */
export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface WatchOptions {
  /**
   * Announces URL changes that fire no DOM event the watcher can hear (`history.pushState`). The
   * watcher also listens to `popstate` and `hashchange` itself, and re-reads `location.href` before
   * reporting, so a spurious or early announcement (one made before the navigation commits) is harmless.
   */
  onLocationChange: LocationSubscription;
  /** Default: the window's setTimeout/clearTimeout. */
  timers?: WatchTimers;
  /** Quiet time before reporting (default 250 ms). */
  debounceMs?: number;
  /** A burst of mutations is reported at least this often (default 4 × debounce). */
  maxWaitMs?: number;
}

/**
 * What in the head decides the article DOI: meta tags, canonical/alternate links, JSON-LD and title.
 * Mutations that leave this unchanged (a script tag appended, a style swapped) are not reported.
 */
export function headSignature(doc: Document): string {
  const head = doc.head;
  if (!head) return '';
  const parts: string[] = [];
  for (const meta of metaTags(doc)) {
    const key = metaKey(meta);
    if (key) parts.push(`m:${key}=${metaValue(meta)}`);
  }
  const links = head.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Element;
    const rel = link.getAttribute('rel');
    if (rel && /canonical|cite-as|alternate|meta/i.test(rel)) parts.push(`l:${rel}=${link.getAttribute('href') ?? ''}`);
  }
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i] as Element;
    parts.push(`j:${script.textContent?.length ?? 0}:${(script.textContent ?? '').slice(0, 2000)}`);
  }
  parts.push(`t:${doc.title}`);
  return parts.join('\n');
}

/** How much added text one mutation record is searched for DOIs (a whole re-rendered page is fine). */
const MAX_ADDED_TEXT = 200_000;
const MAX_ADDED_LINKS = 2_000;

interface BodyChange {
  /** DOIs the mutation put on the page. */
  dois: string[];
  /** A meta tag or JSON-LD block changed: the head signature decides. */
  metadata: boolean;
}

/** What a body mutation brought: DOIs in added text and links or in a changed text or href, or metadata. */
function bodyChange(record: MutationRecord): BodyChange {
  const change: BodyChange = { dois: [], metadata: false };
  const addText = (text: string | null) => {
    if (text && text.includes('10.')) for (const hit of findDoisInText(text.slice(0, MAX_ADDED_TEXT))) change.dois.push(hit.doi);
  };
  const addHref = (href: string | null) => {
    if (href && href.includes('10.')) change.dois.push(...doisInUrl(href, 'https://example.invalid/'));
  };
  if (record.type === 'characterData') {
    addText(record.target.nodeValue);
    return change;
  }
  if (record.type === 'attributes') {
    const el = record.target as Element;
    if (el.tagName.toUpperCase() === 'META') change.metadata = true;
    else if (record.attributeName === 'href') addHref(el.getAttribute('href'));
    return change;
  }
  const added = record.addedNodes;
  for (let i = 0; i < added.length; i++) {
    const node = added[i] as Node;
    if (node.nodeType === 3) addText(node.nodeValue);
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'META' || (tag === 'SCRIPT' && /ld\+json/i.test(el.getAttribute('type') ?? ''))) {
      change.metadata = true;
      continue;
    }
    if (tag === 'SCRIPT' || tag === 'STYLE') continue;
    if (el.getElementsByTagName('meta').length > 0) change.metadata = true;
    addText(el.textContent);
    if (tag === 'A') addHref(el.getAttribute('href'));
    const links = el.querySelectorAll('a[href*="10."]');
    for (let i = 0; i < links.length && i < MAX_ADDED_LINKS; i++) addHref((links[i] as Element).getAttribute('href'));
  }
  return change;
}

/**
 * A change of address that means another page: anything but a jump to an anchor in the same page
 * (`#references`). Hash routes (`#/article/2`, `#!/…`) are navigations.
 */
export function isNavigation(from: string, to: string): boolean {
  const cut = (u: string) => {
    const i = u.indexOf('#');
    return i < 0 ? { base: u, hash: '' } : { base: u.slice(0, i), hash: u.slice(i + 1) };
  };
  const a = cut(from);
  const b = cut(to);
  if (a.base !== b.base) return true;
  return /^[/!]/.test(a.hash) || /^[/!]/.test(b.hash);
}

function inHead(doc: Document, node: Node): boolean {
  const head = doc.head;
  return head !== null && (node === head || head.contains(node));
}

export function watchPage(win: Window, onChange: (reason: WatchReason) => void, opts: WatchOptions): () => void {
  const doc = win.document;
  const debounceMs = opts.debounceMs ?? 250;
  const maxWaitMs = opts.maxWaitMs ?? debounceMs * 4;
  const timers: WatchTimers = opts.timers ?? {
    setTimeout: (callback, ms) => win.setTimeout(callback, ms),
    clearTimeout: (id) => win.clearTimeout(id as number),
  };

  let lastUrl = win.location.href;
  let lastHead = headSignature(doc);
  let pendingBody = false;
  let timer: unknown;
  let armed = false;
  let firstPendingAt = 0;
  let lastPendingAt = 0;
  let disposed = false;

  const safeCall = (reason: WatchReason) => {
    try {
      onChange(reason);
    } catch {
      // The caller's failure must not stop the watcher.
    }
  };

  const flush = () => {
    firstPendingAt = 0;
    if (disposed) return;
    const url = win.location.href;
    const head = headSignature(doc);
    const headChanged = head !== lastHead;
    const bodyChanged = pendingBody;
    const navigated = url !== lastUrl && isNavigation(lastUrl, url);
    pendingBody = false;
    lastHead = head;
    lastUrl = url;
    if (navigated) safeCall('url');
    else if (headChanged || bodyChanged) safeCall('mutation');
  };

  /** When the pending burst is due: after `debounceMs` of quiet, or `maxWaitMs` after it began. */
  const dueAt = () => Math.min(lastPendingAt + debounceMs, firstPendingAt + maxWaitMs);

  // One timer per burst, re-armed only if the burst went on past it, rather than cleared and set again
  // on every mutation: each context timer also holds an invalidation listener until the context ends.
  const arm = () => {
    armed = true;
    timer = timers.setTimeout(onTimer, Math.max(0, dueAt() - Date.now()));
  };
  function onTimer(): void {
    armed = false;
    timer = undefined;
    if (disposed) return;
    if (Date.now() >= dueAt()) flush();
    else arm();
  }

  const schedule = () => {
    if (disposed) return;
    const now = Date.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    lastPendingAt = now;
    if (!armed) arm();
  };

  const onLocation = () => schedule();

  // DOIs already seen arriving in the body: a re-render that brings the same ones again is no change.
  const knownDois = new Set<string>();
  const MO = (win as unknown as { MutationObserver?: typeof MutationObserver }).MutationObserver;
  const observer = MO
    ? new MO((records) => {
        let relevant = false;
        for (const record of records) {
          if (inHead(doc, record.target)) {
            relevant = true;
            continue;
          }
          const change = bodyChange(record);
          if (change.metadata) relevant = true;
          for (const doi of change.dois) {
            const key = doi.toLowerCase();
            if (knownDois.has(key)) continue;
            knownDois.add(key);
            relevant = true;
            pendingBody = true;
          }
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

  const unsubscribeLocation = opts.onLocationChange(onLocation);
  win.addEventListener('popstate', onLocation);
  win.addEventListener('hashchange', onLocation);

  safeCall('initial');

  return () => {
    if (disposed) return;
    disposed = true;
    observer?.disconnect();
    unsubscribeLocation();
    win.removeEventListener('popstate', onLocation);
    win.removeEventListener('hashchange', onLocation);
    if (armed) timers.clearTimeout(timer);
    armed = false;
  };
}
