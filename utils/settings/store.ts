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
import { repairSettings } from './repair';
import { SETTINGS_KEY, defaultSettings, type Settings } from './schema';

/** `storage.managed` only reads. In Firefox without a policy (and in Chrome without a schema) get() rejects. */
export interface ManagedArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

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

async function readPolicy(managed: ManagedArea | null | undefined): Promise<unknown> {
  if (!managed) return null;
  try {
    return await managed.get(null);
  } catch {
    return null;
  }
}

export async function loadSettings(local: StorageArea, managed?: ManagedArea | null): Promise<LoadedSettings> {
  let stored: unknown;
  try {
    stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    stored = undefined;
  }
  const { user, notes } = readStoredSettings(stored);
  const { settings, locked, ignored } = applyPolicy(user, await readPolicy(managed));
  if (ignored.length) notes.push({ kind: 'policy-ignored', keys: ignored });
  return { settings, user, locked, notes };
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

export interface SettingsStore {
  /** Current settings, loaded once and reloaded after each change. */
  get(): Promise<LoadedSettings>;
  /** Called with the new settings after every change; returns an unsubscribe. */
  subscribe(listener: (loaded: LoadedSettings) => void): () => void;
  dispose(): void;
}

/** A live view of the settings for long-lived contexts (the background worker). */
export function createSettingsStore(areas: SettingsStoreAreas): SettingsStore {
  let current = loadSettings(areas.local, areas.managed);
  const listeners = new Set<(loaded: LoadedSettings) => void>();
  const stop = onSettingsChanged(areas.onChanged, () => {
    current = loadSettings(areas.local, areas.managed);
    current.then((loaded) => listeners.forEach((listener) => listener(loaded)));
  });
  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      stop();
      listeners.clear();
    },
  };
}
