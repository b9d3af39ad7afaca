/**
 * The overall open-access status of a work, decided from the copies we actually found plus what the
 * sources say about the journal. Copies win over a source's label: if OpenAlex says "closed" but
 * Europe PMC has a manuscript, the work is green.
 */
import { isOpenLicence } from './licence';
import type { Copy, OaStatus } from '.';

export interface StatusHints {
  /** Statuses the sources stated (OpenAlex / Unpaywall oa_status, S2's openAccessPdf.status). */
  stated: OaStatus[];
  /** Some source answered (even "nothing found"): without that, the status is unknown, not closed. */
  anyAnswer: boolean;
}

const PUBLISHER_STATUSES: OaStatus[] = ['diamond', 'gold', 'hybrid', 'bronze'];

/** Maps the spellings sources use ("GREEN", "gold") to our status, or null. */
export function parseOaStatus(value: unknown): OaStatus | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  return (['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed'] as const).find((s) => s === v) ?? null;
}

export function overallStatus(copies: Copy[], hints: StatusHints): OaStatus {
  const publisherCopies = copies.filter((c) => c.hostType === 'publisher');
  if (publisherCopies.length > 0) {
    // The sources know the journal (DOAJ, APCs); take the most open publisher status any stated.
    const stated = PUBLISHER_STATUSES.find((s) => hints.stated.includes(s));
    if (stated) return stated;
    return publisherCopies.some((c) => isOpenLicence(c.licence)) ? 'hybrid' : 'bronze';
  }
  if (copies.length > 0) return 'green';
  return hints.anyAnswer ? 'closed' : 'unknown';
}
