/**
 * The real options page changes what the next lookup sends: giving an email switches Unpaywall on
 * (with `email=`) and becomes the polite `mailto` of OpenAlex and Crossref; switching a source off
 * means it is never called; switching it back on calls it again. Counted at the fixture server.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BMC_ARTICLE_URL, BMC_DOI, launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';
import { articlePage } from './popup-world';
import { fillSetting, openOptions, setToggle } from './options-ui';
import { tabSummary } from './privacy-world';

const EMAIL = 'reader@example.org';
const BEFORE = { url: 'https://journals.example.org/article/options-before', doi: '10.5555/greenway.options.before' };
const AFTER_ON = { url: 'https://journals.example.org/article/options-on-again', doi: '10.5555/greenway.options.on-again' };

let server: FixtureServer;
let ext: LaunchedExtension;

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
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('options page → next lookup', () => {
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
    expect(await options.locator('#opt-sources-unpaywall-enabled-needs').count()).toBe(0);
    expect(await options.locator('#opt-sources-unpaywall-enabled').isChecked()).toBe(true);
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
    console.info(`[options] after the change: Unpaywall ${asked.length} (all with email=), Europe PMC ${europepmc()}`);
    expect(ext.errors).toEqual([]);
  });

  it('Europe PMC switched on again is asked again on the next lookup', async () => {
    const options = await openOptions(ext);
    expect(await options.locator('#opt-email').inputValue()).toBe(EMAIL);
    expect(await options.locator('#opt-sources-europepmc-enabled').isChecked()).toBe(false);
    await setToggle(ext, options, 'sources.europepmc.enabled', true);
    await options.close();

    server.resetCounts();
    await lookUp(AFTER_ON.url, AFTER_ON.doi);
    expect(europepmc()).toBe(1);
    expect(unpaywall()).toHaveLength(1);
    expect(ext.errors).toEqual([]);
  });
});
