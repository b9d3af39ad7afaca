import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeSettingsFor, loadBadgeSettings, readBadgeFields, siteDisabled, siteOf } from '@/entrypoints/content/badges/settings';
import { applyPolicy } from '@/utils/settings/managed';
import { defaultSettings, SETTINGS_KEY } from '@/utils/settings/schema';
import { readStoredSettings } from '@/utils/settings/store';
import { memoryStorage } from '@/utils/storage/area';

describe('siteOf', () => {
  it('gives the lower-case host of http(s) pages and nothing for others', () => {
    expect(siteOf('https://EN.Wikipedia.org/wiki/X')).toBe('en.wikipedia.org');
    expect(siteOf('file:///tmp/x.html')).toBe('');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('siteDisabled', () => {
  it('matches the host and its subdomains, ignoring www.', () => {
    expect(siteDisabled('www.nature.com', ['nature.com'])).toBe(true);
    expect(siteDisabled('nature.com', ['www.nature.com'])).toBe(true);
    expect(siteDisabled('pubmed.ncbi.nlm.nih.gov', ['ncbi.nlm.nih.gov'])).toBe(true);
    expect(siteDisabled('notnature.com', ['nature.com'])).toBe(false);
    expect(siteDisabled('example.org', [])).toBe(false);
  });

  it('treats a page without a site as disabled (no badges on file: or about: pages)', () => {
    expect(siteDisabled('', [])).toBe(true);
  });
});

describe('badgeSettingsFor', () => {
  it('is on by default, with marks for works without a free copy hidden and no library', () => {
    expect(badgeSettingsFor(defaultSettings(), 'example.org')).toEqual({ enabled: true, hideClosed: true, openUrlBase: '' });
  });

  it('carries the library resolver, so that a work without a free copy can get a "Library" link', () => {
    const library = defaultSettings();
    library.library.openUrlBase = 'https://resolver.example.edu/openurl';
    expect(badgeSettingsFor(library, 'example.org').openUrlBase).toBe('https://resolver.example.edu/openurl');
  });

  it('is off when badges are off, the site is off, or privacy mode forbids automatic lookups', () => {
    const off = defaultSettings();
    off.badges.enabled = false;
    expect(badgeSettingsFor(off, 'example.org').enabled).toBe(false);
    const site = defaultSettings();
    site.badges.disabledSites = ['example.org'];
    expect(badgeSettingsFor(site, 'example.org').enabled).toBe(false);
    const privacy = defaultSettings();
    privacy.privacy.autoLookup = false;
    expect(badgeSettingsFor(privacy, 'example.org').enabled).toBe(false);
  });
});

describe('loadBadgeSettings', () => {
  it('reads the stored settings and the policy on top', async () => {
    const stored = defaultSettings();
    stored.badges.hideClosed = false;
    const local = memoryStorage({ [SETTINGS_KEY]: stored });
    expect(await loadBadgeSettings('example.org', local)).toEqual({ enabled: true, hideClosed: false, openUrlBase: '' });
    const managed = { get: async () => ({ badgesEnabled: false, openUrlBase: ' https://resolver.example.edu/openurl ' }) };
    expect(await loadBadgeSettings('example.org', local, managed)).toMatchObject({ enabled: false, openUrlBase: 'https://resolver.example.edu/openurl' });
  });

  it('falls back to the defaults when storage cannot be read', async () => {
    const broken = { get: () => Promise.reject(new Error('gone')), set: async () => undefined, remove: async () => undefined };
    expect(await loadBadgeSettings('example.org', broken)).toEqual({ enabled: true, hideClosed: true, openUrlBase: '' });
  });
});

describe('readBadgeFields (the content script reads settings without the schema)', () => {
  /** What the shared loader makes of the same values, reduced to the badge fields. */
  function reference(stored: unknown, policy: unknown) {
    const { settings } = applyPolicy(readStoredSettings(stored).user, policy);
    return { badges: settings.badges, privacy: settings.privacy, library: { openUrlBase: settings.library.openUrlBase } };
  }

  const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.anything());
  const flag = fc.oneof(fc.boolean(), junk);
  const site = fc.oneof(fc.constantFrom('nature.com', 'www.example.org', 'Nature.com', 'a b', ''), fc.stringMatching(/^[a-z0-9.-]{1,12}$/));
  const sites = fc.oneof(fc.array(site, { maxLength: 4 }), fc.array(fc.oneof(site, junk), { maxLength: 3 }), junk);
  const badges = fc.oneof(fc.record({ enabled: flag, hideClosed: flag, disabledSites: sites }, { requiredKeys: [] }), junk);
  const privacy = fc.oneof(fc.record({ autoLookup: flag }, { requiredKeys: [] }), junk);
  const address = fc.oneof(
    fc.constantFrom(
      '',
      'https://resolver.example.edu/openurl',
      'http://sfx.example.org/sfx?sid=x',
      'ftp://x.example',
      'javascript:alert(1)',
      'not a url',
      ' https://a.example ',
    ),
    junk,
  );
  const library = fc.oneof(fc.record({ openUrlBase: address }, { requiredKeys: [] }), junk);
  const stored = fc.oneof(
    fc.record(
      {
        version: fc.oneof(fc.constantFrom(1, 2, 3, 0, 1.5, '2'), junk),
        badges,
        privacy,
        library,
        showBadges: flag,
        autoLookup: flag,
        email: fc.string({ maxLength: 5 }),
      },
      { requiredKeys: [] },
    ),
    junk,
  );
  const policy = fc.oneof(
    fc.record({ badgesEnabled: flag, autoLookup: flag, openUrlBase: address, email: fc.string({ maxLength: 5 }) }, { requiredKeys: [] }),
    junk,
  );

  it('agrees with the shared settings loader on any stored value and policy', () => {
    fc.assert(
      fc.property(stored, policy, (s, p) => {
        expect(readBadgeFields(s, p)).toEqual(reference(s, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('migrates version-1 values like the loader (showBadges, autoLookup)', () => {
    const v1 = { version: 1, showBadges: false, autoLookup: true };
    expect(readBadgeFields(v1, null)).toEqual(reference(v1, null));
    expect(readBadgeFields(v1, null).badges.enabled).toBe(false);
  });

  it('resets an invalid site list whole, like the loader', () => {
    const stored = { version: 2, badges: { disabledSites: ['nature.com', 'Not A Site'] } };
    expect(readBadgeFields(stored, null).badges.disabledSites).toEqual([]);
    expect(reference(stored, null).badges.disabledSites).toEqual([]);
  });
});
