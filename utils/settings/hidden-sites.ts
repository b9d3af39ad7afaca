/**
 * The options page's view of the sites where the reader chose "Hide on this site" on the article
 * indicator (stored by the content script under HIDDEN_SITES_KEY): read through a schema, and
 * shortened by "Show again". Entries that are not host names are not listed (and stay untouched).
 */
import * as z from 'zod/mini';
import type { StorageArea } from '../storage/area';
import { HIDDEN_SITES_KEY } from './basics';
import { SiteName } from './schema';

/** Whatever is stored: a list is read item by item, anything else counts as no list. */
const Stored = z.catch(z.array(z.unknown()), []);

/** The hidden sites, most recently hidden first; [] when nothing (or nothing readable) is stored. */
export async function readHiddenSites(storage: Pick<StorageArea, 'get'>): Promise<string[]> {
  const raw = await storage.get(HIDDEN_SITES_KEY).catch(() => ({}) as Record<string, unknown>);
  const sites = Stored.parse(raw[HIDDEN_SITES_KEY]).filter((item): item is string => SiteName.safeParse(item).success);
  return [...new Set(sites)].reverse();
}

/** Removes `site` from the list (the indicator shows there again on the next page) and returns what remains. */
export async function showSiteAgain(storage: Pick<StorageArea, 'get' | 'set'>, site: string): Promise<string[]> {
  const raw = (await storage.get(HIDDEN_SITES_KEY))[HIDDEN_SITES_KEY];
  const stored = Stored.parse(raw);
  await storage.set({ [HIDDEN_SITES_KEY]: stored.filter((item) => item !== site) });
  return readHiddenSites(storage);
}
