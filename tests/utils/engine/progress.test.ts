import { describe, expect, it, vi } from 'vitest';
import { createProgressHub, type LookupProgress } from '../../../utils/engine/progress';
import { drain, fixture, json, settle } from './fakes';
import { part, setup } from './engine-world';

const BMC = '10.1186/s12913-023-10058-w';

describe('progress hub', () => {
  it('assembles an update only for DOIs someone listens to, and gives a late listener the latest at once', () => {
    const hub = createProgressHub();
    const make = vi.fn((): LookupProgress => ({ doi: 'a', result: {} as never, pending: ['crossref'] }));
    hub.emit('a', make);
    expect(make).not.toHaveBeenCalled();
    const first = vi.fn();
    const stop = hub.listen('a', first);
    hub.emit('a', make);
    expect(first).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    hub.listen('a', late);
    expect(late).toHaveBeenCalledWith(expect.objectContaining({ pending: ['crossref'] }));
    hub.end('a');
    const after = vi.fn();
    hub.listen('a', after);
    expect(after).not.toHaveBeenCalled();
    stop();
    expect(hub.wanted('a')).toBe(true);
  });

  it('keeps going when a listener throws', () => {
    const hub = createProgressHub();
    const ok = vi.fn();
    hub.listen('a', () => {
      throw new Error('boom');
    });
    hub.listen('a', ok);
    hub.emit('a', () => ({ doi: 'a', result: {} as never, pending: [] }));
    expect(ok).toHaveBeenCalledOnce();
  });
});

describe('lookup engine: progressive answers', () => {
  it('reports the UCL Discovery copy as soon as OpenAlex answers, while a late Semantic Scholar is still asked', async () => {
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    const { clock, engine } = setup({
      [part('openalex')]: () => json(fixture('openalex-bmc-list.json')),
      [part('semanticscholar')]: async (call) => (await late, json(JSON.parse(call.body ?? '{"ids":[]}').ids.map(() => null))),
    });
    const updates: LookupProgress[] = [];
    const final = engine.lookup(BMC, { immediate: true, onProgress: (u) => updates.push(u) });
    let done = false;
    void final.then(() => (done = true));
    await settle(
      (async () => {
        for (let i = 0; i < 200 && !updates.some((u) => u.result.best); i++) await clock.advance(50);
      })(),
      clock,
    );
    const first = updates.find((u) => u.result.best)!;
    expect(first.result.best?.hostName).toBe('UCL Discovery');
    expect(first.pending).toContain('semanticscholar');
    expect(first.pending).not.toContain('openalex');
    expect(done).toBe(false);
    // Every update names fewer (or as many) sources than the one before.
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.pending.length).toBeLessThanOrEqual(updates[i - 1]!.pending.length);
    release();
    const result = await settle(final, clock);
    expect(result.best?.hostName).toBe('UCL Discovery');
    expect(updates.at(-1)!.pending).toEqual([]);
    await drain();
    const count = updates.length;
    // A cached answer is final at once: no progress for it.
    const again = vi.fn();
    await settle(engine.lookup(BMC, { onProgress: again }), clock);
    expect(again).not.toHaveBeenCalled();
    expect(updates).toHaveLength(count);
  });

  it('a listener hears only its own DOI, not the badge batch running beside it', async () => {
    const { clock, engine } = setup({ [part('openalex')]: () => json(fixture('openalex-bmc-list.json')) });
    const listener = vi.fn();
    const other = engine.lookup('10.5555/someone.else', { onProgress: listener });
    await settle(engine.lookupMany([BMC], { scope: 'batched' }), clock);
    await settle(other, clock);
    expect(listener.mock.calls.every(([u]) => (u as LookupProgress).doi === '10.5555/someone.else')).toBe(true);
  });
});
