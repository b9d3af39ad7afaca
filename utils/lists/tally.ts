/**
 * What each source did for a checked list, counted as the answers come in (so a run keeps counts,
 * not every result): how many DOIs it answered, how many it failed on, and which sources the run
 * expected but never asked. The progress bar counts DOIs whose every source has answered; this is
 * the per-source account beside it, so that ticking the per-DOI sources (Unpaywall, CORE, OpenAIRE
 * together) never reads as "asked" for a source the engine skipped.
 */
import type { LookupResult, SourceName } from '../model';
import { SOURCES } from '../sources/registry';

export interface SourceCounts {
  answered: number;
  failed: number;
}

export interface RunTally {
  /** DOIs with a result. */
  results: number;
  sources: Map<SourceName, SourceCounts>;
  /** Error text ("Unpaywall: HTTP 500") → DOIs it happened to. */
  errors: Map<string, number>;
}

export function emptyTally(): RunTally {
  return { results: 0, sources: new Map(), errors: new Map() };
}

/** Counts one DOI's result into `tally` (mutated). */
export function countResult(tally: RunTally, result: LookupResult): void {
  tally.results++;
  for (const [id, outcome] of Object.entries(result.sources) as [SourceName, LookupResult['sources'][SourceName]][]) {
    if (!outcome) continue;
    const counts = tally.sources.get(id) ?? { answered: 0, failed: 0 };
    if (outcome.ok) counts.answered++;
    else {
      counts.failed++;
      tally.errors.set(outcome.error, (tally.errors.get(outcome.error) ?? 0) + 1);
    }
    tally.sources.set(id, counts);
  }
}

/** The errors, most frequent first. */
export function errorSummary(tally: RunTally): { error: string; count: number }[] {
  return [...tally.errors].map(([error, count]) => ({ error, count })).sort((a, b) => b.count - a.count);
}

/** Why a source the run expected was never asked: the settings it needs (see utils/engine/source-use.ts). */
export type NotAskedReason = 'email' | 'key' | 'off';

export interface SourceLine {
  id: SourceName;
  label: string;
  /** DOIs the source answered / failed on, of `of` DOIs with a result (doi.org: of the DOIs it was asked about); absent when it was never asked. */
  counts: (SourceCounts & { of: number }) | null;
  notAsked: NotAskedReason | null;
}

/**
 * One line per source, in registry order: every source that answered or failed for some DOI, and
 * every index the run meant to ask (the batched ones; all of them with `perDoi`) but never did —
 * said only once some result is in, since before that nothing was asked of anyone.
 */
export function sourceLines(tally: RunTally, perDoi: boolean): SourceLine[] {
  return SOURCES.flatMap((source): SourceLine[] => {
    const counts = tally.sources.get(source.id);
    if (counts) {
      // doi.org is asked only about DOIs no index knows: out of those, not of the list ("1 of 4002 answered" read as 4001 failures).
      const of = source.role === 'registration' ? counts.answered + counts.failed : tally.results;
      return [{ id: source.id, label: source.label, counts: { ...counts, of }, notAsked: null }];
    }
    // doi.org (a registration source) is asked only about DOIs no index knows: not asking it is no setting's doing.
    if (tally.results === 0 || !(perDoi || source.batched) || source.role === 'registration') return [];
    const reason: NotAskedReason = source.needsEmail ? 'email' : source.key?.required ? 'key' : 'off';
    return [{ id: source.id, label: source.label, counts: null, notAsked: reason }];
  });
}
