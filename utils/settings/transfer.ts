/**
 * Export and import of the user's settings as JSON. The file is the stored record itself (with its
 * `version`), so an export from an older release imports through the same migrations as storage.
 */
import { migrateSettings } from './migrations';
import { readStoredSettings, type SettingsNote } from './store';
import type { Settings } from './schema';

export function exportSettings(user: Settings): string {
  return `${JSON.stringify(user, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; user: Settings; notes: SettingsNote[] }
  /** not-json: the text does not parse; not-settings: JSON, but no Greenway settings; newer: from a newer release. */
  | { ok: false; error: 'not-json' | 'not-settings' | 'newer'; detail: string };

const MAX_IMPORT_CHARS = 1_000_000;

export function importSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: 'not-settings', detail: 'file too large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  const migrated = migrateSettings(parsed);
  if (!migrated.ok) {
    return migrated.problem === 'newer'
      ? { ok: false, error: 'newer', detail: String(migrated.version) }
      : { ok: false, error: 'not-settings', detail: 'no settings version' };
  }
  const { user, notes } = readStoredSettings(parsed);
  return { ok: true, user, notes };
}
