// @vitest-environment node
// Node's own fetch (undici), like the service worker's: happy-dom's fetch would apply page CORS rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, type LinkCheckTarget } from '@/utils/links/link-check';
import { html, recordPage, redirect, startLinkServer, type LinkServer } from './link-server';

// A real work (UCL Discovery's record of it is the seed case): its real DOI and title.
const DOI = '10.1186/s12913-023-10058-w';
const TITLE = "'Beyond places of safety' - a qualitative study exploring the implementation of mental health crisis care innovations across England";
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n' + 'x'.repeat(4000), 'latin1');

let server: LinkServer;
const deps = {
  fetch: (url: string, init?: RequestInit) => fetch(url, init),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => clearTimeout(t));
    }),
  timeoutMs: 1500,
};
const check = (path: string, extra: Partial<LinkCheckTarget> = {}) =>
  checkLink({ url: `${server.base}${path}`, expect: 'pdf', doi: DOI, title: TITLE, ...extra }, deps);

beforeAll(async () => {
  server = await startLinkServer();
  server.route('/paper.pdf', (_req, res) => res.writeHead(206, { 'content-type': 'application/pdf' }).end(PDF));
  server.route('/octet.pdf', (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PDF));
  server.route('/moved.pdf', redirect('/paper.pdf', 301));
  // A publisher copy's landing link is its DOI link: the resolver redirects to the article page.
  server.route(`/doi/${DOI}`, redirect(`/articles/${DOI}`));
  server.route(`/articles/${DOI}`, html(recordPage({ doi: DOI, title: TITLE })));
  server.route('/record', html(recordPage({ doi: DOI, title: TITLE })));
  server.route('/other-record', html(recordPage({ doi: '10.5555/greenway.other.2020', title: 'Soil microbes in alpine meadows' })));
  server.route('/title-only', html(recordPage({ title: TITLE.toUpperCase() })));
  server.route('/bare', html('<!doctype html><html><head><title>Item</title></head><body>Hello</body></html>'));
  server.route('/sso.pdf', redirect('https://idp.example.ac.uk/idp/profile/SAML2/Redirect/SSO?SAMLRequest=x'));
  server.route('/form.pdf', html('<!doctype html><html><body><form><input name="u"><input type="password" name="p"></form></body></html>'));
  server.route('/walled', (_req, res) =>
    res.writeHead(403, { server: 'cloudflare', 'cf-mitigated': 'challenge', 'content-type': 'text/html' }).end('<title>Just a moment...</title>'),
  );
  server.route('/moment', html('<!doctype html><html><head><title>Just a moment...</title></head><body><script>window._cf_chl_opt={}</script></body></html>'));
  server.route('/gone', html('gone', 410));
  server.route('/error', html('oops', 500));
  server.route('/loop', redirect('/loop'));
  server.route('/hang', () => undefined);
});
afterAll(() => server.close());

describe('checkLink against a server that sends no CORS headers', () => {
  it('pdf: the bytes start with %PDF-, whatever the content type; asks for a range, without cookie or referer', async () => {
    expect(await check('/paper.pdf')).toMatchObject({ state: 'pdf', finalUrl: `${server.base}/paper.pdf` });
    expect((await check('/octet.pdf')).state).toBe('pdf');
    const sent = server.seen.find((s) => s.path === '/paper.pdf')!;
    expect(sent.headers.range).toBe('bytes=0-262143');
    expect(sent.headers.cookie).toBeUndefined();
    expect(sent.headers.referer).toBeUndefined();
  });

  it('follows redirects and reports where it ended', async () => {
    expect(await check('/moved.pdf')).toMatchObject({ state: 'pdf', finalUrl: `${server.base}/paper.pdf` });
    // A DOI link's check says where it resolved: the popup matches the tab against that address.
    expect(await check(`/doi/${DOI}`, { expect: 'landing' })).toEqual({
      state: 'landing',
      detail: 'HTML page',
      finalUrl: `${server.base}/articles/${DOI}`,
      samePaper: 'yes',
    });
  });

  it('landing: an HTML record, with the same-paper verdict', async () => {
    expect(await check('/record', { expect: 'landing' })).toMatchObject({ state: 'landing', samePaper: 'yes' });
    expect(await check('/other-record', { expect: 'landing' })).toMatchObject({ state: 'landing', samePaper: 'no' });
    expect(await check('/title-only', { expect: 'landing', doi: null })).toMatchObject({ state: 'landing', samePaper: 'yes' });
    expect(await check('/bare', { expect: 'landing' })).toMatchObject({ state: 'landing', samePaper: 'unknown' });
    // A PDF link that gives the record page is a record page (the popup then says "Open record instead").
    expect((await check('/record')).state).toBe('landing');
  });

  it('login: a redirect to single sign-on, or a password form where a PDF was promised', async () => {
    expect(await check('/sso.pdf')).toMatchObject({ state: 'login', detail: 'redirected to a sign-in page' });
    expect((await check('/form.pdf')).state).toBe('login');
    expect((await check('/form.pdf', { expect: 'landing' })).state).toBe('landing');
  });

  it('challenge: a bot wall by its headers or by its page', async () => {
    expect((await check('/walled')).state).toBe('challenge');
    expect((await check('/moment')).state).toBe('challenge');
  });

  it('dead: 404, 410 and a refused connection', async () => {
    expect(await check('/nothing-here.pdf')).toMatchObject({ state: 'dead', detail: 'HTTP 404' });
    expect((await check('/gone')).state).toBe('dead');
    const closed = await startLinkServer();
    const base = closed.base;
    await closed.close();
    expect(await checkLink({ url: `${base}/a.pdf` }, deps)).toMatchObject({ state: 'dead', detail: 'connection refused' });
  });

  it('dead: a host that does not resolve (as Node reports it)', async () => {
    const noHost = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    const result = await checkLink({ url: 'https://no-such-repository.example/a.pdf' }, { ...deps, fetch: () => Promise.reject(noHost) });
    expect(result).toMatchObject({ state: 'dead', detail: 'no such host' });
  });

  it('unknown: server errors, redirect loops, timeouts, non-http links', async () => {
    expect(await check('/error')).toMatchObject({ state: 'unknown', detail: 'HTTP 500' });
    expect(await check('/loop')).toMatchObject({ state: 'unknown', detail: 'more than 5 redirects' });
    expect(server.seen.filter((s) => s.path === '/loop')).toHaveLength(6);
    expect(await check('/hang')).toMatchObject({ state: 'unknown', detail: 'timed out' });
    expect(await checkLink({ url: 'javascript:alert(1)' }, deps)).toMatchObject({ state: 'unknown', finalUrl: null });
  });

  it('in a browser (opaque redirects) lets fetch follow and judges the final URL', async () => {
    const opaque = Object.assign(new Response(null, { status: 200 }), {});
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const landed = new Response('<html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } });
    Object.defineProperty(landed, 'url', { value: 'https://login.example.edu/cas/login?service=x' });
    Object.defineProperty(landed, 'redirected', { value: true });
    const calls: Array<RequestRedirect | undefined> = [];
    const fake = (_url: string, init?: RequestInit) => (calls.push(init?.redirect), Promise.resolve(init?.redirect === 'manual' ? opaque : landed));
    expect(await checkLink({ url: 'https://r.example/a.pdf' }, { ...deps, fetch: fake })).toMatchObject({
      state: 'login',
      finalUrl: 'https://login.example.edu/cas/login?service=x',
    });
    expect(calls).toEqual(['manual', 'follow']);
  });
});
