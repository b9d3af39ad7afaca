/**
 * Builds the inline badge: a `<greenway-badge>` host with an open shadow root. A free copy is one
 * button ("Free copy", or "Preprint" for a submitted version) whose details say what the reader can
 * do and what the version is, and hold the link to the copy and "Copy repository link"; a work
 * without a free copy is a quiet mark ("Closed", "Unknown DOI", "Incomplete"), or a "Library" link
 * when a library is set up. Plain DOM calls
 * and attributes only — page and API data never become markup.
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

/** The badge's details: its lines, then the actions (the copy's link, copying the record link). */
function panel(doc: Document, lines: string[]): HTMLSpanElement {
  const box = doc.createElement('span');
  box.className = 'panel';
  box.id = 'details';
  lines.forEach((line, i) => box.append(word(doc, line, i === 0 ? 'head' : undefined)));
  return box;
}

function outLink(doc: Document, href: string, className: string): HTMLAnchorElement {
  const link = doc.createElement('a');
  link.className = className;
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.referrerPolicy = 'no-referrer';
  return link;
}

function copyButton(doc: Document, url: string, host: string, actions: BadgeActions): HTMLButtonElement {
  const label = t('copyRepositoryLink');
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.setAttribute('aria-label', `${label} — ${host}`);
  button.append(icon(doc, 'copy'), word(doc, label));
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

/**
 * A free copy: one button (one Tab stop per badge) that opens the badge's details, which hold the
 * link to the copy and the copy-link action. Hover shows the same details to a mouse. Escape, or
 * focus leaving the badge for elsewhere in the page, closes them.
 */
function openBadge(doc: Document, box: HTMLElement, view: BadgeView, lines: string[], actions: BadgeActions): void {
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.className = 'main';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'details');
  toggle.setAttribute('aria-label', `${view.word}: ${lines.join(' ')}`);
  toggle.append(icon(doc, 'open'), word(doc, view.word));
  const details = panel(doc, lines);
  const go = outLink(doc, view.openUrl!, 'go');
  go.setAttribute('aria-label', `${view.openLabel} — ${view.details[0] ?? ''}`);
  go.append(word(doc, view.openLabel));
  details.append(go);
  if (view.repositoryUrl) details.append(copyButton(doc, view.repositoryUrl, view.details[0] ?? '', actions));
  const setOpen = (open: boolean) => {
    box.classList.toggle('expanded', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    event.stopPropagation();
    setOpen(false);
    toggle.focus();
  });
  box.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    // The window losing the focus (the copy opened in a new tab: Firefox sends focusout then) is no
    // leaving: the reader comes back to the details they were in, the focus still on their link.
    if (!next && !doc.hasFocus()) return;
    if (!next || !box.contains(next)) setOpen(false);
  });
  box.append(toggle, details);
}

/** The shadow content for `view`. */
function content(doc: Document, view: BadgeView, actions: BadgeActions): HTMLElement {
  const box = doc.createElement('span');
  box.className = `b ${view.kind}${view.retracted ? ' retracted' : ''}`;
  const lines = view.retracted ? [t('retractedTitle'), ...view.lines] : view.lines;
  if (view.kind === 'open' && view.openUrl) {
    openBadge(doc, box, view, lines, actions);
  } else if (view.kind === 'library' && view.openUrl) {
    // No free copy, but the reader's library may have it: one link, straight to the library.
    const link = outLink(doc, view.openUrl, 'main');
    link.setAttribute('aria-label', `${view.word}: ${view.openLabel}`);
    link.setAttribute('aria-describedby', 'details');
    link.append(icon(doc, 'closed'), word(doc, view.word));
    box.append(link, panel(doc, lines));
  } else {
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', lines.join('. '));
    // Only "Closed" shows the padlock: the other marks claim nothing about access.
    mark.append(icon(doc, view.kind === 'closed' ? 'closed' : view.kind === 'incomplete' ? 'partial' : 'unknown'), word(doc, view.word));
    box.append(mark, panel(doc, lines));
  }
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
