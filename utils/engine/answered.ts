import type { LookupResult, SourceOutcome } from '../model';
import { sourceById } from '../sources/registry';

/**
 * The outcomes of the sources that say something about copies (the indexes), leaving out
 * registration sources (doi.org), whose "registered" is no answer about where a copy is.
 * Sources not asked are absent from `result.sources` and so from the list.
 */
export function indexOutcomes(result: Pick<LookupResult, 'sources'>): SourceOutcome[] {
  return Object.entries(result.sources).flatMap(([name, o]) => (o && sourceById(name)?.role !== 'registration' ? [o] : []));
}

/** True when no index answered: none was asked, or every one asked failed. Such a result says nothing about copies. */
export function noIndexAnswered(result: Pick<LookupResult, 'sources'>): boolean {
  return indexOutcomes(result).every((o) => !o.ok);
}
