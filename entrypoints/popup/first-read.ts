/**
 * The popup's first read: the tab the popup is about and that tab's stored state in `storage.session`.
 * The app waits for it (at most FIRST_READ_WAIT_MS) so that a cached answer is the first thing painted.
 *
 * It starts before the app's code has run: a tiny deferred classic script (entrypoints/popup-read.ts)
 * starts it while the app's chunk is still being fetched and compiled, so the storage round trip
 * runs beside that work instead of after it. The entry module (main.tsx) picks that read up, or
 * starts it if the script did not run: whichever comes first starts it, the other reuses it
 * (sharedFirstRead).
 *
 * It uses the browser's own extension API (`browser` in Firefox, `chrome` in Chromium, both
 * promise-based in MV3), which is also what `wxt/browser` gives the pages (wxt.config.ts keeps the
 * polyfill to the background); taking it as a parameter keeps this testable. Nothing here
 * validates: the app checks the stored value with the zod-free guard and asks the background when
 * unsure (client.ts, readTabState).
 */

/** The two calls the first read makes. */
export interface FirstReadApi {
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}

export interface FirstRead {
  /** The tab the popup is about, or null (no tab, or it cannot be known). Never rejects. */
  tabId: Promise<number | null>;
  /**
   * What `storage.session.get` gave for that tab's key (`{}` when nothing is stored), or null when
   * there is no tab. Rejects when storage cannot be read.
   */
  stored: Promise<Record<string, unknown> | null>;
}

/** The `storage.session` key of a tab's state (entrypoints/background/tab-state.ts writes it). */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;

/**
 * The tab the popup is about: `?tabId=N` when given (and valid), else the active tab of the window.
 * `api.tabs` is touched only in the second case: the browser builds an API namespace's bindings on
 * first access, work a popup opened for a given tab does not need.
 */
export async function resolvePopupTabId(search: string, api: Pick<FirstReadApi, 'tabs'>): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d{1,10}$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

/** Starts the first read at once (no await before the first call), for the page at `search`. */
export function startFirstRead(search: string, api: FirstReadApi): FirstRead {
  const tabId = resolvePopupTabId(search, api).catch(() => null);
  const stored = tabId.then((id) => (id === null ? null : api.storage.session.get(tabStateKey(id))));
  // Read by the app once it has loaded; a failure is handled there (it asks the background).
  stored.catch(() => undefined);
  return { tabId, stored };
}

/** The browser's own extension API: Firefox's `browser`, else Chromium's `chrome` (as wxt/browser picks it). */
export function nativeExtensionApi(): FirstReadApi {
  const g = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: unknown };
  return (g.browser?.runtime?.id ? g.browser : g.chrome) as FirstReadApi;
}

/** The global slot the early script and the entry module share the first read through. */
export const FIRST_READ_SLOT = '__greenwayFirstRead';

/**
 * The page's one first read: the one already in `global[FIRST_READ_SLOT]`, else `start()`'s, kept
 * there (non-enumerable) for the other caller. The early script (popup-read.ts) and the entry module
 * both call it; whichever runs first starts the read, so it is never made twice.
 */
export function sharedFirstRead(global: object, start: () => FirstRead): FirstRead {
  const slot = global as Record<string, unknown>;
  const existing = slot[FIRST_READ_SLOT];
  if (isFirstRead(existing)) return existing;
  const read = start();
  Object.defineProperty(global, FIRST_READ_SLOT, { value: read, configurable: true, writable: true, enumerable: false });
  return read;
}

function isFirstRead(value: unknown): value is FirstRead {
  if (typeof value !== 'object' || value === null) return false;
  const { tabId, stored } = value as Partial<FirstRead>;
  return tabId instanceof Promise && stored instanceof Promise;
}
