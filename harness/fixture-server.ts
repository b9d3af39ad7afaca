/**
 * The local stand-in for the internet during real-browser tests. Chromium resolves every host name to
 * this one port (`--host-resolver-rules`), so pages are served at their real URLs and the extension
 * talks to an API host (say OpenAlex's) as it would in the wild. One port speaks both HTTPS and plain HTTP: the
 * first byte of a connection tells a TLS handshake (0x16) from a plain request.
 *
 * Everything that reaches the server is recorded, known route or not, so tests can assert on exactly
 * what left the browser.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faultAction, type FaultSpec } from './faults';
import { hostMatches, pathMatches, type PathMatcher } from './matchers';
import type { Handler, RecordedRequest, Reply } from './reply';
import { registerDefaultApis } from './default-apis';
import { registerRecordedSite } from './recorded-site';

const CERT_DIR = fileURLToPath(new URL('../tests/e2e/certs/', import.meta.url));

export interface RequestFilter {
  host?: string;
  path?: PathMatcher;
  method?: string;
}

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
  /** Serves `content` (HTML text, or a path to a file) at an exact URL (query ignored). */
  page(url: string, content: string | Buffer, options?: { contentType?: string; status?: number }): void;
  /** Answers requests to `host` whose path + query matches. Later registrations win over earlier ones. */
  api(host: string, path: PathMatcher, reply: Handler | Reply): void;
  /** Puts a fault in front of matching requests (host "*" = any), for the first `times` only if given. */
  fault(host: string, path: PathMatcher | undefined, spec: FaultSpec, options?: { times?: number }): void;
  clearFaults(): void;
  /** Requests received so far, oldest first, optionally filtered. */
  requests(filter?: RequestFilter): RecordedRequest[];
  /** How many requests matched (OPTIONS preflights are not counted: they carry no data). */
  count(host: string, path?: PathMatcher): number;
  /** Forgets the recorded requests (and the browser chatter). */
  resetCounts(): void;
  /**
   * Chromium's own calls home (update checks, account probes to Google hosts) that no flag fully
   * silences. Kept apart so `requests()` shows only what pages and the extension sent.
   */
  browserChatter(): RecordedRequest[];
}

export interface FixtureServerOptions {
  /**
   * Register the built-in recorded world (default true): the BMC article and its UCL Discovery copy,
   * OpenAlex answers from tests/e2e/fixtures/api/openalex/, and "not found" from every other source.
   */
  defaults?: boolean;
}

interface Route {
  host: string;
  path: PathMatcher;
  handler: Handler;
}

interface Fault {
  host: string;
  path: PathMatcher | undefined;
  spec: FaultSpec;
  remaining: number;
}

interface PageEntry {
  body: Buffer;
  contentType: string;
  status: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

/** `https://Host:443/a/b?x` → "host/a/b": pages are looked up without scheme, port or query. */
function pageKey(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}${u.pathname}`;
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Hosts only the browser itself talks to; the extension and the fixture pages never do. */
const BROWSER_CHATTER = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)$/;

/** Real scholarly APIs answer any origin; the fixtures do the same so page-side fetches work too. */
const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, x-ratelimit-remaining',
};

function send(res: ServerResponse, method: string, reply: Reply): void {
  const isJson = reply.json !== undefined;
  const body = isJson ? JSON.stringify(reply.json) : (reply.body ?? '');
  const headers: Record<string, string> = {
    ...(reply.cors === false ? {} : CORS),
    ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'cache-control': 'no-store',
    ...reply.headers,
  };
  if (!res.writable) return;
  res.writeHead(reply.status ?? 200, headers);
  // HEAD answers carry the headers only (PDF link checks use HEAD first).
  res.end(method === 'HEAD' ? undefined : body);
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes: Route[] = [];
  const faults: Fault[] = [];
  const pages = new Map<string, PageEntry>();
  let recorded: RecordedRequest[] = [];
  let chatter: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse, scheme: 'https' | 'http'): Promise<void> {
    const body = await readBody(req);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const request: RecordedRequest = { method, host, path, url: `${scheme}://${host}${path}`, headers: headerRecord(req), body, at: Date.now() };
    if (BROWSER_CHATTER.test(host)) {
      chatter.push(request);
      send(res, method, { status: 204 });
      return;
    }
    recorded.push(request);

    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }

    const fault = faults.find((f) => f.remaining > 0 && hostMatches(f.host, host) && pathMatches(f.path, path));
    if (fault) {
      fault.remaining--;
      const action = faultAction(fault.spec);
      if ('hang' in action) return; // the socket is destroyed when the server closes
      if ('reset' in action) {
        req.socket.destroy();
        return;
      }
      if ('reply' in action) {
        send(res, method, action.reply);
        return;
      }
      await sleep(action.delayMs);
    }

    const route = routes.find((r) => hostMatches(r.host, host) && pathMatches(r.path, path));
    if (route) {
      let reply: Reply;
      try {
        reply = await route.handler(request);
      } catch (error) {
        // A broken test handler should fail loudly in the test, not look like an API outage.
        console.error(`[fixture-server] handler for ${host}${path} threw:`, error);
        reply = { status: 500, body: `fixture handler threw: ${String(error)}` };
      }
      if (reply.delayMs) await sleep(reply.delayMs);
      send(res, method, reply);
      return;
    }

    const page = pages.get(`${host}${path.split('?')[0]}`);
    if (page) {
      send(res, method, { status: page.status, body: page.body, headers: { 'content-type': page.contentType } });
      return;
    }
    send(res, method, {
      status: 404,
      body: `<!doctype html><title>Not found</title><p>No fixture for ${scheme}://${host}${path.split('?')[0]}</p>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }

  const onRequest = (scheme: 'https' | 'http') => (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, scheme).catch((error: unknown) => {
      console.error('[fixture-server] request failed:', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  };
  const https = createHttpsServer({ key: readFileSync(join(CERT_DIR, 'key.pem')), cert: readFileSync(join(CERT_DIR, 'cert.pem')) }, onRequest('https'));
  const http = createHttpServer(onRequest('http'));
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', resolve);
  });
  const port = (front.address() as AddressInfo).port;

  const server: FixtureServer = {
    port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
    page(url, content, opts = {}) {
      const isFile = typeof content === 'string' && !content.includes('<') && existsSync(content);
      const body = isFile ? readFileSync(content) : Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
      const ext = isFile ? extname(content).toLowerCase() : extname(new URL(url).pathname).toLowerCase();
      const contentType = opts.contentType ?? CONTENT_TYPES[ext] ?? 'text/html; charset=utf-8';
      pages.set(pageKey(url), { body, contentType, status: opts.status ?? 200 });
    },
    api(host, path, reply) {
      const handler: Handler = typeof reply === 'function' ? reply : () => reply;
      routes.unshift({ host: host.toLowerCase(), path, handler });
    },
    fault(host, path, spec, opts = {}) {
      faults.unshift({ host, path, spec, remaining: opts.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults.length = 0;
    },
    requests(filter = {}) {
      return recorded.filter(
        (r) =>
          (filter.host === undefined || hostMatches(filter.host, r.host)) &&
          pathMatches(filter.path, r.path) &&
          (filter.method === undefined || filter.method.toUpperCase() === r.method),
      );
    },
    count(host, path) {
      return recorded.filter((r) => r.method !== 'OPTIONS' && hostMatches(host, r.host) && pathMatches(path, r.path)).length;
    },
    resetCounts() {
      recorded = [];
      chatter = [];
    },
    browserChatter() {
      return [...chatter];
    },
  };
  if (options.defaults ?? true) {
    registerDefaultApis(server);
    registerRecordedSite(server);
  }
  return server;
}
