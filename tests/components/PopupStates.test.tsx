import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PopupApp } from '@/components/PopupApp';
import type { LookupResult } from '@/utils/model';
import type { TabState } from '@/utils/messaging/protocol';
import { acceptedCopy, BMC_DOI, BMC_TITLE, closedResult, foundResult, publisherCopy, uclCopy } from '../fixtures/results';
import { fakeClient, noPreferences, tabState, UCL_LEAD } from './popup-world';

const done = (result: LookupResult) => tabState({ state: 'done', result });

describe('popup: looking up', () => {
  it('shows a skeleton with the DOI while the sources answer, and no result yet', async () => {
    let answer!: (r: LookupResult) => void;
    const lookup = vi.fn(() => new Promise<LookupResult>((resolve) => (answer = resolve)));
    const { container } = render(<PopupApp tabId={3} client={fakeClient(tabState({ state: 'idle' }), { lookup })} />);
    expect(await screen.findByText(`Looking up ${BMC_DOI}…`)).toBeTruthy();
    expect(container.querySelector('.skeleton')).toBeTruthy();
    expect(container.querySelector('[aria-busy="true"]')).toBeTruthy();
    await act(async () => answer(foundResult()));
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(container.querySelector('.skeleton')).toBeNull();
  });

  it('paints a cached result given before the first render without reading the tab again', () => {
    const client = fakeClient(null);
    render(<PopupApp tabId={3} client={client} initialTab={{ tab: done(foundResult()) }} />);
    // Synchronously, in the very first render: no await before this line.
    expect(screen.getByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    expect(client.getTab).not.toHaveBeenCalled();
    expect(client.lookup).not.toHaveBeenCalled();
  });
});

describe('popup: found', () => {
  it('leads with what the reader can do; title on one line, the DOI, journal and year under it', async () => {
    const { container } = render(<PopupApp tabId={3} client={fakeClient(done(foundResult()))} />);
    const lead = await screen.findByRole('heading', { name: UCL_LEAD });
    expect(container.querySelector('.work-title')?.textContent).toBe(BMC_TITLE);
    expect(screen.getByText(/BMC Health Services Research, 2023/)).toBeTruthy();
    // The lead and the main button come before everything else the copy says.
    const card = lead.closest('article')!;
    expect(card.querySelector('.version-note')?.textContent).toBe('The version of record, as the journal published it.');
    expect(card.querySelector('.actions a')?.className).toContain('primary');
  });

  it("puts the open-access colour in Details, as the copy's own: a repository copy of a gold article is green", async () => {
    const { container } = render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ status: 'gold' })))} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    const details = screen.getByText('Details').closest('details')!;
    expect(details.textContent).toContain('Green open access: a free copy kept in a repository.');
    expect(container.textContent).not.toMatch(/gold/i);
  });

  it('names each version in one plain line; a submitted version says it is not peer-reviewed', async () => {
    const draft = {
      ...acceptedCopy,
      version: 'submitted' as const,
      hostName: 'bioRxiv',
      hostType: 'preprint' as const,
      landingUrl: 'https://www.biorxiv.org/content/10.1101/1',
    };
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ status: 'green', best: draft, copies: [draft] })))} />);
    const lead = await screen.findByRole('heading', { name: 'Free to read: submitted version, at bioRxiv' });
    const card = lead.closest('article')!;
    expect(card.getAttribute('data-version')).toBe('submitted');
    expect(card.textContent).toContain("The authors' draft before peer review: it may differ from the published article.");
  });

  it('names the kind of host from host data: institutional, subject repository, publisher', async () => {
    const pmc = { ...uclCopy, hostName: 'PubMed Central', institution: null, landingUrl: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1/', pdfUrl: null };
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ copies: [uclCopy, pmc, publisherCopy] })))} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(screen.getByText('Details').closest('details')!.textContent).toContain('Institutional repository · University College London');
    for (const name of ['PubMed Central · Published · CC BY 4.0', 'BMC Health Services Research · Published · CC BY 4.0']) {
      fireEvent.click(screen.getByRole('button', { name }));
    }
    expect(screen.getByRole('article', { name: 'PubMed Central, Published version' }).textContent).toContain('Subject repository');
    expect(screen.getByRole('article', { name: 'BMC Health Services Research, Published version' }).textContent).toContain('Publisher');
  });

  it('groups repository copies apart from publisher and preprint copies', async () => {
    render(<PopupApp tabId={3} client={fakeClient(done(foundResult()))} />);
    const repos = await screen.findByRole('list', { name: 'Repository copies' });
    expect(repos.querySelectorAll('article')).toHaveLength(1);
    expect(repos.textContent).toContain('White Rose Research Online');
    expect(screen.getByRole('list', { name: 'Publisher and preprint copies' }).textContent).toContain('BMC Health Services Research');
  });

  it("says how a copy was matched in words, never in the sources' field names", async () => {
    const best = {
      ...uclCopy,
      reasons: ['OpenAlex: repository location (oa_status green)', 'Unpaywall: repository location: oa repository (via OAI-PMH title and first author match)'],
    };
    const { container } = render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ best, copies: [best] })))} />);
    expect(await screen.findByText("The repository's record was matched by title and first author, not by DOI.")).toBeTruthy();
    expect(container.textContent).not.toMatch(/oa_status|OAI-PMH|meta tag/);
  });

  it('starts with focus on the main button, and the keys hint names only keys that work for the copy shown', async () => {
    const { container } = render(<PopupApp tabId={3} client={fakeClient(done(foundResult({ best: publisherCopy, copies: [publisherCopy] })))} />);
    const pdf = await screen.findByRole('link', { name: 'Open PDF — BMC Health Services Research' });
    await waitFor(() => expect(document.activeElement).toBe(pdf));
    // A publisher copy has a page, not a repository record, and no record link to copy.
    expect(container.querySelector('.shortcuts')?.textContent).toBe('Keys: P open PDF · R open page · / type a DOI');
    expect(container.querySelector('.shortcuts')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('offers keyboard shortcuts for the best copy: C copies the record link, P and R open links', async () => {
    const client = fakeClient(done(foundResult()));
    render(<PopupApp tabId={3} client={client} />);
    const pdf = await screen.findByRole('link', { name: 'Open PDF — UCL Discovery' });
    expect(pdf.getAttribute('aria-keyshortcuts')).toBe('P');
    const opened: string[] = [];
    document.addEventListener('click', (e) => {
      const a = (e.target as HTMLElement).closest('a');
      if (a) {
        opened.push(a.getAttribute('href')!);
        e.preventDefault();
      }
    });
    fireEvent.keyDown(document.body, { key: 'p' });
    fireEvent.keyDown(document.body, { key: 'r' });
    fireEvent.keyDown(document.body, { key: 'c' });
    expect(opened).toEqual([uclCopy.pdfUrl, uclCopy.landingUrl]);
    await waitFor(() => expect(client.copied).toEqual([uclCopy.landingUrl]));
    // Modified keys belong to the browser.
    fireEvent.keyDown(document.body, { key: 'p', ctrlKey: true });
    expect(opened).toHaveLength(2);
  });

  it('lets the reader look up another DOI from a result; "/" opens the field', async () => {
    const client = fakeClient(done(foundResult()));
    render(<PopupApp tabId={3} client={client} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    fireEvent.keyDown(document.body, { key: '/' });
    const input = await screen.findByLabelText('DOI or link');
    fireEvent.input(input, { target: { value: 'doi:10.1038/nature12373' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a free copy' }));
    await waitFor(() => expect(client.lookup).toHaveBeenCalledWith('10.1038/nature12373', { tabId: undefined, force: false }));
    expect(await screen.findByText(/^DOI 10\.1038\/nature12373 ·/)).toBeTruthy();
  });
});

describe('popup: nothing found', () => {
  it('offers the library first when configured, then the chosen discovery services with the title, then doi.org', async () => {
    const preferences = vi.fn(async () => ({
      discovery: ['google-scholar' as const, 'base' as const],
      library: { openUrlBase: 'https://resolver.example.edu/openurl', illUrlTemplate: 'https://ill.example.edu/request?doi={doi}', preferredInstitution: '' },
    }));
    const result = closedResult({ work: { title: 'A closed paper', journal: 'J', year: 2020 } });
    render(<PopupApp tabId={3} client={fakeClient(done(result), { preferences })} />);
    expect(await screen.findByRole('heading', { name: 'No free copy found' })).toBeTruthy();
    const scholar = await screen.findByRole('link', { name: 'Search the title in Google Scholar' });
    expect(scholar.getAttribute('href')).toBe('https://scholar.google.com/scholar?q=%22A%20closed%20paper%22');
    expect(screen.getByRole('link', { name: 'Search the title in BASE' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Semantic Scholar/ })).toBeNull();
    const resolver = screen.getByRole('link', { name: 'Find it through your library' });
    expect(resolver.getAttribute('href')).toContain('rft_id=info%3Adoi%2F10.1186');
    expect(resolver.className).toContain('primary');
    expect(screen.getByRole('link', { name: 'Request it by inter-library loan' }).getAttribute('href')).toBe(
      `https://ill.example.edu/request?doi=${encodeURIComponent(BMC_DOI)}`,
    );
    const order = [...document.querySelectorAll('.next-steps a')].map((a) => a.textContent);
    expect(order).toEqual([
      'Find it through your library',
      'Request it by inter-library loan',
      'Search the title in Google Scholar',
      'Search the title in BASE',
      "Open the article's page at doi.org",
    ]);
    expect(screen.queryByRole('link', { name: /set up/ })).toBeNull();
  });

  it('offers "Ask the author" only where the sources name the corresponding author with an ORCID iD', async () => {
    const work = { title: 'A closed paper', journal: 'J', year: 2020, contact: { name: 'Josiah Carberry', orcid: '0000-0002-1825-0097' } };
    const { unmount } = render(<PopupApp tabId={3} client={fakeClient(done(closedResult({ work })), { preferences: async () => noPreferences })} />);
    const ask = await screen.findByRole('link', { name: "Ask the author — Josiah Carberry's ORCID record" });
    expect(ask.textContent).toBe('Ask the author');
    expect(ask.getAttribute('href')).toBe('https://orcid.org/0000-0002-1825-0097');
    unmount();
    // No contact, or an id that is not an ORCID iD: no such link, and never an invented address.
    for (const contact of [null, { name: 'X', orcid: 'javascript:alert(1)' }]) {
      const { unmount: again } = render(
        <PopupApp tabId={3} client={fakeClient(done(closedResult({ work: { ...work, contact } })), { preferences: async () => noPreferences })} />,
      );
      await screen.findByRole('link', { name: 'Get it through your library — set up' });
      expect(screen.queryByRole('link', { name: /Ask the author/ })).toBeNull();
      again();
    }
  });

  it('searches by DOI when the title is unknown, and offers to set the library up when it is not', async () => {
    render(<PopupApp tabId={3} client={fakeClient(done(closedResult()), { preferences: async () => ({ ...noPreferences, discovery: ['core'] }) })} />);
    expect((await screen.findByRole('link', { name: 'Search the DOI in CORE' })).getAttribute('href')).toBe(
      `https://core.ac.uk/search/?q=${encodeURIComponent(BMC_DOI)}`,
    );
    const setUp = screen.getByRole('link', { name: 'Get it through your library — set up' });
    expect(setUp.getAttribute('href')).toBe('/options.html#library');
    expect(setUp.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('link', { name: "Open the article's page at doi.org" }).getAttribute('href')).toBe(`https://doi.org/${BMC_DOI}`);
  });
});

describe('popup: no DOI on the page', () => {
  it('takes a URL that contains a DOI', async () => {
    const client = fakeClient(tabState({ state: 'idle' }));
    render(<PopupApp tabId={3} client={{ ...client, getTab: async () => ({ ...tabState({ state: 'idle' }), article: null }) }} />);
    expect(await screen.findByRole('heading', { name: 'No article DOI on this page' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('DOI or link'), { target: { value: 'https://pubs.acs.org/doi/abs/10.1021/acs.jpcc.0c01234?src=x' } });
    fireEvent.submit(screen.getByLabelText('DOI or link').closest('form')!);
    await waitFor(() => expect(client.lookup).toHaveBeenCalledWith('10.1021/acs.jpcc.0c01234', { tabId: undefined, force: false }));
  });

  it('shows the paper a news page discusses apart from the page, and looks it up on request into the same result view', async () => {
    const news: TabState = { ...tabState({ state: 'idle' }), article: null, discussedDoi: '10.5555/discussed.1' };
    const client = fakeClient(news);
    render(<PopupApp tabId={3} client={client} />);
    const section = (await screen.findByRole('heading', { name: 'Paper discussed on this page' })).closest('section')!;
    // A section of its own: the page still has no article DOI, and nothing is looked up until asked.
    expect(screen.getByRole('heading', { name: 'No article DOI on this page' }).closest('section')).not.toBe(section);
    expect(within(section).getByText('DOI 10.5555/discussed.1')).toBeTruthy();
    expect(client.lookup).not.toHaveBeenCalled();
    fireEvent.click(within(section).getByRole('button', { name: 'Look up this paper' }));
    // Looked up like a typed DOI (not as the tab's article), and shown in the usual result view.
    await waitFor(() => expect(client.lookup).toHaveBeenCalledWith('10.5555/discussed.1', { tabId: undefined, force: false }));
    expect(await screen.findByText(BMC_TITLE)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Paper discussed on this page' })).toBeNull();
  });

  it('shows no discussed-paper section on a page without one', async () => {
    render(<PopupApp tabId={3} client={fakeClient({ ...tabState({ state: 'idle' }), article: null })} />);
    await screen.findByRole('heading', { name: 'No article DOI on this page' });
    expect(screen.queryByRole('heading', { name: 'Paper discussed on this page' })).toBeNull();
  });

  it('looks up a DOI sent by the context menu, or shows text without one in the field with the reason', async () => {
    const client = fakeClient(null);
    const { unmount } = render(<PopupApp tabId={null} client={client} request={{ doi: '10.1038/nature12373' }} />);
    await screen.findByRole('heading', { name: UCL_LEAD });
    expect(client.lookup).toHaveBeenCalledWith('10.1038/nature12373', { tabId: undefined, force: false });
    unmount();
    render(<PopupApp tabId={null} client={fakeClient(null)} request={{ text: 'some words' }} />);
    expect(((await screen.findByLabelText('DOI or link')) as HTMLInputElement).value).toBe('some words');
    expect(screen.getByRole('alert').textContent).toMatch(/does not contain a DOI/);
  });
});

describe('popup: errors', () => {
  it('when no source answered: says the services are not answering, folds what each said, still offers the next steps', async () => {
    const result = closedResult({ sources: { openalex: { ok: false, error: 'HTTP 503' }, unpaywall: { ok: false, error: 'timed out' } } });
    const preferences = async () => ({ ...noPreferences, discovery: ['google-scholar' as const] });
    const { container } = render(<PopupApp tabId={3} client={fakeClient(done(result), { preferences, isOnline: () => true })} />);
    expect(await screen.findByRole('heading', { name: 'The services Greenway asks are not answering right now' })).toBeTruthy();
    const folded = screen.getByText('What each service said').closest('details')!;
    expect(folded.open).toBe(false);
    expect(folded.textContent).toContain('OpenAlex: HTTP 503');
    expect(folded.textContent).toContain('Unpaywall: timed out');
    // Online: the connection is not blamed. An outage is not an answer: no "nothing found" claim.
    expect(container.textContent).not.toMatch(/connection/i);
    expect(screen.queryByRole('heading', { name: 'No free copy found' })).toBeNull();
    expect(await screen.findByRole('link', { name: 'Search the DOI in Google Scholar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: "Open the article's page at doi.org" })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Get it through your library — set up' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('names the connection only when the browser is offline', async () => {
    const result = closedResult({ sources: { openalex: { ok: false, error: 'Failed to fetch' } } });
    render(<PopupApp tabId={3} client={fakeClient(done(result), { isOnline: () => false })} />);
    expect(await screen.findByText('Your browser is offline: check your connection, then try again.')).toBeTruthy();
  });

  it('never blanks: a malformed result renders an error state with a way out', async () => {
    const broken = { ...foundResult(), copies: null } as unknown as LookupResult;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = fakeClient(done(broken));
    render(<PopupApp tabId={3} client={client} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Something went wrong in Greenway/);
    client.getTab = vi.fn(async () => done(foundResult()));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: UCL_LEAD })).toBeTruthy();
    errors.mockRestore();
  });

  it('builds the retraction link from the notice DOI when no URL is given', async () => {
    const result = foundResult({ retracted: true, retraction: { kind: 'retraction', noticeUrl: null, noticeDoi: '10.1186/notice' } });
    render(<PopupApp tabId={3} client={fakeClient(done(result))} />);
    expect((await screen.findByRole('link', { name: 'Read the retraction notice' })).getAttribute('href')).toBe('https://doi.org/10.1186/notice');
    expect(screen.getByRole('heading', { name: /This article has been retracted/ })).toBeTruthy();
  });
});
