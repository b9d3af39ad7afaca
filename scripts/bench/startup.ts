/**
 * How soon a page's lookup starts, in a real Chromium (the e2e harness):
 * - cold start: the browser has just started, with a profile that ran Greenway before (so its
 *   remembered policy is there, utils/settings/policy-memory.ts). From the content script's page
 *   report reaching the background to the first request to an API host; median of 5 launches. Also
 *   when `storage.managed` answered, relative to that report: the wait the remembered policy saves.
 * - warm page: the browser running; from an article page's navigation start to its final toolbar
 *   status ("OA" / "✕"); median of 5 pages.
 * Each page is a synthetic article (10.5555) no one asked for before, so every lookup goes to the
 * network. Builds into .output-bench-startup (GREENWAY_SKIP_BUILD=1 reuses it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_HOSTS, apiHost, buildExtension, findChromium, launchExtension, openAlexHandler, startFixtureServer, type FixtureServer } from '../../harness';
import { workTable } from '../../harness/badges-world';
import { median } from '../../harness/stats';
import type { BenchRow, BenchSuite } from './types';

const LAUNCHES = 5;
const WARM_PAGES = 5;
const COLD_TARGET_MS = 300;

const doiOf = (name: string) => `10.5555/greenway.startup.${name}`;
const urlOf = (name: string) => `https://journals.example.org/greenway-startup/${name}`;

function articlePage(name: string): string {
  const doi = doiOf(name);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Startup article ${name}</title>
<meta name="citation_doi" content="${doi}"><meta name="citation_title" content="Startup article ${name}"></head>
<body><h1>Startup article ${name}</h1><p>DOI: ${doi}</p></body></html>`;
}

/** The extension APIs the bench uses in the service worker. */
declare const chrome: {
  runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
  storage: { managed: { get(keys: null): Promise<unknown> }; local: { get(key: string): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

/** The service worker's global, where the bench's own listener leaves its timestamps. */
interface Probe {
  /** When each page report with an article reached the background. */
  __reports?: number[];
  __managedAt?: number;
}

/** Listens in the service worker for page reports with an article, and times storage.managed. */
function installProbe(this: void): void {
  const probe = globalThis as unknown as Probe;
  probe.__reports = [];
  chrome.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; article?: unknown };
    if (m?.type === 'page:detected' && m.article) probe.__reports?.push(Date.now());
    return undefined;
  });
  void chrome.storage.managed.get(null).finally(() => (probe.__managedAt = Date.now()));
}

async function firstApiRequestAfter(server: FixtureServer, since: number, timeoutMs = 20_000): Promise<number> {
  const hosts = API_HOSTS as readonly string[];
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
    const first = server.requests().find((r) => hosts.includes(r.host) && r.at >= since);
    if (first) return first.at;
  }
  throw new Error('no API request within 20 s of opening the article');
}

const suite: BenchSuite = {
  title: 'Time to the first lookup (Chromium)',
  async run(): Promise<BenchRow[]> {
    const browser = findChromium();
    if (!browser.ok) return [{ name: 'startup bench', value: NaN, unit: '', skipped: `no Chromium found (${browser.error})` }];
    const extensionDir = await buildExtension('.output-bench-startup');
    const server = await startFixtureServer();
    const names = ['first-run', ...Array.from({ length: LAUNCHES }, (_, i) => `cold-${i}`), ...Array.from({ length: WARM_PAGES }, (_, i) => `warm-${i}`)];
    for (const name of names) server.page(urlOf(name), articlePage(name));
    server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(names.map(doiOf), () => true)));
    const profile = await mkdtemp(join(tmpdir(), 'greenway-bench-startup-'));
    try {
      // The first run after installing: Greenway reads the policy (none here) and remembers it.
      const first = await launchExtension({ extensionDir, port: server.port, userDataDir: profile });
      await first.openPage(urlOf('first-run'));
      for (let remembered = false; !remembered; await new Promise((r) => setTimeout(r, 100))) {
        remembered = await first.serviceWorker.evaluate(async () => 'greenway:managed-policy' in (await chrome.storage.local.get('greenway:managed-policy')));
      }
      await first.close();

      const cold: number[] = [];
      const managedLate: number[] = [];
      let last: Awaited<ReturnType<typeof launchExtension>> | null = null;
      for (let i = 0; i < LAUNCHES; i++) {
        await last?.close();
        last = await launchExtension({ extensionDir, port: server.port, userDataDir: profile });
        await last.serviceWorker.evaluate(installProbe);
        const since = Date.now();
        const page = await last.context.newPage();
        await page.goto(urlOf(`cold-${i}`));
        const requestAt = await firstApiRequestAfter(server, since);
        const probe = await last.serviceWorker.evaluate(async () => {
          const p = globalThis as unknown as Probe;
          for (let waited = 0; p.__managedAt === undefined && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
          return { reportAt: p.__reports?.[0] ?? null, managedAt: p.__managedAt ?? null };
        });
        if (probe.reportAt === null) throw new Error(`launch ${i + 1}: the page report never reached the background`);
        cold.push(requestAt - probe.reportAt);
        if (probe.managedAt !== null) managedLate.push(probe.managedAt - probe.reportAt);
      }

      // Warm: the same browser, running; each page a new tab.
      const warm: number[] = [];
      const warmReport: number[] = [];
      for (let i = 0; i < WARM_PAGES; i++) {
        const ext = last!;
        const page = await ext.context.newPage();
        const tabId = await ext.tabIdOf(page);
        const settled = ext.serviceWorker.evaluate(async (id) => {
          for (let waited = 0; waited < 20_000; waited += 5) {
            const text = await chrome.action.getBadgeText({ tabId: id });
            if (text !== '' && text !== '…') return Date.now();
            await new Promise((r) => setTimeout(r, 5));
          }
          return null;
        }, tabId);
        await page.goto(urlOf(`warm-${i}`));
        const origin = await page.evaluate(() => performance.timeOrigin);
        const at = await settled;
        if (at === null) throw new Error(`warm page ${i + 1}: no final toolbar status within 20 s`);
        warm.push(at - origin);
        const reportAt = await ext.serviceWorker.evaluate((after) => (globalThis as unknown as Probe).__reports?.find((t) => t >= after) ?? null, origin);
        if (reportAt !== null) warmReport.push(reportAt - origin);
        await page.close();
      }
      await last?.close();

      const c = median(cold);
      return [
        {
          name: `cold start: page report → first API request, median of ${LAUNCHES} launches`,
          value: Math.round(c),
          unit: 'ms',
          target: `≤ ${COLD_TARGET_MS} ms`,
          ok: c <= COLD_TARGET_MS,
        },
        { name: 'cold start: slowest launch', value: Math.round(Math.max(...cold)), unit: 'ms' },
        { name: 'cold start: storage.managed answered after the page report, median', value: Math.round(median(managedLate)), unit: 'ms' },
        { name: `warm page: navigation start → final toolbar status, median of ${WARM_PAGES}`, value: Math.round(median(warm)), unit: 'ms' },
        { name: 'warm page: of which navigation start → page report', value: Math.round(median(warmReport)), unit: 'ms' },
      ];
    } finally {
      await rm(profile, { recursive: true, force: true });
      await server.close();
    }
  },
};

export default suite;
