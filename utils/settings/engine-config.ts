/** The user's settings as the lookup engine's config (utils/engine/config.ts owns that schema). */
import type { EngineConfigInput } from '../engine/config';
import { SOURCE_NAMES, type SourceName } from '../model';
import type { Settings } from './schema';

const orNull = (value: string): string | null => (value.trim() ? value.trim() : null);

export function engineConfigFromSettings(settings: Settings): EngineConfigInput {
  const sources = {} as Record<SourceName, { enabled: boolean; baseUrl: string }>;
  // baseUrl '' means "the public API" to the engine; always sent so clearing a mirror takes effect.
  for (const name of SOURCE_NAMES) sources[name] = { enabled: settings.sources[name].enabled, baseUrl: settings.sources[name].baseUrl ?? '' };
  return {
    sources,
    email: orNull(settings.email),
    openalexApiKey: orNull(settings.keys.openalex),
    coreApiKey: orNull(settings.keys.core),
    semanticScholarApiKey: orNull(settings.keys.semanticScholar),
    preferRepository: settings.ranking.preferRepository,
    preferredInstitution: orNull(settings.library.preferredInstitution),
  };
}
