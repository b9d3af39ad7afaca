/**
 * What the toolbar icon says for a tab: badge text, colour and tooltip. Colour is never the only
 * signal: the text and the tooltip say the same thing in words.
 *
 * Text by status: "OA" for a free copy (green when the best copy is in a repository or on a preprint
 * server, amber when it is at the publisher; shown as soon as the first source reports a copy, while
 * the others are still asked), "✕" nothing free, "!" retracted, "…" looking up (no copy yet), "–" an
 * incomplete answer (a source failed; asked again on the next view), "?" failed or an unregistered
 * DOI; blank when the page has no article DOI or its DOI names something other than an article.
 */
import type { TabState } from '../../utils/messaging/protocol';
import { SOURCE_LABELS, type Copy, type LookupResult, type SourceName } from '../../utils/model';
import { copyHostName, versionLabel } from '../../utils/view/labels';
import { t } from '../../utils/view/i18n';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  repository: '#1a7f37',
  publisher: '#9a6700',
  none: '#6e7781',
  retracted: '#cf222e',
} as const;

function bestCopyTitle(best: Copy): string {
  return t('badgeFound', [copyHostName(best), versionLabel(best.version)]);
}

/** Sources that failed, by name, for the tooltip ("OpenAlex"). */
function failedNames(result: LookupResult): string {
  const names = (Object.entries(result.sources) as Array<[SourceName, LookupResult['sources'][SourceName]]>)
    .filter(([, o]) => o && !o.ok)
    .map(([id]) => SOURCE_LABELS[id] ?? id);
  return names.join(', ');
}

/** No copy: "✕" only for a registered article every source answered about; otherwise a neutral mark. */
function emptyLook(doi: string, result: LookupResult): BadgeLook {
  if (result.status === 'unregistered') return { text: '?', color: BADGE_COLORS.none, title: t('badgeUnregistered', doi) };
  if (result.status === 'incomplete') return { text: '–', color: BADGE_COLORS.none, title: t('badgeIncomplete', [doi, failedNames(result)]) };
  const type = result.work?.type;
  if (result.status === 'unknown' && type) return { text: '', color: BADGE_COLORS.none, title: t('badgeNotArticle', [doi, type.replace(/-/g, ' ')]) };
  return { text: '✕', color: BADGE_COLORS.none, title: t('badgeClosed', doi) };
}

export function badgeFor(state: TabState | null): BadgeLook {
  if (!state?.article) return { text: '', color: BADGE_COLORS.none, title: t('badgeNoArticle') };
  // A derived DOI (mapped from a platform id by rule) is the article only once a lookup confirmed it.
  if (state.article.derived && state.lookup.state !== 'done') return { text: '', color: BADGE_COLORS.none, title: t('badgeNoArticle') };
  const doi = state.article.doi;
  const lookup = state.lookup;
  switch (lookup.state) {
    case 'idle':
      return { text: '', color: BADGE_COLORS.none, title: t('badgeIdle', doi) };
    case 'loading': {
      // Progressive: the first copy (or a retraction) any source reports shows at once; no copy yet is no answer yet.
      const partial = lookup.partial;
      if (partial && (partial.best || partial.retracted)) return answerLook(doi, partial);
      return { text: '…', color: BADGE_COLORS.none, title: t('badgeLoading', doi) };
    }
    case 'error':
      return { text: '?', color: BADGE_COLORS.none, title: t('badgeError', lookup.error) };
    case 'done':
      return answerLook(doi, lookup.result);
  }
}

/** A lookup's answer (final, or so far with a copy or a retraction in it). */
function answerLook(doi: string, result: LookupResult): BadgeLook {
  const best = result.best;
  if (result.retracted) {
    // Still name the copy: the reader may need the retracted text, knowingly.
    const title = t('badgeRetracted', doi);
    return { text: '!', color: BADGE_COLORS.retracted, title: best ? `${title}\n${bestCopyTitle(best)}` : title };
  }
  if (!best) return emptyLook(doi, result);
  const color = best.hostType === 'publisher' ? BADGE_COLORS.publisher : BADGE_COLORS.repository;
  return { text: 'OA', color, title: bestCopyTitle(best) };
}
