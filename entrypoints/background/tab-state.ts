/**
 * Per-tab state, kept in `storage.session`: the MV3 service worker is stopped whenever it is idle,
 * and a popup opened after that must still find what the content script reported. Corrupt entries
 * read as "nothing known" instead of throwing.
 *
 * Every operation on one tab runs after the previous one for that tab has finished (one promise
 * queue per tab), so a read-modify-write is atomic with respect to the others: without it a late
 * `setLookup` for article A could read A's state, let a `detected` for article B write B, then write
 * A's result back over B. The background worker is the only writer of these keys (the popup only
 * reads them), and a worker restart ends every queued operation with it, so an in-memory queue is
 * enough; the state itself stays in storage and survives the restart.
 */
import type { StorageArea } from '../../utils/storage/area';
import { TabState, type LookupState, type ArticleSignal } from '../../utils/messaging/protocol';
import type { LookupResult, SourceName } from '../../utils/model';

const key = (tabId: number) => `tab:${tabId}`;

export interface TabStore {
  get(tabId: number): Promise<TabState | null>;
  /**
   * Records what the content script found; a different article resets the lookup state.
   * `pageUrl`: the reporting frame's address (kept in the browser: the popup's "You are on this copy").
   * `discussedDoi` (a DOI string, news and blog pages) is kept only when the page has no article of
   * its own: it is the paper the page is about, never the page's article (no lookup state follows it).
   */
  detected(tabId: number, article: ArticleSignal | null, pageDoiCount: number, pageUrl?: string, discussedDoi?: string | null): Promise<TabState>;
  /** Sets the lookup state, but only while the tab still shows `doi` (a late answer for a page the user
   * already left must not overwrite the new page's state). Returns the new state, or null if ignored. */
  setLookup(tabId: number, doi: string, lookup: LookupState): Promise<TabState | null>;
  /**
   * Records a lookup's answer so far, but only while the tab still shows `doi` and its lookup is
   * still loading (an update that arrives after the final answer must not replace it). Returns the
   * new state, or null if ignored.
   */
  setPartial(tabId: number, doi: string, partial: LookupResult, pending: SourceName[]): Promise<TabState | null>;
  clear(tabId: number): Promise<void>;
}

const sameDoi = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createTabStore(area: StorageArea, now: () => number = Date.now): TabStore {
  /** The end of each tab's queue; settles (never rejects) when the tab's last queued operation has. */
  const tails = new Map<number, Promise<void>>();

  /** Runs `task` once every earlier operation on `tabId` has settled; a failed one does not block the rest. */
  function serialised<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(tabId) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(tabId, tail);
    // Forget idle tabs, so the map does not grow with every tab ever seen.
    void tail.then(() => {
      if (tails.get(tabId) === tail) tails.delete(tabId);
    });
    return result;
  }

  // The unqueued steps: only ever called from inside `serialised` (calling the queued ones there would deadlock).
  async function read(tabId: number): Promise<TabState | null> {
    const raw = (await area.get(key(tabId)))[key(tabId)];
    if (raw === undefined) return null;
    const parsed = TabState.safeParse(raw);
    if (parsed.success) return parsed.data;
    await area.remove(key(tabId));
    return null;
  }
  async function write(state: TabState): Promise<TabState> {
    await area.set({ [key(state.tabId)]: state });
    return state;
  }

  return {
    get: (tabId) => serialised(tabId, () => read(tabId)),
    detected: (tabId, article, pageDoiCount, pageUrl, discussedDoi = null) =>
      serialised(tabId, async () => {
        const previous = await read(tabId);
        const sameArticle = previous?.article && article && sameDoi(previous.article.doi, article.doi);
        return write({
          tabId,
          article,
          pageDoiCount,
          ...(pageUrl ? { pageUrl } : {}),
          ...(discussedDoi && !article ? { discussedDoi } : {}),
          lookup: sameArticle && previous ? previous.lookup : { state: 'idle' },
          updatedAt: now(),
        });
      }),
    setLookup: (tabId, doi, lookup) =>
      serialised(tabId, async () => {
        const previous = await read(tabId);
        if (!previous?.article || !sameDoi(previous.article.doi, doi)) return null;
        return write({ ...previous, lookup, updatedAt: now() });
      }),
    setPartial: (tabId, doi, partial, pending) =>
      serialised(tabId, async () => {
        const previous = await read(tabId);
        if (!previous?.article || !sameDoi(previous.article.doi, doi) || previous.lookup.state !== 'loading') return null;
        return write({ ...previous, lookup: { state: 'loading', partial, pending }, updatedAt: now() });
      }),
    clear: (tabId) => serialised(tabId, () => area.remove(key(tabId))),
  };
}
