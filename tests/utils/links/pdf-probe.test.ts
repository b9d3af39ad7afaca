import { describe, expect, it } from 'vitest';
import { verifyPdfLink } from '../../../utils/links/pdf-probe';
import { FakeClock, fakeFetch, settle, type Handler } from '../engine/fakes';

function check(url: string, head: Handler, get: Handler) {
  const clock = new FakeClock();
  const fake = fakeFetch([['', (call) => (call.method === 'HEAD' ? head(call) : get(call))]]);
  return { calls: fake.calls, result: settle(verifyPdfLink(url, { fetch: fake.fetch, sleep: clock.sleep, timeoutMs: 1000 }), clock) };
}

const pdfBody = () => new Response('%PDF-1.7\n%âãÏÓ\n1 0 obj', { status: 206, headers: { 'content-type': 'application/pdf' } });

describe('verifyPdfLink', () => {
  it('verifies by the %PDF- signature of a ranged GET, asking for the first kilobyte only', async () => {
    const { calls, result } = check(
      'https://r.example/a.pdf',
      () => new Response(null, { status: 200, headers: { 'content-type': 'application/pdf' } }),
      pdfBody,
    );
    expect(await result).toEqual({ state: 'verified', detail: 'PDF' });
    expect(calls.map((c) => c.method)).toEqual(['HEAD', 'GET']);
    expect(calls[1]!.headers.range).toBe('bytes=0-1023');
  });

  it('falls back to GET when HEAD is refused', async () => {
    const { result } = check('https://r.example/a.pdf', () => new Response(null, { status: 405 }), pdfBody);
    expect((await result).state).toBe('verified');
  });

  it('calls a login page not a PDF', async () => {
    const html = () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect((await check('https://r.example/a.pdf', html, html).result).state).toBe('not-pdf');
    const lying = () => new Response('<html>login</html>', { status: 200, headers: { 'content-type': 'application/octet-stream' } });
    expect((await check('https://r.example/a.pdf', () => new Response(null, { status: 405 }), lying).result).state).toBe('not-pdf');
  });

  it('reports unreachable links: 404, timeouts, non-http URLs', async () => {
    expect((await check('https://r.example/a.pdf', () => new Response(null, { status: 404 }), pdfBody).result).state).toBe('unreachable');
    const hang = () => new Promise<Response>(() => undefined);
    expect(await check('https://r.example/a.pdf', hang, hang).result).toEqual({ state: 'unreachable', detail: 'timed out' });
    expect((await check('javascript:alert(1)', pdfBody, pdfBody).result).state).toBe('unreachable');
  });

  it('cannot check behind a bot challenge or a CORS refusal', async () => {
    const challenge = () => new Response('<html>Just a moment</html>', { status: 403, headers: { 'cf-mitigated': 'challenge', 'content-type': 'text/html' } });
    expect(await check('https://r.example/a.pdf', challenge, challenge).result).toEqual({ state: 'unknown', detail: 'bot challenge' });
    const cors = () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await check('https://r.example/a.pdf', cors, cors).result).state).toBe('unknown');
  });
});
