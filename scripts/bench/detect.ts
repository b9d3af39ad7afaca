/**
 * Detection timing: article-DOI detection and the page-DOI scan on every corpus page (parsed once
 * with happy-dom, only detection timed), and a generated article page with 5,000 references.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectArticleDoi } from '../../utils/detect/article';
import { createScanner, findPageDois } from '../../utils/detect/page-dois';
import { readManifest } from '../corpus/pages';
import { detectionBundle } from '../../harness/browser-bundle';
import { parseHtml, type ParsedPage } from '../../harness/dom';
import type { BenchRow, BenchSuite } from './types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = resolve(process.env.GREENWAY_SHARED ?? join(root, '..', 'shared'));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** Median of `runs` timings of `fn` (after one warm-up call). */
function timeIt(fn: () => unknown, runs = 7): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

/** An article page whose reference list cites 5,000 works, each as a doi.org link and as text. */
export function referencesPage(n: number): string {
  const refs: string[] = [];
  for (let i = 0; i < n; i++) {
    const doi = `10.${1000 + (i % 8000)}/ref.${i}.x${(i * 7919) % 100000}`;
    refs.push(
      `<li id="ref-${i}"><span class="authors">Author ${i}, B. Other</span> (${1950 + (i % 70)}). A cited work number ${i}. <i>Journal ${i % 50}</i> ${i % 90}:${i}–${i + 9}. doi:${doi} <a href="https://doi.org/${doi}">Crossref</a></li>`,
    );
  }
  return `<!doctype html><html><head><title>Big review</title><meta name="citation_doi" content="10.5555/big.review"></head>
<body><article><h1>Big review</h1><p>DOI: 10.5555/big.review</p><section class="references"><ol>${refs.join('\n')}</ol></section></article></body></html>`;
}

/** Runs in the page: median of 9 timings of the full scan and of the sliced scan (sum of slices). */
const IN_PAGE_TIMING = `(() => {
  const api = globalThis.greenwayDetect;
  const median = (fn) => {
    fn();
    const t = [];
    for (let i = 0; i < 9; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
    return t.sort((a, b) => a - b)[4];
  };
  let found = 0;
  const full = median(() => { found = api.findPageDois(document).length; });
  const chunked = median(() => { const s = api.createScanner(document); while (!s.step(performance.now() + 8)); });
  return { full, chunked, found };
})()`;

/**
 * The same scan in headless Chromium: the figure the "main-thread time" means. Returns null
 * when no Chromium is installed (the happy-dom rows still stand).
 */
async function chromiumScan(html: string): Promise<{ full: number; chunked: number; found: number } | null> {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    // Block every request: the generated page links to doi.org, and nothing may leave the machine.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    await page.addScriptTag({ content: await detectionBundle() });
    // Passed as source text: tsx would otherwise wrap the function in helpers the page lacks.
    return (await page.evaluate(IN_PAGE_TIMING)) as { full: number; chunked: number; found: number };
  } finally {
    await browser.close();
  }
}

const suite: BenchSuite = {
  title: 'DOI detection (happy-dom in Node; browsers are faster)',
  async run() {
    const rows: BenchRow[] = [];
    const dir = join(shared, 'corpus', 'pages');
    const pages: Array<{ page: ParsedPage; url: string }> = [];
    for (const row of readManifest(dir)) {
      pages.push({ page: parseHtml(readFileSync(join(dir, row.file), 'utf8'), row.url), url: row.url ?? 'about:blank' });
    }
    const article = pages.map(({ page, url }) => timeIt(() => detectArticleDoi(page.document, url))).sort((a, b) => a - b);
    const scan = pages.map(({ page }) => timeIt(() => findPageDois(page.document), 3)).sort((a, b) => a - b);
    rows.push(
      {
        name: `article detection, ${pages.length} corpus pages, median`,
        value: percentile(article, 50),
        unit: 'ms',
        target: '≤ 2 ms',
        ok: percentile(article, 50) <= 2,
      },
      { name: 'article detection, corpus pages, p95', value: percentile(article, 95), unit: 'ms' },
      { name: 'page-DOI scan, corpus pages, median', value: percentile(scan, 50), unit: 'ms' },
      { name: 'page-DOI scan, corpus pages, p95', value: percentile(scan, 95), unit: 'ms' },
    );
    for (const { page } of pages) await page.close();

    const big = parseHtml(referencesPage(5000), 'https://example.org/article/big');
    let found = 0;
    const full = timeIt(() => {
      found = findPageDois(big.document).length;
    }, 5);
    // Main-thread time of the chunked scan: the sum of its slices, without the idle gaps between them.
    const chunked = timeIt(() => {
      const scanner = createScanner(big.document);
      while (!scanner.step(performance.now() + 8));
    }, 5);
    const articleBig = timeIt(() => detectArticleDoi(big.document, 'https://example.org/article/big'), 5);
    // Worst case for article detection: no metadata, so every signal runs down to the page text.
    const bare = parseHtml(referencesPage(5000).replace(/<meta name="citation_doi"[^>]*>/, ''), 'https://example.org/article/big');
    let bareDoi: string | null = null;
    const articleBare = timeIt(() => {
      bareDoi = detectArticleDoi(bare.document, 'https://example.org/article/big')?.doi ?? null;
    }, 5);
    await bare.close();
    await big.close();
    const browser = await chromiumScan(referencesPage(5000)).catch((error: unknown) => {
      console.log(`  (no Chromium figure: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      return null;
    });
    if (browser) {
      rows.push(
        {
          name: `5,000-reference page, Chromium, full page-DOI scan (${browser.found} DOIs)`,
          value: browser.full,
          unit: 'ms',
          target: '≤ 50 ms',
          ok: browser.full <= 50 && browser.found === 5001,
        },
        { name: '5,000-reference page, Chromium, chunked scan, main-thread total', value: browser.chunked, unit: 'ms' },
      );
    }
    // Without a browser the happy-dom figure carries the target (it is the slower of the two).
    rows.push(
      {
        name: `5,000-reference page, happy-dom, full page-DOI scan (${found} DOIs)`,
        value: full,
        unit: 'ms',
        ...(browser ? {} : { target: '≤ 50 ms', ok: full <= 50 && found === 5001 }),
      },
      { name: '5,000-reference page, happy-dom, chunked scan, main-thread total', value: chunked, unit: 'ms' },
      { name: '5,000-reference page, article detection', value: articleBig, unit: 'ms' },
      { name: `5,000-reference page without metadata, article detection (${bareDoi ?? 'none'})`, value: articleBare, unit: 'ms' },
    );
    return rows;
  },
};
export default suite;
