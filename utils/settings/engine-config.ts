/** The user's settings as the lookup engine's config (utils/engine/config.ts owns that schema). */
import type { EngineConfigInput } from '../engine/config';
import { KEYED_SOURCE_NAMES, SOURCE_NAMES, type KeyedSourceName, type SourceName } from '../sources/registry';
import type { Settings } from './schema';

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

export function engineConfigFromSettings(settings: Settings): EngineConfigInput {
  const sources = {} as Record<SourceName, { enabled: boolean; baseUrl: string }>;
  // baseUrl '' means "the public API" to the engine; always sent so clearing a mirror takes effect.
  for (const name of SOURCE_NAMES) sources[name] = { enabled: settings.sources[name].enabled, baseUrl: settings.sources[name].baseUrl ?? '' };
  const keys: Partial<Record<KeyedSourceName, string | null>> = {};
  for (const name of KEYED_SOURCE_NAMES) keys[name] = orNull(settings.keys[name]);
  return {
    sources,
    email: orNull(settings.email),
    keys,
    preferRepository: settings.ranking.preferRepository,
    preferredInstitution: orNull(settings.library.preferredInstitution),
  };
}
