import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS, migrateSettings } from '@/utils/settings/migrations';
import { readStoredSettings } from '@/utils/settings/store';
import { SETTINGS_VERSION, Settings } from '@/utils/settings/schema';

const FIXTURES = join(__dirname, '../../fixtures/settings');
const sample = (version: number): unknown => JSON.parse(readFileSync(join(FIXTURES, `v${version}.json`), 'utf8'));

describe('settings migrations', () => {
  it('has a sample stored value for every version, and a step for every version before the current one', () => {
    const versions = readdirSync(FIXTURES)
      .map((file) => /^v(\d+)\.json$/.exec(file)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
    for (let v = 1; v < SETTINGS_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('every sample reaches the current version as valid settings without resetting anything', () => {
    for (let v = 1; v <= SETTINGS_VERSION; v++) {
      const { user, notes } = readStoredSettings(sample(v));
      expect(notes, `v${v}`).toEqual([]);
      expect(Settings.safeParse(user).success).toBe(true);
    }
  });

  it('v1 → v2 moves each flat field to its group and keeps the user’s choices', () => {
    const step = migrateSettings(sample(1));
    expect(step.ok && step.from).toBe(1);
    const { user } = readStoredSettings(sample(1));
    expect(user.email).toBe('reader@example.org');
    expect(user.keys).toEqual({ openalex: 'oa-key-123', core: '', semanticscholar: 's2-key-456' });
    expect(user.sources.crossref.enabled).toBe(false);
    expect(user.sources.europepmc.enabled).toBe(false);
    expect(user.sources.openalex.enabled).toBe(true);
    expect(user.ranking.preferRepository).toBe(false);
    expect(user.badges.enabled).toBe(false);
    expect(user.privacy.autoLookup).toBe(false);
    expect(user.library.openUrlBase).toBe('https://resolver.example.edu/openurl');
    // Fields v1 did not have take their defaults.
    expect(user.badges.disabledSites).toEqual([]);
    expect(user.library.illUrlTemplate).toBe('');
  });

  it('v2 → v3 spells Semantic Scholar by one id (key and discovery service) and keeps everything else', () => {
    const step = migrateSettings(sample(2));
    expect(step.ok && step.from).toBe(2);
    expect(step.ok && step.value).toEqual(sample(3));
    // A v2 value without that key gains nothing it did not have.
    const bare = migrateSettings({ version: 2, keys: { openalex: 'k' } });
    expect(bare.ok && bare.value.keys).toEqual({ openalex: 'k' });
  });

  it('a v1 value with only some fields migrates, the rest default', () => {
    const { user, notes } = readStoredSettings({ version: 1, autoLookup: false });
    expect(notes).toEqual([]);
    expect(user.privacy.autoLookup).toBe(false);
    expect(user.ranking.preferRepository).toBe(true);
    expect(user.email).toBe('');
  });

  it('the current version passes through unchanged', () => {
    const step = migrateSettings(sample(SETTINGS_VERSION));
    expect(step).toEqual({ ok: true, value: sample(SETTINGS_VERSION), from: SETTINGS_VERSION });
  });

  it('refuses values it cannot read, and values from a newer release, without throwing', () => {
    expect(migrateSettings('settings')).toEqual({ ok: false, problem: 'unreadable' });
    expect(migrateSettings([1, 2])).toEqual({ ok: false, problem: 'unreadable' });
    expect(migrateSettings({ email: 'a@b.org' })).toEqual({ ok: false, problem: 'unreadable' });
    expect(migrateSettings({ version: 0 })).toEqual({ ok: false, problem: 'unreadable' });
    expect(migrateSettings({ version: 1.5 })).toEqual({ ok: false, problem: 'unreadable' });
    expect(migrateSettings({ version: SETTINGS_VERSION + 1 })).toEqual({ ok: false, problem: 'newer', version: SETTINGS_VERSION + 1 });
  });

  it('a broken v1 field does not stop the migration: it is reset and named', () => {
    const { user, notes } = readStoredSettings({ version: 1, email: 'not an email', apiKeys: 'oops', autoLookup: false });
    expect(user.email).toBe('');
    expect(user.privacy.autoLookup).toBe(false);
    expect(notes).toEqual([{ kind: 'reset-fields', fields: ['email'] }]);
  });
});
