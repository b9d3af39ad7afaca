/**
 * What one inline badge shows for a lookup result: a pure function from `LookupResult` to a small
 * view model, so the DOM code only copies fields into elements and every rule is unit-tested here.
 */
import { copyHostName, licenceText, statusLabel, versionLabel } from '../../../utils/view/labels';
import type { Copy, LookupResult, OaStatus } from '../../../utils/model';
import { safeHttpUrl } from '../../../utils/model/url';

/** `unregistered`: doi.org says the DOI does not exist ("Unknown DOI"), never "Closed". */
export type BadgeKind = 'open' | 'closed' | 'unregistered';

export interface BadgeView {
  kind: BadgeKind;
  status: OaStatus;
  /** Long status words for the tooltip and the accessible name ("Free copy in a repository (green)"). */
  statusLabel: string;
  /** Facts about the best copy, one line each: host, version, licence. Empty for closed. */
  details: string[];
  /** Where a click goes: the best copy's PDF, else its landing page. Null for closed. */
  openUrl: string | null;
  /** The repository record to copy (best repository copy's landing page), if there is one. */
  repositoryUrl: string | null;
  retracted: boolean;
}

export interface ViewOptions {
  /** Leave closed works unmarked instead of showing the "closed" mark. */
  hideClosed: boolean;
}

/**
 * Statuses a badge can show; "unknown" (nobody answered, or not an article), "incomplete" (a source
 * failed: the answer may change on the next view) and anything unexpected show nothing.
 */
const KNOWN = new Set<OaStatus>(['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed', 'unregistered']);

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

/**
 * The badge for `result`, or null when nothing should be shown: no result yet, status unknown, an
 * open status without a usable URL (a badge that cannot be followed would mislead), or a closed work
 * while the user hides closed marks.
 */
export function badgeView(result: LookupResult | null | undefined, options: ViewOptions): BadgeView | null {
  if (!result || typeof result !== 'object') return null;
  const status = result.status;
  if (!KNOWN.has(status)) return null;
  const base = { status, statusLabel: statusLabel(status), retracted: result.retracted === true };
  const best = result.best;
  const openUrl = best ? (safeHttpUrl(best.pdfUrl) ?? safeHttpUrl(best.landingUrl)) : null;
  if (isOpen(status) && best && openUrl) {
    return {
      ...base,
      kind: 'open',
      details: [copyHostName(best), versionLabel(best.version), licenceText(best)],
      openUrl,
      repositoryUrl: repositoryRecord(result),
    };
  }
  if (status === 'unregistered') return { ...base, kind: 'unregistered', details: [], openUrl: null, repositoryUrl: null };
  if (status === 'closed' && options.hideClosed) return null;
  if (status !== 'closed') return null;
  return { ...base, kind: 'closed', details: [], openUrl: null, repositoryUrl: null };
}
