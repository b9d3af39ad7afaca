/**
 * Institution deployment: an administrator's policy in `storage.managed` (Chrome: policy for the
 * extension, described by public/managed-schema.json; Firefox: the `3rdparty` section of
 * policies.json) presets settings and locks them. Every field the policy sets is enforced and shown
 * as locked; a policy value that does not validate is ignored (and named), never half-applied.
 */
import { KEYED_SOURCES, SOURCE_NAMES } from '../sources/registry';
import { withSetting } from './edit';
import { getPath } from './paths';
import { isPlainObject } from './repair';
import type { Settings } from './schema';

/** Policy key (dotted, as an admin writes it) → settings path it presets and locks. */
export const POLICY_FIELDS: ReadonlyArray<{ policy: string; setting: string }> = [
  { policy: 'email', setting: 'email' },
  // Each source's key under the policy name it declares (a contract with administrators).
  ...KEYED_SOURCES.map((s) => ({ policy: s.key.policy, setting: `keys.${s.id}` })),
  ...SOURCE_NAMES.flatMap((name) => [
    { policy: `sources.${name}.enabled`, setting: `sources.${name}.enabled` },
    { policy: `sources.${name}.baseUrl`, setting: `sources.${name}.baseUrl` },
  ]),
  { policy: 'preferRepository', setting: 'ranking.preferRepository' },
  { policy: 'autoLookup', setting: 'privacy.autoLookup' },
  { policy: 'badgesEnabled', setting: 'badges.enabled' },
  { policy: 'openUrlBase', setting: 'library.openUrlBase' },
  { policy: 'illUrlTemplate', setting: 'library.illUrlTemplate' },
  { policy: 'preferredInstitution', setting: 'library.preferredInstitution' },
  { policy: 'discovery', setting: 'discovery' },
];

export interface PolicyApplied {
  settings: Settings;
  /** Settings paths the policy set: the user cannot change them. */
  locked: string[];
  /** Policy keys whose value was invalid and therefore ignored. */
  ignored: string[];
}

/** Applies a managed policy (any value; non-objects count as "no policy") on top of the user's settings. */
export function applyPolicy(user: Settings, policy: unknown): PolicyApplied {
  let settings = structuredClone(user);
  const locked: string[] = [];
  const ignored: string[] = [];
  if (!isPlainObject(policy)) return { settings, locked, ignored };
  for (const { policy: key, setting } of POLICY_FIELDS) {
    const raw = getPath(policy, key);
    if (raw === undefined || raw === null) continue;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    // Validated by the settings schema itself, so policy and options page accept exactly the same values.
    const next = withSetting(settings, setting, value);
    if (next) {
      settings = next;
      locked.push(setting);
    } else {
      ignored.push(key);
    }
  }
  return { settings, locked, ignored };
}

export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.includes(path);
}
