/**
 * Sites where the user closed the article indicator, remembered in storage.local so the indicator
 * stays away on that site until the user chooses "Show again" on the options page
 * (utils/settings/hidden-sites.ts). The list is capped: the oldest sites are forgotten first.
 */
import type { StorageArea } from '../../../utils/storage/area';
import { HIDDEN_SITES_KEY } from '../../../utils/settings/basics';

const MAX_SITES = 500;

async function read(storage: StorageArea): Promise<string[]> {
  try {
    const value = (await storage.get(HIDDEN_SITES_KEY))[HIDDEN_SITES_KEY];
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
    await storage.set({ [HIDDEN_SITES_KEY]: sites.slice(-MAX_SITES) });
  } catch {
    /* nothing else to do */
  }
}
