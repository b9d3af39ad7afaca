/**
 * Request audit of a realistic session, in Chromium and Firefox (named zz- so that it runs last): the user sets an email and
 * three API keys on the options page and tests each key, reads an article (automatic lookup), opens
 * the popup and copies the repository link, reads a 150-reference list with badges, and looks up a DOI
 * a PMID and a dataset's DOI typed into the popup. Every request that reached an API host is then checked by ./request-audit.ts:
 * only DOIs the user saw or typed, the email and keys the user gave (each to its own services) and
 * fixed API parameters leave the browser — no page URL, page title, Referer or cookie. Cookies are
 * really in the jar for every host (a deliberate credentialed fetch shows it), so their absence means
 * the extension leaves them out, not that there were none. That the audit itself catches each kind
 * of leak is tested in ./request-audit.e2e.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { doisInUrl, findDoisInText } from '../../utils/model/doi';
import {
  API_HOSTS,
  BMC_ARTICLE_URL,
  DOI_REDIRECTS,
  UCL_LANDING_URL,
  openAlexHandler,
  startFixtureServer,
  type FixtureServer,
  type RecordedRequest,
  apiHost,
} from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension, type DrivenPage } from '../../harness/driven';
import { firstBadge, readBadges, scrollThrough, syntheticDoi, syntheticIsOpen } from '../../harness/badges-world';
import { plainReferenceList, syntheticAndRecordedWorks, tabSummary } from './privacy-world';
import { fillSetting, openOptions } from './options-ui';
import { WAYBACK_HOST } from '../../utils/links/wayback';
import { auditApiRequests, endpointsUsed, linkCheckProblems, type AuditAllowance } from './request-audit';
import { builtExtensions } from './built';

const LIST_URL = 'https://en.wikipedia.org/wiki/Greenway_audit_reference_list';
const LIST_TITLE = 'Greenway audit: a private reading list';
const REFERENCES = 150;
/** The user types this one into the popup (a reference of the BMC article, on file at OpenAlex). */
const TYPED_DOI = '10.1136/bmj.n71';
/** …and then this PMID, which Europe PMC maps to a DOI (only the id may be sent for that). */
const TYPED_PMID = '40437959';
const TYPED_PMID_DOI = '10.1002/hpja.70059';
/** …and a Dryad dataset's DOI, registered with DataCite and known to no index here (harness/datacite.ts). */
const DATASET_DOI = '10.5061/dryad.8515';
/** The options page's key test asks about this well-known DOI (utils/settings/key-test.ts). */
const KEY_TEST_DOI = '10.1038/nature12373';
const CONTROL_PATH = '/greenway-audit-cookie-control';

const SECRET = randomBytes(6).toString('hex');
const EMAIL = `reader.${SECRET}@example.org`;
const KEYS = { openalex: `oa-key-${SECRET}`, core: `core-key-${SECRET}`, semanticscholar: `s2-key-${SECRET}` };
const COOKIE = `session-${SECRET}`;

const listPage = () => plainReferenceList(REFERENCES, LIST_TITLE);

const isApiHost = (host: string) => (API_HOSTS as readonly string[]).includes(host);
const PAGE_HOSTS = [new URL(BMC_ARTICLE_URL).hostname, new URL(LIST_URL).hostname, new URL(UCL_LANDING_URL).hostname];

/** Every DOI a reader could see in a page's source: text, attributes and links. */
function doisOfPage(html: string): string[] {
  const fromText = findDoisInText(html).map((d) => d.doi);
  const fromLinks = [...html.matchAll(/href="([^"]+)"/g)].flatMap((m) => doisInUrl(m[1]!, 'https://example.invalid/'));
  return [...fromText, ...fromLinks];
}

describe.each(BROWSERS)('request audit of a realistic session in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;
  const pageHtml = new Map<string, string>();
  const pageTitles: string[] = [];
  const typedDois: string[] = [];
  const typedIds: string[] = [];
  /** Every link the popups showed: the only non-page URLs the extension may check (link checks). */
  const shownLinks = new Set<string>();

  /** The links of every copy the popup shows, each row opened (a closed row shows only its main link). */
  async function collectLinks(popup: DrivenPage): Promise<void> {
    await popup.evaluate(() => document.querySelectorAll<HTMLElement>('button.row-toggle[aria-expanded="false"]').forEach((b) => b.click()), null);
    for (const href of await popup.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href), null)) {
      shownLinks.add(href);
    }
  }
  /** A link check's URL: a shown link, or where doi.org sent a shown DOI link (the check follows redirects). */
  const checkedUrl = (url: string) => shownLinks.has(url) || [...DOI_REDIRECTS].some(([from, to]) => to === url && shownLinks.has(from));

  function allowance(): AuditAllowance {
    return {
      dois: [...[...pageHtml.values()].flatMap(doisOfPage), ...typedDois, KEY_TEST_DOI],
      ids: typedIds,
      email: EMAIL,
      keys: KEYS,
      extensionOrigin: ext.origin,
      secrets: [BMC_ARTICLE_URL, LIST_URL, ...PAGE_HOSTS, ...pageTitles, COOKIE, 'wikipedia', 'biomedcentral.com/articles'],
    };
  }

  /**
   * A request to an API host for a link the popup showed is that link's check, not an API call: a
   * publisher copy's landing page can be its DOI link (`https://doi.org/10.…`), and doi.org is also a source.
   */
  const isLinkCheck = (r: RecordedRequest) => shownLinks.has(r.url);
  const sessionApiRequests = (): RecordedRequest[] => server.requests().filter((r) => isApiHost(r.host) && r.path !== CONTROL_PATH && !isLinkCheck(r));
  const title = (page: DrivenPage) => page.evaluate(() => document.title, null);
  /**
   * Opens "Look up another DOI", a disclosure (<summary>) that the two browsers' accessibility trees name
   * differently; it stays open after a lookup, and a second click would close it.
   */
  const openAnotherLookup = (popup: DrivenPage) =>
    popup.evaluate((label) => {
      const summary = Array.from(document.querySelectorAll('summary')).find((e) => e.textContent === label);
      if (summary && !(summary.parentElement as HTMLDetailsElement).open) summary.click();
    }, 'Look up another DOI');

  beforeAll(async () => {
    server = await startFixtureServer();
    const numbered = new Map(Array.from({ length: REFERENCES }, (_, i) => [syntheticDoi(i), i] as const));
    server.api(apiHost('openalex'), '/works', openAlexHandler(syntheticAndRecordedWorks(numbered)));
    // The key tests' endpoints, in their real success shapes.
    server.api(apiHost('openalex'), '/rate-limit', { json: { rate_limit: { daily_budget_usd: 1, daily_remaining_usd: 1 } } });
    server.api(apiHost('core'), '/v3/search/works', { json: { totalHits: 1, results: [] }, headers: { 'x-ratelimit-remaining': '9' } });
    server.api(apiHost('semanticscholar'), `/graph/v1/paper/DOI:${KEY_TEST_DOI}`, { json: { paperId: 'f0' } });
    server.api(apiHost('europepmc'), '/europepmc/webservices/rest/search', (req) => {
      const query = new URL(req.url).searchParams.get('query') ?? '';
      const results = query === `EXT_ID:${TYPED_PMID} AND SRC:MED` ? [{ id: TYPED_PMID, source: 'MED', pmid: TYPED_PMID, doi: TYPED_PMID_DOI }] : [];
      return { json: { version: '6.9', hitCount: results.length, resultList: { result: results } } };
    });
    server.page(LIST_URL, listPage());
    pageHtml.set(BMC_ARTICLE_URL, readFileSync(fileURLToPath(new URL('./fixtures/pages/bmc-s12913-023-10058-w.html', import.meta.url)), 'utf8'));
    pageHtml.set(LIST_URL, listPage());

    ext = await launchDriven(browserName, { extensionDirs: builtExtensions(), port: server.port });
    // A cookie in the jar for every page and API host: a leaky request would carry it.
    await ext.addCookies([...API_HOSTS, ...PAGE_HOSTS].map((domain) => ({ name: 'session', value: COOKIE, domain })));
  });

  // Every test fails on errors of the extension's contexts (background, pages, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('options: email and three keys given, each key tested', async () => {
    const options = await openOptions(ext);
    await fillSetting(ext, options, 'email', EMAIL);
    for (const [service, key] of Object.entries(KEYS)) {
      await fillSetting(ext, options, `keys.${service}`, key);
      // The key's Test button: the one described by the key's result line.
      await options.click(`button[aria-describedby="opt-keys-${service}-result"]`);
      const result = () => options.evaluate((id) => document.getElementById(id)?.textContent ?? '', `opt-keys-${service}-result`);
      await expect.poll(result, { timeout: 15_000 }).toContain('accepted');
    }
    await options.close();
  });

  it('article page: automatic lookup, popup, copy', async () => {
    const article = await ext.openPage(BMC_ARTICLE_URL);
    pageTitles.push(await title(article));
    const tabId = await ext.tabIdOf(article);
    await expect.poll(async () => (await tabSummary(ext, tabId))?.lookup, { timeout: 15_000 }).toBe('done');
    const popup = await ext.openPopup(tabId);
    await popup.waitFor('article.copy-best[data-host="UCL Discovery"]', 15_000);
    // The publisher copy is the page itself (its doi.org link, checked, led here): its links are in its opened row.
    await popup.waitFor('article[data-here][data-host="BMC Health Services Research"]', 15_000);
    await popup.click({ role: 'button', name: 'Copy repository link — UCL Discovery' });
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText(), null)).toBe(UCL_LANDING_URL);
    await collectLinks(popup);
    // Every source was asked (CORE with the key, Unpaywall with the email), but DataCite: an article costs it nothing.
    expect(server.count(apiHost('datacite'))).toBe(0);
    for (const host of API_HOSTS.filter((h) => h !== apiHost('datacite'))) expect(server.count(host), host).toBeGreaterThan(0);
    await popup.close();
    await article.close();
  });

  it(`reference list with badges (${REFERENCES} DOIs), then a DOI, a PMID and a dataset's DOI typed into the popup`, async () => {
    const list = await ext.openPage(LIST_URL);
    pageTitles.push(await title(list));
    await firstBadge(list);
    await scrollThrough(list, 100);
    // Badges for the works with a free copy (marks for the others are hidden by default). A functional
    // bound: the badges in Firefox on a loaded 2-core machine took over 20 s once.
    const open = Array.from({ length: REFERENCES }, (_, i) => syntheticIsOpen(i)).filter(Boolean).length;
    await expect.poll(async () => (await readBadges(list)).length, { timeout: 45_000 }).toBe(open);

    const popup = await ext.openPopup(list);
    const field = { role: 'textbox', name: 'DOI or link' };
    await popup.waitFor(field);
    typedDois.push(TYPED_DOI);
    await popup.fill(field, TYPED_DOI);
    await popup.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.body.innerText, null), { timeout: 15_000 }).toContain(`DOI ${TYPED_DOI}`);
    await collectLinks(popup);
    // A PMID: the id goes to Europe PMC, and the DOI it names (now one the user was shown) to every source.
    typedIds.push(TYPED_PMID);
    typedDois.push(TYPED_PMID_DOI);
    await openAnotherLookup(popup);
    await popup.fill(field, TYPED_PMID);
    await popup.press('Enter');
    // An answer, not "Looking up 10.1002/…" (the form to look up another DOI is not offered while looking up).
    await expect.poll(() => popup.evaluate(() => document.body.innerText, null), { timeout: 15_000 }).toContain(`DOI ${TYPED_PMID_DOI}`);
    await collectLinks(popup);
    // A dataset's DOI: doi.org names DataCite as its agency, and DataCite is asked about it, once.
    typedDois.push(DATASET_DOI);
    await openAnotherLookup(popup);
    await popup.fill(field, DATASET_DOI);
    await popup.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.body.innerText, null), { timeout: 15_000 }).toContain('Dryad');
    expect(server.count(apiHost('datacite'))).toBe(1);
    await collectLinks(popup);
    await popup.close();
    await list.close();
  });

  it('the cookies are in the jar: a deliberately credentialed request carries them', async () => {
    await ext.inExtension((url) => fetch(url, { credentials: 'include' }).then((r) => r.status), `https://api.crossref.org${CONTROL_PATH}`);
    const control = server.requests({ host: apiHost('crossref'), path: CONTROL_PATH });
    expect(control).toHaveLength(1);
    expect(control[0]!.headers.cookie).toContain(COOKIE);
  });

  it('only DOIs, the given email and keys, and fixed parameters reached the API hosts', () => {
    const requests = sessionApiRequests();
    const rules = allowance();
    const used = endpointsUsed(requests, rules);
    console.info(
      `[request-audit] ${browserName}: ${requests.length} API requests (${API_HOSTS.map((h) => `${h} ${server.count(h)}`).join(', ')}); endpoints: ${[...used]
        .map(([name, n]) => `${name} ×${n}`)
        .join(', ')}`,
    );
    expect(auditApiRequests(requests, rules)).toEqual([]);
    // The audit saw the whole surface: lookups at every source, batches, and every key test.
    for (const endpoint of [
      'OpenAlex single work',
      'OpenAlex batch',
      'OpenAlex key test',
      'Unpaywall',
      'Europe PMC search',
      'Europe PMC id search',
      'Semantic Scholar batch',
      'Semantic Scholar key test',
      'CORE discover',
      'CORE key test',
      'Crossref batch',
      'OpenAIRE research products by DOI',
      'doi.org registration agency',
      'DataCite DOI record',
    ]) {
      expect(used.get(endpoint), endpoint).toBeGreaterThan(0);
    }
    expect(used.get('unmatched')).toBeUndefined();
  });

  it('requests to other hosts: only the pages the user opened, the link checks of shown copies and archive look-ups of their links, without Referer or cookies', () => {
    const archive = server.requests({ host: WAYBACK_HOST });
    // The archive is asked only about a shown copy's link (one found dead), never about a page or title.
    const archiveAllowance = { ...allowance(), copyUrls: shownLinks, secrets: [BMC_ARTICLE_URL, LIST_URL, ...pageTitles, COOKIE] };
    expect(auditApiRequests(archive, archiveAllowance)).toEqual([]);
    const others = server.requests().filter((r) => (!isApiHost(r.host) || isLinkCheck(r)) && r.host !== WAYBACK_HOST);
    const opened = new Set([BMC_ARTICLE_URL, LIST_URL].map((u) => new URL(u).href));
    const openedHosts = new Set([BMC_ARTICLE_URL, LIST_URL].map((u) => new URL(u).hostname));
    for (const r of others) {
      const navigation = r.headers['sec-fetch-mode'] === 'navigate';
      if (navigation) {
        expect(opened.has(new URL(r.url).href), r.url).toBe(true);
        continue;
      }
      // Not a navigation: the browser's favicon fetch for an open page, or the popup's check of a link it shows (redirects followed).
      const favicon = new URL(r.url).pathname === '/favicon.ico' && openedHosts.has(r.host);
      if (favicon) continue;
      expect(checkedUrl(r.url), `${r.method} ${r.url}`).toBe(true);
      expect(linkCheckProblems(r, { extensionOrigin: ext.origin }), r.url).toEqual([]);
    }
    console.info(
      `[request-audit] ${browserName}: other hosts: ${others.length} requests (${[...new Set(others.map((r) => `${r.method} ${r.host}${new URL(r.url).pathname}`))].join(', ')})`,
    );
  });
});
