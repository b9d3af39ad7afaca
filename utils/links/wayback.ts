/**
 * An archived copy for a dead link: the Wayback Machine's availability API
 * (`GET https://archive.org/wayback/available?url=<copy URL>`). Only the copy's URL is sent, and only
 * after the link was found dead. The one place that names the host (README, PRIVACY.md and the
 * request audit describe it).
 */
import * as z from 'zod/mini';
import type { FetchLike } from '../engine/deps';
import { safeHttpUrl } from '../model/url';

/** The Wayback Machine's origin; the CLI's `--endpoint wayback=URL` and tests replace it. */
export const WAYBACK_BASE = 'https://archive.org';
export const WAYBACK_HOST = 'archive.org';
export const WAYBACK_PATH = '/wayback/available';

/** A capture: its URL (https, at web.archive.org) and its date `YYYY-MM-DD`. */
export interface ArchivedCopy {
  url: string;
  date: string;
}

const Answer = z.object({
  archived_snapshots: z.optional(
    z.object({
      closest: z.optional(z.object({ available: z.optional(z.boolean()), url: z.string(), timestamp: z.string(), status: z.optional(z.string()) })),
    }),
  ),
});

/**
 * Asks for the closest capture of `url`. Resolves to null when there is none, the answer is
 * malformed, the capture is not a 2xx page, or the request fails or passes `timeoutMs` (default 8 s).
 */
export async function findArchivedCopy(url: string, deps: { fetch: FetchLike; base?: string; timeoutMs?: number }): Promise<ArchivedCopy | null> {
  const safe = safeHttpUrl(url);
  if (!safe) return null;
  const endpoint = `${(deps.base ?? WAYBACK_BASE).replace(/\/+$/, '')}${WAYBACK_PATH}?url=${encodeURIComponent(safe)}`;
  try {
    const res = await deps.fetch(endpoint, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 8000),
    });
    if (!res.ok) return null;
    const parsed = Answer.safeParse(await res.json());
    const closest = parsed.success ? parsed.data.archived_snapshots?.closest : undefined;
    if (!closest || closest.available === false || (closest.status && !closest.status.startsWith('2'))) return null;
    const m = /^(\d{4})(\d{2})(\d{2})/.exec(closest.timestamp);
    const capture = safeHttpUrl(closest.url.replace(/^http:\/\/web\.archive\.org\//, 'https://web.archive.org/'));
    return m && capture ? { url: capture, date: `${m[1]}-${m[2]}-${m[3]}` } : null;
  } catch {
    return null;
  }
}
