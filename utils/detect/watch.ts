/**
 * Single-page-app support: tells the caller when detection should run again — after a URL change
 * (`wxt:locationchange`, history/hash navigation, or a URL seen to differ) or when metadata loads late —
 * debounced, and never for mutations that leave the page's metadata and DOI-bearing content unchanged.
 */
import { doisInUrl, findDoisInText } from '../model/doi';
import { metaKey, metaTags, metaValue } from './meta';

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
    const headChanged = head !== lastHead;
    const bodyChanged = pendingBody;
    const navigated = url !== lastUrl && isNavigation(lastUrl, url);
    pendingBody = false;
    lastHead = head;
    lastUrl = url;
    if (navigated) safeCall('url');
    else if (headChanged || bodyChanged) safeCall('mutation');
  };

  const schedule = () => {
    if (disposed) return;
    const now = Date.now();
    if (firstPendingAt === 0) firstPendingAt = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
    timer = setTimeout(flush, wait);
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
