/**
 * What the toolbar icon says for a tab: badge text, colour and tooltip. Colour is never the only
 * signal: the text and the tooltip say the same thing in words.
 *
 * Text by status: "OA" for a free copy (green when the best copy is in a repository or on a preprint
 * server, amber when it is at the publisher), "✕" nothing free, "!" retracted, "…" looking up,
 * "?" failed; blank when the page has no article DOI.
 */
import type { TabState } from '../../utils/messaging/protocol';
import type { Copy } from '../../utils/model';
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

export function badgeFor(state: TabState | null): BadgeLook {
  if (!state?.article) return { text: '', color: BADGE_COLORS.none, title: t('badgeNoArticle') };
  const doi = state.article.doi;
  const lookup = state.lookup;
  switch (lookup.state) {
    case 'idle':
      return { text: '', color: BADGE_COLORS.none, title: t('badgeIdle', doi) };
    case 'loading':
      return { text: '…', color: BADGE_COLORS.none, title: t('badgeLoading', doi) };
    case 'error':
      return { text: '?', color: BADGE_COLORS.none, title: t('badgeError', lookup.error) };
    case 'done': {
      const { result } = lookup;
      const best = result.best;
      if (result.retracted) {
        // Still name the copy: the reader may need the retracted text, knowingly.
        const title = t('badgeRetracted', doi);
        return { text: '!', color: BADGE_COLORS.retracted, title: best ? `${title}\n${bestCopyTitle(best)}` : title };
      }
      if (!best) return { text: '✕', color: BADGE_COLORS.none, title: t('badgeClosed', doi) };
      const color = best.hostType === 'publisher' ? BADGE_COLORS.publisher : BADGE_COLORS.repository;
      return { text: 'OA', color, title: bestCopyTitle(best) };
    }
  }
}
