/**
 * The engine's settings: a plain object the background builds from the user's options (and the CLI
 * from its flags). Every field has a default, and anything invalid falls back to its default, so a
 * damaged settings record never stops lookups.
 */
import * as z from 'zod/mini';
import { SOURCE_NAMES, type SourceName } from '../model';

export const DEFAULT_BASE_URLS: Record<SourceName, string> = {
  openalex: 'https://api.openalex.org',
  unpaywall: 'https://api.unpaywall.org',
  europepmc: 'https://www.ebi.ac.uk/europepmc/webservices/rest',
  semanticscholar: 'https://api.semanticscholar.org',
  core: 'https://api.core.ac.uk',
  crossref: 'https://api.crossref.org',
};

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
  openalexApiKey: optionalText,
  coreApiKey: optionalText,
  semanticScholarApiKey: optionalText,
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
export type EngineConfigInput = Partial<Omit<EngineConfig, 'sources'>> & {
  sources?: Partial<Record<SourceName, Partial<SourceSettings>>>;
};

/** All on by default; Unpaywall and CORE still wait for an email / API key (see each source's isActive). */
const DEFAULT_ENABLED: Record<SourceName, boolean> = {
  openalex: true,
  unpaywall: true,
  europepmc: true,
  semanticscholar: true,
  core: true,
  crossref: true,
};

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
  return {
    ...parsed,
    email: cleanText(parsed.email),
    openalexApiKey: cleanText(parsed.openalexApiKey),
    coreApiKey: cleanText(parsed.coreApiKey),
    semanticScholarApiKey: cleanText(parsed.semanticScholarApiKey),
    preferredInstitution: cleanText(parsed.preferredInstitution),
  };
}

/** Merges a partial update into a full config (used by `engine.updateConfig`). */
export function mergeConfig(current: EngineConfig, update: EngineConfigInput): EngineConfig {
  const sources: Record<string, unknown> = { ...current.sources };
  for (const [name, s] of Object.entries(update.sources ?? {})) sources[name] = { ...current.sources[name as SourceName], ...s };
  return resolveConfig({ ...current, ...update, sources });
}
