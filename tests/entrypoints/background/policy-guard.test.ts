import { describe, expect, it, vi } from 'vitest';
import { createEngineSlot, createPolicyGuard, STOPPED_BY_POLICY, type EngineSlot } from '@/entrypoints/background/policy-guard';
import { createTabStore } from '@/entrypoints/background/tab-state';
import { createLookupEngine, realClock, type EngineConfigInput } from '@/utils/engine';
import { SOURCE_NAMES } from '@/utils/sources/registry';
import { memoryStorage } from '@/utils/storage/area';
import { foundResult } from '../../fixtures/results';

const DOI = '10.5555/policy.1';
const article = { doi: DOI, evidence: 'meta[citation_doi]', label: 'citation_doi meta tag' };

/** OpenAlex only, at a test address, retrying a failure once. */
const CONFIG: EngineConfigInput = {
  sources: Object.fromEntries(SOURCE_NAMES.map((name) => [name, name === 'openalex' ? { baseUrl: 'http://fixtures.test/openalex' } : { enabled: false }])),
  retries: 1,
  backoffMs: 20,
  batchWindowMs: 0,
};

const emptyAnswer = () => new Response(JSON.stringify({ meta: {}, results: [] }), { headers: { 'content-type': 'application/json' } });

/** A fetch whose answers the test decides per call; it honours abort signals like the real one. */
function scriptedFetch(answers: Array<'hang' | 'fail' | 'ok'>) {
  const calls: Array<{ url: string; aborted: () => boolean }> = [];
  const fetch = (url: string, init?: RequestInit) => {
    const signal = init?.signal ?? undefined;
    calls.push({ url, aborted: () => signal?.aborted === true });
    const answer = answers.shift() ?? 'ok';
    if (answer === 'ok') return Promise.resolve(emptyAnswer());
    if (answer === 'fail') return Promise.resolve(new Response('busy', { status: 503 }));
    return new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  };
  return { fetch, calls };
}

function slotOver(fetch: (url: string, init?: RequestInit) => Promise<Response>, config: EngineConfigInput = CONFIG) {
  const storage = memoryStorage();
  const slot = createEngineSlot((io) => createLookupEngine({ ...io, ...realClock }, config), { fetch, storage });
  const cached = () => Object.keys(storage.dump()).filter((key) => key.startsWith('greenway:lookup:'));
  return { slot, cached };
}

describe('engine slot: stop', () => {
  it('aborts a request in flight, keeps nothing of it, and lets the new engine ask again', async () => {
    const world = scriptedFetch(['hang']);
    const { slot, cached } = slotOver(world.fetch);
    const old = slot.port.lookup(DOI, { immediate: true });
    await vi.waitFor(() => expect(world.calls).toHaveLength(1));
    await slot.replace(CONFIG);
    expect(world.calls[0]!.aborted()).toBe(true);
    const stopped = await old;
    expect(Object.values(stopped.sources).some((o) => !o.ok)).toBe(true);
    expect(cached()).toEqual([]);
    const fresh = await slot.port.lookup(DOI, { immediate: true });
    expect(fresh.status).toBe('closed');
    expect(world.calls).toHaveLength(2);
    expect(cached().some((key) => key.includes(DOI))).toBe(true);
  });

  it('a retry that was waiting never leaves once its engine is replaced', async () => {
    const world = scriptedFetch(['fail', 'ok']);
    // A backoff long enough for the replacement to land while the retry waits.
    const { slot } = slotOver(world.fetch, { ...CONFIG, backoffMs: 400 });
    const old = slot.port.lookup(DOI, { immediate: true });
    await vi.waitFor(() => expect(world.calls).toHaveLength(1));
    await slot.replace(CONFIG);
    const result = await old;
    expect(world.calls).toHaveLength(1);
    expect(JSON.stringify(result.sources)).toContain(STOPPED_BY_POLICY);
  });
});

describe('engine slot: what a replaced engine may still do', () => {
  it('reads and removes, but writes nothing and sends nothing', async () => {
    const storage = memoryStorage({ kept: 1 });
    const ios: Array<Parameters<Parameters<typeof createEngineSlot>[0]>[0]> = [];
    const fetch = vi.fn(async () => emptyAnswer());
    const slot = createEngineSlot((io) => (ios.push(io), createLookupEngine({ ...io, ...realClock }, CONFIG)), { fetch, storage });
    await slot.replace(CONFIG);
    const [old, fresh] = ios;
    await old!.storage.set({ late: 1 });
    expect(await old!.storage.get('kept')).toEqual({ kept: 1 });
    await expect(old!.fetch('http://fixtures.test/openalex/works')).rejects.toThrow(STOPPED_BY_POLICY);
    expect(fetch).not.toHaveBeenCalled();
    await fresh!.storage.set({ current: 1 });
    expect(storage.dump()).toEqual({ kept: 1, current: 1 });
  });
});

function fakeSlot(): EngineSlot & { replaced: EngineConfigInput[]; cleared: number } {
  const fake = {
    replaced: [] as EngineConfigInput[],
    cleared: 0,
    port: {
      lookup: async () => foundResult({ doi: DOI }),
      lookupMany: async () => new Map(),
      peekCached: async () => null,
      mapId: async () => ({ state: 'unknown' as const, sources: [] }),
    },
    updateConfig: () => undefined,
    replace: async (config: EngineConfigInput) => void fake.replaced.push(config),
    clearCache: async () => void fake.cleared++,
  };
  return fake;
}

async function guardWithLookedUpTab() {
  const slot = fakeSlot();
  const tabs = createTabStore(memoryStorage());
  const painted: Array<[number, string]> = [];
  const relookup = vi.fn(async () => undefined);
  const guard = createPolicyGuard({
    slot,
    tabs,
    showTabState: async (tabId, state) => void painted.push([tabId, state?.lookup.state ?? 'none']),
    relookup,
    yieldTurn: async () => undefined,
  });
  // Tab 3 was looked up on the remembered policy; tab 5 only reported its article (privacy mode or not yet).
  await tabs.detected(3, article, 0);
  await guard.showTabState(3, await tabs.setLookup(3, DOI, { state: 'done', result: foundResult({ doi: DOI }) }));
  await guard.showTabState(5, await tabs.detected(5, article, 0));
  painted.length = 0;
  return { slot, tabs, painted, relookup, guard };
}

describe('policy guard: undo', () => {
  it('privacy mode: stops the engine and takes the toolbar status back, without asking again', async () => {
    const { slot, tabs, painted, relookup, guard } = await guardWithLookedUpTab();
    await guard.correct({ autoLookup: true, badges: false, sources: [] }, { email: null }, false);
    expect(slot.replaced).toEqual([{ email: null }]);
    expect(slot.cleared).toBe(0);
    expect((await tabs.get(3))?.lookup).toEqual({ state: 'idle' });
    expect(painted).toEqual([[3, 'idle']]);
    expect(relookup).not.toHaveBeenCalled();
  });

  it('a source withdrawn: empties the cache, resets the looked-up tab and asks again with the new settings', async () => {
    const { slot, tabs, painted, relookup, guard } = await guardWithLookedUpTab();
    await guard.correct({ autoLookup: false, badges: false, sources: ['semanticscholar'] }, {}, true);
    expect(slot.cleared).toBe(1);
    expect((await tabs.get(3))?.lookup).toEqual({ state: 'idle' });
    expect(painted).toEqual([[3, 'idle']]);
    expect(relookup).toHaveBeenCalledWith(3, DOI);
    expect(relookup).toHaveBeenCalledTimes(1);
  });

  it('badges alone: the engine restarts, the tabs keep their results (the badge script follows the policy itself)', async () => {
    const { slot, tabs, painted, guard } = await guardWithLookedUpTab();
    await guard.correct({ autoLookup: false, badges: true, sources: [] }, {}, true);
    expect(slot.replaced).toHaveLength(1);
    expect((await tabs.get(3))?.lookup.state).toBe('done');
    expect(painted).toEqual([]);
  });
});
