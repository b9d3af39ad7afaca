/**
 * The article-page indicator: a small card fixed at the bottom edge of the page saying a free copy
 * of this article exists, with a link to it and a button that hides it on this site. The toolbar
 * icon stays the primary signal; this only helps readers who never look at the toolbar.
 */
import { t } from '@/utils/view/i18n';
import type { BadgeView } from '@/entrypoints/content/badges/view';
import { icon } from '../badges/icons';
import { INDICATOR_CSS } from '../badges/styles';

export const INDICATOR_TAG = 'greenway-indicator';

export function createIndicator(doc: Document, view: BadgeView, onDismiss: () => void): HTMLElement | null {
  if (view.kind !== 'open' || !view.openUrl) return null;
  const host = doc.createElement(INDICATOR_TAG);
  host.setAttribute('data-status', view.status);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = INDICATOR_CSS;

  const card = doc.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'complementary');
  card.setAttribute('aria-label', 'Greenway');
  const link = doc.createElement('a');
  link.href = view.openUrl;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.referrerPolicy = 'no-referrer';
  // The same plain words as the badge and the popup: what the reader can do, what the version is.
  link.title = view.lines.join('\n');
  link.setAttribute('aria-label', `${t('indicatorFree')}: ${view.lines.join(' ')}`);
  const words = doc.createElement('span');
  words.setAttribute('data-text', t('indicatorFree'));
  link.append(words);

  const close = doc.createElement('button');
  close.type = 'button';
  close.title = t('indicatorHide');
  close.setAttribute('aria-label', t('indicatorHide'));
  close.append(icon(doc, 'close'));
  close.addEventListener('click', () => {
    host.remove();
    onDismiss();
  });

  card.append(icon(doc, 'open'), link, close);
  root.append(style, card);
  return host;
}
