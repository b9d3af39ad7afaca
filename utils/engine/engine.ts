/**
 * The lookup engine behind the popup and the badges: cache first, then one batched request per
 * enabled source for all DOIs asked for within a short window, never two requests in flight for the
 * same DOI. Runs unchanged in the MV3 service worker and in Node (all I/O is injected).
 */
import type { LookupResult, SourceName } from '../model';
import { doiKey } from '../model/doi';
import { SOURCES } from '../sources/registry';
import type { Source } from '../sources/source';
import { askSource } from './ask';
import { assembleResult, baseReports, knownSoFar, knowsWork, rerank, type SourceReport } from './assemble';
import { createBatcher } from './batcher';
import { createLookupCache, type CacheStats } from './cache';
import { mergeConfig, resolveConfig, type EngineConfig, type EngineConfigInput } from './config';
import type { EngineDeps } from './deps';
import { isSourceActive, planRequests } from './source-use';
import { createHttpClient, type HttpStats } from './http';
import { createProgressHub, type ProgressListener } from './progress';
import { mapIdToDoi, type IdLookup } from './id-map';
import type { OtherIdKind } from '../model/typed-id';

export interface LookupOptions {
  /** Skip the cache and ask the sources again (the popup's "check again"). */
  force?: boolean;
  /** Send at once instead of waiting out the batch window: a reader is looking at a spinner. */
  immediate?: boolean;
  /**
   * Called after each source answers while the sources are asked (not for a cache hit), with the
   * result so far and the sources still asked: the popup shows copies as soon as one source has them.
   */
  onProgress?: ProgressListener;
}

/**
 * Which sources a lookup asks: `full` asks every active source (the popup, the tab's article);
 * `batched` only those answering many DOIs per request (badges on a list page), so a long list
 * costs a handful of requests and never one per DOI to Unpaywall or CORE.
 */
export type LookupScope = 'full' | 'batched';

export interface LookupManyOptions {
  scope?: LookupScope;
  /** Like LookupOptions.onProgress, for each DOI that is not answered from the cache. */
  onProgress?: ProgressListener;
}

export interface LookupEngine {
  lookup(doi: string, options?: LookupOptions): Promise<LookupResult>;
  /** Results keyed by the DOIs exactly as given. */
  lookupMany(dois: string[], options?: LookupManyOptions): Promise<Map<string, LookupResult>>;
  /** The cached result, if fresh and asked of every source the scope would ask; never touches the network. */
  peekCached(doi: string, options?: LookupManyOptions): Promise<LookupResult | null>;
  /** The DOI of a typed PMID or PMCID, from the sources that map ids (./id-map.ts); never throws. */
  mapId(kind: OtherIdKind, id: string): Promise<IdLookup>;
  clearCache(): Promise<void>;
  cacheStats(): Promise<CacheStats>;
  /** Requests sent so far, per host (bench, tests, diagnostics). */
  requestStats(): HttpStats;
  updateConfig(update: EngineConfigInput): void;
  readonly config: EngineConfig;
}

/** Larger batches than any source takes in one request are still split by each source's planner. */
const MAX_COLLECTED = 1000;

export function createLookupEngine(deps: EngineDeps, input: EngineConfigInput = {}): LookupEngine {
  let config = resolveConfig(input);
  const http = createHttpClient(deps, () => config);
  const cache = createLookupCache(deps.storage, deps.now, () => config.cacheMaxEntries);
  /** Keyed by scope and DOI: a batched request never stands in for a full one. */
  const inflight = new Map<string, Promise<LookupResult>>();
  const newBatcher = (scope: LookupScope) =>
    createBatcher<LookupResult>({
      windowMs: () => config.batchWindowMs,
      maxBatch: MAX_COLLECTED,
      sleep: (ms) => deps.sleep(ms),
      run: (dois) => fetchFresh(dois, scope),
    });
  // One collector per scope, so a badge batch never drops the per-DOI sources from a popup lookup.
  const batchers: Record<LookupScope, ReturnType<typeof newBatcher>> = { full: newBatcher('full'), batched: newBatcher('batched') };

  const activeSources = (scope: LookupScope = 'full'): Source<SourceName>[] =>
    SOURCES.filter((s) => isSourceActive(s, config) && (scope === 'full' || s.batched));
  // Registration and follow-up sources are asked only now and then: enabling one must not make every entry stale.
  const signature = (scope: LookupScope = 'full') =>
    activeSources(scope)
      .filter((s) => s.role === undefined)
      .map((s) => s.id)
      .join(',');
  /** Incomplete cached results waiting for the next fetch: only their failed sources are asked. */
  const partial = new Map<string, LookupResult>();
  /** A cache hit, or null when it must be asked again (an incomplete answer is kept as a base). */
  const usable = (key: string, hit: LookupResult | undefined): LookupResult | null => {
    if (!hit) return null;
    if (hit.status !== 'incomplete') return rerank(hit, rankOptions());
    partial.set(key, hit);
    return null;
  };
  const rankOptions = () => ({ preferRepository: config.preferRepository, preferredInstitution: config.preferredInstitution });
  const progress = createProgressHub();

  /**
   * Asks the scope's active sources about `dois` (normalised keys) and assembles one result per DOI.
   * A DOI with an `incomplete` cached result (in `partial`) is asked only of the sources that failed
   * then; the ones that answered are not asked again. Registration sources (doi.org) are asked next,
   * only about DOIs that no index knows; follow-up sources (DataCite) last, only about the DOIs their
   * `askIf` picks from what the others said.
   */
  async function fetchFresh(dois: string[], scope: LookupScope): Promise<Map<string, LookupResult>> {
    const seenAt = deps.now();
    const cfg = config;
    const bases = new Map(dois.flatMap((d) => (partial.has(d) ? [[d, partial.get(d)!] as const] : [])));
    for (const d of dois) partial.delete(d);
    const reports = new Map<string, Map<SourceName, SourceReport>>(dois.map((d) => [d, baseReports(bases.get(d))]));
    /** Per DOI, the sources still being asked (the progress updates' `pending`). */
    const outstanding = new Map<string, Set<SourceName>>();
    const ask = (sources: Source<SourceName>[], among: string[]) =>
      Promise.all(
        sources.map(async (source) => {
          const wanted = among.filter((d) => !reports.get(d)?.get(source.id)?.outcome.ok);
          for (const d of wanted) outstanding.get(d)?.add(source.id);
          const ctx = { send: http.send, plan: (ds: string[]) => planRequests(source, ds, cfg), seenAt };
          for (const [doi, report] of await askSource(source, wanted, ctx)) reports.get(doi)?.set(source.id, report);
          for (const doi of wanted) {
            const left = outstanding.get(doi);
            if (!left) continue;
            left.delete(source.id);
            progress.emit(doi, () => ({
              doi,
              result: assembleResult(doi, reports.get(doi) ?? new Map(), rankOptions(), seenAt),
              pending: SOURCES.filter((s) => left.has(s.id)).map((s) => s.id),
            }));
          }
        }),
      );
    const sources = activeSources(scope);
    for (const d of dois) outstanding.set(d, new Set());
    await ask(
      sources.filter((s) => s.role === undefined),
      dois,
    );
    // doi.org only says whether the DOI exists: its answer is no news about copies.
    outstanding.clear();
    const unknownEverywhere = dois.filter((d) => ![...reports.get(d)!.values()].some((r) => knowsWork(r.answer)));
    await ask(
      sources.filter((s) => s.role === 'registration'),
      unknownEverywhere,
    );
    await Promise.all(
      sources
        .filter((s) => s.role === 'followUp')
        .map((s) =>
          ask(
            [s],
            dois.filter((d) => s.askIf?.(knownSoFar(reports.get(d)!)) ?? false),
          ),
        ),
    );
    const results = new Map<string, LookupResult>();
    for (const doi of dois) results.set(doi, assembleResult(doi, reports.get(doi) ?? new Map(), rankOptions(), seenAt));
    await cache.setMany(
      [...results].map(([doi, result]) => ({ doi, result })),
      signature(scope),
    );
    for (const doi of dois) progress.end(doi);
    return results;
  }

  /** A clear error value for input that is not a DOI: no request is made for it. */
  function invalidResult(input: string, scope: LookupScope = 'full'): LookupResult {
    const shown = String(input).slice(0, 80);
    const sources: LookupResult['sources'] = {};
    for (const s of activeSources(scope)) sources[s.id] = { ok: false, error: `${s.label}: not asked, "${shown}" is not a DOI` };
    return { doi: shown, status: 'unknown', retracted: false, best: null, copies: [], sources, fetchedAt: deps.now() };
  }

  function fetchShared(key: string, scope: LookupScope): Promise<LookupResult> {
    // A full lookup already under way answers a batched request too (it asks a superset).
    const existing = (scope === 'batched' ? inflight.get(`full:${key}`) : undefined) ?? inflight.get(`${scope}:${key}`);
    if (existing) return existing;
    const slot = `${scope}:${key}`;
    const promise = batchers[scope].load(key).finally(() => inflight.delete(slot));
    inflight.set(slot, promise);
    return promise;
  }

  async function lookupMany(dois: string[], options: LookupManyOptions = {}): Promise<Map<string, LookupResult>> {
    const scope = options.scope ?? 'full';
    const keys = new Map<string, string | null>(dois.map((d) => [d, doiKey(d)]));
    const wanted = [...new Set([...keys.values()].filter((k): k is string => k !== null))];
    const stored = await cache.getMany(wanted, signature(scope));
    const cached = new Map<string, LookupResult>();
    for (const [key, hit] of stored) {
      const result = usable(key, hit);
      if (result) cached.set(key, result);
    }
    const fresh = new Map<string, Promise<LookupResult>>();
    const stops: Array<() => void> = [];
    for (const key of wanted) {
      if (cached.has(key)) continue;
      if (options.onProgress) stops.push(progress.listen(key, options.onProgress));
      fresh.set(key, fetchShared(key, scope));
    }
    // Everything this call needs is collected already: no reason to wait for the window.
    if (fresh.size) batchers[scope].flush();
    void Promise.allSettled(fresh.values()).then(() => stops.forEach((stop) => stop()));
    const out = new Map<string, LookupResult>();
    for (const [input, key] of keys) {
      if (key === null) out.set(input, invalidResult(input, scope));
      else {
        const hit = cached.get(key);
        out.set(input, hit ?? (await fresh.get(key)!));
      }
    }
    return out;
  }

  async function lookup(doi: string, options: LookupOptions = {}): Promise<LookupResult> {
    const key = doiKey(doi);
    if (key === null) return invalidResult(doi);
    if (!options.force) {
      const hit = usable(key, (await cache.getMany([key], signature())).get(key));
      if (hit) return hit;
    }
    // Listening before the fetch starts (or joins one under way) misses no update.
    const stop = options.onProgress ? progress.listen(key, options.onProgress) : () => undefined;
    const pending = fetchShared(key, 'full');
    if (options.immediate) batchers.full.flush();
    return pending.finally(stop);
  }

  return {
    lookup,
    lookupMany,
    async peekCached(doi, options = {}) {
      const key = doiKey(doi);
      if (key === null) return null;
      const hit = (await cache.getMany([key], signature(options.scope))).get(key);
      return hit ? rerank(hit, rankOptions()) : null;
    },
    mapId: (kind, id) => mapIdToDoi(kind, id, { config, send: (request) => http.send(request) }),
    clearCache: () => cache.clear(),
    cacheStats: () => cache.stats(),
    requestStats: () => http.stats(),
    updateConfig(update) {
      config = mergeConfig(config, update);
    },
    get config() {
      return config;
    },
  };
}
