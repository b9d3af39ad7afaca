import { describe, expect, it, vi } from 'vitest';
import { render, screen, fireEvent, waitFor, within } from '@testing-library/preact';
import { PopupApp } from '@/components/PopupApp';
import { BMC_DOI, closedResult, foundResult, uclCopy } from '../fixtures/results';
import { fakeClient as client, tabState, UCL_LEAD } from './popup-world';

describe('PopupApp', () => {
  it('renders a finished lookup from the tab state without asking the sources again', async () => {
    const c = client(tabState({ state: 'done', result: foundResult() }));
    render(<PopupApp tabId={3} client={c} />);
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(c.lookup).not.toHaveBeenCalled();
    expect(screen.getByText('The version of record, as the journal published it.')).toBeTruthy();
    expect(screen.getByText('DOI 10.1186/s12913-023-10058-w · BMC Health Services Research, 2023')).toBeTruthy();
    // The rest is in the Details disclosure, in words: licence deed, sources, how the DOI was found.
    const details = screen.getByText('Details').closest('details')!;
    expect(details.open).toBe(false);
    expect(
      within(details)
        .getByRole('link', { name: /Licence: CC BY 4.0/ })
        .getAttribute('href'),
    ).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(within(details).getByText('Found via OpenAlex, Unpaywall')).toBeTruthy();
    expect(within(details).getByText('Greenway read the DOI from the citation details in the page.')).toBeTruthy();
    expect(details.textContent).not.toContain('meta tag');
  });

  it('looks the article up when the tab has no result yet, then shows the best copy first', async () => {
    const c = client(tabState({ state: 'idle' }));
    render(<PopupApp tabId={3} client={c} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(c.lookup).toHaveBeenCalledWith(BMC_DOI, { tabId: 3, force: false });
    const cards = screen.getAllByRole('article');
    expect(cards[0]?.textContent).toContain(UCL_LEAD);
    expect(screen.getByText('Other free copies (2)')).toBeTruthy();
    // The others are one line each: host · version · licence, and a link to open them.
    const row = screen.getByRole('button', { name: 'White Rose Research Online · Accepted · No open licence' });
    expect(row.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('link', { name: 'Open repository record — White Rose Research Online' }).textContent).toBe('Open');
    fireEvent.click(row);
    expect(row.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(row.getAttribute('aria-controls')!)!;
    expect(body.textContent).toContain("The peer-reviewed text, without the journal's layout.");
    expect(body.textContent).toContain('No open licence stated');
  });

  it('copies the repository record link and says Copied', async () => {
    const c = client(tabState({ state: 'done', result: foundResult() }));
    render(<PopupApp tabId={3} client={c} />);
    const button = await screen.findByRole('button', { name: 'Copy repository link — UCL Discovery' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toContain('Copied'));
    expect(c.copied).toEqual([uclCopy.landingUrl]);
  });

  it('opens PDFs and records in a new tab without opener or referrer', async () => {
    render(<PopupApp tabId={3} client={client(tabState({ state: 'done', result: foundResult() }))} />);
    const pdf = await screen.findByRole('link', { name: 'Open PDF — UCL Discovery' });
    expect(pdf.getAttribute('href')).toBe(uclCopy.pdfUrl);
    expect(pdf.getAttribute('target')).toBe('_blank');
    expect(pdf.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Open repository record — UCL Discovery' }).getAttribute('href')).toBe(uclCopy.landingUrl);
  });

  it('never renders a javascript: URL from a source', async () => {
    const evil = { ...uclCopy, pdfUrl: 'javascript:alert(1)', landingUrl: 'data:text/html,x' };
    render(<PopupApp tabId={3} client={client(tabState({ state: 'done', result: foundResult({ best: evil, copies: [evil] }) }))} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(screen.queryByRole('link', { name: /Open PDF/ })).toBeNull();
    expect(document.querySelector('a[href^="javascript"], a[href^="data"]')).toBeNull();
  });

  it('offers a DOI input when the page has none, accepting a doi.org URL', async () => {
    const c = client(null);
    render(<PopupApp tabId={3} client={c} />);
    const input = await screen.findByLabelText('DOI or link');
    fireEvent.input(input, { target: { value: 'see https://doi.org/10.1038/NATURE12373 please' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(c.lookup).toHaveBeenCalledWith(expect.stringMatching(/^10\.1038\/nature12373$/i), { tabId: undefined, force: false });
  });

  it('explains input without a DOI instead of looking it up', async () => {
    const c = client(null);
    render(<PopupApp tabId={3} client={c} />);
    fireEvent.input(await screen.findByLabelText('DOI or link'), { target: { value: 'no identifier here' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not contain a DOI/);
    expect(c.lookup).not.toHaveBeenCalled();
  });

  it('says honestly when nothing was found', async () => {
    render(<PopupApp tabId={3} client={client(tabState({ state: 'done', result: closedResult() }))} />);
    expect(await screen.findByRole('heading', { name: 'No free copy found' })).toBeTruthy();
  });

  it('names a failing source and still shows what the others found', async () => {
    const result = foundResult({ sources: { openalex: { ok: true }, unpaywall: { ok: false, error: 'HTTP 500' } } });
    render(<PopupApp tabId={3} client={client(tabState({ state: 'done', result }))} />);
    expect(await screen.findByText('Unpaywall did not answer (HTTP 500); the other sources did.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
  });

  it('warns about a retraction with the notice link', async () => {
    const result = foundResult({
      retracted: true,
      retraction: { kind: 'retraction', noticeUrl: 'https://doi.org/10.1186/notice', noticeDoi: '10.1186/notice' },
    });
    render(<PopupApp tabId={3} client={client(tabState({ state: 'done', result }))} />);
    expect(await screen.findByText(/This article has been retracted/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Read the retraction notice' }).getAttribute('href')).toBe('https://doi.org/10.1186/notice');
  });

  it('shows a lookup failure with a working retry', async () => {
    const lookup = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(foundResult());
    render(<PopupApp tabId={3} client={client(tabState({ state: 'idle' }), { lookup })} />);
    expect((await screen.findByRole('alert')).textContent).toMatch('The lookup failed: offline');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(lookup).toHaveBeenLastCalledWith(BMC_DOI, { tabId: 3, force: true });
  });
});
