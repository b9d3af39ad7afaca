import { describe, expect, it } from 'vitest';
import { memoryStorage } from '@/utils/storage/area';
import {
  POLICY_MEMORY_KEY,
  POLICY_WAIT_MS,
  normalisePolicy,
  readManaged,
  followPolicy,
  readPolicy,
  recallPolicy,
  rememberPolicy,
  samePolicy,
  type PolicyArea,
} from '@/utils/settings/policy-memory';

/** A managed area that answers only when told to, like Chromium's right after a browser start. */
function lateManaged() {
  let answer: (policy: Record<string, unknown>) => void = () => undefined;
  const reply = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
  return { area: { get: () => reply } satisfies PolicyArea, answer: (policy: Record<string, unknown>) => answer(policy) };
}

/** Timers that fire only when the test says so, and say which waits were asked for. */
function manualTimers() {
  const waits: Array<{ ms: number; fire: () => void }> = [];
  return { waits, setTimer: (fire: () => void, ms: number) => waits.push({ ms, fire }) };
}

const remembered = (policy: Record<string, unknown> | null) => memoryStorage({ [POLICY_MEMORY_KEY]: { v: 1, policy, seenAt: 1 } });
const privacy = { autoLookup: false };

describe('reading storage.managed', () => {
  it('gives the policy object, and null for no policy, {} (Chromium) or a rejection (Firefox without policies.json)', async () => {
    expect(await readManaged({ get: async () => ({ email: 'a@b.org' }) })).toEqual({ email: 'a@b.org' });
    expect(await readManaged({ get: async () => ({}) })).toBeNull();
    expect(await readManaged({ get: () => Promise.reject(new Error('Managed storage manifest not found')) })).toBeNull();
    expect(await readManaged(null)).toBeNull();
    expect(normalisePolicy(['x'])).toBeNull();
  });

  it('tells policies apart by content, not by key order', () => {
    expect(samePolicy({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(samePolicy({ a: 1 }, { a: 2 })).toBe(false);
    expect(samePolicy(null, null)).toBe(true);
    expect(samePolicy(null, { a: 1 })).toBe(false);
  });
});

describe('the remembered policy', () => {
  it('is written only when it changed, and read back', async () => {
    const local = memoryStorage();
    expect(await recallPolicy(local)).toBeNull();
    expect(await rememberPolicy(local, privacy, () => 42)).toBe(true);
    expect(local.dump()[POLICY_MEMORY_KEY]).toEqual({ v: 1, policy: privacy, seenAt: 42 });
    expect(await rememberPolicy(local, { ...privacy }, () => 43)).toBe(false);
    expect(await recallPolicy(local)).toEqual({ policy: privacy });
    // "No policy" is remembered too: the next start need not wait for it either.
    expect(await rememberPolicy(local, null)).toBe(true);
    expect(await recallPolicy(local)).toEqual({ policy: null });
  });

  it('counts a damaged or unknown record as nothing remembered, and never throws', async () => {
    for (const value of ['x', { v: 2, policy: {} }, { v: 1, policy: 'privacy' }, { v: 1 }]) {
      expect(await recallPolicy(memoryStorage({ [POLICY_MEMORY_KEY]: value }))).toBeNull();
    }
    const failing = { ...memoryStorage(), get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')) };
    expect(await recallPolicy(failing)).toBeNull();
    expect(await rememberPolicy(failing, privacy)).toBe(false);
  });
});

describe('readPolicy: what to act on now', () => {
  it('acts on the remembered policy at once while storage.managed has not answered', async () => {
    const managed = lateManaged();
    const timers = manualTimers();
    const read = readPolicy(remembered(privacy), managed.area, { setTimer: timers.setTimer });
    expect(await read.now).toEqual({ policy: privacy, origin: 'memory' });
    expect(timers.waits).toEqual([]);
    managed.answer({ autoLookup: true });
    expect(await read.fresh).toEqual({ autoLookup: true });
  });

  it('acts on storage.managed when it answered first, even over a memory', async () => {
    const read = readPolicy(remembered(privacy), { get: async () => ({ badgesEnabled: false }) });
    expect(await read.now).toEqual({ policy: { badgesEnabled: false }, origin: 'managed' });
  });

  it('with nothing remembered, waits for storage.managed up to POLICY_WAIT_MS, then acts on no policy', async () => {
    const managed = lateManaged();
    const timers = manualTimers();
    const read = readPolicy(memoryStorage(), managed.area, { setTimer: timers.setTimer });
    let now: unknown = 'pending';
    void read.now.then((value) => (now = value));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(now).toBe('pending');
    expect(timers.waits.map((w) => w.ms)).toEqual([POLICY_WAIT_MS]);
    timers.waits[0]!.fire();
    expect(await read.now).toEqual({ policy: null, origin: 'none' });
    managed.answer(privacy);
    expect(await read.fresh).toEqual(privacy);
  });

  it('with nothing remembered, takes storage.managed if it answers within the wait', async () => {
    const managed = lateManaged();
    const timers = manualTimers();
    const read = readPolicy(memoryStorage(), managed.area, { setTimer: timers.setTimer, waitMs: 250 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timers.waits.map((w) => w.ms)).toEqual([250]);
    managed.answer(privacy);
    expect(await read.now).toEqual({ policy: privacy, origin: 'managed' });
  });
});

describe('followPolicy: a page shows at once and follows the late answer', () => {
  it('uses the remembered policy until storage.managed answers, then its answer; `changed` says whether it differed', async () => {
    const late = lateManaged();
    const local = remembered(privacy);
    const view = followPolicy(local, late.area);
    expect(await view.current()).toEqual(privacy);
    late.answer({ autoLookup: false, email: 'lib@uni.example' });
    expect(await view.changed).toBe(true);
    expect(await view.current()).toEqual({ autoLookup: false, email: 'lib@uni.example' });
    // A page never writes the memory: the background is its one writer.
    expect(await recallPolicy(local)).toEqual({ policy: privacy });
  });

  it('reports no change when the answer is the remembered policy, or when it came first', async () => {
    const late = lateManaged();
    const same = followPolicy(remembered(privacy), late.area);
    expect(await same.current()).toEqual(privacy);
    late.answer({ ...privacy });
    expect(await same.changed).toBe(false);
    // storage.local slower than storage.managed: the answer is there before the memory is read.
    const memory = remembered(null);
    const slowLocal = { ...memory, get: (keys: string) => new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve(memory.get(keys)), 5)) };
    const early = followPolicy(slowLocal, { get: async () => privacy });
    expect(await early.changed).toBe(false);
    expect(await early.current()).toEqual(privacy);
  });

  it('with nothing remembered and no answer within the wait, shows no policy, then the answer', async () => {
    const late = lateManaged();
    const timers = manualTimers();
    const view = followPolicy(memoryStorage(), late.area, { setTimer: timers.setTimer });
    await expect.poll(() => timers.waits.length).toBe(1);
    timers.waits[0]!.fire();
    expect(await view.current()).toBeNull();
    late.answer(privacy);
    expect(await view.changed).toBe(true);
    expect(await view.current()).toEqual(privacy);
  });

  it('refresh: reads storage.managed again after a change and acts on the new policy; no change, no reload', async () => {
    let policy: Record<string, unknown> = privacy;
    const view = followPolicy(memoryStorage(), { get: async () => ({ ...policy }) });
    expect(await view.changed).toBe(false);
    policy = { autoLookup: true, sources: { crossref: false } };
    expect(await view.refresh()).toBe(true);
    expect(await view.current()).toEqual(policy);
    expect(await view.refresh()).toBe(false);
    // The institution removed its policy (Chromium answers {}).
    policy = {};
    expect(await view.refresh()).toBe(true);
    expect(await view.current()).toBeNull();
  });
});
