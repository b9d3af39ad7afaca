/**
 * The user's settings (version 2): what the options page edits, what the background, popup and badges
 * read. Every field has a default, so a fresh install, a partial record or a damaged field all end
 * up as a complete `Settings` (see ./repair.ts). Schemas use zod/mini: the content script reads
 * `badges.*` and bundles this file.
 */
import * as z from 'zod/mini';
import { KEYED_SOURCE_NAMES, SOURCES, SOURCE_NAMES, type KeyedSourceName, type SourceName } from '../sources/registry';

import { MAX_DISABLED_SITES, SETTINGS_KEY, SETTINGS_VERSION, SITE_NAME } from './basics';

export { SETTINGS_KEY, SETTINGS_VERSION };

/** Search services the popup offers when no free copy is known. */
export const DISCOVERY_SERVICES = ['google-scholar', 'base', 'core', 'semanticscholar'] as const;
export const DiscoveryService = z.enum(DISCOVERY_SERVICES);
export type DiscoveryService = z.infer<typeof DiscoveryService>;

/** Sources whose API key the user may give: their ids are the fields of `settings.keys`. */
export const KEYED_SERVICES = KEYED_SOURCE_NAMES;
export type KeyedService = KeyedSourceName;

const httpUrl = z.string().check(z.url({ protocol: /^https?$/ }));
/** Empty means "not set": form fields edit strings, and '' survives JSON and storage unchanged. */
const emptyOr = <T extends z.core.SomeType>(schema: T) => z.union([z.literal(''), schema]);
const text = z.string().check(z.maxLength(500));

export const SourceSetting = z.object({
  enabled: z.boolean(),
  /** A mirror or test server instead of the public API; absent = the public API. */
  baseUrl: z.optional(httpUrl),
});
export type SourceSetting = z.infer<typeof SourceSetting>;

/** A host name like "www.nature.com" (lower case, no scheme or path). */
export const SiteName = z.string().check(z.regex(SITE_NAME));

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Sent to Unpaywall (required by its terms: enables it) and as the polite `mailto` to OpenAlex and Crossref. */
  email: emptyOr(z.email()),
  keys: z.object(Object.fromEntries(KEYED_SOURCE_NAMES.map((name) => [name, text])) as Record<KeyedSourceName, typeof text>),
  sources: z.object(Object.fromEntries(SOURCE_NAMES.map((name) => [name, SourceSetting])) as Record<SourceName, typeof SourceSetting>),
  ranking: z.object({ preferRepository: z.boolean() }),
  badges: z.object({
    enabled: z.boolean(),
    /** Leave links without a free copy unmarked (the default) instead of a "Closed" mark or a "Library" link. */
    hideClosed: z.boolean(),
    disabledSites: z.array(SiteName).check(z.maxLength(MAX_DISABLED_SITES)),
  }),
  /** false = privacy mode: no request leaves the browser until the user opens the popup. */
  privacy: z.object({ autoLookup: z.boolean() }),
  library: z.object({
    /** OpenURL link resolver base, e.g. https://resolver.example.edu/openurl */
    openUrlBase: emptyOr(httpUrl),
    /** Inter-library loan form; `{doi}` (and optionally `{title}`) are replaced, URL-encoded. */
    illUrlTemplate: emptyOr(httpUrl),
    /** Copies from repositories whose institution or name contains this rank first. */
    preferredInstitution: text,
  }),
  discovery: z.array(DiscoveryService).check(z.maxLength(DISCOVERY_SERVICES.length)),
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  const sources = Object.fromEntries(SOURCES.map((s) => [s.id, { enabled: s.enabledByDefault }])) as Record<SourceName, SourceSetting>;
  const keys = Object.fromEntries(KEYED_SOURCE_NAMES.map((name) => [name, ''])) as Record<KeyedSourceName, string>;
  return {
    version: SETTINGS_VERSION,
    email: '',
    keys,
    sources,
    ranking: { preferRepository: true },
    badges: { enabled: true, hideClosed: true, disabledSites: [] },
    privacy: { autoLookup: true },
    library: { openUrlBase: '', illUrlTemplate: '', preferredInstitution: '' },
    discovery: ['google-scholar', 'base', 'core'],
  };
}
