/**
 * What one inline badge shows for a lookup result: a pure function from `LookupResult` to a small
 * view model, so the DOM code only copies fields into elements and every rule is unit-tested here.
 */
import { copyHostName, licenceText, statusLabel, versionLabel } from '../../../utils/view/labels';
import { leadLine, versionNote } from '../../../utils/view/copy-words';
import { openUrlFor } from '../../../utils/settings/library-links';
import { t } from '../../../utils/view/i18n';
import type { Copy, LookupResult, OaStatus } from '../../../utils/model';
import { safeHttpUrl } from '../../../utils/model/url';

/**
 * `open`: a free copy; `closed`: none known (a quiet mark); `library`: none known, a link to the
 * library; `unregistered`: doi.org says the DOI does not exist ("Unknown DOI"), never "Closed";
 * `incomplete`: a source that could know a copy was not reached and the others know none — a
 * neutral mark ("Incomplete"), never "Closed" and no library link (issue 13).
 */
export type BadgeKind = 'open' | 'closed' | 'library' | 'unregistered' | 'incomplete';

export interface BadgeView {
  kind: BadgeKind;
  status: OaStatus;
  /** The badge's word: "Free copy", "Preprint" (a submitted version), "Closed", "Library", "Unknown DOI" or "Incomplete". */
  word: string;
  /** Long status words for the article indicator ("Free copy in a repository (green)"). */
  statusLabel: string;
  /** The badge's details, one line each: what the reader can do, then what the version is. */
  lines: string[];
  /** Facts about the best copy, one line each: host, version, licence. Empty without a copy. */
  details: string[];
  /** Where the details' link goes: the best copy's PDF, else its landing page; the library's resolver for `library`. */
  openUrl: string | null;
  /** The words of that link ("Open PDF", "Open repository record", "Find it through your library"). */
  openLabel: string;
  /** The repository record to copy (best repository copy's landing page), if there is one. */
  repositoryUrl: string | null;
  retracted: boolean;
}

export interface ViewOptions {
  /** Leave works without a free copy unmarked (the default). */
  hideClosed: boolean;
  /** The library's link resolver (OpenURL base): a work without a free copy gets a "Library" link. */
  openUrlBase?: string;
}

/** Statuses a badge can show; "unknown" (nobody answered, or not an article) and anything unexpected show nothing. */
const KNOWN = new Set<OaStatus>(['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed', 'unregistered', 'incomplete']);

function isOpen(status: OaStatus): boolean {
  return status !== 'closed' && status !== 'unknown' && status !== 'unregistered' && status !== 'incomplete';
}

/** The first copy in rank order that lives in a repository and has a record URL (not just a PDF). */
function repositoryRecord(result: LookupResult): string | null {
  const copies: Copy[] = result.best ? [result.best, ...result.copies] : result.copies;
  for (const copy of copies) {
    if (copy.hostType !== 'repository') continue;
    const url = safeHttpUrl(copy.landingUrl);
    if (url) return url;
  }
  return null;
}

/** Not peer-reviewed (or not known to be): a submitted version, or a preprint server's copy of no stated version. */
function isPreprint(copy: Copy): boolean {
  return copy.version === 'submitted' || (copy.hostType === 'preprint' && copy.version === null);
}

function openCopy(
  result: LookupResult,
  best: Copy,
  openUrl: string,
  status: OaStatus,
  base: Omit<BadgeView, 'kind' | 'word' | 'lines' | 'details' | 'openUrl' | 'openLabel' | 'repositoryUrl'>,
): BadgeView {
  const host = copyHostName(best);
  const pdf = safeHttpUrl(best.pdfUrl);
  return {
    ...base,
    status,
    kind: 'open',
    word: t(isPreprint(best) ? 'inlinePreprint' : 'inlineFree'),
    lines: [leadLine(best.version, best.licence?.label ?? null, host), versionNote(best.version)],
    details: [host, versionLabel(best.version), licenceText(best)],
    openUrl,
    openLabel: pdf ? t('openPdf') : best.hostType === 'publisher' ? t('openPage') : t('openRecord'),
    repositoryUrl: repositoryRecord(result),
  };
}

/**
 * The badge for `result`, or null when nothing should be shown: no result yet, status unknown, an
 * open status without a usable URL (a badge that cannot be followed would mislead), or a work
 * without a free copy while such marks are hidden.
 */
export function badgeView(result: LookupResult | null | undefined, options: ViewOptions): BadgeView | null {
  if (!result || typeof result !== 'object') return null;
  const status = result.status;
  if (!KNOWN.has(status)) return null;
  const base = { status, statusLabel: statusLabel(status), retracted: result.retracted === true };
  const best = result.best;
  const openUrl = best ? (safeHttpUrl(best.pdfUrl) ?? safeHttpUrl(best.landingUrl)) : null;
  if (isOpen(status) && best && openUrl) return openCopy(result, best, openUrl, status, base);
  const none = { ...base, details: [], repositoryUrl: null, lines: [t('nothingFoundTitle')] };
  // Not a work at all: said whatever the option for works without a free copy.
  if (status === 'unregistered')
    return { ...none, kind: 'unregistered', word: t('inlineUnregistered'), lines: [base.statusLabel], openUrl: null, openLabel: '' };
  // The other answers without a free copy follow the option for such marks (hidden by default).
  if (options.hideClosed) return null;
  // Some source was not reached: say so in a neutral mark, and push no library for what may be free.
  if (status === 'incomplete')
    return { ...none, kind: 'incomplete', word: t('inlineIncomplete'), lines: [base.statusLabel, t('inlineIncompleteHelp')], openUrl: null, openLabel: '' };
  if (status !== 'closed') return null;
  const work = result.work ?? null;
  const library = options.openUrlBase ? openUrlFor(options.openUrlBase, { doi: result.doi, ...work }) : null;
  if (library) return { ...none, kind: 'library', word: t('inlineLibrary'), openUrl: library, openLabel: t('libraryResolver') };
  return { ...none, kind: 'closed', word: t('inlineClosed'), openUrl: null, openLabel: '' };
}
