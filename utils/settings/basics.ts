/**
 * Settings facts that need no schema: where and in which version they are stored, the site-name
 * rule, and the change listener. Kept apart from ./schema.ts (zod) so that the content script reads
 * its badge settings (entrypoints/content/badges/settings.ts) without bundling zod.
 */

export const SETTINGS_VERSION = 3;
/** The one storage.local key that holds the user's own settings (never the managed policy). */
export const SETTINGS_KEY = 'greenway:settings';

/**
 * The sites where the reader chose "Hide on this site" on the article indicator: a storage.local list
 * of host names, written by the content script (entrypoints/content/indicator/dismissed.ts) and read
 * and shortened by the options page (./hidden-sites.ts). Not a setting: backups leave it out.
 */
export const HIDDEN_SITES_KEY = 'greenway:indicator-dismissed';

/** A host name like "www.nature.com" (lower case, no scheme or path), as `badges.disabledSites` holds them. */
export const SITE_NAME = /^[a-z0-9.-]{1,253}$/;
/** Most entries `badges.disabledSites` may hold. */
export const MAX_DISABLED_SITES = 1000;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `storage.onChanged` event, structurally (browser.storage.onChanged fits). */
export interface StorageChangeEvent {
  addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
}

/**
 * Calls `callback` whenever the user's settings (area `local`) or the managed policy (area `managed`)
 * change; returns an unsubscribe.
 */
export function onSettingsChanged(events: StorageChangeEvent, callback: (area: 'local' | 'managed') => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === 'managed' || (areaName === 'local' && SETTINGS_KEY in changes)) callback(areaName);
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
