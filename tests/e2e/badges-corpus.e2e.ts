/**
 * Inline badges on real saved list and reference pages from ../shared/corpus/pages, served at their
 * original URLs (read at run time, never copied). Each DOI the detector finds gets an OpenAlex work
 * that says "open" or "closed" (a fixed hash of the DOI); every "open" DOI must get an open badge,
 * every other DOI a closed mark or nothing. A screenshot goes to docs/screenshots/.
 *
 * Without ../shared the file is reported as skipped ("corpus not present"), never as a pass. With
 * GREENWAY_REQUIRE_CORPUS=1 (which .ci/run exports whenever ../shared/corpus exists) a missing or
 * incomplete corpus fails instead, so CI cannot silently lose these checks.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { detectArticleDoi } from '../../utils/detect/article';
import { findPageDois } from '../../utils/detect/page-dois';
import { doiKey } from '../../utils/model/doi';
import { parseHtml } from '../../harness/dom';
import { openAlexHandler, REPO_ROOT, startFixtureServer, type FixtureServer, apiHost } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension } from '../../harness/driven';
import { hashIsOpen, readBadges, scrollThrough, workTable } from '../../harness/badges-world';

const PAGES = join(REPO_ROOT, '..', 'shared', 'corpus', 'pages');
const present = existsSync(join(PAGES, 'MANIFEST.tsv'));
const required = /^(1|true|yes)$/i.test(process.env.GREENWAY_REQUIRE_CORPUS ?? '');

/**
 * List and reference pages; pages saved without an original URL get one on their real site.
 * Kinds from the issue: bioRxiv search results, publisher search results and tables of contents,
 * PMC, a rendered bibliography, a journal article's reference list, an OJS article.
 */
const CASES: Array<{ file: string; url?: string; screenshot?: string }> = [
  { file: 'biorxiv/list_search_owls_numresults30.html', screenshot: 'badges-biorxiv-search.png' },
  { file: 'pmc/list_search_results_2009.html', url: 'https://www.ncbi.nlm.nih.gov/pmc/?term=cryopreservation' },
  { file: 'nature/list_search_results_2009.html', url: 'https://www.nature.com/search?q=2009' },
  { file: 'plos/list_search_results_2009.html', url: 'https://journals.plos.org/plosone/search?q=2009' },
  { file: 'asce/list_toc_fragment_jaeied_15_1.html' },
  { file: 'manubot/list_rendered-references_fragment.html', url: 'https://manubot.github.io/rootstock/' },
  { file: 'frontiers/fpsyg.2014.00781.html', screenshot: 'badges-frontiers-references.png' },
  { file: 'ojs/firstmonday_10274_landing.html' },
];

function manifestUrls(): Map<string, string> {
  const urls = new Map<string, string>();
  for (const line of readFileSync(join(PAGES, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1)) {
    const cols = line.split('\t');
    if (cols[0] && cols[6] && /^https?:\/\//.test(cols[6])) urls.set(cols[0], cols[6].split(' ')[0]!);
  }
  return urls;
}

/**
 * The DOIs the detector finds in the saved page (the same code the content script runs); the page's
 * own article DOI is the page, not a reference, and gets no badge.
 */
async function pageDois(html: string, url: string): Promise<string[]> {
  const page = parseHtml(html, url);
  try {
    const own = detectArticleDoi(page.document, url)?.doi ?? null;
    return findPageDois(page.document, { exclude: own }).map((hit) => hit.doi);
  } finally {
    await page.close();
  }
}

if (!present && required) {
  it('corpus required by GREENWAY_REQUIRE_CORPUS', () => {
    throw new Error(`GREENWAY_REQUIRE_CORPUS is set but ${join(PAGES, 'MANIFEST.tsv')} does not exist`);
  });
} else if (!present) {
  it.skip(`corpus not present (${PAGES})`, () => undefined);
} else {
  const urls = manifestUrls();
  const pages = CASES.map((c) => {
    const html = readFileSync(join(PAGES, c.file), 'utf8');
    const url = c.url ?? urls.get(c.file);
    if (!url) throw new Error(`${c.file}: no URL in MANIFEST.tsv and none given here`);
    return { ...c, html, url };
  });

  // Firefox runs the content script behind Xray wrappers: iterating DOM and URL objects there has
  // thrown where Chromium never does (issue 15), so every page runs in both browsers.
  describe.each(BROWSERS)('inline badges on corpus pages in %s', (browserName) => {
    let server: FixtureServer;
    let ext: DrivenExtension;
    beforeAll(async () => {
      server = await startFixtureServer();
      const all: string[] = [];
      for (const page of pages) {
        server.page(page.url, page.html);
        all.push(...(await pageDois(page.html, page.url)));
      }
      server.api(apiHost('openalex'), '/works', openAlexHandler(workTable(all, hashIsOpen)));
      ext = await launchDriven(browserName, { extensionDirs: { chromium: inject('extensionDir'), firefox: inject('firefoxExtensionDir') }, port: server.port });
    });

    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    for (const c of pages) {
      it(`${c.file}: every open DOI gets an open badge, the others a closed mark or none`, async () => {
        const expected = await pageDois(c.html, c.url);
        // An article landing page whose only DOI is its own (OJS) has no reference badges at all:
        // the checks below then require that none appears.
        const open = expected.filter(hashIsOpen).map((d) => doiKey(d) ?? d);
        const page = await ext.openPage(c.url);
        await page.setViewport({ width: 1200, height: 900 });
        await scrollThrough(page);
        await expect
          .poll(async () => (await readBadges(page)).filter((b) => b.kind === 'open').length, { timeout: 20_000 })
          .toBeGreaterThanOrEqual(open.length);
        const badges = await readBadges(page);
        const byDoi = new Map(badges.filter((b) => b.doi).map((b) => [doiKey(b.doi!) ?? b.doi!, b]));
        for (const doi of open) expect(byDoi.get(doi), doi).toMatchObject({ kind: 'open', status: 'green' });
        const known = new Set(expected.map((d) => doiKey(d) ?? d));
        for (const badge of badges) {
          expect(badge.doi, JSON.stringify(badge)).not.toBeNull();
          const key = doiKey(badge.doi!) ?? badge.doi!;
          expect(known.has(key), key).toBe(true);
          if (!hashIsOpen(badge.doi!)) expect(badge, key).toMatchObject({ kind: 'closed', status: 'closed' });
        }
        console.info(`[badges] ${c.file}: ${expected.length} DOIs, ${open.length} open, ${badges.length} badges`);
        if (c.screenshot && browserName === 'chromium') {
          await page.evaluate(() => {
            document.querySelector('greenway-badge[data-kind="open"]')?.scrollIntoView({ block: 'center' });
            window.scrollBy(0, -200);
          }, null);
          mkdirSync(join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
          await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', c.screenshot) });
        }
        // The saved pages' own scripts fail without their libraries (Chromium reports them as page
        // errors of the web page); only the extension's errors count.
        expect((await ext.errors()).filter((e) => !e.startsWith('page error (http'))).toEqual([]);
        await page.close();
      });
    }
  });
}
