/**
 * Builds the inline badge: a `<greenway-badge>` host with an open shadow root holding a link to the
 * best copy (status icon + word), a button that copies the repository link, and a tooltip with host,
 * version and licence. Plain DOM calls and attributes only — page and API data never become markup.
 *
 * No custom element is defined: content scripts run in an isolated world without `customElements`,
 * and an undefined element with a hyphenated name still takes a shadow root.
 */
import { t } from '@/utils/view/i18n';
import { BADGE_TAG } from '@/entrypoints/content/badges/placement';
import type { BadgeView } from '@/entrypoints/content/badges/view';
import { BADGE_CSS } from './styles';
import { icon } from './icons';

export interface BadgeActions {
  /** Writes text to the clipboard (navigator.clipboard in the page, a spy in tests). */
  copyText(text: string): Promise<void>;
}

/** A span whose words are drawn by CSS (`content: attr(data-text)`), so a text selection skips them. */
function word(doc: Document, text: string, className?: string): HTMLSpanElement {
  const span = doc.createElement('span');
  span.setAttribute('data-text', text);
  if (className) span.className = className;
  return span;
}

/**
 * Styles that hold the host itself together against page rules such as `span, * { display: block }`:
 * inline `!important` outranks any stylesheet rule.
 */
const HOST_STYLE: Array<[string, string]> = [
  ['display', 'inline-block'],
  ['user-select', 'none'],
  ['-webkit-user-select', 'none'],
  ['float', 'none'],
  ['position', 'static'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['width', 'auto'],
  ['height', 'auto'],
];

function tooltip(doc: Document, lines: string[]): HTMLSpanElement {
  const tip = doc.createElement('span');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.id = 'tip';
  lines.forEach((line, i) => tip.append(word(doc, line, i === 0 ? 'head' : undefined)));
  return tip;
}

function copyButton(doc: Document, url: string, host: string, actions: BadgeActions): HTMLButtonElement {
  const label = t('copyRepositoryLink');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.title = label;
  button.setAttribute('aria-label', `${label} — ${host}`);
  button.append(icon(doc, 'copy'));
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener('click', () => {
    clearTimeout(timer);
    const show = (state: 'copied' | 'failed') => {
      button.setAttribute('data-state', state);
      button.setAttribute('aria-label', t(state === 'copied' ? 'copied' : 'copyFailed'));
      timer = setTimeout(() => {
        button.removeAttribute('data-state');
        button.setAttribute('aria-label', `${label} — ${host}`);
      }, 2000);
    };
    actions.copyText(url).then(
      () => show('copied'),
      () => show('failed'),
    );
  });
  return button;
}

/** The shadow content for `view`. */
function content(doc: Document, view: BadgeView, actions: BadgeActions): HTMLElement {
  const box = doc.createElement('span');
  box.className = `b ${view.kind}${view.retracted ? ' retracted' : ''}`;
  const head = view.retracted ? `${view.statusLabel} — ${t('retractedTitle')}` : view.statusLabel;
  if (view.kind === 'open' && view.openUrl) {
    const link = doc.createElement('a');
    link.className = 'main';
    link.href = view.openUrl;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.referrerPolicy = 'no-referrer';
    link.setAttribute('aria-label', `${t('inlineFree')}: ${[head, ...view.details].join(', ')}`);
    link.setAttribute('aria-describedby', 'tip');
    link.append(icon(doc, 'open'), word(doc, t('inlineFree')));
    box.append(link);
    if (view.repositoryUrl) box.append(copyButton(doc, view.repositoryUrl, view.details[0] ?? '', actions));
  } else {
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', head);
    const unregistered = view.kind === 'unregistered';
    mark.append(icon(doc, unregistered ? 'unknown' : 'closed'), word(doc, t(unregistered ? 'inlineUnregistered' : 'inlineClosed')));
    box.append(mark);
  }
  box.append(tooltip(doc, [head, ...view.details]));
  return box;
}

const sheets = new WeakMap<Document, CSSStyleSheet | null>();

/**
 * One parsed style sheet shared by every badge of the page (a page may hold thousands); where
 * constructable sheets cannot be adopted (older engines, some isolated worlds) each root gets a
 * `<style>` element instead.
 */
function adoptStyles(doc: Document, root: ShadowRoot): void {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Sheet();
      sheet.replaceSync(BADGE_CSS);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      /* fall through to a <style> element */
    }
  }
  const style = doc.createElement('style');
  style.textContent = BADGE_CSS;
  root.append(style);
}

/**
 * A new badge host for `view`. Clicks inside are kept from the page's own handlers (a reference list
 * that opens something on click must not react to a click on our badge).
 */
export function createBadge(doc: Document, view: BadgeView, actions: BadgeActions): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  host.setAttribute('data-status', view.status);
  host.setAttribute('data-kind', view.kind);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root);
  root.append(content(doc, view, actions));
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick']) {
    root.addEventListener(type, (event) => event.stopPropagation());
  }
  return host;
}
