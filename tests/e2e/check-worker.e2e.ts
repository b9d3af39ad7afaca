/**
 * The check page's list parser runs as a Web Worker of the built extension in Chromium and in
 * Firefox: importing a BibTeX file starts one worker from the extension's own assets, the worker
 * answers, and nothing falls back to parsing on the page. (Chromium's full check scenario is in
 * check.e2e.ts; this is the part whose browser support differs.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BMC_ARTICLE_URL, startFixtureServer, type FixtureServer } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';

const BIB = ['@article{a, title = {One}, doi = {10.5555/worker.1}}', '@article{b, title = {Two}, doi = {10.5555/worker.2}}', '@book{c, title = {No DOI}}'].join(
  '\n',
);

interface MadeWorker {
  url: string;
  replies: number;
  errors: number;
}

/** In the check page: counts the workers it makes, then imports `bib` through the file input. */
function importWithWorkerWatch(bib: string) {
  const made: MadeWorker[] = [];
  (window as unknown as { __workers: MadeWorker[] }).__workers = made;
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const record = { url: String(url), replies: 0, errors: 0 };
      made.push(record);
      this.addEventListener('message', () => record.replies++);
      this.addEventListener('error', () => record.errors++);
    }
  };
  const transfer = new DataTransfer();
  transfer.items.add(new File([bib], 'refs.bib', { type: 'application/x-bibtex' }));
  const input = document.getElementById('check-file') as HTMLInputElement;
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe.each(BROWSERS)('check page list parser in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchDriven(browserName, { extensionDirs: { chromium: inject('extensionDir'), firefox: inject('firefoxExtensionDir') }, port: server.port });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('reads an imported BibTeX file in a worker from the extension’s own assets', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    const page: DrivenPage = await ext.openPopup(article);
    // The popup's "Check a list…" leads to check.html; go there in the same tab.
    await page.evaluate(() => location.assign('/check.html'), null);
    const ready = () =>
      page
        .evaluate(() => location.pathname === '/check.html' && document.readyState === 'complete' && document.getElementById('check-file') !== null, null)
        .catch(() => false);
    await expect.poll(ready, { timeout: 15_000 }).toBe(true);

    await page.evaluate(importWithWorkerWatch, BIB);
    await expect.poll(() => page.evaluate(() => document.body.innerText, null), { timeout: 15_000 }).toContain('refs.bib: 3 entries read');
    const workers = await page.evaluate(() => (window as unknown as { __workers: MadeWorker[] }).__workers, null);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.url).toMatch(/^(chrome|moz)-extension:\/\/[^/]+\/assets\/parse-worker-[\w-]+\.js$/);
    expect(workers[0]!.replies).toBe(1);
    expect(workers[0]!.errors).toBe(0);
    expect(await ext.errors()).toEqual([]);
    await page.close();
    await article.close();
  });
});
