/**
 * Stops and undoes, at once, what the background started on the remembered policy when the policy that
 * `storage.managed` answers later forbids it (utils/settings/policy-memory.ts, utils/settings/withdrawn.ts):
 * - stop: the engine that ran on the old settings is replaced. Its requests already sent are aborted,
 *   those still waiting (batch window, per-host queue, retries) never leave, and nothing it fetched
 *   is cached; a fresh engine takes over with the new settings.
 * - undo: when a source is now off (or sent to a mirror), the lookup cache is emptied, so no copy it
 *   reported is shown again; tabs whose toolbar status came from a lookup go back to "not looked up"
 *   (privacy mode, a source withdrawn) and are looked up again with the new settings unless privacy
 *   mode is now on.
 * The badges on pages follow the policy on their own (entrypoints/content/badges/start.ts).
 */
import type { EngineConfigInput, FetchLike, LookupEngine } from '../../utils/engine';
import type { TabState } from '../../utils/messaging/protocol';
import type { Withdrawn } from '../../utils/settings/withdrawn';
import type { StorageArea } from '../../utils/storage/area';
import type { LookupPort } from './handlers';
import type { TabStore } from './tab-state';

/** Why a request of a replaced engine fails (a source error in its result, never shown: the tab is reset). */
export const STOPPED_BY_POLICY = "Stopped: the institution's policy no longer allows this request";

export interface EngineIo {
  fetch: FetchLike;
  storage: StorageArea;
}

/** The engine's I/O for one engine's lifetime; `revoke` ends it (see the module comment). */
function generation(io: EngineIo): EngineIo & { revoke(): void } {
  const ended = new AbortController();
  return {
    fetch(url, init) {
      if (ended.signal.aborted) return Promise.reject(new Error(STOPPED_BY_POLICY));
      const signal = init?.signal ? AbortSignal.any([init.signal, ended.signal]) : ended.signal;
      return io.fetch(url, { ...init, signal });
    },
    storage: {
      get: (keys) => io.storage.get(keys),
      remove: (keys) => io.storage.remove(keys),
      // A replaced engine's results are not kept: they came from requests the policy forbids.
      set: (items) => (ended.signal.aborted ? Promise.resolve() : io.storage.set(items)),
    },
    revoke: () => ended.abort(new Error(STOPPED_BY_POLICY)),
  };
}

export interface EngineSlot {
  /** The current engine's lookups (what the handlers call). */
  port: LookupPort;
  updateConfig(update: EngineConfigInput): void;
  /** Replaces the engine (stop, above) with one configured with `config`; resolves once the old engine's lookups have settled. */
  replace(config: EngineConfigInput): Promise<void>;
  clearCache(): Promise<void>;
}

/** Holds the background's lookup engine, made by `make` over `io`, so that it can be replaced. */
export function createEngineSlot(make: (io: EngineIo) => LookupEngine, io: EngineIo): EngineSlot {
  let current = generation(io);
  let engine = make(current);
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const forget = () => void pending.delete(work);
    work.then(forget, forget);
    return work;
  };
  return {
    port: {
      lookup: (doi, options) => track(engine.lookup(doi, options)),
      lookupMany: (dois, options) => track(engine.lookupMany(dois, options)),
      peekCached: (doi, options) => engine.peekCached(doi, options),
      mapId: (kind, id) => track(engine.mapId(kind, id)),
    },
    updateConfig: (update) => engine.updateConfig(update),
    async replace(config) {
      const old = current;
      const running = [...pending];
      current = generation(io);
      engine = make(current);
      engine.updateConfig(config);
      old.revoke();
      await Promise.allSettled(running);
    },
    clearCache: () => engine.clearCache(),
  };
}

export interface PolicyGuardDeps {
  slot: EngineSlot;
  tabs: TabStore;
  /** Paints a tab's toolbar icon (./toolbar.ts). */
  showTabState(tabId: number, state: TabState | null): Promise<void>;
  /** Looks a tab's article up again, recording it in the tab state (the `lookup:doi` handler with the tab). */
  relookup(tabId: number, doi: string): Promise<unknown>;
  /** Lets other queued work run first (default: a 0 ms timeout). */
  yieldTurn?(): Promise<void>;
}

export interface PolicyGuard {
  /** `showTabState` that also remembers which tabs had a lookup (pass this one to the handlers). */
  showTabState(tabId: number, state: TabState | null): Promise<void>;
  /** Applies settings that withdraw `withdrawn`: stop, then undo (see the module comment). */
  correct(withdrawn: Withdrawn, config: EngineConfigInput, autoLookup: boolean): Promise<void>;
}

export function createPolicyGuard(deps: PolicyGuardDeps): PolicyGuard {
  /** Tabs whose toolbar status came from a lookup (loading, done or failed). */
  const looked = new Set<number>();
  const yieldTurn = deps.yieldTurn ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return {
    showTabState(tabId, state) {
      if (state && state.lookup.state !== 'idle') looked.add(tabId);
      else looked.delete(tabId);
      return deps.showTabState(tabId, state);
    },
    async correct(withdrawn, config, autoLookup) {
      await deps.slot.replace(config);
      if (withdrawn.sources.length > 0) await deps.slot.clearCache();
      if (!withdrawn.autoLookup && withdrawn.sources.length === 0) return;
      // The old engine's lookups have ended; let their handlers write that end before the reset.
      await yieldTurn();
      for (const tabId of [...looked]) {
        const state = await deps.tabs.get(tabId);
        const doi = state?.article?.doi;
        if (!doi || state.lookup.state === 'idle') continue;
        const reset = await deps.tabs.setLookup(tabId, doi, { state: 'idle' });
        looked.delete(tabId);
        if (reset) await deps.showTabState(tabId, reset);
        if (autoLookup) deps.relookup(tabId, doi).catch(() => undefined);
      }
    },
  };
}
