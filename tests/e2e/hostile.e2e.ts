/**
 * Hostile pages in a real Chromium (issue 8): script payloads in meta tags and JSON-LD, DOIs with
 * quotes and angle brackets, an API answer whose every string is an attack, pages that break the
 * JavaScript built-ins, a strict-CSP page, frames claiming other DOIs, and a 20 MB page of 100k
 * nodes. The extension must inject nothing executable, keep each page working, still answer, and
 * log no error. Plus the built bundle itself: no eval, no remote code, no way in for web pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openAlexHandler, startFixtureServer, type FixtureServer, type LaunchedExtension, type WorkTable, apiHost } from '../../harness';
import { openAlexWork } from '../../harness/badges-world';
import { inspectInjected, inspectPopup, installStallProbe, longestStall, oneDomPassMs, tabArticleDoi, tabUpdatedAt } from './hostile-checks';
import {
  MARKUP_DOIS,
  STRICT_CSP,
  XSS_ARTICLE_DOI,
  XSS_META_DOI,
  brokenGlobalsPage,
  frameDocument,
  framesPage,
  hostileWork,
  hugePage,
  strictCspPage,
  xssPage,
} from '../fixtures/hostile/pages';
import { doiKey } from '../../utils/model/doi';

const doi = (n: number | string) => `10.5555/hostile.${n}`;
const REF_DOIS = Array.from({ length: 12 }, (_, i) => doi(`ref${i}`));
const HUGE_DOIS = Array.from({ length: 200 }, (_, i) => doi(`huge${i}`));

let server: FixtureServer;
let ext: LaunchedExtension;
const dialogs: string[] = [];
let pagesTried = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  const table: WorkTable = new Map();
  table.set(doiKey(XSS_ARTICLE_DOI)!, hostileWork(XSS_ARTICLE_DOI));
  table.set(doiKey(XSS_META_DOI)!, hostileWork(XSS_META_DOI));
  for (const d of [...MARKUP_DOIS, ...REF_DOIS, ...HUGE_DOIS, doi('globals'), doi('csp'), doi('top'), doi('huge')])
    table.set(doiKey(d)!, openAlexWork(d, true));
  server.api(apiHost('openalex'), '/works', openAlexHandler(table));
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
  ext.context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(`${p.url()}: ${d.message()}`), void d.dismiss())));
});

afterAll(async () => {
  console.info(`[hostile] ${pagesTried} hostile pages tried`);
  await ext?.close();
  await server?.close();
});

async function open(url: string): Promise<Page> {
  pagesTried++;
  const page = await ext.openPage(url);
  page.on('dialog', (d) => (dialogs.push(`${url}: ${d.message()}`), void d.dismiss()));
  return page;
}

describe('hostile pages', () => {
  it('script payloads in meta tags, JSON-LD, DOIs and the API answer never run, in the page or the popup', async () => {
    const url = 'https://xss-journal.example/article/1';
    server.page(url, xssPage());
    const page = await open(url);
    const tabId = await ext.tabIdOf(page);
    await expect.poll(() => tabArticleDoi(ext.serviceWorker, tabId), { timeout: 15_000 }).toMatch(/^10\.1234\/xss/);
    await expect.poll(async () => (await inspectInjected(page)).badges, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const injected = await inspectInjected(page);
    expect(injected.pwned).toBeUndefined();
    expect(injected.unsafe).toEqual([]);
    // Nothing but our own hosts was added to the page.
    expect(Object.keys(injected.added).filter((tag) => !tag.startsWith('greenway-'))).toEqual([]);

    const popup = await ext.openPopup(tabId);
    await expect.poll(async () => (await inspectPopup(popup)).text, { timeout: 15_000 }).toContain('Repo');
    const shown = await inspectPopup(popup);
    expect(shown.pwned).toBeUndefined();
    expect(shown.unsafe).toEqual([]);
    // The hostile title is shown as text, literally, and the good copy is still offered.
    expect(shown.text).toContain('<img src=x onerror=');
    expect(shown.links).toContain('https://repository.example.ac.uk/files/xss.pdf');
    expect(shown.links.some((l) => /javascript|data:/i.test(l))).toBe(false);
    await popup.close();
    await page.close();
    expect(dialogs).toEqual([]);
    expect(ext.errors).toEqual([]);
  });

  it('a page that breaks Array, JSON, fetch, MutationObserver, Promise and the DOM prototypes keeps working, and still gets its badges', async () => {
    const url = 'https://broken-globals.example/article';
    server.page(url, brokenGlobalsPage(doi('globals'), REF_DOIS));
    const page = await open(url);
    const tabId = await ext.tabIdOf(page);
    // The content script runs in its own world: the page's damage does not reach it.
    await expect.poll(() => tabArticleDoi(ext.serviceWorker, tabId), { timeout: 15_000 }).toBe(doi('globals'));
    await expect.poll(() => page.locator('greenway-badge').count(), { timeout: 15_000 }).toBe(REF_DOIS.length);
    expect(await page.locator('#status').textContent()).toBe('page ok');
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  it('a strict-CSP page gets its badges without a single CSP violation report', async () => {
    const url = 'https://strict-csp.example/article';
    server.api('strict-csp.example', '/article', {
      body: strictCspPage(doi('csp'), REF_DOIS.slice(0, 5)),
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
    });
    const page = await open(url);
    const tabId = await ext.tabIdOf(page);
    await expect.poll(() => tabArticleDoi(ext.serviceWorker, tabId), { timeout: 15_000 }).toBe(doi('csp'));
    await expect.poll(() => page.locator('greenway-badge').count(), { timeout: 15_000 }).toBe(5);
    // Hover a badge: its tooltip and styles must work under the page's CSP too.
    await page.locator('greenway-badge').first().hover();
    await page.waitForTimeout(300);
    expect(server.count('csp-report.example')).toBe(0);
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  it('frames (same-site, cross-site, sandboxed) claiming other DOIs never replace the top page’s article', async () => {
    const url = 'https://frames-top.example/article';
    const frameUrls = ['https://frames-top.example/ad', 'https://ads.example/frame', 'https://widgets.example/sandboxed'];
    frameUrls.forEach((u, i) => server.page(u, frameDocument(doi(`frame${i}`))));
    server.page(url, framesPage(doi('top'), frameUrls));
    const page = await open(url);
    const tabId = await ext.tabIdOf(page);
    await expect.poll(() => tabArticleDoi(ext.serviceWorker, tabId), { timeout: 15_000 }).toBe(doi('top'));
    await expect.poll(() => page.frames().length).toBe(4);
    await page.waitForTimeout(500);
    expect(await tabArticleDoi(ext.serviceWorker, tabId)).toBe(doi('top'));
    await page.close();
    expect(ext.errors).toEqual([]);
  });

  it('a 20 MB page of 100k nodes: detected, badged, and the page stays responsive while the content script scans it', async () => {
    const url = 'https://huge.example/article';
    const html = hugePage(doi('huge'), HUGE_DOIS);
    expect(html.length).toBeGreaterThan(20_000_000);
    server.page(url, html);
    pagesTried++;
    const page = await ext.context.newPage();
    // Record the page's long tasks (for the report; time budgets are asserted in `npm run bench`).
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.addInitScript(installStallProbe);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loaded = Date.now();
    const tabId = await ext.tabIdOf(page);
    await expect.poll(() => tabArticleDoi(ext.serviceWorker, tabId), { timeout: 30_000 }).toBe(doi('huge'));
    const detected = Date.now();
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(100_000);
    await page.locator('#p25000').scrollIntoViewIfNeeded();
    // Not locator.count(): on 100k nodes each call holds the page's main thread for 150-400 ms, and
    // polled back to back it starved the content script's time-sliced scan (no badge in 30 s).
    const badgeCount = () => page.evaluate(() => document.getElementsByTagName('greenway-badge').length);
    await expect.poll(badgeCount, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);

    // Responsive, measured. The first scan overlaps the browser's own layout of 20 MB after load (a
    // stall of seconds with or without the extension), so the measured scan is a rescan: an SPA
    // navigation (pushState) makes the content script walk the whole page again (the page report
    // and the badge scan) with nothing new for the page to lay out. Two baselines from this run:
    // the page's longest stall while idle just before each rescan (what the machine and the page do
    // without us: GC, other processes on a shared machine), and one synchronous pass over the same
    // DOM by the page (what a scan done in one go costs here, now). A time-sliced scan adds little
    // to the idle stall; an unsliced one adds at least a pass. Median of three rounds.
    const passes = [await oneDomPassMs(page), await oneDomPassMs(page), await oneDomPassMs(page)];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const pass = median(passes);
    // Start from a settled page (the badges placed after the scroll make the page lay itself out
    // again, for about a second): a whole second without a stall as long as a pass.
    await expect
      .poll(
        async () => {
          const now = await page.evaluate(() => performance.now());
          return longestStall(page, now - 1_000, now);
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBeLessThan(pass);
    const rounds: Array<{ idle: number; rescan: number }> = [];
    for (let round = 1; round <= 3; round++) {
      const idleFrom = await page.evaluate(() => performance.now());
      await page.waitForTimeout(2_000);
      const before = await tabUpdatedAt(ext.serviceWorker, tabId);
      const from = await page.evaluate((r) => {
        history.pushState(null, '', `/article?view=${r}`);
        return performance.now();
      }, round);
      // The report goes out once the page scan is done; the badge scan runs alongside it.
      await expect.poll(() => tabUpdatedAt(ext.serviceWorker, tabId), { timeout: 30_000 }).not.toBe(before);
      await page.waitForTimeout(1_000);
      const to = await page.evaluate(() => performance.now());
      rounds.push({ idle: await longestStall(page, idleFrom, from), rescan: await longestStall(page, from, to) });
    }
    const added = median(rounds.map((r) => r.rescan - r.idle));
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
    console.info(
      `[hostile] 20 MB page: load ${loaded - started} ms, article reported ${detected - loaded} ms after load, longest main-thread task ${Math.round(longest)} ms; ` +
        `longest stall idle/rescan ${rounds.map((r) => `${Math.round(r.idle)}/${Math.round(r.rescan)}`).join(', ')} ms; one DOM pass ${passes.map(Math.round).join('/')} ms`,
    );
    expect(added, 'stall added by the content script rescanning the page, vs one DOM pass').toBeLessThan(pass);
    // And the page still answers and scrolls.
    await page.locator('#p40000').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.getElementById('p40000')!.getBoundingClientRect().top < innerHeight)).toBe(true);
    await page.close();
    expect(ext.errors).toEqual([]);
  }, 150_000);
});

describe('the built extension', () => {
  const dir = () => inject('extensionDir');
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));

  it('manifest: no externally_connectable, only the badge script web-accessible (dynamic URL), no loosened CSP, content scripts only on http(s)', () => {
    const manifest = JSON.parse(readFileSync(join(dir(), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.externally_connectable).toBeUndefined();
    // The content script imports the badge script; nothing else (no page, no data) is reachable from pages.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['content-badges.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|wasm-unsafe-eval/);
    for (const script of manifest.content_scripts as Array<{ matches: string[] }>) {
      for (const match of script.matches) expect(match).toMatch(/^https?:\/\//);
    }
  });

  it('bundles: no eval or Function constructor, no remote script, and no HTML sink in the content scripts', () => {
    const js = files(dir()).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(2);
    for (const file of js) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(|new Function\s*\(|\bimportScripts\s*\(|document\.write/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']?https?:/i);
    }
    for (const script of [join(dir(), 'content-scripts', 'content.js'), join(dir(), 'content-badges.js')]) {
      expect(readFileSync(script, 'utf8'), script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
    }
    for (const html of files(dir()).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(html, 'utf8');
      expect(text, html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>[^<]+<\/script>/i);
      expect(text, html).not.toMatch(/src=["']?(https?:)?\/\//i);
    }
  });
});
