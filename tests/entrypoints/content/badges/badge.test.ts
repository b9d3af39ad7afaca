import { describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/entrypoints/content/badges/badge';
import { createIndicator } from '@/entrypoints/content/indicator/indicator';
import { badgeView } from '@/entrypoints/content/badges/view';
import { acceptedCopy, closedResult, foundResult, uclCopy } from '../../../fixtures/results';

// Built per test: the i18n stub that labels need is installed in beforeEach (tests/setup.ts).
const open = () => badgeView(foundResult({ status: 'green' }), { hideClosed: false })!;
const closed = () => badgeView(closedResult(), { hideClosed: false })!;

/** The words a badge draws, read from its data-text attributes (they are painted by CSS). */
function words(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('[data-text]')).map((el) => el.getAttribute('data-text')!);
}

const LEAD = 'Free to read: published version, CC BY 4.0, at UCL Discovery';
const NOTE = 'The version of record, as the journal published it.';

describe('createBadge', () => {
  it('is one button that opens its details: what the reader can do, the version, the link to the copy', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    const root = host.shadowRoot!;
    const toggle = root.querySelector('button.main')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe(`Free copy: ${LEAD} ${NOTE}`);
    expect(toggle.querySelector('svg')).not.toBeNull();
    expect(words(toggle)).toEqual(['Free copy']);
    const details = root.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(words(details)).toEqual([LEAD, NOTE, 'Open PDF', 'Copy repository link']);
    const link = details.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(uclCopy.pdfUrl);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.getAttribute('aria-label')).toBe('Open PDF — UCL Discovery');
    expect(host.getAttribute('data-status')).toBe('green');
  });

  it('one Tab stop per badge: the details open on the button and close on Escape, back on the button', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    document.body.append(host);
    const root = host.shadowRoot!;
    const box = root.querySelector('.b')!;
    const toggle = root.querySelector<HTMLButtonElement>('button.main')!;
    // Closed, the details are not displayed, so their link and button are not in the Tab order.
    expect(box.classList.contains('expanded')).toBe(false);
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(box.classList.contains('expanded')).toBe(true);
    root.querySelector<HTMLElement>('.panel a')!.focus();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(toggle);
    host.remove();
  });

  it('closes its details when the focus moves elsewhere in the page, not when the window loses it (the copy opened in a new tab)', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    const outside = document.createElement('button');
    document.body.append(host, outside);
    const root = host.shadowRoot!;
    const box = root.querySelector('.b')!;
    const toggle = root.querySelector<HTMLButtonElement>('button.main')!;
    toggle.click();
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    box.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    hasFocus.mockReturnValue(true);
    box.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: outside }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    hasFocus.mockRestore();
    host.remove();
    outside.remove();
  });

  it('says "Preprint" for a submitted version, with its plain line', () => {
    const draft = { ...acceptedCopy, version: 'submitted' as const };
    const view = badgeView(foundResult({ status: 'green', best: draft, copies: [draft] }), { hideClosed: false })!;
    const root = createBadge(document, view, { copyText: async () => undefined }).shadowRoot!;
    expect(words(root.querySelector('button.main')!)).toEqual(['Preprint']);
    expect(words(root.querySelector('.panel')!)[1]).toBe("The authors' draft before peer review: it may differ from the published article.");
  });

  it('holds no text a selection could copy: every word is CSS-generated', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    expect(host.textContent).toBe('');
    expect(host.shadowRoot!.querySelector('.b')!.textContent).toBe('');
    expect(host.style.getPropertyValue('user-select')).toBe('none');
  });

  it('copies the repository record link from its details and says so', async () => {
    const copyText = vi.fn(async () => undefined);
    const host = createBadge(document, open(), { copyText });
    const button = host.shadowRoot!.querySelector<HTMLButtonElement>('.panel button.copy')!;
    expect(button.getAttribute('aria-label')).toBe('Copy repository link — UCL Discovery');
    button.click();
    await Promise.resolve();
    await Promise.resolve();
    expect(copyText).toHaveBeenCalledWith(uclCopy.landingUrl);
    expect(button.getAttribute('data-state')).toBe('copied');
    expect(button.getAttribute('aria-label')).toBe('Copied');
  });

  it('has no copy button when there is no repository copy', () => {
    const view = badgeView(foundResult({ status: 'gold', best: { ...acceptedCopy, hostType: 'publisher' }, copies: [] }), {
      hideClosed: false,
    })!;
    const host = createBadge(document, view, { copyText: async () => undefined });
    expect(host.shadowRoot!.querySelector('button.copy')).toBeNull();
  });

  it('draws works without a free copy as a small mark with an accessible name and no link', () => {
    const host = createBadge(document, closed(), { copyText: async () => undefined });
    const root = host.shadowRoot!;
    expect(root.querySelector('a, button')).toBeNull();
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('No free copy found');
    expect(words(root.querySelector('.mark')!)).toEqual(['Closed']);
  });

  it('makes that mark a "Library" link to the library\'s resolver when one is set up', () => {
    const view = badgeView(closedResult(), { hideClosed: false, openUrlBase: 'https://resolver.example.edu/openurl' })!;
    const root = createBadge(document, view, { copyText: async () => undefined }).shadowRoot!;
    const link = root.querySelector('a.main')!;
    expect(link.getAttribute('href')).toContain('https://resolver.example.edu/openurl?url_ver=Z39.88-2004');
    expect(link.getAttribute('href')).toContain('rft_id=info%3Adoi%2F10.1186');
    expect(link.getAttribute('aria-label')).toBe('Library: Find it through your library');
    expect(words(link)).toEqual(['Library']);
  });

  it('draws an unregistered DOI as "Unknown DOI", never "Closed", even with no-copy marks hidden', () => {
    const view = badgeView(closedResult({ status: 'unregistered' }), { hideClosed: true })!;
    const root = createBadge(document, view, { copyText: async () => undefined }).shadowRoot!;
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('This DOI is not registered');
    expect(words(root.querySelector('.mark')!)).toEqual(['Unknown DOI']);
  });

  it('draws an incomplete answer as a neutral "Incomplete" mark: no padlock, no link, a name that says a source was not reached', () => {
    const view = badgeView(closedResult({ status: 'incomplete', sources: { openalex: { ok: false, error: 'HTTP 503' } } }), { hideClosed: false })!;
    const host = createBadge(document, view, { copyText: async () => undefined });
    const root = host.shadowRoot!;
    expect(host.getAttribute('data-kind')).toBe('incomplete');
    expect(root.querySelector('a, button')).toBeNull();
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe(
      'The answer is incomplete. Not every source could be reached, and those that answered know no free copy. Greenway asks again on your next visit.',
    );
    expect(words(root.querySelector('.mark')!)).toEqual(['Incomplete']);
    // The closed padlock is drawn for "Closed" only.
    const closedIcon = createBadge(document, closed(), { copyText: async () => undefined })
      .shadowRoot!.querySelector('.mark path')!
      .getAttribute('d');
    expect(root.querySelector('.mark path')!.getAttribute('d')).not.toBe(closedIcon);
  });

  it('keeps its clicks from the page’s own handlers', () => {
    const parent = document.createElement('div');
    const onClick = vi.fn();
    parent.addEventListener('click', onClick);
    const host = createBadge(document, closed(), { copyText: async () => undefined });
    parent.append(host);
    document.body.append(parent);
    host.shadowRoot!.querySelector('.mark')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onClick).not.toHaveBeenCalled();
    parent.remove();
  });

  it('says a work is retracted first in its details', () => {
    const view = badgeView(foundResult({ retracted: true }), { hideClosed: false })!;
    const host = createBadge(document, view, { copyText: async () => undefined });
    expect(words(host.shadowRoot!.querySelector('.panel')!)[0]).toBe('This article has been retracted');
  });
});

describe('createIndicator', () => {
  it('offers the free copy and hides itself when dismissed', () => {
    const onDismiss = vi.fn();
    const host = createIndicator(document, open(), onDismiss)!;
    document.body.append(host);
    const root = host.shadowRoot!;
    expect(root.querySelector('a')!.getAttribute('href')).toBe(uclCopy.pdfUrl);
    expect(words(root)).toEqual(['Free copy of this article']);
    root.querySelector('button')!.click();
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(host.isConnected).toBe(false);
  });

  it('shows nothing for closed works', () => {
    expect(createIndicator(document, closed(), () => undefined)).toBeNull();
  });
});
