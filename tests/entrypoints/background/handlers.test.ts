import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps, type LookupPort } from '@/entrypoints/background/handlers';
import { createTabStore } from '@/entrypoints/background/tab-state';
import { memoryStorage } from '@/utils/storage/area';
import { closedResult, foundResult } from '../../fixtures/results';
import { badgeFor } from '@/entrypoints/background/toolbar-badge';
import type { TabState } from '@/utils/messaging/protocol';

const article = { doi: '10.1186/s12913-023-10058-w', evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };
const content = { kind: 'content' as const, tabId: 4, frameId: 0 };
const popup = { kind: 'extension-page' as const, tabId: null, frameId: 0 };

/** Lets every pending promise chain run (the tab store and the fakes are in-memory, microtasks only). */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function setup(auto = true) {
  const engine = {
    lookup: vi.fn(async (doi: string) => foundResult({ doi })),
    lookupMany: vi.fn(async (dois: string[]) => new Map(dois.map((d) => [d, foundResult({ doi: d })]))),
    peekCached: vi.fn(async (doi: string) => (doi === '10.1/cached' ? foundResult({ doi }) : null)),
    mapId: vi.fn<LookupPort['mapId']>(async () => ({ state: 'found', doi: '10.1002/hpja.70059', source: 'Europe PMC' })),
  };
  const shown: string[] = [];
  const deps: BackgroundDeps = {
    engine,
    tabs: createTabStore(memoryStorage()),
    showTabState: async (_tabId, state) => {
      shown.push(state?.lookup.state ?? 'none');
    },
    autoLookup: async () => auto,
  };
  return { handlers: createHandlers(deps), engine, deps, shown };
}

describe('background handlers', () => {
  it('looks the article up as soon as a page reports it and records each step', async () => {
    const { handlers, engine, deps, shown } = setup();
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 12 }, content);
    await vi.waitFor(async () => expect((await deps.tabs.get(4))?.lookup.state).toBe('done'));
    expect(engine.lookup).toHaveBeenCalledWith(article.doi, { force: false, immediate: false, onProgress: expect.any(Function) });
    expect(shown).toEqual(['idle', 'loading', 'done']);
  });

  it('keeps the reporting page\'s http(s) address in the tab state (for "You are on this copy"), nothing else', async () => {
    const { handlers, deps } = setup();
    await handlers['page:detected'](
      { type: 'page:detected', article, pageDoiCount: 1 },
      { ...content, url: 'https://discovery.ucl.ac.uk/id/eprint/10179598/' },
    );
    expect((await deps.tabs.get(4))?.pageUrl).toBe('https://discovery.ucl.ac.uk/id/eprint/10179598/');
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 1 }, { ...content, url: 'file:///home/me/paper.html' });
    expect((await deps.tabs.get(4))?.pageUrl).toBeUndefined();
  });

  it('stores the paper a news page discusses for the popup, without a lookup or a toolbar claim', async () => {
    const { handlers, engine, deps } = setup(true);
    const states: Array<TabState | null> = [];
    deps.showTabState = async (_tabId, state) => void states.push(state);
    const fresh = createHandlers(deps);
    await fresh['page:detected']({ type: 'page:detected', article: null, pageDoiCount: 1, discussedDoi: '10.5555/discussed.1' }, content);
    await settle();
    expect(await deps.tabs.get(4)).toMatchObject({ article: null, discussedDoi: '10.5555/discussed.1', lookup: { state: 'idle' } });
    expect(engine.lookup).not.toHaveBeenCalled();
    // The toolbar icon is painted from a state without an article: it shows "no article DOI", not the discussed paper.
    expect(states).toHaveLength(1);
    expect(badgeFor(states[0]!)).toEqual(badgeFor(null));
    void handlers;
  });

  it('makes no lookup in privacy mode until the popup asks', async () => {
    // The report's lookup is fire and forget: it starts after the handler returns, behind a tab-store
    // write. So wait as long as it takes that lookup to start when lookups are on (the control),
    // and only then check that privacy mode started none.
    const control = setup(true);
    await control.handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 0 }, content);
    await settle();
    expect(control.engine.lookup).toHaveBeenCalledOnce();

    const { handlers, engine, deps } = setup(false);
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 0 }, content);
    await settle();
    expect(engine.lookup).not.toHaveBeenCalled();
    expect((await deps.tabs.get(4))?.lookup.state).toBe('idle');
    const result = await handlers['lookup:doi']({ type: 'lookup:doi', doi: article.doi, tabId: 4 }, popup);
    expect(result.best?.hostName).toBe('UCL Discovery');
    expect((await deps.tabs.get(4))?.lookup.state).toBe('done');
  });

  it('ignores reports from sub-frames', async () => {
    const { handlers, engine, deps } = setup();
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 0 }, { ...content, frameId: 3 });
    expect(await deps.tabs.get(4)).toBeNull();
    expect(engine.lookup).not.toHaveBeenCalled();
  });

  it('records a failed lookup in the tab state and rethrows it to the popup', async () => {
    const { handlers, engine, deps } = setup(false);
    engine.lookup.mockRejectedValueOnce(new Error('all sources failed'));
    await handlers['page:detected']({ type: 'page:detected', article, pageDoiCount: 0 }, content);
    await expect(handlers['lookup:doi']({ type: 'lookup:doi', doi: article.doi, tabId: 4 }, popup)).rejects.toThrow('all sources failed');
    expect((await deps.tabs.get(4))?.lookup).toEqual({ state: 'error', error: 'all sources failed' });
  });

  it('looks up a typed DOI without touching the tab state', async () => {
    const { handlers, deps } = setup(false);
    const result = await handlers['lookup:doi']({ type: 'lookup:doi', doi: '10.9/other', tabId: 4 }, popup);
    expect(result.doi).toBe('10.9/other');
    expect(await deps.tabs.get(4)).toBeNull();
  });

  it('answers badge lookups from the network normally, but only from the cache in privacy mode', async () => {
    const open = setup(true);
    const live = await open.handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/cached', '10.1/new'] }, content);
    expect(Object.keys(live)).toEqual(['10.1/cached', '10.1/new']);
    expect(open.engine.lookupMany).toHaveBeenCalledOnce();

    const privateMode = setup(false);
    const cachedOnly = await privateMode.handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/cached', '10.1/new'] }, content);
    expect(Object.keys(cachedOnly)).toEqual(['10.1/cached']);
    expect(privateMode.engine.lookupMany).not.toHaveBeenCalled();
    expect(privateMode.engine.peekCached).toHaveBeenCalledWith('10.1/new', { scope: 'batched' });
  });

  it('asks only the batched sources for badges, and every source for extension pages', async () => {
    const { handlers, engine } = setup(true);
    await handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/a'] }, content);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.1/a'], { scope: 'batched' });
    await handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/a'] }, popup);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.1/a'], { scope: 'full' });
    // The page's own article (the in-page indicator) is asked like the tab's lookup, which it joins;
    // the flag never widens a list of badge DOIs.
    await handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/a'], article: true }, content);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.1/a'], { scope: 'full' });
    await handlers['lookup:many']({ type: 'lookup:many', dois: ['10.1/a', '10.1/b'], article: true }, content);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.1/a', '10.1/b'], { scope: 'batched' });
    // The popup's own lookup is unchanged: every source, at once.
    await handlers['lookup:doi']({ type: 'lookup:doi', doi: '10.1/a' }, popup);
    expect(engine.lookup).toHaveBeenLastCalledWith('10.1/a', { force: false, immediate: true });
  });
});

describe('check:link and check:archive', () => {
  it('answer with the checker, or "could not check" / no archive without one; content scripts may not ask', async () => {
    const { createMessageRouter } = await import('@/utils/messaging/router');
    const { deps } = setup();
    const pdf = { state: 'pdf' as const, detail: 'PDF', finalUrl: 'https://r.example/a.pdf', samePaper: 'unknown' as const };
    const links = { check: vi.fn(async () => pdf), archive: vi.fn(async () => ({ url: 'https://web.archive.org/web/2020/x', date: '2020-01-01' })) };
    const handlers = createHandlers({ ...deps, links });
    const message = { type: 'check:link' as const, url: 'https://r.example/a.pdf', expect: 'pdf' as const, doi: '10.5555/x', title: 'T' };
    expect(await handlers['check:link'](message, popup)).toEqual(pdf);
    expect(links.check).toHaveBeenCalledWith({ url: 'https://r.example/a.pdf', expect: 'pdf', doi: '10.5555/x', title: 'T' });
    expect(await handlers['check:archive']({ type: 'check:archive', url: 'https://r.example/a.pdf' }, popup)).toMatchObject({ date: '2020-01-01' });
    expect((await createHandlers(deps)['check:link'](message, popup)).state).toBe('unknown');
    expect(await createHandlers(deps)['check:archive']({ type: 'check:archive', url: 'https://r.example/a.pdf' }, popup)).toBeNull();
    const route = createMessageRouter(handlers, 'me', 'chrome-extension://me');
    const reply = await route(message, { id: 'me', url: 'https://page.example/', tab: { id: 4 } });
    expect(reply).toEqual({ ok: false, error: '"check:link" is not allowed from this context' });
    expect(links.check).toHaveBeenCalledTimes(1);
  });
});

describe('lookup:list and tab:dois (the check page)', () => {
  it('asks only the batched sources unless the per-DOI ones are ticked, and runs in privacy mode too', async () => {
    const { handlers, engine } = setup(false);
    const answer = await handlers['lookup:list']({ type: 'lookup:list', dois: ['10.5555/a', '10.5555/b'], perDoi: false }, popup);
    expect(Object.keys(answer)).toEqual(['10.5555/a', '10.5555/b']);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.5555/a', '10.5555/b'], { scope: 'batched' });
    expect(engine.peekCached).not.toHaveBeenCalled();
    await handlers['lookup:list']({ type: 'lookup:list', dois: ['10.5555/a'], perDoi: true }, popup);
    expect(engine.lookupMany).toHaveBeenLastCalledWith(['10.5555/a'], { scope: 'full' });
  });

  it("answers a tab's DOIs from the content script reader, or none without one", async () => {
    const { handlers, deps } = setup();
    expect(await handlers['tab:dois']({ type: 'tab:dois', tabId: 4 }, popup)).toEqual([]);
    const withReader = createHandlers({ ...deps, tabDois: async (tabId) => (tabId === 4 ? ['10.5555/a'] : []) });
    expect(await withReader['tab:dois']({ type: 'tab:dois', tabId: 4 }, popup)).toEqual(['10.5555/a']);
  });
});

describe('derived article DOIs (a platform id mapped to a DOI by rule)', () => {
  const derived = { doi: '10.2307/24953986', evidence: 'site[jstor]', label: 'JSTOR stable id', derived: true };

  it('drop the article when doi.org says the DOI is not registered, and keep the toolbar blank meanwhile', async () => {
    const { handlers, engine, deps } = setup();
    engine.lookup.mockImplementation(async (doi: string) => closedResult({ doi, status: 'unregistered' }));
    await handlers['page:detected']({ type: 'page:detected', article: derived, pageDoiCount: 1 }, content);
    expect(badgeFor((await deps.tabs.get(4))!).text).toBe('');
    await vi.waitFor(async () => expect((await deps.tabs.get(4))?.article).toBeNull());
    expect(badgeFor(await deps.tabs.get(4)).text).toBe('');
  });

  it('stay the article once a lookup confirms them', async () => {
    const { handlers, deps } = setup();
    await handlers['page:detected']({ type: 'page:detected', article: derived, pageDoiCount: 1 }, content);
    await vi.waitFor(async () => expect((await deps.tabs.get(4))?.lookup.state).toBe('done'));
    expect((await deps.tabs.get(4))?.article?.doi).toBe(derived.doi);
    expect(badgeFor(await deps.tabs.get(4)).text).toBe('OA');
  });
});

describe('lookup:id (a PMID or PMCID typed into the popup)', () => {
  it('asks the engine for the id as typed', async () => {
    const { handlers, engine } = setup();
    expect(await handlers['lookup:id']({ type: 'lookup:id', kind: 'pmid', id: '40437959' }, popup)).toEqual({
      state: 'found',
      doi: '10.1002/hpja.70059',
      source: 'Europe PMC',
    });
    expect(engine.mapId).toHaveBeenCalledWith('pmid', '40437959');
  });

  it('refuses an id of the other kind, or one not in canonical form, without asking', async () => {
    const { handlers, engine } = setup();
    await expect(handlers['lookup:id']({ type: 'lookup:id', kind: 'pmid', id: 'PMC12120539' }, popup)).rejects.toThrow('not a PMID');
    await expect(handlers['lookup:id']({ type: 'lookup:id', kind: 'pmcid', id: '40437959' }, popup)).rejects.toThrow('not a PMCID');
    await expect(handlers['lookup:id']({ type: 'lookup:id', kind: 'pmid', id: '0' }, popup)).rejects.toThrow('not a PMID');
    expect(engine.mapId).not.toHaveBeenCalled();
  });
});
