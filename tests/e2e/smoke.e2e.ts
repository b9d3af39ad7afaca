/**
 * Self-test of the real-browser harness: the extension loads in Chromium, fixture pages are served at
 * their real https URLs, requests to the API hosts reach the fixture server and are recorded, and
 * injected faults reach the browser as the real failures would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BMC_ARTICLE_URL, BMC_DOI, launchExtension, startFixtureServer, type FixtureServer, type LaunchedExtension, apiHost } from '../../harness';

/** expect.poll gives up after 1 s by default; a lookup through six sources may take longer. */
const LOOKUP = { timeout: 20_000 };

let server: FixtureServer;
let ext: LaunchedExtension;
let article: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ extensionDir: inject('extensionDir'), port: server.port });
  article = await ext.openPage(BMC_ARTICLE_URL);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

beforeEach(() => server.clearFaults());

/** A fetch made by the fixture page itself (cross-origin, as any web page could). */
function pageFetch(url: string, init: { method?: string; timeoutMs?: number } = {}) {
  return article.evaluate(
    async ({ url, method, timeoutMs }) => {
      try {
        const res = await fetch(url, { method, signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined });
        return {
          ok: true as const,
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          contentType: res.headers.get('content-type'),
          text: await res.text(),
        };
      } catch (error) {
        return { ok: false as const, error: String(error) };
      }
    },
    { url, method: init.method ?? 'GET', timeoutMs: init.timeoutMs ?? 0 },
  );
}

describe('harness', () => {
  it('loads the extension: its service worker runs background.js', () => {
    expect(ext.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('serves a fixture page at its real https URL', async () => {
    expect(article.url()).toBe(BMC_ARTICLE_URL);
    expect(await article.evaluate(() => location.protocol)).toBe('https:');
    expect(await article.locator('meta[name="citation_doi"]').getAttribute('content')).toBe(BMC_DOI);
    expect(server.count('bmchealthservres.biomedcentral.com', '/articles/10.1186/s12913-023-10058-w')).toBe(1);
  });

  it('the extension looks the article up at api.openalex.org, and the server records it', async () => {
    await expect.poll(() => server.count(apiHost('openalex'), '/works'), LOOKUP).toBeGreaterThan(0);
    const sent = server.requests({ host: apiHost('openalex') });
    expect(sent.some((r) => decodeURIComponent(r.path).includes(BMC_DOI))).toBe(true);
  });

  it('counts and records a request from the page to api.openalex.org, and answers from the OpenAlex table', async () => {
    const marker = /mailto=smoke%40example\.org/;
    expect(server.count(apiHost('openalex'), marker)).toBe(0);
    const res = await pageFetch(`https://api.openalex.org/works/doi:${BMC_DOI}?select=doi,title&mailto=smoke%40example.org`);
    expect(res.ok && res.status).toBe(200);
    const work = JSON.parse(res.ok ? res.text : 'null') as Record<string, unknown>;
    expect(Object.keys(work).sort()).toEqual(['doi', 'title']);
    expect(work.doi).toBe(`https://doi.org/${BMC_DOI}`);
    expect(server.count(apiHost('openalex'), marker)).toBe(1);
    const [recorded] = server.requests({ host: apiHost('openalex'), path: marker });
    expect(recorded?.method).toBe('GET');
    expect(recorded?.headers.origin).toBe('https://bmchealthservres.biomedcentral.com');
  });

  it('answers the batch form from the same table, and unknown DOIs as OpenAlex does', async () => {
    const filter = encodeURIComponent(`doi:https://doi.org/${BMC_DOI}|https://doi.org/10.9999/unknown`);
    const batch = await pageFetch(`https://api.openalex.org/works?filter=${filter}&select=doi`);
    expect(batch.ok && JSON.parse(batch.text)).toMatchObject({ meta: { count: 1 }, results: [{ doi: `https://doi.org/${BMC_DOI}` }] });
    const missing = await pageFetch('https://api.openalex.org/works/doi:10.9999/unknown');
    expect(missing.ok && missing.status).toBe(404);
  });

  it('injects a rate limit for the first request only', async () => {
    server.fault(apiHost('openalex'), '/works/doi:10.9999/limited', { kind: 'rate-limit', retryAfterSeconds: 7 }, { times: 1 });
    const first = await pageFetch('https://api.openalex.org/works/doi:10.9999/limited');
    const second = await pageFetch('https://api.openalex.org/works/doi:10.9999/limited');
    expect(first.ok && [first.status, first.retryAfter]).toEqual([429, '7']);
    expect(second.ok && second.status).toBe(404);
    expect(server.count(apiHost('openalex'), '/works/doi:10.9999/limited')).toBe(2);
  });

  it('injects broken bodies: malformed JSON, empty body, bot challenge', async () => {
    server.fault(apiHost('unpaywall'), '/v2/10.1/malformed', { kind: 'malformed-json' });
    server.fault(apiHost('unpaywall'), '/v2/10.1/empty', { kind: 'empty' });
    server.fault(apiHost('unpaywall'), '/v2/10.1/challenge', { kind: 'bot-challenge' });
    const malformed = await pageFetch('https://api.unpaywall.org/v2/10.1/malformed');
    expect(malformed.ok && malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.ok ? malformed.text : '')).toThrow();
    const empty = await pageFetch('https://api.unpaywall.org/v2/10.1/empty');
    expect(empty.ok && [empty.status, empty.text]).toEqual([200, '']);
    const challenge = await pageFetch('https://api.unpaywall.org/v2/10.1/challenge');
    expect(challenge.ok && challenge.status).toBe(403);
    expect(challenge.ok && challenge.contentType).toContain('text/html');
    expect(challenge.ok && challenge.text).toContain('Just a moment...');
  });

  it('injects network failures: a dropped connection and a server that never answers', async () => {
    server.fault(apiHost('europepmc'), /\/search\?query=reset/, { kind: 'reset' });
    server.fault(apiHost('europepmc'), /\/search\?query=hang/, { kind: 'timeout' });
    const reset = await pageFetch('https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=reset');
    expect(reset.ok).toBe(false);
    const hang = await pageFetch('https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=hang', { timeoutMs: 300 });
    expect(hang).toMatchObject({ ok: false, error: expect.stringMatching(/timeout|abort/i) });
  });

  it('answers the other sources "not found" in their real shapes by default', async () => {
    const unpaywall = await pageFetch(`https://api.unpaywall.org/v2/${BMC_DOI}?email=a%40b.org`);
    expect(unpaywall.ok && unpaywall.status).toBe(404);
    expect(unpaywall.ok && JSON.parse(unpaywall.text)).toMatchObject({ HTTP_status_code: 404, error: true });
    const epmc = await pageFetch('https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=DOI%3A%2210.1%2Fx%22&format=json');
    expect(epmc.ok && JSON.parse(epmc.text)).toMatchObject({ hitCount: 0, resultList: { result: [] } });
    const crossref = await pageFetch(`https://api.crossref.org/works/${BMC_DOI}`);
    expect(crossref.ok && [crossref.status, crossref.text]).toEqual([404, 'Resource not found.']);
  });

  it('opens the popup for the article tab', async () => {
    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openPopup(article);
    expect(popup.url()).toBe(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('body').innerText(), LOOKUP).toContain('UCL Discovery');
    await popup.close();
  });

  it('saw no page or service-worker errors', () => {
    expect(ext.errors).toEqual([]);
  });
});
