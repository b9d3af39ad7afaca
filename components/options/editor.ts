/** What every options section gets: the effective settings, which paths are locked, and a setter. */
import type { Settings } from '@/utils/settings/schema';

export interface SettingsEditor {
  settings: Settings;
  locked: readonly string[];
  /** Sets one field and saves. Resolves false (nothing saved) when the value is invalid or the field locked. */
  set(path: string, value: unknown): Promise<boolean>;
  /** Like `set`, computing the value from the settings as they are when the save runs (after earlier edits). */
  setWith(path: string, compute: (current: Settings) => unknown): Promise<boolean>;
}

export const isLockedPath = (editor: SettingsEditor, path: string) => editor.locked.includes(path);

/** A DOM id from a settings path ("sources.core.enabled" → "opt-sources-core-enabled"). */
export const fieldId = (path: string) => `opt-${path.replace(/\./g, '-')}`;
