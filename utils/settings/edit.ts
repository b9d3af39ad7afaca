/**
 * Changing one settings field by path, accepted only if the result is still valid settings: the
 * options page and the managed policy validate with the very schema that loading uses.
 */
import { setPath } from './paths';
import { Settings } from './schema';

/** `settings` with `path` set to `value` (undefined removes an optional field), or null if that is invalid. */
export function withSetting(settings: Settings, path: string, value: unknown): Settings | null {
  const candidate = structuredClone(settings) as unknown as Record<string, unknown>;
  setPath(candidate, path, value);
  const parsed = Settings.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
