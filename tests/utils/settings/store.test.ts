import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { memoryStorage } from '@/utils/storage/area';
import { createSettingsStore, loadSettings, onSettingsChanged, saveSettings } from '@/utils/settings/store';
import { SETTINGS_KEY, SETTINGS_VERSION, defaultSettings } from '@/utils/settings/schema';
import { POLICY_MEMORY_KEY } from '@/utils/settings/policy-memory';
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

describe('the settings store at a browser start (storage.managed answering late)', () => {
  /** Storage areas whose managed area answers only when told to; user settings at their defaults. */
  function startUp(memory?: Record<string, unknown> | null) {
    let answer: (policy: Record<string, unknown>) => void = () => undefined;
    const reply = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    const local = memoryStorage(memory === undefined ? {} : { [POLICY_MEMORY_KEY]: { v: 1, policy: memory, seenAt: 1 } });
    const areas = { local, managed: { get: () => reply }, onChanged: fakeBrowser.storage.onChanged };
    return { local, areas, answer: (policy: Record<string, unknown>) => answer(policy) };
  }

  it('runs on the remembered policy at once, then follows storage.managed and remembers its answer', async () => {
    const { local, areas, answer } = startUp({ sources: { semanticscholar: { enabled: false } } });
    const store = createSettingsStore(areas);
    const first = await store.get();
    expect(first.settings.sources.semanticscholar.enabled).toBe(false);
    expect(first.locked).toEqual(['sources.semanticscholar.enabled']);
    const changes: Array<{ cause: string; before: boolean; after: boolean }> = [];
    store.subscribe((loaded, { previous, cause }) =>
      changes.push({ cause, before: previous.settings.privacy.autoLookup, after: loaded.settings.privacy.autoLookup }),
    );
    answer({ autoLookup: false });
    const settled = await store.settled();
    expect(settled.settings.privacy.autoLookup).toBe(false);
    expect(settled.settings.sources.semanticscholar.enabled).toBe(true);
    expect((await store.get()).settings.privacy.autoLookup).toBe(false);
    await vi.waitFor(() => expect(changes).toEqual([{ cause: 'policy', before: true, after: false }]));
    expect((local.dump()[POLICY_MEMORY_KEY] as { policy: unknown }).policy).toEqual({ autoLookup: false });
    store.dispose();
  });

  it('tells nobody and rewrites nothing when storage.managed confirms the remembered policy', async () => {
    const { local, areas, answer } = startUp({ autoLookup: false });
    const before = structuredClone(local.dump());
    const store = createSettingsStore(areas);
    const listener = vi.fn();
    store.subscribe(listener);
    expect((await store.get()).settings.privacy.autoLookup).toBe(false);
    answer({ autoLookup: false });
    await store.settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(listener).not.toHaveBeenCalled();
    expect(local.dump()).toEqual(before);
    store.dispose();
  });

  it('with nothing remembered, waits a bounded time, runs without a policy, and applies the late one as a policy change', async () => {
    const { areas, answer } = startUp();
    const waits: Array<{ ms: number; fire: () => void }> = [];
    const store = createSettingsStore(areas, { waitMs: 400, setTimer: (fire, ms) => waits.push({ ms, fire }) });
    let first: unknown = 'pending';
    void store.get().then((loaded) => (first = loaded.settings.privacy.autoLookup));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(first).toBe('pending');
    expect(waits.map((w) => w.ms)).toEqual([400]);
    waits[0]!.fire();
    expect((await store.get()).settings.privacy.autoLookup).toBe(true);
    const seen = new Promise<string>((resolve) => store.subscribe((_loaded, { cause }) => resolve(cause)));
    answer({ autoLookup: false });
    expect(await seen).toBe('policy');
    expect((await store.get()).settings.privacy.autoLookup).toBe(false);
    store.dispose();
  });

  it("names the user's own changes as such", async () => {
    const { areas, answer } = startUp(null);
    answer({});
    const store = createSettingsStore(areas);
    await store.settled();
    const seen = new Promise<string>((resolve) => store.subscribe((_loaded, { cause }) => resolve(cause)));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), privacy: { autoLookup: false } } });
    expect(await seen).toBe('settings');
    store.dispose();
  });
});
