/**
 * Stored settings carry a `version`; each release that changes their shape adds one step here that
 * turns version n into n+1, so a value written by any earlier release reaches the current shape.
 * Steps only move data; validation and defaults are ./repair.ts's job. A sample stored value for each
 * version lives in tests/fixtures/settings/ with a test per step.
 */
// Schema-free imports only: the content script migrates its badge settings without bundling zod.
import { isPlainObject, SETTINGS_VERSION } from './basics';

type Step = (old: Record<string, unknown>) => Record<string, unknown>;

const str = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * v1 (Greenway 0.1) was flat: `email`, `apiKeys.{openalex,core,semanticscholar}`, `disabledSources[]`,
 * `preferRepository`, `showBadges`, `autoLookup`, `openUrl`. v2 groups fields by concern and adds
 * library, discovery and per-site badge settings (those take their defaults).
 */
function v1ToV2(old: Record<string, unknown>): Record<string, unknown> {
  const keys = isPlainObject(old.apiKeys) ? old.apiKeys : {};
  const disabled = Array.isArray(old.disabledSources) ? old.disabledSources : [];
  const sources: Record<string, unknown> = {};
  for (const name of ['openalex', 'unpaywall', 'europepmc', 'semanticscholar', 'core', 'crossref']) {
    sources[name] = { enabled: !disabled.includes(name) };
  }
  return {
    version: 2,
    email: str(old.email),
    keys: { openalex: str(keys.openalex), core: str(keys.core), semanticScholar: str(keys.semanticscholar) }, // v2's spelling; see v2ToV3
    sources,
    ranking: { preferRepository: old.preferRepository },
    badges: { enabled: old.showBadges },
    privacy: { autoLookup: old.autoLookup },
    library: { openUrlBase: str(old.openUrl) },
  };
}

/**
 * v3 spells every service by one id: `keys.semanticScholar` becomes `keys.semanticscholar` (the
 * source registry derives the key fields from the ids) and the discovery service `semantic-scholar`
 * becomes `semanticscholar`.
 */
function v2ToV3(old: Record<string, unknown>): Record<string, unknown> {
  const keys = isPlainObject(old.keys) ? { ...old.keys } : {};
  if ('semanticScholar' in keys) {
    keys.semanticscholar = keys.semanticScholar;
    delete keys.semanticScholar;
  }
  const discovery = Array.isArray(old.discovery) ? old.discovery.map((d) => (d === 'semantic-scholar' ? 'semanticscholar' : d)) : old.discovery;
  return { ...old, version: 3, keys, ...(discovery === undefined ? {} : { discovery }) };
}

/** MIGRATIONS[n] turns a version-n value into version n+1. */
export const MIGRATIONS: Record<number, Step> = { 1: v1ToV2, 2: v2ToV3 };

export type MigrationOutcome =
  { ok: true; value: Record<string, unknown>; from: number } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'newer'; version: number };

/** Brings a stored value to the current version, or says why it cannot. Never throws. */
export function migrateSettings(stored: unknown): MigrationOutcome {
  if (!isPlainObject(stored)) return { ok: false, problem: 'unreadable' };
  const from = stored.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, problem: 'unreadable' };
  // A value from a newer release (after a downgrade) is not guessed at: defaults, and it stays stored.
  if (from > SETTINGS_VERSION) return { ok: false, problem: 'newer', version: from };
  let value = stored;
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, problem: 'unreadable' };
    try {
      value = step(value);
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
  }
  return { ok: true, value, from };
}
