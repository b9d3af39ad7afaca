/**
 * Checks shared by the hostile-page e2e files: what the extension added to a page (only its badge
 * hosts, nothing executable inside them), what the popup rendered (text, and http(s) links that drop
 * the opener), and the tab state the background keeps.
 */
import type { Page, Worker } from 'playwright-core';

/** The `chrome` global inside serviceWorker.evaluate callbacks (they run in the browser). */
declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };

export async function tabArticleDoi(worker: Worker, tabId: number): Promise<string | null> {
  return worker.evaluate(async (id) => {
    const all = await chrome.storage.session.get(`tab:${id}`);
    return (all[`tab:${id}`] as { article?: { doi: string } | null } | undefined)?.article?.doi ?? null;
  }, tabId);
}

/** When the background last recorded anything for the tab (each page report updates it). */
export async function tabUpdatedAt(worker: Worker, tabId: number): Promise<number | null> {
  return worker.evaluate(async (id) => {
    const all = await chrome.storage.session.get(`tab:${id}`);
    return (all[`tab:${id}`] as { updatedAt?: number } | undefined)?.updatedAt ?? null;
  }, tabId);
}

/**
 * In the page's own world, from before its first byte: a 10 ms timer chain recording when each tick
 * ran and how long after the previous one. A tick that comes late means the main thread was busy.
 */
export function installStallProbe(): void {
  const w = window as unknown as { __ticks: number[] };
  w.__ticks = [];
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    w.__ticks.push(now, now - last);
    last = now;
    setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}

/** The longest delay (beyond the 10 ms period) of a probe tick overlapping [from, to] (page clock). */
export async function longestStall(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const ticks = (window as unknown as { __ticks: number[] }).__ticks;
      let worst = 0;
      for (let i = 0; i < ticks.length; i += 2) {
        const at = ticks[i]!;
        const gap = ticks[i + 1]!;
        if (at > a && at - gap < b) worst = Math.max(worst, gap - 10);
      }
      return worst;
    },
    [from, to] as const,
  );
}

/**
 * How long one synchronous pass over the page's DOM takes the page itself — the walk the content
 * script's DOI scan makes (every node, DOI-shaped text tested) — in milliseconds. It is the stall a
 * scan done in one go would cause, measured on this machine, now.
 */
export async function oneDomPassMs(page: Page): Promise<number> {
  const { ms, found } = await page.evaluate(() => {
    const started = performance.now();
    const root = document.body;
    let found = 0;
    let node: Node | null = root.firstChild;
    while (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (data.includes('10.') && /10\.\d{4,9}\/\S+/.test(data)) found++;
      }
      let next: Node | null = node.firstChild;
      for (let up: Node | null = node; !next && up && up !== root; up = up.parentNode) next = up.nextSibling;
      node = next;
    }
    return { ms: performance.now() - started, found };
  });
  if (found === 0) throw new Error('the DOM pass found no DOI: it did not walk the page');
  return ms;
}

/**
 * Compares the live page with a fresh parse of the same HTML: apart from greenway-* hosts the
 * element census must be equal (we add nothing else), and inside our shadow roots there is no
 * script, frame, image or handler attribute, and every link is http(s). Runs in the page (pages
 * without scripts of their own, so the fresh parse is what the page would be without us).
 */
export async function inspectInjected(page: Page): Promise<{ added: Record<string, number>; unsafe: string[]; badges: number; pwned: unknown }> {
  return page.evaluate(async () => {
    const census = (root: Document) => {
      const counts: Record<string, number> = {};
      for (const el of Array.from(root.getElementsByTagName('*'))) counts[el.localName] = (counts[el.localName] ?? 0) + 1;
      return counts;
    };
    const fresh = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    const live = census(document);
    const before = census(fresh);
    const added: Record<string, number> = {};
    for (const tag of new Set([...Object.keys(live), ...Object.keys(before)])) {
      const diff = (live[tag] ?? 0) - (before[tag] ?? 0);
      if (diff !== 0) added[tag] = diff;
    }
    const unsafe: string[] = [];
    const hosts = Array.from(document.querySelectorAll('greenway-badge, greenway-indicator'));
    for (const host of hosts) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (/^(script|iframe|frame|object|embed|img|image|foreignobject|link|meta|base|form)$/i.test(el.localName)) unsafe.push(`<${el.localName}>`);
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) unsafe.push(`${el.localName}[${attr.name}]`);
          if (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name) && !/^https?:\/\//i.test(attr.value))
            unsafe.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 60)}]`);
        }
        if (el.localName === 'a' && (el as HTMLAnchorElement).target === '_blank' && !/noopener/.test((el as HTMLAnchorElement).rel))
          unsafe.push('a without noopener');
      }
    }
    return { added, unsafe, badges: document.querySelectorAll('greenway-badge').length, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
}

/** What the popup shows and whether anything in it is unsafe. */
export async function inspectPopup(popup: Page): Promise<{ text: string; unsafe: string[]; links: string[]; pwned: unknown }> {
  return popup.evaluate(() => {
    const unsafe: string[] = [];
    const origin = location.origin;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.localName === 'script') {
        const src = el.getAttribute('src');
        if (!src || !new URL(src, location.href).href.startsWith(origin)) unsafe.push(`script ${src ?? '(inline)'}`);
      }
      if (/^(iframe|frame|object|embed|img)$/.test(el.localName)) unsafe.push(`<${el.localName}>`);
      for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) unsafe.push(`${el.localName}[${attr.name}]`);
    }
    const links = Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
    for (const a of Array.from(document.querySelectorAll('a[href]')) as HTMLAnchorElement[]) {
      // Outside links are http(s) only; our own pages ("Check a list…") are fixed paths with at most a tab id.
      const href = a.getAttribute('href')!;
      if (!/^https?:\/\//.test(href) && !/^\/(?:check|options)\.html(?:\?tabId=\d+)?$/.test(href)) unsafe.push(`href ${href}`);
      if (a.target === '_blank' && !(/noopener/.test(a.rel) && /noreferrer/.test(a.rel))) unsafe.push(`a ${a.href} without noopener noreferrer`);
    }
    return { text: document.body.innerText, unsafe, links, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
}
