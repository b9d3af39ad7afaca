/**
 * What the popup makes of link checks: which URLs of the shown copies to check, one verdict per copy
 * from those checks, the re-ranking they cause, and which copy the tab is showing ("You are on this
 * copy"). Pure and zod-free (the popup's first paint imports it).
 */
import type { CheckedLink, LinkCheckTarget } from '../links/link-check';
import type { CopyView } from './result-model';

/** A check's state as shown: `checking` while the background works. */
export type CheckState = CheckedLink['state'] | 'checking';

/** What the popup says about one copy. */
export interface CopyVerdict {
  state: CheckState;
  samePaper: 'yes' | 'no' | 'unknown';
  /** The archived copy of a dead link: the capture, null = none, undefined = not asked (privacy mode). */
  archived?: { url: string; date: string } | null;
  /** For `not-checked`: the origin Greenway may not access ("Allow on this site"). */
  origin?: string;
  /** The PDF link gives a record page: its button says "Open record instead". */
  opensRecord: boolean;
  /**
   * Where the copy's checked links led (final addresses after redirects: a publisher's
   * `https://doi.org/10.…` landing link leads to its article page), for `copyOnTab`. Links that ended
   * at a sign-in page, a dead end or another paper lead nowhere.
   */
  landedAt?: string[];
}

/** Checked URLs per popup: a handful of copies, each check costs the repository a request. */
export const MAX_CHECKS = 8;

export interface PlannedCheck {
  copyKey: string;
  /** `primary`: the link the copy's button opens (its PDF, else its page); `landing`: its landing page besides a PDF. */
  role: 'primary' | 'landing';
  target: LinkCheckTarget;
}

/**
 * The checks for the shown copies, in order, at most MAX_CHECKS: each copy's PDF link (else its
 * landing page) and, for a copy with both, its landing page too — a repository record's always (for
 * the same-paper test), any copy's with `resolveLandings` (to learn where its landing link leads:
 * the popup asks for that when the tab shows the work but no copy's own address is the tab's).
 */
export function plannedChecks(
  views: readonly CopyView[],
  work: { doi: string; title: string | null },
  { resolveLandings = false }: { resolveLandings?: boolean } = {},
): PlannedCheck[] {
  const out: PlannedCheck[] = [];
  const paper = { doi: work.doi, ...(work.title ? { title: work.title } : {}) };
  for (const view of views) {
    const primary = view.pdfUrl ?? view.landingUrl;
    if (primary) out.push({ copyKey: view.key, role: 'primary', target: { url: primary, expect: view.pdfUrl ? 'pdf' : 'landing', ...paper } });
    if (view.pdfUrl && view.landingUrl && (view.isRecord || resolveLandings))
      out.push({ copyKey: view.key, role: 'landing', target: { url: view.landingUrl, expect: 'landing', archive: false, ...paper } });
  }
  return out.slice(0, MAX_CHECKS);
}

/** Where one check's link led, if it gave the copy: not a sign-in page, a dead end or another paper. */
function whereItLed(check: CheckedLink | 'checking' | undefined): string | null {
  if (!check || check === 'checking' || check.state === 'login' || check.state === 'dead' || check.samePaper === 'no') return null;
  return check.finalUrl;
}

/** One copy's verdict from its primary check and (if any) its landing-page check. */
export function copyVerdict(primary: CheckedLink | 'checking' | undefined, landing?: CheckedLink | 'checking'): CopyVerdict | undefined {
  if (!primary) return undefined;
  const landed = [whereItLed(primary), whereItLed(landing)].filter((url): url is string => url !== null);
  const at = landed.length > 0 ? { landedAt: landed } : {};
  if (primary === 'checking') return { state: 'checking', samePaper: 'unknown', opensRecord: false, ...at };
  const papers = [primary.samePaper, landing && landing !== 'checking' ? landing.samePaper : 'unknown'];
  const samePaper = papers.includes('no') ? 'no' : papers.includes('yes') ? 'yes' : 'unknown';
  return {
    state: primary.state,
    samePaper,
    ...('archived' in primary ? { archived: primary.archived } : {}),
    ...('origin' in primary ? { origin: primary.origin } : {}),
    opensRecord: primary.state === 'landing',
    ...at,
  };
}

const isBad = (v: CopyVerdict | undefined) => !!v && (v.samePaper === 'no' || v.state === 'dead' || v.state === 'login');
const passes = (v: CopyVerdict | undefined) => !!v && v.samePaper !== 'no' && (v.state === 'pdf' || v.state === 'landing');

/**
 * Re-ranks the shown copies (best first) by their checks: a different paper goes last; a best copy
 * found dead, behind a login or a different paper gives its place to the first copy of the same or a
 * better version that passes (a PDF or record page of the same paper). The order is otherwise kept.
 */
export function rerank(ordered: readonly CopyView[], verdicts: ReadonlyMap<string, CopyVerdict>): CopyView[] {
  const list = [...ordered.filter((c) => verdicts.get(c.key)?.samePaper !== 'no'), ...ordered.filter((c) => verdicts.get(c.key)?.samePaper === 'no')];
  const first = ordered[0];
  if (!first || !isBad(verdicts.get(first.key))) return list;
  const better = list.find((c) => c !== first && c.versionRank >= first.versionRank && passes(verdicts.get(c.key)));
  return better ? [better, ...list.filter((c) => c !== better)] : list;
}

/** A URL for comparison: no fragment, no trailing slash, http = https, host lower case. Null if not a URL. */
function comparable(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    u.hash = '';
    return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return null;
  }
}

/**
 * The copy whose record page or PDF the tab is showing, or null: popup copy views, or a result's
 * `Copy` list (the article indicator stays away on a page that is itself a free copy). A copy's own
 * addresses first; then, given `landedAt` (a copy's verdict's), where its checked links led — a
 * publisher copy's landing link is often `https://doi.org/10.…`, never the tab's address. Never by
 * the DOI a page declares: a repository's record of the work declares it too.
 */
export function copyOnTab<T extends Pick<CopyView, 'landingUrl' | 'pdfUrl'>>(
  views: readonly T[],
  tabUrl: string | null | undefined,
  landedAt: (view: T) => readonly string[] | undefined = () => undefined,
): T | null {
  const here = comparable(tabUrl ?? null);
  if (!here) return null;
  const isHere = (url: string | null) => comparable(url) === here;
  return views.find((v) => isHere(v.landingUrl) || isHere(v.pdfUrl)) ?? views.find((v) => landedAt(v)?.some(isHere)) ?? null;
}
