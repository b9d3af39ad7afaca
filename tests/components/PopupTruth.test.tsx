/** Issue 13 in the popup: answers that are not "No free copy found", and never offer library or ILL links. */
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { PopupApp } from '@/components/PopupApp';
import type { LookupResult } from '@/utils/model';
import { closedResult } from '../fixtures/results';
import { fakeClient, tabState } from './popup-world';

const done = (result: LookupResult) => tabState({ state: 'done', result });
const library = vi.fn(async () => ({
  discovery: ['google-scholar' as const],
  library: { openUrlBase: 'https://resolver.example.edu/openurl', illUrlTemplate: 'https://ill.example.edu/request?doi={doi}', preferredInstitution: '' },
}));

async function expectNoLibraryPush() {
  // Give the preferences time to load, then check that nothing pushes the reader to the library.
  await library.mock.results.at(-1)?.value;
  expect(screen.queryByRole('heading', { name: 'No free copy found' })).toBeNull();
  expect(screen.queryByRole('link', { name: 'Find it through your library' })).toBeNull();
  expect(screen.queryByRole('link', { name: 'Request it by inter-library loan' })).toBeNull();
}

describe('popup: lookup truth', () => {
  it('an unregistered DOI: "This DOI is not registered", a typo hint, no library links', async () => {
    const result = closedResult({ doi: '10.2307/24953986', status: 'unregistered', sources: { openalex: { ok: true }, doiorg: { ok: true } } });
    render(<PopupApp tabId={3} client={fakeClient(done(result), { preferences: library })} />);
    expect(await screen.findByRole('heading', { name: 'This DOI is not registered' })).toBeTruthy();
    expect(screen.getByText(/Check it for a typo/).textContent).toContain('10.2307/24953986');
    await expectNoLibraryPush();
  });

  it('an incomplete answer names the source that could not be reached', async () => {
    const result = closedResult({ status: 'incomplete', sources: { openalex: { ok: false, error: 'OpenAlex: HTTP 503' }, crossref: { ok: true } } });
    render(<PopupApp tabId={3} client={fakeClient(done(result), { preferences: library })} />);
    expect(await screen.findByRole('heading', { name: 'The answer is incomplete' })).toBeTruthy();
    expect(screen.getByText(/could not be reached/).textContent).toMatch(/^OpenAlex could not be reached/);
    await expectNoLibraryPush();
  });

  it('a dataset is named as such, not called closed', async () => {
    const result = closedResult({ status: 'unknown', work: { title: 'Example structure entry', journal: null, year: 2020, type: 'dataset' } });
    render(<PopupApp tabId={3} client={fakeClient(done(result), { preferences: library })} />);
    expect(await screen.findByRole('heading', { name: 'Not an article: this DOI names a dataset' })).toBeTruthy();
    await expectNoLibraryPush();
  });
});
