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

describe('createBadge', () => {
  it('links to the best copy in a new tab, with status icon and word, and details in the tooltip', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    const root = host.shadowRoot!;
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(uclCopy.pdfUrl);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.querySelector('svg')).not.toBeNull();
    expect(link.getAttribute('aria-label')).toBe('Free copy: Free copy in a repository (green), UCL Discovery, Published version, CC BY 4.0');
    expect(words(link)).toEqual(['Free copy']);
    expect(words(root.querySelector('[role="tooltip"]')!)).toEqual(['Free copy in a repository (green)', 'UCL Discovery', 'Published version', 'CC BY 4.0']);
    expect(host.getAttribute('data-status')).toBe('green');
  });

  it('holds no text a selection could copy: every word is CSS-generated', () => {
    const host = createBadge(document, open(), { copyText: async () => undefined });
    expect(host.textContent).toBe('');
    expect(host.shadowRoot!.querySelector('.b')!.textContent).toBe('');
    expect(host.style.getPropertyValue('user-select')).toBe('none');
  });

  it('copies the repository record link with the secondary button and says so', async () => {
    const copyText = vi.fn(async () => undefined);
    const host = createBadge(document, open(), { copyText });
    const button = host.shadowRoot!.querySelector('button')!;
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
    expect(host.shadowRoot!.querySelector('button')).toBeNull();
  });

  it('draws closed works as a small mark with an accessible name and no link', () => {
    const host = createBadge(document, closed(), { copyText: async () => undefined });
    const root = host.shadowRoot!;
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('No free copy found');
    expect(words(root.querySelector('.mark')!)).toEqual(['Closed']);
  });

  it('draws an unregistered DOI as "Unknown DOI", never "Closed"', () => {
    const view = badgeView(closedResult({ status: 'unregistered' }), { hideClosed: false })!;
    const root = createBadge(document, view, { copyText: async () => undefined }).shadowRoot!;
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('[role="img"]')!.getAttribute('aria-label')).toBe('This DOI is not registered');
    expect(words(root.querySelector('.mark')!)).toEqual(['Unknown DOI']);
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

  it('marks retracted works in the tooltip', () => {
    const view = badgeView(foundResult({ retracted: true }), { hideClosed: false })!;
    const host = createBadge(document, view, { copyText: async () => undefined });
    expect(words(host.shadowRoot!.querySelector('[role="tooltip"]')!)[0]).toBe('Gold open access — This article has been retracted');
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
