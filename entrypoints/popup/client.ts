/** The real PopupClient: talks to the background, reads tab state and settings, uses the clipboard. */
import { browser } from 'wxt/browser';
import type { PopupClient, PopupPreferences, SiteAccessState } from '@/components/PopupApp';
import { sendRequest } from '../../utils/messaging/client';
import { readProgressGuarded, readTabStateGuarded } from './tab-state-guard';
import { tabStateKey } from './first-read';
import { PROGRESS_FRESH_MS, progressKey } from '../../utils/messaging/progress-key';
import { doiKey } from '../../utils/model/doi';
import type { TabState } from '../../utils/messaging/protocol';
import type { LookupResult, SourceName } from '../../utils/model';
import type { StorageArea } from '../../utils/storage/area';

/**
 * The tab state straight from `storage.session` (extension pages may read it): no round trip to a
 * service worker that may be asleep, so a cached result paints in the popup's first frame. Checked
 * by a hand-written guard rather than the zod schema, which would add ≈ 28 kB to the first paint.
 * When storage cannot be read, or the guard is not sure of the entry, the background answers: it
 * validates with the schema (and drops a corrupt entry).
 */
export async function readTabState(tabId: number, area: Pick<StorageArea, 'get'> = browser.storage.session): Promise<TabState | null> {
  try {
    const key = tabStateKey(tabId);
    const raw = (await area.get(key))[key];
    if (raw === undefined) return null;
    const state = readTabStateGuarded(raw);
    if (state !== null && state.tabId === tabId) return state;
  } catch {
    // Fall through to the background.
  }
  return sendRequest({ type: 'tab:get', tabId });
}

/** Loaded on demand: only "nothing found" needs the settings, so their code stays off the first paint. */
async function readPreferences(): Promise<PopupPreferences> {
  const [{ settingsWithPolicy }, { followPolicy }] = await Promise.all([import('../../utils/settings/store'), import('../../utils/settings/policy-memory')]);
  // The policy in use now, not storage.managed's answer, which comes seconds late after a browser start.
  // settingsWithPolicy never throws: damaged or missing settings come back as the defaults.
  const policy = await followPolicy(browser.storage.local, browser.storage.managed).current();
  const { settings } = await settingsWithPolicy(browser.storage.local, policy);
  return { discovery: settings.discovery, library: settings.library };
}

/** The content script's match patterns (wxt.config.ts / entrypoints/content): what "read a page" needs. */
const CONTENT_ORIGINS = ['http://*/*', 'https://*/*'];

/** The "scheme://host" of an http(s) URL, else null. */
export function webOrigin(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Site access for a tab whose content script sent no report: readable unless the host permission for
 * its page is withheld. The URL shows only with access or activeTab (toolbar click, shortcut); a page
 * that is not http(s) (about:, the browser's own) is never ours to read and counts as readable.
 */
export async function siteAccess(tabId: number): Promise<SiteAccessState> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return { readable: true };
  if (tab.url !== undefined && webOrigin(tab.url) === null) return { readable: true };
  const origin = webOrigin(tab.url);
  const granted = await browser.permissions.contains({ origins: origin ? [`${origin}/*`] : CONTENT_ORIGINS });
  return granted ? { readable: true } : { readable: false, origin };
}

/**
 * Asks for `origin` (the request comes first: the browser needs the click's user gesture), then runs
 * the content script in the tab at once (`scripting`), so the page is read without a reload.
 */
export async function allowSite(origin: string, tabId: number): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) return false;
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  return true;
}

type SessionChanges = Record<string, { newValue?: unknown }>;
type SessionEvents = {
  addListener(listener: (changes: SessionChanges, area: string) => void): void;
  removeListener(listener: (changes: SessionChanges, area: string) => void): void;
};

/**
 * Hears the answer so far of a lookup the popup waits for (the background writes it after each
 * source, entrypoints/background/lookup-progress.ts): the stored one first, then every change, until
 * the returned function is called. Anything that is not a recent, well-formed update is ignored.
 */
export function watchLookup(
  doi: string,
  onUpdate: (update: { result: LookupResult; pending: SourceName[] }) => void,
  area: Pick<StorageArea, 'get'> = browser.storage.session,
  events: SessionEvents = browser.storage.onChanged as unknown as SessionEvents,
  now: () => number = Date.now,
): () => void {
  const key = doiKey(doi);
  if (!key) return () => undefined;
  const storageKey = progressKey(key);
  let live = true;
  const take = (value: unknown) => {
    const update = readProgressGuarded(value);
    if (live && update && now() - update.at < PROGRESS_FRESH_MS) onUpdate({ result: update.result, pending: update.pending });
  };
  const listener = (changes: SessionChanges, areaName: string) => {
    if (areaName === 'session' && storageKey in changes) take(changes[storageKey]?.newValue);
  };
  events.addListener(listener);
  area.get(storageKey).then(
    (stored) => take(stored[storageKey]),
    () => undefined,
  );
  return () => {
    live = false;
    events.removeListener(listener);
  };
}

export function createPopupClient(): PopupClient {
  return {
    getTab: readTabState,
    lookup: (doi, { tabId, force }) => sendRequest({ type: 'lookup:doi', doi, tabId, force }),
    watchLookup: (doi, onUpdate) => watchLookup(doi, onUpdate),
    resolveId: (kind, id) => sendRequest({ type: 'lookup:id', kind, id }),
    copyText: (text) => navigator.clipboard.writeText(text),
    checkLink: ({ url, expect, doi, title, archive }) =>
      sendRequest({
        type: 'check:link',
        url,
        expect: expect ?? 'pdf',
        ...(doi ? { doi } : {}),
        ...(title ? { title: title.slice(0, 1000) } : {}),
        ...(archive === false ? { archive } : {}),
      }),
    findArchive: (url) => sendRequest({ type: 'check:archive', url }),
    preferences: readPreferences,
    isOnline: () => navigator.onLine,
    siteAccess,
    allowSite,
    // A link check said "Not checked": ask for the copy's site (on the click), then check again.
    requestSiteAccess: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  };
}
