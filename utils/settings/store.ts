/**
 * Settings in storage: the user's own layer in `storage.local` under one versioned key, the
 * institution's policy in `storage.managed` on top. Loading migrates, repairs and merges and always
 * yields usable settings plus notes saying what went wrong; nothing here throws.
 */
import type { StorageArea } from '../storage/area';
import { onSettingsChanged, type StorageChangeEvent } from './basics';
import { applyPolicy } from './managed';
import { migrateSettings } from './migrations';
import { getPath, setPath } from './paths';
import { followPolicy, readManaged, rememberPolicy, type PolicyArea, type ReadPolicyOptions } from './policy-memory';
import { repairSettings } from './repair';
import { SETTINGS_KEY, defaultSettings, type Settings } from './schema';

/** `storage.managed` only reads. In Firefox without a policy (and in Chrome without a schema) get() rejects. */
export type ManagedArea = PolicyArea;

/** Something worth telling the user about the stored settings (rendered by the options page). */
export type SettingsNote =
  /** These stored fields were invalid; they hold their defaults now. */
  | { kind: 'reset-fields'; fields: string[] }
  /** The stored value could not be read at all; every field holds its default. */
  | { kind: 'unreadable' }
  /** Written by a newer Greenway (after a downgrade): defaults until the user saves. */
  | { kind: 'newer'; version: number }
  /** The institution's policy had invalid values for these keys; they were ignored. */
  | { kind: 'policy-ignored'; keys: string[] };

export interface LoadedSettings {
  /** What everything runs with: the user's settings with the policy applied. */
  settings: Settings;
  /** The user's own layer (what is saved, exported, and shown again if the policy goes away). */
  user: Settings;
  /** Settings paths the policy locks. */
  locked: string[];
  notes: SettingsNote[];
}

/** Reads a stored value (any version, any damage) into settings plus notes. */
export function readStoredSettings(stored: unknown): { user: Settings; notes: SettingsNote[] } {
  if (stored === undefined || stored === null) return { user: defaultSettings(), notes: [] };
  const migrated = migrateSettings(stored);
  if (!migrated.ok) {
    const note: SettingsNote = migrated.problem === 'newer' ? { kind: 'newer', version: migrated.version } : { kind: 'unreadable' };
    return { user: defaultSettings(), notes: [note] };
  }
  const { settings, invalid } = repairSettings(migrated.value);
  return { user: settings, notes: invalid.length ? [{ kind: 'reset-fields', fields: invalid }] : [] };
}

/** The settings the user stored with `policy` (any value; see applyPolicy) on top. */
export async function settingsWithPolicy(local: StorageArea, policy: unknown): Promise<LoadedSettings> {
  let stored: unknown;
  try {
    stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    stored = undefined;
  }
  const { user, notes } = readStoredSettings(stored);
  const { settings, locked, ignored } = applyPolicy(user, policy);
  if (ignored.length) notes.push({ kind: 'policy-ignored', keys: ignored });
  return { settings, user, locked, notes };
}

/** The settings with `storage.managed`'s policy, waiting for it however long it takes (tests; the pages use `followPolicy`). */
export async function loadSettings(local: StorageArea, managed?: ManagedArea | null): Promise<LoadedSettings> {
  return settingsWithPolicy(local, await readManaged(managed));
}

/**
 * Saves the user's layer. `next` is usually the effective settings as edited on the options page: for
 * locked fields the user's previous value is kept, so a policy value never becomes the user's own.
 * Invalid fields are stored as their defaults and named in `invalid`.
 */
export async function saveSettings(
  local: StorageArea,
  next: Settings,
  previous?: Pick<LoadedSettings, 'user' | 'locked'>,
): Promise<{ user: Settings; invalid: string[] }> {
  const candidate = structuredClone(next) as unknown as Record<string, unknown>;
  for (const path of previous?.locked ?? []) setPath(candidate, path, structuredClone(getPath(previous!.user, path)));
  const { settings, invalid } = repairSettings(candidate);
  await local.set({ [SETTINGS_KEY]: settings });
  return { user: settings, invalid };
}

// The change listener lives with the schema-free basics (the content script uses it); re-exported here.
export { onSettingsChanged, type StorageChangeEvent };

export interface SettingsStoreAreas {
  local: StorageArea;
  managed?: ManagedArea | null;
  onChanged: StorageChangeEvent;
}

/** Why the settings changed: the user's own layer, or the institution's policy (read late, or changed). */
export type SettingsChangeCause = 'settings' | 'policy';

export type SettingsListener = (loaded: LoadedSettings, change: { previous: LoadedSettings; cause: SettingsChangeCause }) => void;

export interface SettingsStore {
  /** Current settings: at start-up with the remembered policy (utils/settings/policy-memory.ts), not waiting for storage.managed. */
  get(): Promise<LoadedSettings>;
  /** Called with the new settings after every change, with the settings before and the cause; returns an unsubscribe. */
  subscribe(listener: SettingsListener): () => void;
  /** The settings once storage.managed has answered and they hold its policy (tests, diagnostics). */
  settled(): Promise<LoadedSettings>;
  dispose(): void;
}

/**
 * A live view of the settings for long-lived contexts (the background worker). It acts on the remembered
 * policy until storage.managed answers, then remembers that answer and, when it differs, reloads and tells
 * the subscribers with cause `policy` (they stop and undo what the new policy forbids).
 */
export function createSettingsStore(areas: SettingsStoreAreas, options: ReadPolicyOptions = {}): SettingsStore {
  const policy = followPolicy(areas.local, areas.managed, options);
  let current = policy.current().then((p) => settingsWithPolicy(areas.local, p));
  let disposed = false;
  const listeners = new Set<SettingsListener>();

  /** Loads with the current policy; tells the subscribers once loaded, in the order of the changes. */
  function reload(cause: SettingsChangeCause): Promise<LoadedSettings> {
    const previous = current;
    current = Promise.all([previous, policy.current()]).then(([, p]) => settingsWithPolicy(areas.local, p));
    const next = current;
    void Promise.all([previous, next]).then(([before, loaded]) => {
      if (!disposed) listeners.forEach((listener) => listener(loaded, { previous: before, cause }));
    });
    return next;
  }

  /** After storage.managed answered: remembers its policy, and reloads when it is not the policy that was in use. */
  async function follow(changed: boolean): Promise<LoadedSettings> {
    await rememberPolicy(areas.local, await policy.current());
    return changed ? reload('policy') : current;
  }

  let settled = policy.changed.then(follow);
  const stop = onSettingsChanged(areas.onChanged, (area) => {
    if (area === 'managed') settled = policy.refresh().then(follow);
    else void reload('settings');
  });
  return {
    get: () => current,
    settled: () => settled,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      stop();
      listeners.clear();
    },
  };
}
