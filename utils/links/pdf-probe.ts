/**
 * Checks a PDF link on demand (popup) before we call it verified: `HEAD`, then a ranged `GET` of the
 * first kilobyte looking for the `%PDF-` signature. Never downloads a whole file: a server that
 * ignores the range has its body cancelled after the first chunk.
 */
import type { FetchLike } from '../engine/deps';
import { safeHttpUrl } from '../model/url';

export type VerifyState = 'verified' | 'not-pdf' | 'unreachable' | 'unknown';

export interface VerifyResult {
  state: VerifyState;
  /** Short reason for the UI / logs, e.g. "HTML page (login?)", "HTTP 404", "bot challenge". */
  detail: string;
}

export interface VerifyDeps {
  fetch: FetchLike;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  timeoutMs?: number;
}

const PROBE_BYTES = 1024;

/** Bot walls answer 403/429/503 with an HTML challenge; we cannot tell what is behind them. */
function isChallenge(res: Response): boolean {
  return (
    res.headers.has('cf-mitigated') ||
    (res.headers.get('server')?.toLowerCase() === 'cloudflare' && (res.status === 403 || res.status === 503)) ||
    res.status === 429
  );
}

async function withTimeout<T>(deps: VerifyDeps, run: (signal: AbortSignal) => Promise<T>): Promise<T | 'timeout'> {
  const controller = new AbortController();
  const stop = new AbortController();
  const timer = deps.sleep(deps.timeoutMs ?? 10_000, stop.signal).then(() => 'timeout' as const);
  const work = run(controller.signal);
  const winner = await Promise.race([work, timer]);
  stop.abort();
  if (winner === 'timeout') controller.abort();
  return winner;
}

/** Reads at most PROBE_BYTES of the body, then cancels the rest. */
async function firstBytes(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < PROBE_BYTES) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return new TextDecoder('latin1').decode(bytes.subarray(0, PROBE_BYTES));
}

function classifyType(contentType: string | null): 'pdf' | 'html' | 'other' {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/pdf')) return 'pdf';
  if (type.includes('text/html')) return 'html';
  return 'other';
}

export async function verifyPdfLink(url: unknown, deps: VerifyDeps): Promise<VerifyResult> {
  const safe = safeHttpUrl(url);
  if (!safe) return { state: 'unreachable', detail: 'not an http(s) link' };
  const init: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' };
  try {
    const head = await withTimeout(deps, (signal) => deps.fetch(safe, { ...init, method: 'HEAD', signal }));
    if (head === 'timeout') return { state: 'unreachable', detail: 'timed out' };
    if (isChallenge(head)) return { state: 'unknown', detail: 'bot challenge' };
    if (head.ok && classifyType(head.headers.get('content-type')) === 'html') return { state: 'not-pdf', detail: 'HTML page (login or landing page?)' };
    if (head.status === 404 || head.status === 410) return { state: 'unreachable', detail: `HTTP ${head.status}` };
    // HEAD's content type alone is not proof (servers lie, many refuse HEAD): look at the bytes.
    const probe = await withTimeout(deps, async (signal) => {
      const res = await deps.fetch(safe, { ...init, method: 'GET', headers: { range: `bytes=0-${PROBE_BYTES - 1}` }, signal });
      return { res, text: res.ok ? await firstBytes(res) : '' };
    });
    if (probe === 'timeout') return { state: 'unreachable', detail: 'timed out' };
    const { res, text } = probe;
    if (isChallenge(res)) return { state: 'unknown', detail: 'bot challenge' };
    if (!res.ok)
      return res.status >= 500 || res.status === 404 || res.status === 410
        ? { state: 'unreachable', detail: `HTTP ${res.status}` }
        : { state: 'unknown', detail: `HTTP ${res.status}` };
    if (text.trimStart().startsWith('%PDF-')) return { state: 'verified', detail: 'PDF' };
    if (classifyType(res.headers.get('content-type')) === 'html' || /^\s*<(!doctype|html)/i.test(text)) {
      return { state: 'not-pdf', detail: 'HTML page (login or landing page?)' };
    }
    return { state: 'not-pdf', detail: 'no PDF signature' };
  } catch (error) {
    // The browser reports CORS refusals as a bare TypeError: the link may be fine, we just cannot see.
    const message = error instanceof Error ? error.message : String(error);
    return /cors|failed to fetch|networkerror/i.test(message)
      ? { state: 'unknown', detail: 'blocked by the browser (CORS)' }
      : { state: 'unreachable', detail: message.slice(0, 100) };
  }
}
