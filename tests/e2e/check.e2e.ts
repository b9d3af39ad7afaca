/**
 * The check page (check.html) in a real Chromium, as issue 16's "Done when" says: 300 pasted DOIs
 * checked and exported as CSV, a BibTeX import with entries lacking a DOI, a malformed RIS file,
 * Cancel mid-way, the last list shown again and re-checked without a request, and the popup's
 * "Check all N references on this page". Synthetic 10.5555 works; OpenAlex answers from a work table.
 * Saves docs/screenshots/check-list.png for the README.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { REPO_ROOT, launchExtension, openAlexHandler, startFixtureServer, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';
import { syntheticDoi, syntheticIsOpen, syntheticListPage, workTable } from '../../harness/badges-world';
import { axeViolations } from './popup-world';

const COUNT = 2000;
const LIST_URL = 'https://journals.example.org/check-references';
let server: FixtureServer;
let ext: LaunchedExtension;

const index = new Map(Array.from({ length: COUNT }, (_, i) => [syntheticDoi(i), i] as const));
const isOpen = (doi: string) => syntheticIsOpen(index.get(doi) ?? 1);
const expectedStatus = (doi: string) => (isOpen(doi) ? 'green' : 'closed');

beforeAll(async () => {
  server = await startFixtureServer();
  server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(index.keys(), isOpen)));
  server.page(LIST_URL, syntheticListPage(20));
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openCheck(query = ''): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/check.html${query}`);
  await page.getByLabel('DOIs or references').waitFor();
  return page;
}

const progress = (page: Page) => page.getByRole('progressbar').getAttribute('aria-valuetext');

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

describe('check page in Chromium', () => {
  it('300 pasted DOIs: checked, progress 300/300, CSV with a header and 300 rows matching the fixtures', async () => {
    const dois = Array.from({ length: 300 }, (_, i) => syntheticDoi(i));
    const page = await openCheck();
    // Mixed forms: bare, doi.org links, prose.
    await page
      .getByLabel('DOIs or references')
      .fill(dois.map((d, i) => (i % 3 === 0 ? `https://doi.org/${d}` : i % 3 === 1 ? d : `see doi:${d} (2020)`)).join('\n'));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => progress(page), { timeout: 60_000 }).toBe('300 of 300 checked');
    await expect.poll(() => page.locator('body').innerText()).toContain('Showing 300 of 300 rows');
    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/^greenway-check-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(300);
    expect(rows.map((r) => [r.doi, r.status])).toEqual(dois.map((d) => [d, expectedStatus(d)]));
    expect(rows[0]!.best_host).toBe('Example University Repository');
    // Batched: 300 DOIs in 3 OpenAlex requests, none to the per-DOI sources.
    expect(server.count(apiHost('openalex'))).toBeLessThanOrEqual(3);
    expect(server.count(apiHost('unpaywall')) + server.count(apiHost('core'))).toBe(0);
    await page.locator('main').screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', 'check-list.png'), animations: 'disabled' });
    expect(await axeViolations(page)).toEqual([]);
    // Only the visible rows are in the DOM.
    expect(await page.locator('tbody tr:not(.spacer)').count()).toBeLessThan(60);

    // Reopened: the last list is shown; checking it again costs no request (cached).
    const again = await openCheck();
    await expect.poll(() => again.locator('body').innerText()).toContain('Last list, checked');
    await expect.poll(() => again.locator('body').innerText()).toContain('Showing 300 of 300 rows');
    server.resetCounts();
    await again.getByLabel('DOIs or references').fill(dois.join('\n'));
    await again.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => progress(again), { timeout: 30_000 }).toBe('300 of 300 checked');
    expect(server.count(apiHost('openalex'))).toBe(0);
    expect(ext.errors).toEqual([]);
  });

  it('BibTeX with 50 entries, 5 without a DOI: 45 checked, 5 "No DOI"; BibTeX export adds the free link', async () => {
    const entries = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 9
        ? `@book{nodoi${i},\n  title = {Book ${i}},\n  year = 1999\n}`
        : `@article{ref${i},\n  title = {A study of item ${500 + i}},\n  doi = {${syntheticDoi(500 + i)}}\n}`,
    );
    const page = await openCheck();
    await page.getByLabel('Import file').setInputFiles({ name: 'refs.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(entries.join('\n\n')) });
    await expect.poll(() => page.locator('body').innerText()).toContain('refs.bib: 50 entries read');
    // Read by the parser's worker in the built extension, not on the page.
    expect(page.workers().map((w) => w.url())).toEqual([expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/assets\/parse-worker-[\w-]+\.js$/)]);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => progress(page), { timeout: 60_000 }).toBe('45 of 45 checked');
    await page.getByLabel('Status').selectOption({ label: 'No DOI' });
    await expect.poll(() => page.locator('body').innerText()).toContain('Showing 5 of 50 rows');
    const bib = await download(page, 'Export BibTeX');
    expect(bib.name).toMatch(/^greenway-check-.*\.bib$/);
    expect(bib.text).toContain(`url = {https://repository.example.ac.uk/files/${encodeURIComponent(syntheticDoi(501))}.pdf}`);
  });

  it('a malformed RIS file: the message names the line, the readable records are checked', async () => {
    const ris = [
      `TY  - JOUR\nTI  - One\nDO  - ${syntheticDoi(600)}\nER  - `,
      'this is not RIS at all',
      `TY  - JOUR\nTI  - Two\nDO  - ${syntheticDoi(601)}\nER  - `,
    ].join('\n');
    const page = await openCheck();
    await page.getByLabel('Import file').setInputFiles({ name: 'broken.ris', mimeType: 'application/x-research-info-systems', buffer: Buffer.from(ris) });
    // Clicked at once, while the parser's worker may still be reading: Check waits for the file.
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => progress(page), { timeout: 60_000 }).toBe('2 of 2 checked');
    expect(await page.getByRole('alert').innerText()).toContain('line 5: not a RIS tag line');
  });

  it('Cancel mid-way keeps what was done', async () => {
    // Eight chunks of 100, two in flight: Cancel after the first leaves most of them unsent.
    const dois = Array.from({ length: 800 }, (_, i) => syntheticDoi(1000 + i));
    server.fault(apiHost('openalex'), undefined, { kind: 'delay', ms: 1500 });
    try {
      const page = await openCheck();
      await page.getByLabel('DOIs or references').fill(dois.join('\n'));
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      // Two chunks are in flight, so progress may step by 200: wait for the first answers, whatever the step.
      const done = async () => Number(/^(\d+) of 800/.exec((await progress(page)) ?? '')?.[1] ?? 0);
      await expect.poll(done, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toMatch(/Cancelled: [1-4]00 of 800 checked/);
      const csv = Papa.parse<Record<string, string>>((await download(page, 'Export CSV')).text, { header: true, skipEmptyLines: true }).data;
      const checked = csv.filter((r) => r.status !== 'pending');
      expect(checked.length).toBeGreaterThanOrEqual(100);
      expect(checked.length).toBeLessThanOrEqual(400);
      expect(checked.map((r) => r.status)).toEqual(checked.map((r) => expectedStatus(r.doi!)));
    } finally {
      server.clearFaults();
    }
  });

  it('the popup offers "Check all N references on this page", which fills the list with them', async () => {
    const article = await ext.openPage(LIST_URL);
    // Once the prose's badge is in place (greenway.21 is free; closed works get none): it splits the
    // text right after its DOI, and the page must still read the same. A split once made "…and
    // doi:10.5555/greenway.21<badge> in earlier work" look like the page's own DOI line: the list lost it.
    await expect.poll(() => article.locator('#prose greenway-badge').count(), { timeout: 20_000 }).toBe(1);
    expect(await article.locator('#prose').evaluate((p) => p.childNodes.length)).toBe(3);
    const popup = await ext.openPopup(article);
    const link = popup.getByRole('link', { name: 'Check all 22 references on this page' });
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/check\.html\?tabId=\d+$/);
    const page = await openCheck(href!.replace('/check.html', ''));
    const field = page.getByLabel('DOIs or references');
    await expect.poll(() => field.inputValue(), { timeout: 20_000 }).toContain(syntheticDoi(19));
    // Page order: the prose's two DOIs, then the reference list.
    const expected = [20, 21, ...Array.from({ length: 20 }, (_, i) => i)].map(syntheticDoi);
    expect((await field.inputValue()).split('\n')).toEqual(expected);
    expect(await popup.getByRole('link', { name: 'Check a list…' }).getAttribute('href')).toBe('/check.html');
  });
});
