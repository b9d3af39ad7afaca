/**
 * Turns whatever came back — JSON, an HTML error page, an error body, a timeout — into a per-source
 * outcome with a clear message ("OpenAlex: HTTP 500", "Unpaywall: got an HTML page instead of
 * JSON"). Nothing here throws, so one source's failure never loses the others' answers.
 */
import type { HttpResult } from './http';
import { parseAnswer } from '../sources/parse';
import type { ParseOutcome, Source } from '../sources/source';

/** Parses JSON text, recognising HTML pages (captchas, proxies, maintenance pages) by their shape. */
export function parseJsonBody(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body')) {
    return { ok: false, error: 'got an HTML page instead of JSON' };
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) return { ok: false, error: 'got XML/markup instead of JSON' };
  if (!head) return { ok: false, error: 'empty response' };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, error: 'malformed JSON' };
  }
}

/** The message an API put in its error body, if any ({error}, {message}, {detail}). */
function errorMessage(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  const o = json as Record<string, unknown>;
  for (const key of ['message', 'error', 'detail', 'description']) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v.trim().replace(/\s+/g, ' ').slice(0, 160);
    if (Array.isArray(v) && typeof v[0] === 'object' && v[0] !== null && typeof (v[0] as Record<string, unknown>).message === 'string') {
      return String((v[0] as Record<string, unknown>).message).slice(0, 160);
    }
  }
  return null;
}

/**
 * The JSON body of a source's answer, or a labelled error ("Europe PMC: HTTP 503"); `notFound` when
 * the status is one the source uses for "unknown here".
 */
export function readJsonAnswer(source: Source, result: HttpResult): { ok: true; json: unknown } | { ok: true; notFound: true } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `${source.label}: ${error}` });
  if (result.kind === 'failure') return fail(result.error);
  if (source.notFoundStatuses.includes(result.status)) return { ok: true, notFound: true };
  const body = parseJsonBody(result.text);
  if (result.status < 200 || result.status >= 300) {
    const detail = body.ok ? errorMessage(body.json) : null;
    const what = result.status === 429 ? 'HTTP 429 (rate limited)' : `HTTP ${result.status}`;
    return fail(detail ? `${what}: ${detail}` : what);
  }
  return body.ok ? body : fail(body.error);
}

/** Maps an HTTP result to the source's answers for `dois`, or a labelled error. */
export function readResponse(source: Source, result: HttpResult, dois: string[], seenAt: number): ParseOutcome {
  const fail = (error: string): ParseOutcome => ({ ok: false, error: `${source.label}: ${error}` });
  const body = readJsonAnswer(source, result);
  if (!body.ok) return body;
  if ('notFound' in body) return { ok: true, answers: new Map() };
  try {
    const parsed = parseAnswer(source, body.json, dois, seenAt);
    return parsed.ok ? parsed : fail(parsed.error);
  } catch (error) {
    // A parser bug must still not lose the other sources' answers.
    return fail(`could not read the response (${error instanceof Error ? error.message : String(error)})`);
  }
}
