/**
 * The background's link checker for the popup (`check:link`, `check:archive`): the link check
 * (utils/links/link-check.ts) with a memory of hours, at most PER_HOST checks at a time per host,
 * the site-access test ("Not checked" when the user withdrew Greenway's access to that host), and
 * the Wayback Machine asked for an archived copy only once a link was found dead.
 */
import { checkLink, type CheckedLink, type LinkCheckDeps, type LinkCheckTarget } from '../../utils/links/link-check';
import { safeHttpUrl } from '../../utils/model/url';
import { findArchivedCopy, type ArchivedCopy } from '../../utils/links/wayback';

export interface LinkCheckerDeps extends LinkCheckDeps {
  /** Whether Greenway may fetch `origin` (`permissions.contains`); absent = yes. */
  hasAccess?(origin: string): Promise<boolean>;
  /** Whether archived copies may be looked up without a click (false in privacy mode); absent = yes. */
  archiveWithoutClick?(): Promise<boolean>;
  /** The Wayback Machine's origin (tests). */
  waybackBase?: string;
}

export interface LinkCheckerOptions {
  /** How long an answer is reused (ms, default 6 h): a repository that was down may be back later. */
  ttlMs?: number;
  /** Bound on remembered answers, so a long session cannot grow the worker's memory. */
  maxEntries?: number;
  now?: () => number;
}

export interface LinkChecker {
  /** Checks a copy's link; never rejects. */
  check(target: LinkCheckTarget): Promise<CheckedLink>;
  /** The archived copy of a link this checker found dead (null otherwise: nothing is sent). */
  archive(url: string): Promise<ArchivedCopy | null>;
}

/** Checks at the same time against one host. */
export const PER_HOST = 2;

function hostSlots() {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  return async <T>(host: string, run: () => Promise<T>): Promise<T> => {
    if ((active.get(host) ?? 0) >= PER_HOST) await new Promise<void>((resolve) => waiting.set(host, [...(waiting.get(host) ?? []), resolve]));
    active.set(host, (active.get(host) ?? 0) + 1);
    try {
      return await run();
    } finally {
      active.set(host, (active.get(host) ?? 1) - 1);
      waiting.get(host)?.shift()?.();
    }
  };
}

export function createLinkChecker(deps: LinkCheckerDeps, options: LinkCheckerOptions = {}): LinkChecker {
  const ttl = options.ttlMs ?? 6 * 3_600_000;
  const max = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const memo = new Map<string, { at: number; answer: Promise<CheckedLink> }>();
  const dead = new Map<string, Promise<ArchivedCopy | null> | null>();
  const slot = hostSlots();
  const archive = (url: string) => findArchivedCopy(url, { fetch: deps.fetch, base: deps.waybackBase });

  async function run(target: LinkCheckTarget): Promise<CheckedLink> {
    const safe = safeHttpUrl(target.url);
    if (!safe) return checkLink(target, deps);
    const { origin, host } = new URL(safe);
    if (deps.hasAccess && !(await deps.hasAccess(origin).catch(() => false))) {
      return { state: 'not-checked', detail: 'no site access', finalUrl: null, samePaper: 'unknown', origin };
    }
    const answer = await slot(host, () => checkLink(target, deps));
    if (answer.state !== 'dead') return answer;
    if (target.archive === false) return answer;
    const auto = deps.archiveWithoutClick ? await deps.archiveWithoutClick().catch(() => false) : true;
    const archived = auto ? archive(target.url) : null;
    dead.set(target.url, archived);
    return { ...answer, archived: archived ? await archived : undefined };
  }

  return {
    check(target) {
      const key = JSON.stringify([target.url, target.expect ?? 'pdf', target.doi ?? '', target.title ?? '', target.archive !== false]);
      const hit = memo.get(key);
      if (hit && now() - hit.at < ttl) return hit.answer;
      const answer = run(target);
      memo.delete(key);
      memo.set(key, { at: now(), answer });
      // Access may be granted a moment later ("Allow on this site"): that answer is not kept.
      void answer.then((a) => a.state === 'not-checked' && memo.get(key)?.answer === answer && memo.delete(key));
      // Map keeps insertion order: the first key is the oldest entry.
      while (memo.size > max) memo.delete(memo.keys().next().value as string);
      while (dead.size > max) dead.delete(dead.keys().next().value as string);
      return answer;
    },
    archive(url) {
      if (!dead.has(url)) return Promise.resolve(null);
      const known = dead.get(url) ?? archive(url);
      dead.set(url, known);
      return known;
    },
  };
}
