/**
 * An in-process HTTP server for the link-check tests. It never sends CORS headers (as most
 * repositories do not) and records what each request carried (cookie, referer, range).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LinkServer {
  base: string;
  seen: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startLinkServer(): Promise<LinkServer> {
  const routes = new Map<string, Route>();
  const seen: LinkServer['seen'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push({ path: req.url ?? '/', headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const html =
  (body: string, status = 200): Route =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
export const redirect =
  (to: string, status = 302): Route =>
  (_req, res) =>
    res.writeHead(status, { location: to }).end();

/** A record page carrying the given metadata (the HTML a repository's record would have). */
export function recordPage({ doi, title, jsonLd }: { doi?: string; title?: string; jsonLd?: unknown }): string {
  return `<!doctype html><html><head><title>Record</title>
${doi ? `<meta name="citation_doi" content="${doi}">` : ''}
${title ? `<meta name="citation_title" content="${title.replace(/"/g, '&quot;')}">` : ''}
${jsonLd ? `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>` : ''}
</head><body><h1>Record</h1></body></html>`;
}
