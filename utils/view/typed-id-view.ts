/**
 * What the popup's form says while it finds the DOI of a typed PMID or PMCID, and when it cannot
 * (utils/engine/id-map.ts gives the outcome). Zod-free: the form is part of the popup's first paint.
 */
import type { IdLookup } from '../engine/id-map';
import type { TypedId } from '../model/typed-id';
import { typedIdLabel } from '../model/typed-id';
import { t } from './i18n';

type OtherId = Extract<TypedId, { kind: 'pmid' | 'pmcid' }>;

/** "Finding the DOI of PMID 40437959…" */
export function resolvingText(id: OtherId): string {
  return t('typedIdResolving', typedIdLabel(id));
}

/** Why there is no DOI to look up, in words; null when the DOI was found. Source names join with ", ". */
export function idLookupProblem(id: OtherId, lookup: IdLookup): string | null {
  const label = typedIdLabel(id);
  switch (lookup.state) {
    case 'found':
      return null;
    case 'no-doi':
      return t('typedIdNoDoi', [label, lookup.source]);
    case 'unknown':
      return t('typedIdUnknown', [label, lookup.sources.join(', ')]);
    case 'no-source':
      return t('typedIdNoSource', [label, lookup.sources.join(', ')]);
    case 'failed':
      return t('typedIdFailed', [label, lookup.error]);
  }
}
