import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { memoryStorage } from '@/utils/storage/area';
import { createSettingsStore, loadSettings, onSettingsChanged, saveSettings } from '@/utils/settings/store';
import { SETTINGS_KEY, SETTINGS_VERSION, defaultSettings } from '@/utils/settings/schema';
import v1 from '../../fixtures/settings/v1.json';
import current from '../../fixtures/settings/v3.json';
import policy from '../../fixtures/settings/managed-policy.json';

const managed = (value: Record<string, unknown>) => ({ get: async () => structuredClone(value) });

describe('loadSettings', () => {
  it('gives defaults and no note on a fresh install', async () => {
    const loaded = await loadSettings(memoryStorage(), null);
    expect(loaded).toEqual({ settings: defaultSettings(), user: defaultSettings(), locked: [], notes: [] });
  });

  it('reads an older stored version through the migrations', async () => {
    const loaded = await loadSettings(memoryStorage({ [SETTINGS_KEY]: v1 }));
    expect(loaded.settings.version).toBe(SETTINGS_VERSION);
    expect(loaded.settings.sources.crossref.enabled).toBe(false);
    expect(loaded.notes).toEqual([]);
  });

  it('falls back to defaults with a note when the stored value is unreadable or from a newer release', async () => {
    const broken = await loadSettings(memoryStorage({ [SETTINGS_KEY]: 'garbage' }));
    expect(broken.settings).toEqual(defaultSettings());
    expect(broken.notes).toEqual([{ kind: 'unreadable' }]);
    const newer = await loadSettings(memoryStorage({ [SETTINGS_KEY]: { version: 9, email: 'x@y.org' } }));
    expect(newer.settings).toEqual(defaultSettings());
    expect(newer.notes).toEqual([{ kind: 'newer', version: 9 }]);
  });

  it('survives a storage area that throws', async () => {
    const failing = { ...memoryStorage(), get: async () => Promise.reject(new Error('quota')) };
    const loaded = await loadSettings(failing, { get: () => Promise.reject(new Error('Managed storage manifest not found')) });
    expect(loaded.settings).toEqual(defaultSettings());
  });

  it('applies the managed policy on top of the user’s settings and lists what it locks', async () => {
    const loaded = await loadSettings(memoryStorage({ [SETTINGS_KEY]: current }), managed(policy));
    expect(loaded.settings.email).toBe('library@example.edu');
    expect(loaded.settings.keys.core).toBe('campus-core-key');
    expect(loaded.settings.sources.semanticscholar).toEqual({ enabled: false, baseUrl: 'http://127.0.0.1:8787/s2' });
    expect(loaded.settings.privacy.autoLookup).toBe(false);
    expect(loaded.settings.library.preferredInstitution).toBe('Example University');
    // Not in the policy: still the user's.
    expect(loaded.settings.keys.openalex).toBe('oa-key-123');
    expect(loaded.user.email).toBe('reader@example.org');
    expect(new Set(loaded.locked)).toEqual(
      new Set([
        'email',
        'keys.core',
        'sources.semanticscholar.enabled',
        'privacy.autoLookup',
        'library.openUrlBase',
        'library.illUrlTemplate',
        'library.preferredInstitution',
      ]),
    );
  });

  it('ignores (and names) invalid policy values instead of applying them', async () => {
    const loaded = await loadSettings(memoryStorage(), managed({ email: 'nope', openUrlBase: 'javascript:alert(1)', autoLookup: false }));
    expect(loaded.settings.email).toBe('');
    expect(loaded.settings.library.openUrlBase).toBe('');
    expect(loaded.settings.privacy.autoLookup).toBe(false);
    expect(loaded.locked).toEqual(['privacy.autoLookup']);
    expect(loaded.notes).toEqual([{ kind: 'policy-ignored', keys: ['email', 'openUrlBase'] }]);
  });
});

describe('saveSettings', () => {
  it('stores the current version and reads back the same settings', async () => {
    const local = memoryStorage();
    const next = { ...defaultSettings(), email: 'me@example.org' };
    await saveSettings(local, next);
    expect(local.dump()[SETTINGS_KEY]).toEqual(next);
    expect((await loadSettings(local)).settings).toEqual(next);
  });

  it('never turns a policy value into the user’s own value', async () => {
    const local = memoryStorage({ [SETTINGS_KEY]: current });
    const loaded = await loadSettings(local, managed(policy));
    await saveSettings(local, { ...loaded.settings, ranking: { preferRepository: true } }, loaded);
    const stored = local.dump()[SETTINGS_KEY] as typeof current;
    expect(stored.email).toBe('reader@example.org');
    expect(stored.keys.core).toBe('');
    expect(stored.ranking.preferRepository).toBe(true);
    // Without the policy the user's own choices are back.
    expect((await loadSettings(local, null)).settings.library.preferredInstitution).toBe('University College London');
  });

  it('stores defaults for invalid fields and names them', async () => {
    const local = memoryStorage();
    const result = await saveSettings(local, { ...defaultSettings(), email: 'not-an-email' });
    expect(result.invalid).toEqual(['email']);
    expect((local.dump()[SETTINGS_KEY] as { email: string }).email).toBe('');
  });
});

describe('settings change events', () => {
  it('fires for the settings key in local storage and for any managed change, not for other keys', async () => {
    let calls = 0;
    const stop = onSettingsChanged(fakeBrowser.storage.onChanged, () => calls++);
    await fakeBrowser.storage.local.set({ 'greenway:lookup:v1:10.1/x': {} });
    expect(calls).toBe(0);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: current });
    expect(calls).toBe(1);
    await fakeBrowser.storage.managed.set({ email: 'a@b.org' });
    expect(calls).toBe(2);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: v1 });
    expect(calls).toBe(2);
  });

  it('the settings store reloads after a change and tells its subscribers', async () => {
    const store = createSettingsStore(fakeBrowser.storage);
    expect((await store.get()).settings.privacy.autoLookup).toBe(true);
    const seen = new Promise<boolean>((resolve) => store.subscribe((loaded) => resolve(loaded.settings.privacy.autoLookup)));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), privacy: { autoLookup: false } } });
    expect(await seen).toBe(false);
    expect((await store.get()).settings.privacy.autoLookup).toBe(false);
    store.dispose();
  });
});
