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
          if (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name) && !/^https?:\/\//i.test(attr.value)) unsafe.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 60)}]`);
        }
        if (el.localName === 'a' && (el as HTMLAnchorElement).target === '_blank' && !/noopener/.test((el as HTMLAnchorElement).rel)) unsafe.push('a without noopener');
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
      if (!/^https?:\/\//.test(a.getAttribute('href')!)) unsafe.push(`href ${a.getAttribute('href')}`);
      if (a.target === '_blank' && !(/noopener/.test(a.rel) && /noreferrer/.test(a.rel))) unsafe.push(`a ${a.href} without noopener noreferrer`);
    }
    return { text: document.body.innerText, unsafe, links, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
}
