/**
 * The overall open-access status of a work, decided from the copies we actually found plus what the
 * sources say about the journal. Copies win over a source's label: if OpenAlex says "closed" but
 * Europe PMC has a manuscript, the work is green.
 */
import { isOpenLicence } from './licence';
import { isNonArticleType } from './work-type';
import type { Copy, OaStatus } from '.';

export interface StatusHints {
  /** Statuses the sources stated (OpenAlex / Unpaywall oa_status, S2's openAccessPdf.status). */
  stated: OaStatus[];
  /** Some source answered (even "nothing found"): without that, the status is unknown, not closed. */
  anyAnswer: boolean;
  /** A source asked about this DOI failed: without a copy, the answer is incomplete, not closed. */
  finderFailed?: boolean;
  /** doi.org's word: false = the DOI does not exist; null/absent = not asked or no answer. */
  registered?: boolean | null;
  /** The work's type, when a source said (see ./work-type.ts). */
  workType?: string | null;
}

const PUBLISHER_STATUSES: OaStatus[] = ['diamond', 'gold', 'hybrid', 'bronze'];

/** Maps the spellings sources use ("GREEN", "gold") to our status, or null. */
export function parseOaStatus(value: unknown): OaStatus | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  return (['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed'] as const).find((s) => s === v) ?? null;
}

/**
 * The status of a work from its merged copies and the hints: an open status when a copy exists;
 * otherwise `unregistered`, `incomplete`, `unknown` (not an article, or nobody answered) or `closed`.
 */
export function overallStatus(copies: Copy[], hints: StatusHints): OaStatus {
  const publisherCopies = copies.filter((c) => c.hostType === 'publisher');
  if (publisherCopies.length > 0) {
    // The sources know the journal (DOAJ, APCs); take the most open publisher status any stated.
    const stated = PUBLISHER_STATUSES.find((s) => hints.stated.includes(s));
    if (stated) return stated;
    return publisherCopies.some((c) => isOpenLicence(c.licence)) ? 'hybrid' : 'bronze';
  }
  if (copies.length > 0) return 'green';
  // No copy: say "closed" only when every source that could know one answered, about a registered article.
  if (hints.registered === false) return 'unregistered';
  if (!hints.anyAnswer) return 'unknown';
  if (hints.finderFailed) return 'incomplete';
  return isNonArticleType(hints.workType) ? 'unknown' : 'closed';
}
