import { describe, expect, it } from 'vitest';
import { createTabStore } from '@/entrypoints/background/tab-state';
import { memoryStorage } from '@/utils/storage/area';
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
});
