/**
 * The engine's settings: a plain object the background builds from the user's options (and the CLI
 * from its flags). Every field has a default, and anything invalid falls back to its default, so a
 * damaged settings record never stops lookups.
 */
import * as z from 'zod/mini';
import { KEYED_SOURCE_NAMES, SOURCES, SOURCE_NAMES, type KeyedSourceName, type SourceName } from '../sources/registry';

/** Each source's public API, from its module. */
export const DEFAULT_BASE_URLS = Object.fromEntries(SOURCES.map((s) => [s.id, s.baseUrl])) as Record<SourceName, string>;

const SourceSettings = z.object({
  enabled: z.catch(z.boolean(), true),
  baseUrl: z.catch(z.string().check(z.url({ protocol: /^https?$/ })), ''),
});
export type SourceSettings = z.infer<typeof SourceSettings>;

const optionalText = z.catch(z.nullable(z.string()), null);
const positive = (fallback: number) => z.catch(z.number().check(z.positive()), fallback);

export const EngineConfig = z.object({
  sources: z.record(z.enum(SOURCE_NAMES), SourceSettings),
  /** Unpaywall's terms require an email; Crossref and OpenAlex get it as the polite `mailto`. */
  email: optionalText,
  /** Each keyed source's API key (null = none), sent only to that source. */
  keys: z.catch(z.partialRecord(z.enum(KEYED_SOURCE_NAMES), optionalText), {}),
  /** Among equally good copies, put the repository copy first. */
  preferRepository: z.catch(z.boolean(), true),
  /** Copies whose institution or host name contains this rank first among equals. */
  preferredInstitution: optionalText,
  /** Per-request timeout. */
  timeoutMs: positive(15_000),
  /** Extra attempts after a 5xx or network failure (429 waits are separate). */
  retries: z.catch(z.number().check(z.int(), z.nonnegative()), 2),
  /** First retry delay; doubles each attempt. */
  backoffMs: positive(500),
  /** DOIs asked for within this window share one request per source. */
  batchWindowMs: z.catch(z.number().check(z.nonnegative()), 30),
  /** Requests in flight per host. */
  maxConcurrentPerHost: positive(2),
  /** Longest Retry-After we are willing to wait inside one lookup; longer means "try later". */
  maxRetryAfterMs: positive(20_000),
  /** Cached lookups kept before the least recently used are evicted. */
  cacheMaxEntries: positive(5_000),
});
export type EngineConfig = z.infer<typeof EngineConfig>;

/** What callers may pass: any subset of the settings, sources merged per field. */
export type EngineConfigInput = Partial<Omit<EngineConfig, 'sources' | 'keys'>> & {
  sources?: Partial<Record<SourceName, Partial<SourceSettings>>>;
  keys?: Partial<Record<KeyedSourceName, string | null>>;
};

/** As each source declares; Unpaywall and CORE still wait for an email / API key (engine/source-use.ts). */
const DEFAULT_ENABLED = Object.fromEntries(SOURCES.map((s) => [s.id, s.enabledByDefault])) as Record<SourceName, boolean>;

function cleanText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** Fills defaults and repairs invalid fields. Never throws. */
export function resolveConfig(input: unknown = {}): EngineConfig {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const rawSources = (typeof raw.sources === 'object' && raw.sources !== null ? raw.sources : {}) as Record<string, unknown>;
  const sources = {} as Record<SourceName, SourceSettings>;
  for (const name of SOURCE_NAMES) {
    const given = (typeof rawSources[name] === 'object' && rawSources[name] !== null ? rawSources[name] : {}) as Record<string, unknown>;
    const parsed = SourceSettings.parse({ enabled: given.enabled ?? DEFAULT_ENABLED[name], baseUrl: given.baseUrl });
    sources[name] = { enabled: parsed.enabled, baseUrl: (parsed.baseUrl || DEFAULT_BASE_URLS[name]).replace(/\/+$/, '') };
  }
  const parsed = EngineConfig.parse({ ...raw, sources });
  const keys: EngineConfig['keys'] = {};
  for (const name of KEYED_SOURCE_NAMES) keys[name] = cleanText(parsed.keys[name]);
  return {
    ...parsed,
    email: cleanText(parsed.email),
    keys,
    preferredInstitution: cleanText(parsed.preferredInstitution),
  };
}

/** Merges a partial update into a full config (used by `engine.updateConfig`). */
export function mergeConfig(current: EngineConfig, update: EngineConfigInput): EngineConfig {
  const sources: Record<string, unknown> = { ...current.sources };
  for (const [name, s] of Object.entries(update.sources ?? {})) sources[name] = { ...current.sources[name as SourceName], ...s };
  return resolveConfig({ ...current, ...update, sources, keys: { ...current.keys, ...update.keys } });
}
