/**
 * The badge settings the content script runs with, read through the shared settings loader (so the
 * institution's policy applies here too) and reduced to what badges need for this page's site.
 */
import type { StorageArea } from '../storage-area';
import { defaultSettings, type Settings } from '../settings/schema';
import { loadSettings, type ManagedArea } from '../settings/store';

export interface BadgeSettings {
  /** Badges on for this page: on in the settings, the site not switched off, and lookups allowed. */
  enabled: boolean;
  hideClosed: boolean;
}

/** The page's host name as settings store it: lower case, no trailing dot. Empty for non-http pages. */
export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * True when `site` is switched off: an entry matches the host itself and its subdomains, and
 * "www." is ignored on both sides, so "nature.com" also covers "www.nature.com".
 */
export function siteDisabled(site: string, disabledSites: readonly string[]): boolean {
  const host = site.replace(/^www\./, '');
  if (!host) return true;
  return disabledSites.some((raw) => {
    const entry = String(raw).toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    return entry !== '' && (host === entry || host.endsWith(`.${entry}`));
  });
}

/** Reduces the full settings to this site's badge settings. */
export function badgeSettingsFor(settings: Settings, site: string): BadgeSettings {
  const badges = settings.badges;
  // Privacy mode promises that no DOI leaves the browser before the popup opens: badges would break it.
  const enabled = badges.enabled && settings.privacy.autoLookup && !siteDisabled(site, badges.disabledSites);
  return { enabled, hideClosed: badges.hideClosed };
}

/** Loads the settings and reduces them for `site`; unreadable storage yields the defaults. */
export async function loadBadgeSettings(
  site: string,
  local: StorageArea,
  managed?: ManagedArea | null,
): Promise<BadgeSettings> {
  try {
    const { settings } = await loadSettings(local, managed);
    return badgeSettingsFor(settings, site);
  } catch {
    return badgeSettingsFor(defaultSettings(), site);
  }
}
