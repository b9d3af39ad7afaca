/** The popup's link checks (utils/links, entrypoints/background/link-check.ts) as the reader sees them. */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PopupApp } from '@/components/PopupApp';
import type { LookupResult } from '@/utils/model';
import { acceptedCopy, BMC_DOI, BMC_TITLE, foundResult, publisherCopy, uclCopy } from '../fixtures/results';
import { checker, fakeClient, tabState, UCL_LEAD } from './popup-world';

const done = (result: LookupResult) => tabState({ state: 'done', result });

/** Opens the one-line row of another copy (its toggle is named host · version · licence) and returns it. */
function expandRow(toggle: string): HTMLElement {
  const button = screen.getByRole('button', { name: new RegExp(`^${toggle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  if (button.getAttribute('aria-expanded') !== 'true') fireEvent.click(button);
  return button.closest('article')!;
}

describe('popup: link checks', () => {
  it('checks each copy and says what came back, in words', async () => {
    const checkLink = checker({
      [uclCopy.pdfUrl!]: 'pdf',
      [uclCopy.landingUrl!]: { state: 'landing', samePaper: 'yes' },
      [publisherCopy.pdfUrl!]: 'login',
      [acceptedCopy.landingUrl!]: 'challenge',
    });
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult()), { checkLink })} />);
    const best = await screen.findByRole('article', { name: UCL_LEAD });
    await waitFor(() => expect(best.textContent).toContain('PDF checked'));
    expect(best.textContent).toContain('Same paper');
    // A check that changes the reader's choice shows on the row itself, before it is opened.
    const publisher = screen.getByRole('article', { name: 'BMC Health Services Research, Published version' });
    await waitFor(() => expect(publisher.querySelector('.row-warning')?.textContent).toContain('Behind a login'));
    const whiteRose = screen.getByRole('article', { name: 'White Rose Research Online, Accepted version' });
    await waitFor(() => expect(whiteRose.querySelector('.row-warning')?.textContent).toContain('Blocked by a bot check'));
    // In the engine's order — UCL: PDF and record (same paper); BMC: PDF; White Rose: its record page only.
    expect(checkLink.mock.calls.map(([t]) => [t.url, t.expect])).toEqual([
      [uclCopy.pdfUrl, 'pdf'],
      [uclCopy.landingUrl, 'landing'],
      [publisherCopy.pdfUrl, 'pdf'],
      [acceptedCopy.landingUrl, 'landing'],
    ]);
    expect(checkLink.mock.calls[0]![0]).toMatchObject({ doi: BMC_DOI, title: BMC_TITLE });
    expect(checkLink.mock.calls[1]![0]).toMatchObject({ archive: false });
  });

  it('shows "Checking link…" until the check answers, then the other outcomes in words', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const table = checker({ [uclCopy.pdfUrl!]: 'unknown', [publisherCopy.pdfUrl!]: 'dead' });
    const checkLink = vi.fn(async (target: Parameters<typeof table>[0]) => (await gate, table(target)));
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult()), { checkLink })} />);
    const best = await screen.findByRole('article', { name: UCL_LEAD });
    await waitFor(() => expect(best.textContent).toContain('Checking link…'));
    await act(async () => finish());
    await waitFor(() => expect(best.textContent).toContain('Could not check'));
    expect(expandRow('BMC Health Services Research').textContent).toContain('Link broken');
  });

  it('demotes a different paper below the others, and its buttons say so', async () => {
    const checkLink = checker({ [uclCopy.pdfUrl!]: 'pdf', [uclCopy.landingUrl!]: { state: 'landing', samePaper: 'no' }, [publisherCopy.pdfUrl!]: 'pdf' });
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult()), { checkLink })} />);
    await screen.findByRole('heading', { name: 'Free to read: published version, CC BY 4.0, at BMC Health Services Research' });
    const articles = screen.getAllByRole('article');
    const ucl = articles[articles.length - 1]!;
    expect(ucl.getAttribute('aria-label')).toBe('UCL Discovery, Published version');
    expect(ucl.textContent).toContain('Different paper!');
    expandRow('UCL Discovery');
    expect(screen.getByRole('link', { name: 'Open anyway (different paper!) — UCL Discovery' }).className).not.toContain('primary');
  });

  it('a dead best copy gives its place to a copy of the same version that passes, and offers its archived copy', async () => {
    const archived = { url: 'https://web.archive.org/web/20230901000000/https://discovery.ucl.ac.uk/x.pdf', date: '2023-09-01' };
    const checkLink = checker({ [uclCopy.pdfUrl!]: { state: 'dead', archived }, [publisherCopy.pdfUrl!]: 'pdf' });
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult()), { checkLink })} />);
    await screen.findByRole('heading', { name: 'Free to read: published version, CC BY 4.0, at BMC Health Services Research' });
    expandRow('UCL Discovery');
    const link = await screen.findByRole('link', { name: 'Archived copy (2023-09-01) — UCL Discovery' });
    expect(link.getAttribute('href')).toBe(archived.url);
  });

  it('a PDF link that gives a record page says "Open record instead"', async () => {
    const checkLink = checker({ [uclCopy.pdfUrl!]: 'landing' });
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ copies: [uclCopy] })), { checkLink })} />);
    expect(await screen.findByRole('link', { name: 'Open record instead — UCL Discovery' })).toBeTruthy();
    expect(screen.getByText('Record page')).toBeTruthy();
  });

  it('in privacy mode asks for the archived copy only on click', async () => {
    const checkLink = checker({ [uclCopy.pdfUrl!]: { state: 'dead' } });
    const findArchive = vi.fn(async () => null);
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ copies: [uclCopy] })), { checkLink, findArchive })} />);
    const button = await screen.findByRole('button', { name: 'Look for an archived copy — UCL Discovery' });
    expect(findArchive).not.toHaveBeenCalled();
    await act(async () => button.click());
    expect(findArchive).toHaveBeenCalledWith(uclCopy.pdfUrl);
    expect(await screen.findByText('No archived copy found')).toBeTruthy();
  });

  it('"Not checked" with the site-access request, and checks again once allowed', async () => {
    let allowed = false;
    const checkLink = vi.fn(async ({ url }: { url: string }) =>
      allowed
        ? { state: 'pdf' as const, detail: '', finalUrl: url, samePaper: 'unknown' as const }
        : { state: 'not-checked' as const, detail: '', finalUrl: null, samePaper: 'unknown' as const, origin: 'https://discovery.ucl.ac.uk' },
    );
    const requestSiteAccess = vi.fn(async () => (allowed = true));
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ copies: [uclCopy] })), { checkLink, requestSiteAccess })} />);
    const allow = await screen.findByRole('button', { name: 'Allow on this site — UCL Discovery' });
    expect(screen.getByText('Not checked')).toBeTruthy();
    await act(async () => allow.click());
    expect(requestSiteAccess).toHaveBeenCalledWith('https://discovery.ucl.ac.uk');
    expect(await screen.findByText('PDF checked')).toBeTruthy();
  });

  it('the copy on the tab says "You are on this copy", is not the best copy and is not checked', async () => {
    const checkLink = checker({ [publisherCopy.pdfUrl!]: 'pdf' });
    const onUcl = { ...done(foundResult()), pageUrl: `${uclCopy.landingUrl}/#abstract` };
    render(<PopupApp tabId={3} client={fakeClient(onUcl, { checkLink })} />);
    const here = (await screen.findByText('You are on this copy')).closest('section')!;
    expect(here.querySelector('article')!.getAttribute('aria-label')).toBe('UCL Discovery, Published version');
    expect(here.querySelector('.here-version')!.textContent).toBe('You are on this copy: the published version at UCL Discovery.');
    // Said once: not again on the row.
    expect(screen.getAllByText(/You are on this copy/)).toHaveLength(1);
    const best = screen.getByRole('heading', { name: 'Free to read: published version, CC BY 4.0, at BMC Health Services Research' }).closest('article')!;
    expect(best.textContent).not.toContain('UCL Discovery');
    await waitFor(() => expect(checkLink).toHaveBeenCalled());
    expect(checkLink.mock.calls.map(([t]) => t.url)).not.toContain(uclCopy.pdfUrl);
    // A copy's own address matched: no landing link is checked to learn where it leads.
    expect(checkLink.mock.calls.map(([t]) => t.url)).not.toContain(publisherCopy.landingUrl);
  });

  it('on the publisher\'s article page, the publisher copy whose doi.org link leads there says "You are on this copy"', async () => {
    const articlePage = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w';
    // doi.org's redirect, as the background's link check reports it: where the landing link ended.
    const checkLink = checker({ [publisherCopy.landingUrl!]: { state: 'landing', samePaper: 'yes', finalUrl: articlePage }, [uclCopy.pdfUrl!]: 'pdf' });
    const onBmc = { ...done(foundResult()), pageUrl: `${articlePage}#Sec1` };
    render(<PopupApp tabId={3} client={fakeClient(onBmc, { checkLink })} />);
    const here = (await screen.findByText('You are on this copy')).closest('section')!;
    expect(here.querySelector('article')!.getAttribute('aria-label')).toBe('BMC Health Services Research, Published version');
    expect(here.querySelector('.here-version')!.textContent).toBe('You are on this copy: the published version at BMC Health Services Research.');
    expect(screen.getByRole('article', { name: UCL_LEAD }).textContent).toContain('PDF checked');
    // The best other copy comes under a heading of its own, after the tab's copy.
    const elsewhere = screen.getByRole('heading', { name: 'Also free elsewhere' });
    expect(here.compareDocumentPosition(elsewhere) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(elsewhere.compareDocumentPosition(screen.getByRole('article', { name: UCL_LEAD })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Offered once, in its own section: not among the other copies.
    expect(screen.getAllByRole('article', { name: 'BMC Health Services Research, Published version' })).toHaveLength(1);
    expect(checkLink.mock.calls.map(([t]) => t.url)).toContain(publisherCopy.landingUrl);
  });

  it("a landing link that led to the tab's address but to another paper leaves the copy among the others, flagged", async () => {
    const articlePage = 'https://bmchealthservres.biomedcentral.com/articles/10.1186/s12913-023-10058-w';
    const checkLink = checker({ [publisherCopy.landingUrl!]: { state: 'landing', samePaper: 'no', finalUrl: articlePage } });
    render(<PopupApp tabId={3} client={fakeClient({ ...done(foundResult()), pageUrl: articlePage }, { checkLink })} />);
    const publisher = await screen.findByRole('article', { name: 'BMC Health Services Research, Published version' });
    await waitFor(() => expect(publisher.querySelector('.row-warning')?.textContent).toContain('Different paper!'));
    expect(screen.queryByText('You are on this copy')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Also free elsewhere' })).toBeNull();
  });
});
