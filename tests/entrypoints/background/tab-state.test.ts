import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTabStore } from '@/entrypoints/background/tab-state';
import { memoryStorage, type StorageArea } from '@/utils/storage/area';
import { closedResult } from '../../fixtures/results';

const article = { doi: '10.1/A', evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };

describe('tab store', () => {
  it('records detection and keeps the lookup of the same article', async () => {
    const store = createTabStore(memoryStorage(), () => 5);
    await store.detected(1, article, 2);
    await store.setLookup(1, '10.1/a', { state: 'done', result: closedResult({ doi: '10.1/A' }) });
    const again = await store.detected(1, { ...article, doi: '10.1/a' }, 4);
    expect(again.lookup.state).toBe('done');
    expect(again.pageDoiCount).toBe(4);
  });

  it('keeps the paper a page discusses only while the page has no article of its own', async () => {
    const store = createTabStore(memoryStorage());
    const news = await store.detected(1, null, 3, undefined, '10.5555/discussed.1');
    expect(news).toMatchObject({ article: null, discussedDoi: '10.5555/discussed.1', lookup: { state: 'idle' } });
    expect((await store.get(1))?.discussedDoi).toBe('10.5555/discussed.1');
    // The next page discusses nothing: the old paper does not linger.
    expect((await store.detected(1, null, 0)).discussedDoi).toBeUndefined();
    // A page with its own article: that is the page's paper, the discussed one is not kept.
    expect((await store.detected(1, article, 0, undefined, '10.5555/discussed.1')).discussedDoi).toBeUndefined();
    // Never a lookup target: a late answer for the discussed DOI does not land in the tab state.
    await store.detected(1, null, 0, undefined, '10.5555/discussed.1');
    expect(await store.setLookup(1, '10.5555/discussed.1', { state: 'loading' })).toBeNull();
  });

  it('resets the lookup when the tab shows another article', async () => {
    const store = createTabStore(memoryStorage());
    await store.detected(1, article, 0);
    await store.setLookup(1, '10.1/A', { state: 'loading' });
    const other = await store.detected(1, { ...article, doi: '10.2/B' }, 0);
    expect(other.lookup).toEqual({ state: 'idle' });
  });

  it('ignores a late answer for an article the tab no longer shows', async () => {
    const store = createTabStore(memoryStorage());
    await store.detected(1, { ...article, doi: '10.2/B' }, 0);
    expect(await store.setLookup(1, '10.1/A', { state: 'loading' })).toBeNull();
    expect((await store.get(1))?.lookup).toEqual({ state: 'idle' });
  });

  it('drops a corrupt entry instead of throwing', async () => {
    const area = memoryStorage({ 'tab:9': { tabId: 'nine', lookup: 17 } });
    const store = createTabStore(area);
    expect(await store.get(9)).toBeNull();
    expect(area.dump()).not.toHaveProperty('tab:9');
  });

  it('a late lookup result for article A cannot overwrite article B detected meanwhile', async () => {
    // Storage whose writes can be held: the late `setLookup` has read A's state and is writing A's
    // result when B's detection comes in. Unserialised, B's detection read A, wrote B, and then A's
    // held write landed over it.
    const area = memoryStorage();
    let hold: Promise<void> | null = null;
    let writeStarted = () => undefined as void;
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    const gated: StorageArea = {
      get: (keys) => area.get(keys),
      remove: (keys) => area.remove(keys),
      async set(items) {
        const gate = hold;
        hold = null;
        if (gate) {
          writeStarted();
          await gate;
        }
        return area.set(items);
      },
    };
    const store = createTabStore(gated);
    await store.detected(1, article, 3);
    await store.setLookup(1, '10.1/A', { state: 'loading' });

    let release = () => undefined as void;
    hold = new Promise<void>((resolve) => (release = resolve));
    const lateResult = store.setLookup(1, '10.1/A', { state: 'done', result: closedResult({ doi: '10.1/A' }) });
    await started;
    const detectedB = store.detected(1, { ...article, doi: '10.2/B' }, 5);
    // Let B's detection run as far as it can while A's write is held.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    release();
    await Promise.all([lateResult, detectedB]);

    const final = await store.get(1);
    expect(final?.article?.doi).toBe('10.2/B');
    expect(final?.pageDoiCount).toBe(5);
    expect(final?.lookup).toEqual({ state: 'idle' });
    expect(await detectedB).toEqual(final);
  });

  it('ends with the latest article whatever the order in which storage answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.boolean(), async (s, lookupFirst) => {
        const area = memoryStorage();
        await createTabStore(area).detected(1, article, 0);
        // Every storage call resolves when the scheduler decides: all interleavings are tried.
        const scheduled: StorageArea = {
          get: s.scheduleFunction((keys?: string | string[] | null) => area.get(keys)),
          set: s.scheduleFunction((items: Record<string, unknown>) => area.set(items)),
          remove: s.scheduleFunction((keys: string | string[]) => area.remove(keys)),
        };
        const store = createTabStore(scheduled);
        const late = () => store.setLookup(1, '10.1/A', { state: 'done', result: closedResult({ doi: '10.1/A' }) });
        const other = () => store.detected(1, { ...article, doi: '10.2/B' }, 1);
        const both = lookupFirst ? [late(), other()] : [other(), late()];
        await s.waitFor(Promise.all(both));
        expect(area.dump()['tab:1']).toMatchObject({ article: { doi: '10.2/B' }, lookup: { state: 'idle' } });
      }),
      { numRuns: 100 },
    );
  });

  it('a failed storage call does not block the tab’s later operations, nor other tabs wait on a tab', async () => {
    const area = memoryStorage();
    let failNext = true;
    let holdTab2: Promise<void> | null = null;
    const flaky: StorageArea = {
      get: (keys) => area.get(keys),
      remove: (keys) => area.remove(keys),
      async set(items) {
        if (failNext) {
          failNext = false;
          throw new Error('quota');
        }
        if ('tab:2' in items && holdTab2) await holdTab2;
        return area.set(items);
      },
    };
    const store = createTabStore(flaky);
    await expect(store.detected(1, article, 0)).rejects.toThrow('quota');
    expect((await store.detected(1, article, 0)).article?.doi).toBe('10.1/A');

    let release = () => undefined as void;
    holdTab2 = new Promise<void>((resolve) => (release = resolve));
    const tab2 = store.detected(2, article, 0);
    expect((await store.detected(3, article, 0)).tabId).toBe(3);
    release();
    expect((await tab2).tabId).toBe(2);
  });
});
