/**
 * Turns any stored value of the current version into complete, valid `Settings`: missing fields take
 * their default silently (a field added in a later release needs no migration), invalid fields take
 * their default and are *named*, so the options page can say what was reset. Never throws.
 */
import { isPlainObject } from './basics';
import { Settings, SETTINGS_VERSION, defaultSettings } from './schema';

export { isPlainObject };

type Plain = Record<string, unknown>;

/** Defaults overlaid with the stored value, object by object; arrays and scalars are taken whole. */
function overlay(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored === undefined ? defaults : stored;
  const out: Plain = { ...stored };
  for (const [key, value] of Object.entries(defaults)) out[key] = overlay(value, stored[key]);
  return out;
}

/** The settings path an issue belongs to: as deep as the defaults have objects, no deeper. */
function fieldPath(issuePath: readonly PropertyKey[]): string[] {
  const path: string[] = [];
  let node: unknown = defaultSettings();
  for (const key of issuePath) {
    path.push(String(key));
    if (!isPlainObject(node)) break;
    node = node[String(key)];
    if (!isPlainObject(node)) break;
  }
  return path;
}

function resetField(target: Plain, path: string[]): void {
  let defaults: unknown = defaultSettings();
  let node: Plain = target;
  for (const key of path.slice(0, -1)) {
    defaults = isPlainObject(defaults) ? defaults[key] : undefined;
    const next = node[key];
    if (!isPlainObject(next)) return;
    node = next;
  }
  const last = path[path.length - 1]!;
  const fallback = isPlainObject(defaults) ? defaults[last] : undefined;
  if (fallback === undefined) delete node[last];
  else node[last] = structuredClone(fallback);
}

export interface Repaired {
  settings: Settings;
  /** Dotted paths of fields that were invalid and now hold their default, e.g. "library.openUrlBase". */
  invalid: string[];
}

export function repairSettings(stored: unknown): Repaired {
  const candidate = overlay(defaultSettings(), isPlainObject(stored) ? stored : {}) as Plain;
  candidate.version = SETTINGS_VERSION;
  const invalid = new Set<string>();
  // Each pass resets at least one field, so this ends; the bound only guards against a schema bug.
  for (let pass = 0; pass < 100; pass++) {
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) return { settings: parsed.data, invalid: [...invalid] };
    for (const issue of parsed.error.issues) {
      const path = fieldPath(issue.path);
      invalid.add(path.join('.'));
      resetField(candidate, path);
    }
  }
  return { settings: defaultSettings(), invalid: ['*'] };
}
