/**
 * Link checks in a real Chromium (issue 14): the popup checks the copies it shows from the background
 * worker, against repositories that send no CORS headers, and says what it found; a dead link brings
 * its Wayback capture; the seed's UCL Discovery record says "You are on this copy", and so does the BMC
 * article page, whose copy's landing link is its doi.org link (the check learns where it leads). The
 * check requests carry no cookie (though the jar has one for each host) and no Referer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  BMC_ARTICLE_URL,
  BMC_DOI,
  UCL_LANDING_URL,
  apiHost,
  launchExtension,
  loadOpenAlexWorks,
  openAlexHandler,
  startFixtureServer,
  type FixtureServer,
  type LaunchedExtension,
} from '../../harness';
import { articlePage, axeViolations } from './popup-world';
import {
  ALPHA,
  BETA,
  CAPTURE,
  CHECKED_HOSTS,
  CHECKS_DOI,
  CHECKS_URL,
  DEAD_DOI,
  DEAD_URL,
  DELTA,
  GAMMA,
  checksWork,
  deadWork,
  registerLinksWorld,
} from './links-world';
import { auditApiRequests, linkCheckProblems } from './request-audit';

let server: FixtureServer;
let ext: LaunchedExtension;

beforeAll(async () => {
  server = await startFixtureServer();
  const works = loadOpenAlexWorks();
  works.set(CHECKS_DOI, checksWork());
  works.set(DEAD_DOI, deadWork());
  server.api(apiHost('openalex'), '/works', openAlexHandler(works));
  registerLinksWorld(server, articlePage);
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
  await ext.context.addCookies(
    CHECKED_HOSTS.map((domain) => ({ name: 'session', value: 'secret-session', domain, path: '/', secure: true, sameSite: 'None' as const })),
  );
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const text = (popup: Page) => popup.locator('body').innerText();
/** The copy at `host` (best or a row), its row opened so that every check it had is shown. */
async function card(popup: Page, host: string) {
  const copy = popup.locator(`article[data-host="${host}"]`);
  const toggle = copy.locator('button.row-toggle[aria-expanded="false"]');
  if (await toggle.count()) await toggle.click();
  return copy;
}

async function popupFor(url: string): Promise<Page> {
  const page = await ext.openPage(url);
  return ext.openPopup(page);
}

describe('link checks in Chromium', () => {
  it('PDF checked without CORS headers; a different paper flagged and demoted; a PDF link to sign-on is behind a login', async () => {
    const popup = await popupFor(CHECKS_URL);
    await expect.poll(async () => (await card(popup, 'Repo Alpha')).innerText(), { timeout: 20_000 }).toContain('PDF checked');
    await expect.poll(async () => (await card(popup, 'Repo Beta')).innerText()).toContain('Different paper!');
    await expect.poll(async () => (await card(popup, 'Repo Gamma')).innerText()).toContain('Behind a login');
    expect(await (await card(popup, 'Repo Alpha')).innerText()).toContain('Same paper');
    // The engine ranked Beta first; its check demotes it: Alpha (a checked PDF of the same paper) leads, Beta is last.
    const order = await popup.locator('article[data-host]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-host')));
    expect(order[0]).toBe('Repo Alpha');
    expect(order[order.length - 1]).toBe('Repo Beta');
    expect(await popup.getByRole('link', { name: 'Open repository record (Different paper!) — Repo Beta' }).count()).toBe(1);
    expect(server.requests({ host: GAMMA.host }).length).toBeGreaterThan(0);
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('a dead link offers its archived copy; only the copy URL goes to the archive', async () => {
    const popup = await popupFor(DEAD_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('Link broken');
    await card(popup, 'Repo Delta');
    const archived = popup.getByRole('link', { name: 'Archived copy (2021-03-04) — Repo Delta' });
    await archived.waitFor({ timeout: 10_000 });
    expect(await archived.getAttribute('href')).toBe(CAPTURE);
    const asked = server.requests({ host: 'archive.org' });
    expect(asked.map((r) => new URL(r.url).searchParams.get('url'))).toEqual([DELTA.pdf]);
    const audit = auditApiRequests(asked, {
      dois: [],
      email: '',
      keys: { openalex: '', core: '', semanticscholar: '' },
      extensionOrigin: `chrome-extension://${ext.extensionId}`,
      secrets: [DEAD_URL],
      copyUrls: [DELTA.pdf],
    });
    expect(audit).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('on the seed UCL Discovery record, the UCL copy says "You are on this copy" and the popup leads with another', async () => {
    const popup = await popupFor(UCL_LANDING_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('You are on this copy');
    const here = popup.locator('article[data-here]');
    expect(await here.getAttribute('data-host')).toBe('UCL Discovery');
    const best = popup.locator('article.copy-best');
    expect(await best.innerText()).not.toContain('UCL Discovery');
    expect(await text(popup)).toContain('You are on this copy: the published version at UCL Discovery.');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('on the BMC article page, the publisher copy says "You are on this copy": its doi.org landing link was checked and led there', async () => {
    const popup = await popupFor(BMC_ARTICLE_URL);
    await expect.poll(() => text(popup), { timeout: 20_000 }).toContain('You are on this copy');
    expect(await popup.locator('article[data-here]').getAttribute('data-host')).toBe('BMC Health Services Research');
    expect(await popup.locator('article.copy-best').getAttribute('data-host')).toBe('UCL Discovery');
    // Shown once, as the copy the reader is on: no longer among "Other free copies".
    expect(await popup.locator('article[data-host="BMC Health Services Research"]').count()).toBe(1);
    expect(await text(popup)).toContain('You are on this copy: the published version at BMC Health Services Research.');
    // Learned by checking the copy's own link: doi.org was asked for it, and its redirect followed.
    expect(server.requests({ host: apiHost('doiorg'), path: `/${BMC_DOI}` }).length).toBeGreaterThan(0);
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('check requests carry no cookie and no Referer', () => {
    const checks = server
      .requests()
      .filter(
        (r) =>
          CHECKED_HOSTS.includes(r.host) ||
          r.host === `login.${GAMMA.host}` ||
          r.host === 'discovery.ucl.ac.uk' ||
          r.host === 'bmchealthservres.biomedcentral.com' ||
          (r.host === apiHost('doiorg') && r.path === `/${BMC_DOI}`),
      );
    const nonNavigation = checks.filter((r) => r.headers['sec-fetch-mode'] !== 'navigate' && new URL(r.url).pathname !== '/favicon.ico');
    expect(nonNavigation.length).toBeGreaterThanOrEqual(4);
    for (const r of nonNavigation) expect(linkCheckProblems(r, { extensionOrigin: `chrome-extension://${ext.extensionId}` }), r.url).toEqual([]);
    expect(nonNavigation.map((r) => r.url)).toEqual(
      expect.arrayContaining([ALPHA.pdf, ALPHA.record, BETA.record, GAMMA.pdf, DELTA.pdf, `https://doi.org/${BMC_DOI}`, BMC_ARTICLE_URL]),
    );
    expect(ext.errors).toEqual([]);
  });
});
