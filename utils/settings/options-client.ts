/**
 * Everything the options page does outside itself, behind one interface: the entrypoint passes the
 * real browser, tests the fake browser and a fake fetch.
 */
import type { FetchLike } from '../engine/deps';
import type { StorageArea } from '../storage/area';
import { testApiKey, type KeyTestResult } from './key-test';
import { clearLookupCache, lookupCacheUsage, type CacheUsage } from './lookup-cache';
import type { KeyedService, Settings } from './schema';
import { loadSettings, saveSettings, type LoadedSettings, type ManagedArea } from './store';
import { downloadText } from '../view/download';

export interface OptionsClient {
  load(): Promise<LoadedSettings>;
  /** Saves edited settings (locked fields keep the user's own value) and returns them reloaded. */
  save(next: Settings, previous: LoadedSettings): Promise<LoadedSettings>;
  /** Replaces the user's settings wholesale (import); the policy still applies on top. */
  replace(user: Settings): Promise<LoadedSettings>;
  testKey(service: KeyedService, key: string, baseUrl?: string): Promise<KeyTestResult>;
  cacheUsage(): Promise<CacheUsage>;
  clearCache(): Promise<void>;
  /** Offers `text` as a file download. */
  download(filename: string, text: string): void;
}

export interface OptionsEnvironment {
  storage: { local: StorageArea; managed?: ManagedArea | null };
  fetch: FetchLike;
  document: Document;
}

export function createOptionsClient({ storage, fetch, document }: OptionsEnvironment): OptionsClient {
  const reload = () => loadSettings(storage.local, storage.managed);
  return {
    load: reload,
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
  };
}
