import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ManualDoiForm } from '@/components/ManualDoiForm';
import { PopupApp } from '@/components/PopupApp';
import type { IdLookup } from '@/utils/engine/id-map';
import { foundResult } from '../fixtures/results';
import { fakeClient } from './popup-world';

function typeAndSubmit(text: string) {
  fireEvent.input(screen.getByLabelText('DOI or link'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
}

function setup(answer: IdLookup | Error = { state: 'found', doi: '10.1002/hpja.70059', source: 'Europe PMC' }) {
  const onSubmit = vi.fn();
  const resolveId = vi.fn(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  render(<ManualDoiForm onSubmit={onSubmit} resolveId={resolveId} />);
  return { onSubmit, resolveId };
}

describe('ManualDoiForm: typed ids', () => {
  it('says the form takes PMIDs, PMCIDs and arXiv ids', () => {
    setup();
    expect(screen.getByText(/or a PMID, PMCID or arXiv id/)).toBeTruthy();
  });

  it('looks a DOI or doi.org link up as before, without asking for a mapping', async () => {
    const { onSubmit, resolveId } = setup();
    typeAndSubmit('https://doi.org/10.1186/s12913-023-10058-w');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('10.1186/s12913-023-10058-w'));
    expect(resolveId).not.toHaveBeenCalled();
  });

  it("turns an arXiv id into arXiv's DataCite DOI by rule, asking nobody", async () => {
    const { onSubmit, resolveId } = setup();
    typeAndSubmit('arXiv:1706.03762v7');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('10.48550/arXiv.1706.03762'));
    expect(resolveId).not.toHaveBeenCalled();
  });

  it('maps a PMID or PMCID to its DOI first, saying so while it waits', async () => {
    const { onSubmit, resolveId } = setup();
    typeAndSubmit('PMID: 40437959');
    expect((await screen.findByRole('status')).textContent).toBe('Finding the DOI of PMID 40437959…');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('10.1002/hpja.70059'));
    expect(resolveId).toHaveBeenCalledWith('pmid', '40437959');
    typeAndSubmit('https://pmc.ncbi.nlm.nih.gov/articles/PMC12120539/');
    await waitFor(() => expect(resolveId).toHaveBeenLastCalledWith('pmcid', 'PMC12120539'));
  });

  it.each<[string, IdLookup | Error, string]>([
    [
      'the record has no DOI',
      { state: 'no-doi', source: 'Europe PMC' },
      'Europe PMC lists no DOI for PMID 39038316, and Greenway finds free copies by DOI. Paste the DOI if you know it.',
    ],
    ['no source knows the id', { state: 'unknown', sources: ['Europe PMC'] }, 'Europe PMC does not know PMID 39038316. Check the number.'],
    ['the mapping source is off', { state: 'no-source', sources: ['Europe PMC'] }, 'To look up PMID 39038316, switch Europe PMC on in the settings (Sources).'],
    ['the source failed', { state: 'failed', error: 'Europe PMC: HTTP 503' }, 'Could not find the DOI of PMID 39038316: Europe PMC: HTTP 503'],
    [
      'the background did not answer',
      new Error('Greenway background did not answer'),
      'Could not find the DOI of PMID 39038316: Greenway background did not answer',
    ],
  ])('says clearly when %s, and looks nothing up', async (_name, answer, message) => {
    const { onSubmit } = setup(answer);
    typeAndSubmit('39038316');
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.getByLabelText('DOI or link').getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses text that is none of the ids', async () => {
    const { onSubmit, resolveId } = setup();
    typeAndSubmit('see 40437959 for details');
    expect((await screen.findByRole('alert')).textContent).toMatch(/does not contain a DOI .* not a PMID, PMCID or arXiv id/);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(resolveId).not.toHaveBeenCalled();
  });
});

describe('PopupApp: a typed PMID', () => {
  it('is mapped through the client, then its DOI is looked up', async () => {
    const resolveId = vi.fn(async (): Promise<IdLookup> => ({ state: 'found', doi: '10.1002/hpja.70059', source: 'Europe PMC' }));
    const client = fakeClient(null, { resolveId, lookup: vi.fn(async (doi: string) => foundResult({ doi })) });
    render(<PopupApp tabId={3} client={client} />);
    fireEvent.input(await screen.findByLabelText('DOI or link'), { target: { value: '40437959' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    await waitFor(() => expect(client.lookup).toHaveBeenCalledWith('10.1002/hpja.70059', { tabId: undefined, force: false }));
    expect(resolveId).toHaveBeenCalledWith('pmid', '40437959');
  });
});
