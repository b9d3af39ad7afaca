/**
 * The institution's policy as last seen, remembered in `storage.local`, so that a browser start need not
 * wait for `storage.managed`. Chromium answers `storage.managed.get` only once its policy service has
 * started — 2.0–3.2 s after the service worker started on a just-started browser (measured in
 * Chromium 156, with no policy at all) — while `storage.local` answers in a few milliseconds; the first
 * article page of the session would wait that long for its lookup.
 *
 * What Greenway acts on, in this order (`readPolicy`):
 * 1. `storage.managed`'s answer, when it is already there;
 * 2. the remembered policy (the background writes it each time `storage.managed` answers, `rememberPolicy`);
 * 3. with nothing remembered (the first start after installing), `storage.managed`'s answer if it comes
 *    within `POLICY_WAIT_MS`, else no policy.
 * When `storage.managed` answers later and its policy forbids what was started on 2 or 3 (privacy mode,
 * a source switched off, badges off), the callers stop it and undo it at once: the background
 * (entrypoints/background/policy-guard.ts) and the badges (entrypoints/content/badges/start.ts).
 *
 * Zod-free: the badge script reads it too.
 */
import type { StorageArea } from '../storage/area';
import { isPlainObject } from './basics';

/** A policy as Greenway keeps it: the managed area's object, or null for "no policy". */
export type Policy = Record<string, unknown> | null;

/** The `storage.managed` slice we read (in Firefox without a policy, and in Chrome without a schema, get() rejects). */
export interface PolicyArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

/** The storage.local key of the remembered policy. */
export const POLICY_MEMORY_KEY = 'greenway:managed-policy';

/**
 * How long Greenway waits for `storage.managed` when no policy is remembered (once per installation,
 * in practice): enough for a browser that is already running (a few ms), not for Chromium's policy
 * service right after a browser start, whose late answer is then applied as described above.
 */
export const POLICY_WAIT_MS = 1_000;

/** Where the policy acted on came from. */
export type PolicyOrigin = 'managed' | 'memory' | 'none';

export interface PolicyNow {
  policy: Policy;
  origin: PolicyOrigin;
}

export interface PolicyRead {
  /** The policy to act on now (see the module comment). Never rejects. */
  now: Promise<PolicyNow>;
  /** `storage.managed`'s own answer, whenever it comes. Never rejects. */
  fresh: Promise<Policy>;
}

/** A policy value as kept: an object with at least one key, else null (Chromium answers `{}` for "none"). */
export function normalisePolicy(value: unknown): Policy {
  return isPlainObject(value) && Object.keys(value).length > 0 ? value : null;
}

/** `storage.managed`'s policy; null when there is none, the area is missing or the read fails. */
export async function readManaged(managed: PolicyArea | null | undefined): Promise<Policy> {
  if (!managed) return null;
  try {
    return normalisePolicy(await managed.get(null));
  } catch {
    return null;
  }
}

/** A stable text for a policy (keys sorted at every level), to tell two policies apart. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function samePolicy(a: Policy, b: Policy): boolean {
  return canonical(a) === canonical(b);
}

/** The remembered policy, or null when nothing (valid) is remembered. Never rejects. */
export async function recallPolicy(local: StorageArea): Promise<{ policy: Policy } | null> {
  try {
    const stored: unknown = (await local.get(POLICY_MEMORY_KEY))[POLICY_MEMORY_KEY];
    if (!isPlainObject(stored) || stored.v !== 1) return null;
    if (stored.policy !== null && !isPlainObject(stored.policy)) return null;
    return { policy: normalisePolicy(stored.policy) };
  } catch {
    return null;
  }
}

/** Remembers `policy` (only when it differs from what is remembered); true when it wrote. Never rejects. */
export async function rememberPolicy(local: StorageArea, policy: Policy, now: () => number = Date.now): Promise<boolean> {
  const known = await recallPolicy(local);
  if (known && samePolicy(known.policy, policy)) return false;
  try {
    await local.set({ [POLICY_MEMORY_KEY]: { v: 1, policy, seenAt: now() } });
    return true;
  } catch {
    return false;
  }
}

export interface ReadPolicyOptions {
  /** Default POLICY_WAIT_MS. */
  waitMs?: number;
  /** Default: the global setTimeout. */
  setTimer?(callback: () => void, ms: number): unknown;
}

/** Starts reading the policy both ways at once (see the module comment). */
export function readPolicy(local: StorageArea, managed: PolicyArea | null | undefined, options: ReadPolicyOptions = {}): PolicyRead {
  const fresh = readManaged(managed);
  const answer: { policy?: Policy } = {};
  void fresh.then((policy) => (answer.policy = policy));
  const now = (async (): Promise<PolicyNow> => {
    const memory = await recallPolicy(local);
    if (answer.policy !== undefined) return { policy: answer.policy, origin: 'managed' };
    if (memory) return { policy: memory.policy, origin: 'memory' };
    const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
    const waited = new Promise<PolicyNow>((resolve) => setTimer(() => resolve({ policy: null, origin: 'none' }), options.waitMs ?? POLICY_WAIT_MS));
    return Promise.race([fresh.then((policy): PolicyNow => ({ policy, origin: 'managed' })), waited]);
  })();
  return { now, fresh };
}

/** The policy a context acts on, and how `storage.managed`'s answers change it (`followPolicy`). */
export interface PolicyView {
  /** The policy to act on now: `storage.managed`'s latest answer once one has come, before that `readPolicy`'s `now`. Never rejects. */
  current(): Promise<Policy>;
  /**
   * Resolves once `storage.managed` has answered: true when its policy is not the one acted on until
   * then (the caller reads its settings again), false when it is. Never rejects.
   */
  changed: Promise<boolean>;
  /**
   * Reads `storage.managed` again (its `onChanged` fired: the institution changed the policy) and acts
   * on that answer from now on; resolves like `changed`. Never rejects.
   */
  refresh(): Promise<boolean>;
}

/**
 * Acts on the policy at once, as `readPolicy` says, and switches to each answer of `storage.managed`
 * as it comes: the first one (right after a browser start Chromium's takes seconds; a context that
 * waited for it stayed idle or blank that long) and those read again after a change (`refresh`).
 * The background's settings store and the pages the reader opens (options, onboarding, the popup's
 * preferences) all follow the policy through it; only the background remembers it (`rememberPolicy`):
 * one writer.
 */
export function followPolicy(local: StorageArea, managed: PolicyArea | null | undefined, options: ReadPolicyOptions = {}): PolicyView {
  const read = readPolicy(local, managed, options);
  let policy: Promise<Policy> = read.now.then((now) => now.policy);
  /** Acts on an answer from now on; true when it is not the policy acted on until then. */
  const adopt = (answer: Promise<Policy>) =>
    answer.then(async (fresh) => {
      const used = await policy;
      policy = Promise.resolve(fresh);
      return !samePolicy(used, fresh);
    });
  return { current: () => policy, changed: adopt(read.fresh), refresh: () => adopt(readManaged(managed)) };
}
