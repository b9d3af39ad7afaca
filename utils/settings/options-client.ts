/**
 * Everything the options page does outside itself, behind one interface: the entrypoint passes the
 * real browser, tests the fake browser and a fake fetch.
 */
import type { FetchLike } from '../engine/deps';
import type { StorageArea } from '../storage/area';
import { testApiKey, type KeyTestResult } from './key-test';
import { clearLookupCache, lookupCacheUsage, type CacheUsage } from './lookup-cache';
import type { KeyedService, Settings } from './schema';
import { saveSettings, settingsWithPolicy, type LoadedSettings, type ManagedArea } from './store';
import { followPolicy } from './policy-memory';
import { downloadText } from '../view/download';
import { safeHttpUrl } from '../model/url';
import { HIDDEN_SITES_KEY, onSettingsChanged, type StorageChangeEvent } from './basics';
import { readHiddenSites, showSiteAgain } from './hidden-sites';

export interface OptionsClient {
  /** The settings with the policy in use now (at once: the remembered policy until `storage.managed` answers). */
  load(): Promise<LoadedSettings>;
  /**
   * Calls back each time the institution's policy the page acts on changes, so that the page loads
   * again and shows the new locks: `storage.managed`'s late first answer (browser start) when it is not
   * the remembered policy `load` used, and every change made to the policy while the page is open.
   * Returns an unsubscribe.
   */
  watchPolicy(onChange: () => void): () => void;
  /** Saves edited settings (locked fields keep the user's own value) and returns them reloaded. */
  save(next: Settings, previous: LoadedSettings): Promise<LoadedSettings>;
  /** Replaces the user's settings wholesale (import); the policy still applies on top. */
  replace(user: Settings): Promise<LoadedSettings>;
  testKey(service: KeyedService, key: string, baseUrl?: string): Promise<KeyTestResult>;
  cacheUsage(): Promise<CacheUsage>;
  clearCache(): Promise<void>;
  /** Offers `text` as a file download. */
  download(filename: string, text: string): void;
  /** Sites where the reader chose "Hide on this site" (./hidden-sites.ts), most recent first. */
  hiddenSites(): Promise<string[]>;
  /** "Show again": forgets one hidden site; resolves with the sites still hidden. */
  showSiteAgain(site: string): Promise<string[]>;
  /** Calls back when the hidden sites change (a site hidden in another tab); returns an unsubscribe. */
  watchHiddenSites(callback: () => void): () => void;
  /** Opens an http(s) URL in a new tab without opener or referrer (the library "Test" buttons); false for anything else. */
  openTab(url: string): boolean;
}

export interface OptionsEnvironment {
  storage: { local: StorageArea; managed?: ManagedArea | null; onChanged?: StorageChangeEvent };
  fetch: FetchLike;
  document: Document;
}

export function createOptionsClient({ storage, fetch, document }: OptionsEnvironment): OptionsClient {
  // Not waiting for storage.managed: right after a browser start it answers seconds late, and the
  // page stayed blank until then. The page shows the remembered policy's locks and follows the answer.
  const policy = followPolicy(storage.local, storage.managed);
  const reload = async () => settingsWithPolicy(storage.local, await policy.current());
  return {
    load: reload,
    watchPolicy(onChange) {
      let live = true;
      const tell = (changed: boolean) => {
        if (changed && live) onChange();
      };
      void policy.changed.then(tell);
      const events = storage.onChanged;
      const stop = events
        ? onSettingsChanged(events, (area) => {
            if (area === 'managed') void policy.refresh().then(tell);
          })
        : () => undefined;
      return () => {
        live = false;
        stop();
      };
    },
    async save(next, previous) {
      await saveSettings(storage.local, next, previous);
      return reload();
    },
    async replace(user) {
      await saveSettings(storage.local, user);
      return reload();
    },
    testKey: (service, key, baseUrl) => testApiKey(service, key, fetch, baseUrl),
    cacheUsage: () => lookupCacheUsage(storage.local),
    clearCache: () => clearLookupCache(storage.local),
    download: (filename, text) => downloadText(document, filename, text, 'application/json'),
    hiddenSites: () => readHiddenSites(storage.local),
    showSiteAgain: (site) => showSiteAgain(storage.local, site),
    watchHiddenSites(callback) {
      const events = storage.onChanged;
      if (!events) return () => undefined;
      const listener = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName === 'local' && HIDDEN_SITES_KEY in changes) callback();
      };
      events.addListener(listener);
      return () => events.removeListener(listener);
    },
    openTab(url) {
      const safe = safeHttpUrl(url);
      if (!safe) return false;
      document.defaultView?.open(safe, '_blank', 'noopener,noreferrer');
      return true;
    },
  };
}
