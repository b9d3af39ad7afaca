import { describe, expect, it } from 'vitest';
import { badgeSettingsFor, loadBadgeSettings, siteDisabled, siteOf } from '@/utils/badges/settings';
import { defaultSettings, SETTINGS_KEY } from '@/utils/settings/schema';
import { memoryStorage } from '@/utils/storage-area';

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
  it('is on by default and showing closed marks', () => {
    expect(badgeSettingsFor(defaultSettings(), 'example.org')).toEqual({ enabled: true, hideClosed: false });
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
    stored.badges.hideClosed = true;
    const local = memoryStorage({ [SETTINGS_KEY]: stored });
    expect(await loadBadgeSettings('example.org', local)).toEqual({ enabled: true, hideClosed: true });
    const managed = { get: async () => ({ badgesEnabled: false }) };
    expect((await loadBadgeSettings('example.org', local, managed)).enabled).toBe(false);
  });

  it('falls back to the defaults when storage cannot be read', async () => {
    const broken = { get: () => Promise.reject(new Error('gone')), set: async () => undefined, remove: async () => undefined };
    expect(await loadBadgeSettings('example.org', broken)).toEqual({ enabled: true, hideClosed: false });
  });
});
