/**
 * The link check: one ranged `GET` of a copy's URL, without cookies or Referer, following at most
 * five redirects, that tells what a reader clicking the link would get — a PDF, a record page, a
 * sign-in page, a bot check, a dead link — and, for an HTML answer, whether it is the same paper.
 * Runs in the background worker (the content script's `http(s)://*\/*` matches are host permissions,
 * so no CORS) and in Node (`npm run verify`). Never downloads a whole file: the body is cancelled
 * after SAME_PAPER_BYTES (HTML) or the first chunk (anything else).
 */
import type { FetchLike } from '../engine/deps';
import { safeHttpUrl } from '../model/url';
import { comparePaper, readPaperIds, SAME_PAPER_BYTES, type ExpectedPaper, type SamePaper } from './same-paper';
import type { ArchivedCopy } from './wayback';
import { isChallengePage, isChallengeResponse, isLoginUrl, hasPasswordForm } from './signs';

/** What a link gives: `pdf` "PDF checked", `landing` "Record page", `login` "Behind a login",
 * `challenge` "Blocked by a bot check", `dead` "Link broken", `unknown` "Could not check". */
export type LinkState = 'pdf' | 'landing' | 'login' | 'challenge' | 'dead' | 'unknown';

export interface LinkCheck {
  state: LinkState;
  /** Short reason for logs and tooltips, e.g. "HTTP 404", "redirected to a sign-in page". */
  detail: string;
  /** Where the last answer came from (after redirects), or null when nothing answered: the popup's "You are on this copy" compares the tab with it. */
  finalUrl: string | null;
  /** For an HTML answer: the same-paper verdict; otherwise `unknown`. */
  samePaper: SamePaper;
}

/**
 * A check as the popup sees it (the `check:link` reply): a LinkCheck (a dead one with its archived
 * copy, null = none, undefined = not asked yet), or `not-checked` when Greenway may not access the
 * host (`origin`, for the "Allow on this site" request).
 */
export type CheckedLink =
  (LinkCheck & { archived?: ArchivedCopy | null }) | { state: 'not-checked'; detail: string; finalUrl: null; samePaper: 'unknown'; origin: string };

export interface LinkCheckTarget extends ExpectedPaper {
  url: string;
  /** What the copy promises there: a PDF (a password form then means a login) or a record page. */
  expect?: 'pdf' | 'landing';
  /** Whether a dead link should bring its archived copy (default true; false for a record checked only for the same-paper test). */
  archive?: boolean;
}

export interface LinkCheckDeps {
  fetch: FetchLike;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Whole-check budget in milliseconds (default 10 000). */
  timeoutMs?: number;
}

export const MAX_REDIRECTS = 5;
const SNIFF_BYTES = 1024;

const result = (state: LinkState, detail: string, finalUrl: string | null, samePaper: SamePaper = 'unknown'): LinkCheck => ({
  state,
  detail,
  finalUrl,
  samePaper,
});

/** Reads the body up to `limit` bytes (less once it is clearly not HTML), then cancels the rest. */
async function readHead(res: Response, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    size += value.length;
    if (size >= SNIFF_BYTES && !looksLikeHtml(decode(chunks, SNIFF_BYTES))) break;
  }
  await reader.cancel().catch(() => undefined);
  return decode(chunks, limit);
}

function decode(chunks: Uint8Array[], limit: number): string {
  const size = Math.min(
    limit,
    chunks.reduce((n, c) => n + c.length, 0),
  );
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    if (offset >= size) break;
    bytes.set(c.subarray(0, size - offset), offset);
    offset += c.length;
  }
  // latin1 keeps "%PDF-" exact; UTF-8 titles are compared after decoding below.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html|<head|<!--|<meta|<title)/i.test(text) || /<html[\s>]/i.test(text);

/** Maps a thrown fetch error: Node names DNS and refused connections; browsers say only "failed". */
function fromError(error: unknown, url: string): LinkCheck {
  const cause = (error as { cause?: { code?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (/^(ENOTFOUND|ECONNREFUSED|EAI_NONAME)$/.test(code)) return result('dead', code === 'ECONNREFUSED' ? 'connection refused' : 'no such host', url);
  const message = error instanceof Error ? error.message : String(error);
  return result('unknown', (code || message).slice(0, 100), url);
}

async function classify(res: Response, url: string, target: LinkCheckTarget): Promise<LinkCheck> {
  if (isChallengeResponse(res)) return result('challenge', `HTTP ${res.status} bot check`, url);
  if (res.status === 404 || res.status === 410) return result('dead', `HTTP ${res.status}`, url);
  if (res.status === 401) return result('login', 'HTTP 401', url);
  if (!res.ok) return result('unknown', `HTTP ${res.status}`, url);
  const text = await readHead(res, SAME_PAPER_BYTES);
  if (text.trimStart().startsWith('%PDF-')) return result('pdf', 'PDF', url);
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (!type.includes('html') && !looksLikeHtml(text)) return result('unknown', `not a PDF (${type.split(';')[0] || 'no type'})`, url);
  if (isChallengePage(text)) return result('challenge', 'bot check page', url);
  if (isLoginUrl(url)) return result('login', 'sign-in page', url);
  if (target.expect !== 'landing' && hasPasswordForm(text)) return result('login', 'password form where a PDF was promised', url);
  return result('landing', 'HTML page', url, comparePaper(readPaperIds(text), target));
}

async function follow(target: LinkCheckTarget, start: string, deps: LinkCheckDeps, signal: AbortSignal): Promise<LinkCheck> {
  const init: RequestInit = {
    method: 'GET',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { range: `bytes=0-${SAME_PAPER_BYTES - 1}` },
    signal,
  };
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res = await deps.fetch(url, { ...init, redirect: 'manual' });
    if (res.type === 'opaqueredirect') {
      // Browsers hide a manual redirect's Location: let the browser follow and judge where it ended.
      res = await deps.fetch(url, { ...init, redirect: 'follow' });
      const landed = safeHttpUrl(res.url) ?? url;
      if (res.redirected && isLoginUrl(landed)) return result('login', 'redirected to a sign-in page', landed);
      return classify(res, landed, target);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
      await res.body?.cancel().catch(() => undefined);
      const next = safeHttpUrl(new URL(res.headers.get('location') ?? '', url).href);
      if (!next) return result('unknown', 'redirect to a non-web address', url);
      if (isLoginUrl(next)) return result('login', 'redirected to a sign-in page', next);
      url = next;
      continue;
    }
    return classify(res, url, target);
  }
  return result('unknown', `more than ${MAX_REDIRECTS} redirects`, url);
}

/**
 * Checks one link. Resolves (never rejects) with a LinkCheck: bad input is `unknown`, a timeout
 * (`deps.timeoutMs`, default 10 s, for the whole redirect chain) is `unknown` "timed out".
 */
export async function checkLink(target: LinkCheckTarget, deps: LinkCheckDeps): Promise<LinkCheck> {
  const start = safeHttpUrl(target.url);
  if (!start) return result('unknown', 'not an http(s) link', null);
  const controller = new AbortController();
  const stop = new AbortController();
  const timer = deps.sleep(deps.timeoutMs ?? 10_000, stop.signal).then(() => 'timeout' as const);
  try {
    const winner = await Promise.race([follow(target, start, deps, controller.signal), timer]);
    if (winner === 'timeout') {
      controller.abort();
      return result('unknown', 'timed out', start);
    }
    return winner;
  } catch (error) {
    return fromError(error, start);
  } finally {
    stop.abort();
  }
}
