/**
 * How the engine uses a source under the current settings: whether it is asked at all, and its
 * planned requests with only its own settings (base URL, email, its own key — never another's).
 */
import type { PlanContext, PlannedRequest, Source } from '../sources/source';
import type { EngineConfig } from './config';

/** Asked when switched on, and when its email or required key is present. */
export function isSourceActive(source: Source, config: EngineConfig): boolean {
  const settings = config.sources[source.id as keyof EngineConfig['sources']];
  if (!settings?.enabled) return false;
  if (source.needsEmail && config.email === null) return false;
  if (source.key?.required && !config.keys[source.id as keyof EngineConfig['keys']]) return false;
  return true;
}

/** What the source's planners may use: its base URL (a mirror or the public API), the email, its own key. */
export function planContext(source: Source, config: EngineConfig): PlanContext {
  const settings = config.sources[source.id as keyof EngineConfig['sources']];
  return {
    baseUrl: settings?.baseUrl ?? source.baseUrl,
    email: config.email,
    key: source.key ? (config.keys[source.id as keyof EngineConfig['keys']] ?? null) : null,
  };
}

/** The source's requests for `dois` (normalised DOI keys), each within its batch limit. */
export function planRequests(source: Source, dois: string[], config: EngineConfig): PlannedRequest[] {
  return source.plan(dois, planContext(source, config));
}
