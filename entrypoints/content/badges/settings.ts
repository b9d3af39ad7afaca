/**
 * The badge settings the content script runs with: the user's settings with the institution's policy
 * on top, reduced to what badges need for this page's site.
 *
 * Read without the settings schema: the content script runs on every page, and the schema would
 * bundle zod (≈ 30 kB) for four fields. The rules are the shared loader's (utils/settings/store.ts) —
 * the same migrations, a field that is missing or invalid takes its default, a policy value counts
 * only when valid — and tests/entrypoints/content/badges/settings.test.ts checks on generated values that both
 * readers always agree.
 */
import type { StorageArea } from '../../../utils/storage/area';
import { isPlainObject, MAX_DISABLED_SITES, SETTINGS_KEY, SITE_NAME } from '../../../utils/settings/basics';
import { migrateSettings } from '../../../utils/settings/migrations';
import type { ManagedArea } from '../../../utils/settings/store';
import { readManaged } from '../../../utils/settings/policy-memory';

export interface BadgeSettings {
  /** Badges on for this page: on in the settings, the site not switched off, and lookups allowed. */
  enabled: boolean;
  hideClosed: boolean;
  /** The library's link resolver, '' when none: a work without a free copy may get a "Library" link. */
  openUrlBase: string;
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
    const entry = String(raw)
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    return entry !== '' && (host === entry || host.endsWith(`.${entry}`));
  });
}

/** The settings fields badges depend on (a structural slice of `Settings`). */
export interface BadgeFields {
  badges: { enabled: boolean; hideClosed: boolean; disabledSites: string[] };
  privacy: { autoLookup: boolean };
  library: { openUrlBase: string };
}

const DEFAULT_FIELDS: BadgeFields = {
  badges: { enabled: true, hideClosed: true, disabledSites: [] },
  privacy: { autoLookup: true },
  library: { openUrlBase: '' },
};

/** Policy keys (utils/settings/managed.ts, POLICY_FIELDS) that preset a badge field. */
const POLICY_BOOLEANS: ReadonlyArray<{ key: string; apply(fields: BadgeFields, value: boolean): void }> = [
  { key: 'badgesEnabled', apply: (fields, value) => void (fields.badges.enabled = value) },
  { key: 'autoLookup', apply: (fields, value) => void (fields.privacy.autoLookup = value) },
];

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * An http(s) address as the settings schema keeps it (`z.url({ protocol: /^https?$/ })`: trimmed,
 * tabs and line breaks dropped), '' for '', or null when the schema would refuse it.
 */
function httpUrl(value: unknown): string | null {
  if (value === '') return '';
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? trimmed.replace(/[\t\n\r]/g, '') : null;
}

function sitesOr(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value) || value.length > MAX_DISABLED_SITES) return fallback;
  // An index loop, not every(): a hole in the array is invalid, as the schema says.
  for (let i = 0; i < value.length; i++) {
    const site: unknown = value[i];
    if (typeof site !== 'string' || !SITE_NAME.test(site)) return fallback;
  }
  return [...(value as string[])];
}

/**
 * The badge fields of a stored settings value (any version, any damage) with a policy (any value)
 * on top. Never throws.
 */
export function readBadgeFields(stored: unknown, policy: unknown): BadgeFields {
  const migrated = stored === undefined || stored === null ? null : migrateSettings(stored);
  const user = migrated?.ok ? migrated.value : {};
  const badges = isPlainObject(user.badges) ? user.badges : {};
  const privacy = isPlainObject(user.privacy) ? user.privacy : {};
  const library = isPlainObject(user.library) ? user.library : {};
  const fields: BadgeFields = {
    badges: {
      enabled: booleanOr(badges.enabled, DEFAULT_FIELDS.badges.enabled),
      hideClosed: booleanOr(badges.hideClosed, DEFAULT_FIELDS.badges.hideClosed),
      disabledSites: sitesOr(badges.disabledSites, DEFAULT_FIELDS.badges.disabledSites),
    },
    privacy: { autoLookup: booleanOr(privacy.autoLookup, DEFAULT_FIELDS.privacy.autoLookup) },
    library: { openUrlBase: httpUrl(library.openUrlBase) ?? DEFAULT_FIELDS.library.openUrlBase },
  };
  if (isPlainObject(policy)) {
    for (const { key, apply } of POLICY_BOOLEANS) {
      const value = policy[key];
      if (typeof value === 'boolean') apply(fields, value);
    }
    // The policy's resolver (utils/settings/managed.ts: openUrlBase), trimmed like every policy string.
    const base = typeof policy.openUrlBase === 'string' ? httpUrl(policy.openUrlBase.trim()) : null;
    if (base !== null) fields.library.openUrlBase = base;
  }
  return fields;
}

/** Reduces the settings to this site's badge settings. */
export function badgeSettingsFor(settings: BadgeFields, site: string): BadgeSettings {
  const badges = settings.badges;
  // Privacy mode promises that no DOI leaves the browser before the popup opens: badges would break it.
  const enabled = badges.enabled && settings.privacy.autoLookup && !siteDisabled(site, badges.disabledSites);
  return { enabled, hideClosed: badges.hideClosed, openUrlBase: settings.library.openUrlBase };
}

/** This site's badge settings: the user's from `local` (unreadable counts as the defaults) with `policy` (any value) on top. */
export async function badgeSettingsWith(site: string, local: StorageArea, policy: unknown): Promise<BadgeSettings> {
  let stored: unknown;
  try {
    stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    stored = undefined;
  }
  return badgeSettingsFor(readBadgeFields(stored, policy), site);
}

/** Loads this site's badge settings with the policy from `managed` (none when absent or unreadable). */
export async function loadBadgeSettings(site: string, local: StorageArea, managed?: ManagedArea | null): Promise<BadgeSettings> {
  return badgeSettingsWith(site, local, await readManaged(managed));
}
