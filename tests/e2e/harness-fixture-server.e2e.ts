/**
 * The fixture server on its own, driven from Node (no browser): routing, precedence, faults, the
 * request log, and the default "not found" answers. A request is sent to 127.0.0.1 with the real
 * host name in the Host header and TLS SNI, just as Chromium does through its host-resolver rules.
 */
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BMC_DOI, UCL_PDF_URL, startFixtureServer, type FixtureServer, apiHost } from '../../harness';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

let server: FixtureServer;

function send(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: init.method ?? 'GET',
        path: `${u.pathname}${u.search}`,
        headers: { host: u.hostname, ...init.headers },
        servername: u.hostname,
        rejectUnauthorized: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.clearFaults();
  server.resetCounts();
});

describe('fixture server', () => {
  it('speaks HTTPS and plain HTTP on the same port', async () => {
    server.page('https://journal.example/a', '<p>secure</p>');
    server.page('http://journal.example/b', '<p>plain</p>');
    expect((await send('https://journal.example/a')).text).toBe('<p>secure</p>');
    expect((await send('http://journal.example/b')).text).toBe('<p>plain</p>');
    expect(server.requests().map((r) => r.url)).toEqual(['https://journal.example/a', 'http://journal.example/b']);
  });

  it('records method, host, path, headers and body of every request, known route or not', async () => {
    await send('https://nowhere.example/x?y=1', { method: 'POST', body: '{"ids":[]}', headers: { 'x-api-key': 'k' } });
    const [r] = server.requests();
    expect(r).toMatchObject({ method: 'POST', host: 'nowhere.example', path: '/x?y=1', body: '{"ids":[]}' });
    expect(r?.headers['x-api-key']).toBe('k');
  });

  it('answers HEAD with headers only, and serves files with their content type', async () => {
    const head = await send(UCL_PDF_URL, { method: 'HEAD' });
    expect([head.status, head.headers['content-type'], head.text]).toEqual([200, 'application/pdf', '']);
    expect((await send(UCL_PDF_URL)).text.startsWith('%PDF-')).toBe(true);
  });

  it('answers CORS preflights without counting them', async () => {
    const pre = await send('https://api.semanticscholar.org/graph/v1/paper/batch', {
      method: 'OPTIONS',
      headers: { origin: 'https://journal.example', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toBe('content-type');
    expect(server.count(apiHost('semanticscholar'))).toBe(0);
    expect(server.requests({ method: 'OPTIONS' })).toHaveLength(1);
  });

  it('lets a later registration override an earlier one, and string matchers are path prefixes', async () => {
    server.api(apiHost('unpaywall'), '/v2/10.1/', { json: { doi: 'overridden' } });
    expect(JSON.parse((await send('https://api.unpaywall.org/v2/10.1/x')).text)).toEqual({ doi: 'overridden' });
    expect((await send('https://api.unpaywall.org/v2/10.2/x')).status).toBe(404);
    expect(server.count(apiHost('unpaywall'), '/v2/10.1/')).toBe(1);
    expect(server.count(apiHost('unpaywall'), /^\/v2\/10\.\d\//)).toBe(2);
  });

  it('turns a throwing handler into a 500 instead of a hang', async () => {
    server.api(apiHost('core'), '/v3/boom', () => {
      throw new Error('handler bug');
    });
    const res = await send('https://api.core.ac.uk/v3/boom');
    expect(res.status).toBe(500);
    expect(res.text).toContain('handler bug');
  });

  it('applies a fault only for the first N requests, delays then answers normally, and clears faults', async () => {
    server.fault('*', '/v2/', { kind: 'status', status: 503 }, { times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(`https://api.unpaywall.org/v2/${BMC_DOI}`)).status);
    expect(statuses).toEqual([503, 503, 404]);

    server.fault(apiHost('unpaywall'), undefined, { kind: 'delay', ms: 20 });
    expect((await send(`https://api.unpaywall.org/v2/${BMC_DOI}`)).status).toBe(404);

    server.fault(apiHost('unpaywall'), undefined, { kind: 'status', status: 500 });
    server.clearFaults();
    expect((await send(`https://api.unpaywall.org/v2/${BMC_DOI}`)).status).toBe(404);
  });

  it('keeps Chromium’s calls to Google hosts out of the request log', async () => {
    await send('https://update.googleapis.com/service/update2/json', { method: 'POST' });
    expect(server.requests()).toEqual([]);
    expect(server.browserChatter().map((r) => r.host)).toEqual(['update.googleapis.com']);
  });
});

describe('default APIs', () => {
  it('OpenAlex honours select and answers the batch filter with and without the doi.org prefix', async () => {
    const single = JSON.parse((await send(`https://api.openalex.org/works/https://doi.org/${BMC_DOI}?select=doi,locations`)).text) as {
      locations: Array<{ source: { display_name: string } | null }>;
    };
    expect(Object.keys(single).sort()).toEqual(['doi', 'locations']);
    expect(single.locations.map((l) => l.source?.display_name)).toContain('UCL Discovery');

    const filter = encodeURIComponent(`doi:${BMC_DOI.toUpperCase()}|10.1/none`);
    const list = JSON.parse((await send(`https://api.openalex.org/works?filter=${filter}&per_page=2`)).text) as { meta: { count: number }; results: unknown[] };
    expect(list.meta.count).toBe(1);
    expect(list.results).toHaveLength(1);
  });

  it('Semantic Scholar batch answers one null per id; a bad body is a 400', async () => {
    const ids = JSON.stringify({ ids: ['DOI:10.1/a', 'DOI:10.1/b', 'DOI:10.1/c'] });
    expect(JSON.parse((await send('https://api.semanticscholar.org/graph/v1/paper/batch?fields=x', { method: 'POST', body: ids })).text)).toEqual([
      null,
      null,
      null,
    ]);
    expect((await send('https://api.semanticscholar.org/graph/v1/paper/batch', { method: 'POST', body: 'nope' })).status).toBe(400);
    expect((await send('https://api.semanticscholar.org/graph/v1/paper/DOI:10.1/a')).status).toBe(404);
  });

  it('Crossref lists are empty and CORE discovery is a 404', async () => {
    const list = JSON.parse((await send('https://api.crossref.org/works?filter=doi:10.1/a&rows=1')).text) as { message: { items: unknown[] } };
    expect(list.message.items).toEqual([]);
    expect((await send('https://api.core.ac.uk/v3/discover', { method: 'POST', body: '{"doi":"10.1/a"}' })).status).toBe(404);
  });
});
