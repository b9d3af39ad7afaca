/** The popup while sources are still asked: copies at once, a quiet line naming the rest, no verdict before the end. */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { PopupApp, type PopupClient } from '@/components/PopupApp';
import type { LookupResult, SourceName } from '@/utils/model';
import { BMC_DOI, closedResult, foundResult, uclCopy } from '../fixtures/results';
import { fakeClient, tabState, UCL_LEAD } from './popup-world';

type Update = { result: LookupResult; pending: SourceName[] };

/** A client whose lookup waits for `finish`, and whose progress updates the test sends with `report`. */
function progressive(state = tabState({ state: 'idle' })) {
  let finish!: (r: LookupResult) => void;
  let hear: ((u: Update) => void) | null = null;
  const stop = vi.fn();
  const client = fakeClient(state, {
    lookup: vi.fn(() => new Promise<LookupResult>((resolve) => (finish = resolve))),
    watchLookup: vi.fn((_doi: string, onUpdate: (u: Update) => void) => {
      hear = onUpdate;
      return stop;
    }) as PopupClient['watchLookup'],
  });
  return { client, stop, report: (u: Update) => act(() => hear?.(u)), finish: (r: LookupResult) => act(() => finish(r)) };
}

const soFar = foundResult({ best: uclCopy, copies: [uclCopy], sources: { openalex: { ok: true } } });

describe('popup: progressive answers', () => {
  it('shows the first copy found while the other sources are asked, then the whole answer', async () => {
    const { client, stop, report, finish } = progressive();
    render(<PopupApp tabId={3} client={client} />);
    await waitFor(() => expect(client.watchLookup).toHaveBeenCalledWith(BMC_DOI, expect.any(Function)));
    await report({ result: soFar, pending: ['semanticscholar', 'crossref'] });
    const lead = await screen.findByRole('heading', { name: UCL_LEAD });
    expect(screen.getByText('Still asking Semantic Scholar, Crossref…')).toBeTruthy();
    // The main button is usable (and focused) before the slow sources answer.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Open PDF — UCL Discovery'));
    expect(lead.closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
    await finish(foundResult());
    await waitFor(() => expect(screen.queryByText(/Still asking/)).toBeNull());
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(stop).toHaveBeenCalled();
  });

  it('gives no verdict while the sources that answered found nothing: no "No free copy found" before the end', async () => {
    const { client, report, finish } = progressive();
    render(<PopupApp tabId={3} client={client} />);
    await waitFor(() => expect(client.watchLookup).toHaveBeenCalled());
    await report({ result: closedResult({ sources: { openalex: { ok: true } } }), pending: ['unpaywall'] });
    expect(await screen.findByText('Still asking Unpaywall…')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'No free copy found' })).toBeNull();
    await finish(closedResult());
    expect(await screen.findByRole('heading', { name: 'No free copy found' })).toBeTruthy();
  });

  it('puts a source that failed meanwhile in a footnote under the copy, not above it', async () => {
    const { client, report } = progressive();
    const { container } = render(<PopupApp tabId={3} client={client} />);
    await waitFor(() => expect(client.watchLookup).toHaveBeenCalled());
    await report({ result: { ...soFar, sources: { openalex: { ok: true }, crossref: { ok: false, error: 'HTTP 503' } } }, pending: ['semanticscholar'] });
    const note = await screen.findByText('Crossref did not answer (HTTP 503); the other sources did.');
    expect(note.closest('article.copy-best')).toBeTruthy();
    expect(container.querySelector('.notice')).toBeNull();
  });

  it('paints the answer so far from the tab state in the first frame, and still waits for the rest', async () => {
    const loading = tabState({ state: 'loading', partial: soFar, pending: ['semanticscholar'] });
    const { client, finish } = progressive(loading);
    render(<PopupApp tabId={3} client={client} initialTab={{ tab: loading }} />);
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(screen.getByText('Still asking Semantic Scholar…')).toBeTruthy();
    await waitFor(() => expect(client.lookup).toHaveBeenCalledWith(BMC_DOI, { tabId: 3, force: false }));
    // Waiting for the rest does not take the copy away.
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    await finish(foundResult());
    await waitFor(() => expect(screen.queryByText(/Still asking/)).toBeNull());
  });

  it('offers "Look up another DOI" under the answer so far; a DOI typed there is not overwritten by the first one\'s late answer', async () => {
    const finishes: Array<(r: LookupResult) => void> = [];
    const client = fakeClient(tabState({ state: 'idle' }), {
      lookup: vi.fn(() => new Promise<LookupResult>((resolve) => finishes.push(resolve))),
      watchLookup: vi.fn((_doi: string, onUpdate: (u: Update) => void) => {
        if (finishes.length === 0) setTimeout(() => onUpdate({ result: soFar, pending: ['semanticscholar'] }));
        return () => undefined;
      }) as PopupClient['watchLookup'],
    });
    render(<PopupApp tabId={3} client={client} />);
    await screen.findByText('Still asking Semantic Scholar…');
    fireEvent.click(screen.getByText('Look up another DOI'));
    fireEvent.input(await screen.findByLabelText('DOI or link'), { target: { value: '10.5555/another.one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    await waitFor(() => expect(client.lookup).toHaveBeenLastCalledWith('10.5555/another.one', { tabId: undefined, force: false }));
    // The first DOI's whole answer comes after the second lookup started: it is not shown.
    await act(async () => {
      finishes[0]!(foundResult());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByRole('heading', { name: UCL_LEAD })).toBeNull();
    await act(() => finishes[1]!(closedResult({ doi: '10.5555/another.one' })));
    expect(await screen.findByRole('heading', { name: 'No free copy found' })).toBeTruthy();
  });

  it('ignores an update that comes after the whole answer', async () => {
    const { client, report, finish } = progressive();
    render(<PopupApp tabId={3} client={client} />);
    await waitFor(() => expect(client.watchLookup).toHaveBeenCalled());
    await finish(foundResult());
    await screen.findByRole('heading', { name: UCL_LEAD });
    await report({ result: closedResult(), pending: ['crossref'] });
    expect(screen.queryByText(/Still asking/)).toBeNull();
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
  });
});
