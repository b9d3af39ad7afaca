/** Public surface of the lookup engine; the background and the CLI import from here. */
export { createLookupEngine, type LookupEngine, type LookupManyOptions, type LookupOptions, type LookupScope } from './engine';
export { resolveConfig, mergeConfig, DEFAULT_BASE_URLS, type EngineConfig, type EngineConfigInput } from './config';
export { realClock, type EngineDeps, type FetchLike, type StorageAdapter } from './deps';
export { memoryStorage as createMemoryStorage } from '../storage/area';
export type { CacheStats } from './cache';
export type { IdLookup } from './id-map';
