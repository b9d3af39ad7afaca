/**
 * The real options page, in Chromium and Firefox, changes what the next lookup sends: giving an email switches Unpaywall on
 * (with `email=`) and becomes the polite `mailto` of OpenAlex and Crossref; switching a source off
 * means it is never called; switching it back on calls it again. Counted at the fixture server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BMC_ARTICLE_URL, BMC_DOI, startFixtureServer, type FixtureServer, apiHost } from '../../harness';
import { BROWSERS, launchDriven, type DrivenExtension } from '../../harness/driven';
import { articlePage } from './popup-world';
import { fillSetting, isChecked, openOptions, setToggle } from './options-ui';
import { tabSummary } from './privacy-world';
import { builtExtensions } from './built';

const EMAIL = 'reader@example.org';
const BEFORE = { url: 'https://journals.example.org/article/options-before', doi: '10.5555/greenway.options.before' };
const AFTER_ON = { url: 'https://journals.example.org/article/options-on-again', doi: '10.5555/greenway.options.on-again' };

describe.each(BROWSERS)('options page → next lookup in %s', (browserName) => {
  let server: FixtureServer;
  let ext: DrivenExtension;

  const unpaywall = () => server.requests({ host: apiHost('unpaywall') }).filter((r) => r.method !== 'OPTIONS');
  const europepmc = () => server.count(apiHost('europepmc'));

  /** Opens an article page (automatic mode) and waits until its lookup is done. */
  async function lookUp(url: string, doi: string): Promise<void> {
    const page = await ext.openPage(url);
    const tabId = await ext.tabIdOf(page);
    const summary = async () => {
      const tab = await tabSummary(ext, tabId);
      return tab && `${tab.doi} ${tab.lookup}`;
    };
    await expect.poll(summary, { timeout: 15_000 }).toBe(`${doi} done`);
    await page.close();
  }

  beforeAll(async () => {
    server = await startFixtureServer();
    server.page(BEFORE.url, articlePage(BEFORE.doi, 'Before the settings change (test fixture)'));
    server.page(AFTER_ON.url, articlePage(AFTER_ON.doi, 'After switching Europe PMC on again (test fixture)'));
    ext = await launchDriven(browserName, { extensionDirs: builtExtensions(), port: server.port });
  });

  // Every test fails on errors of the extension's contexts (background, options page, content script).
  afterEach(async () => expect(await ext.newErrors()).toEqual([]));

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('baseline with the defaults: no email, so no Unpaywall; Europe PMC is asked', async () => {
    server.resetCounts();
    await lookUp(BEFORE.url, BEFORE.doi);
    expect(unpaywall()).toHaveLength(0);
    expect(europepmc()).toBe(1);
    for (const r of server.requests({ host: apiHost('openalex') })) expect(new URL(r.url).searchParams.has('mailto')).toBe(false);
  });

  it('email given and Europe PMC off: Unpaywall is asked with email=, Europe PMC never, OpenAlex and Crossref get mailto', async () => {
    const options = await openOptions(ext);
    await fillSetting(ext, options, 'email', EMAIL);
    await setToggle(ext, options, 'sources.europepmc.enabled', false);
    // The page reflects the change: Unpaywall no longer says it needs an email, and has its switch, on.
    expect(
      await options.evaluate(
        () => ({
          needs: document.querySelectorAll('#opt-sources-unpaywall-enabled-needs').length,
          on: (document.querySelector('#opt-sources-unpaywall-enabled') as HTMLInputElement | null)?.checked ?? null,
        }),
        null,
      ),
    ).toEqual({ needs: 0, on: true });
    await options.close();

    server.resetCounts();
    await lookUp(BMC_ARTICLE_URL, BMC_DOI);
    // The article's DOI, and any reference DOI its badges ask about: each one request, each with the email.
    const asked = unpaywall();
    const paths = asked.map((r) => decodeURIComponent(new URL(r.url).pathname));
    expect(paths.filter((p) => p === `/v2/${BMC_DOI}`)).toHaveLength(1);
    for (const r of asked) expect(new URL(r.url).searchParams.get('email')).toBe(EMAIL);
    expect(europepmc()).toBe(0);
    for (const host of [apiHost('openalex'), apiHost('crossref')]) {
      const requests = server.requests({ host });
      expect(requests.length, host).toBeGreaterThan(0);
      for (const r of requests) expect(new URL(r.url).searchParams.get('mailto'), host).toBe(EMAIL);
    }
    // The email goes to those three services only.
    for (const host of [apiHost('semanticscholar'), apiHost('europepmc'), apiHost('core')]) {
      for (const r of server.requests({ host })) expect(`${r.url} ${r.body} ${JSON.stringify(r.headers)}`).not.toContain(EMAIL);
    }
    console.info(`[options] ${browserName}: after the change: Unpaywall ${asked.length} (all with email=), Europe PMC ${europepmc()}`);
  });

  it('Europe PMC switched on again is asked again on the next lookup', async () => {
    const options = await openOptions(ext);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#opt-email')?.value, null)).toBe(EMAIL);
    expect(await isChecked(options, '#opt-sources-europepmc-enabled')).toBe(false);
    await setToggle(ext, options, 'sources.europepmc.enabled', true);
    await options.close();

    server.resetCounts();
    await lookUp(AFTER_ON.url, AFTER_ON.doi);
    expect(europepmc()).toBe(1);
    expect(unpaywall()).toHaveLength(1);
  });
});
