/**
 * Per-tab state, kept in `storage.session`: the MV3 service worker is stopped whenever it is idle,
 * and a popup opened after that must still find what the content script reported. Corrupt entries
 * read as "nothing known" instead of throwing.
 */
import type { StorageArea } from '../../utils/storage/area';
import { TabState, type LookupState, type ArticleSignal } from '../../utils/messaging/protocol';

const key = (tabId: number) => `tab:${tabId}`;

export interface TabStore {
  get(tabId: number): Promise<TabState | null>;
  /** Records what the content script found; a different article resets the lookup state. */
  detected(tabId: number, article: ArticleSignal | null, pageDoiCount: number): Promise<TabState>;
  /** Sets the lookup state, but only while the tab still shows `doi` (a late answer for a page the user
   * already left must not overwrite the new page's state). Returns the new state, or null if ignored. */
  setLookup(tabId: number, doi: string, lookup: LookupState): Promise<TabState | null>;
  clear(tabId: number): Promise<void>;
}

export function createTabStore(area: StorageArea, now: () => number = Date.now): TabStore {
  async function get(tabId: number): Promise<TabState | null> {
    const raw = (await area.get(key(tabId)))[key(tabId)];
    if (raw === undefined) return null;
    const parsed = TabState.safeParse(raw);
    if (parsed.success) return parsed.data;
    await area.remove(key(tabId));
    return null;
  }
  async function put(state: TabState): Promise<TabState> {
    await area.set({ [key(state.tabId)]: state });
    return state;
  }
  return {
    get,
    async detected(tabId, article, pageDoiCount) {
      const previous = await get(tabId);
      const sameArticle = previous?.article && article && previous.article.doi.toLowerCase() === article.doi.toLowerCase();
      return put({
        tabId,
        article,
        pageDoiCount,
        lookup: sameArticle && previous ? previous.lookup : { state: 'idle' },
        updatedAt: now(),
      });
    },
    async setLookup(tabId, doi, lookup) {
      const previous = await get(tabId);
      if (!previous?.article || previous.article.doi.toLowerCase() !== doi.toLowerCase()) return null;
      return put({ ...previous, lookup, updatedAt: now() });
    },
    async clear(tabId) {
      await area.remove(key(tabId));
    },
  };
}
