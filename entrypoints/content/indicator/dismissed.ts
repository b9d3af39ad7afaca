/**
 * Sites where the user closed the article indicator, remembered in storage.local so the indicator
 * stays away on that site for good. The list is capped: the oldest sites are forgotten first.
 */
import type { StorageArea } from '../../../utils/storage/area';

export const DISMISSED_KEY = 'greenway:indicator-dismissed';
const MAX_SITES = 500;

async function read(storage: StorageArea): Promise<string[]> {
  try {
    const value = (await storage.get(DISMISSED_KEY))[DISMISSED_KEY];
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export async function isIndicatorDismissed(storage: StorageArea, site: string): Promise<boolean> {
  return site !== '' && (await read(storage)).includes(site);
}

/** Remembers `site`; storage failures are swallowed (the indicator is already gone from this page). */
export async function dismissIndicator(storage: StorageArea, site: string): Promise<void> {
  if (!site) return;
  const sites = (await read(storage)).filter((s) => s !== site);
  sites.push(site);
  try {
    await storage.set({ [DISMISSED_KEY]: sites.slice(-MAX_SITES) });
  } catch {
    /* nothing else to do */
  }
}
