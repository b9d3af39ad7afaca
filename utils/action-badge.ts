/**
 * What the toolbar icon says for a tab: badge text, colour and tooltip. Colour is never the only
 * signal: the text and the tooltip say the same thing in words.
 */
import type { TabState } from './messages';
import { copyHostName, versionLabel } from './labels';

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

export function badgeFor(state: TabState | null): BadgeLook {
  if (!state?.article) return { text: '', color: BADGE_COLORS.none, title: 'Greenway: no article DOI on this page' };
  const doi = state.article.doi;
  const lookup = state.lookup;
  switch (lookup.state) {
    case 'idle':
      return { text: '', color: BADGE_COLORS.none, title: `Greenway: ${doi} — open to look it up` };
    case 'loading':
      return { text: '…', color: BADGE_COLORS.none, title: `Greenway: looking up ${doi}` };
    case 'error':
      return { text: '?', color: BADGE_COLORS.none, title: `Greenway: lookup failed — ${lookup.error}` };
    case 'done': {
      const { result } = lookup;
      if (result.retracted) return { text: '!', color: BADGE_COLORS.retracted, title: `Greenway: ${doi} has been retracted` };
      const best = result.best;
      if (!best) return { text: '✕', color: BADGE_COLORS.none, title: `Greenway: no free copy found for ${doi}` };
      const color = best.hostType === 'publisher' ? BADGE_COLORS.publisher : BADGE_COLORS.repository;
      return {
        text: 'OA',
        color,
        title: `Greenway: free copy at ${copyHostName(best)} — ${versionLabel(best.version)}`,
      };
    }
  }
}
