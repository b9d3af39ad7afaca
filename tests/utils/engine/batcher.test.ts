import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../utils/engine/batcher';
import { FakeClock, drain } from './fakes';

function setup(maxBatch = 10) {
  const clock = new FakeClock();
  const runs: string[][] = [];
  const batcher = createBatcher<string>({
    windowMs: () => 30,
    maxBatch,
    sleep: clock.sleep,
    run: async (keys) => {
      runs.push(keys);
      if (keys.includes('boom')) throw new Error('source down');
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    },
  });
  return { clock, runs, batcher };
}

describe('batch collector', () => {
  it('sends keys asked for within the window as one batch', async () => {
    const { clock, runs, batcher } = setup();
    const a = batcher.load('a');
    await clock.advance(10);
    const b = batcher.load('b');
    const a2 = batcher.load('a');
    expect(runs).toHaveLength(0);
    await clock.advance(20);
    expect(await Promise.all([a, b, a2])).toEqual(['A', 'B', 'A']);
    expect(runs).toEqual([['a', 'b']]);
  });

  it('starts a new batch after the window', async () => {
    const { clock, runs, batcher } = setup();
    const a = batcher.load('a');
    await clock.advance(30);
    const b = batcher.load('b');
    await clock.advance(30);
    await Promise.all([a, b]);
    expect(runs).toEqual([['a'], ['b']]);
  });

  it('sends a full batch at once, without waiting', async () => {
    const { runs, batcher } = setup(2);
    const both = Promise.all([batcher.load('a'), batcher.load('b')]);
    await drain();
    expect(runs).toEqual([['a', 'b']]);
    expect(await both).toEqual(['A', 'B']);
  });

  it('flush sends what is collected now', async () => {
    const { runs, batcher } = setup();
    const a = batcher.load('a');
    batcher.flush();
    expect(await a).toBe('A');
    expect(runs).toEqual([['a']]);
  });

  it('rejects the waiters of a failed batch and of a key without result', async () => {
    const { clock, batcher } = setup();
    const boom = batcher.load('boom');
    const missing = batcher.load('missing');
    boom.catch(() => undefined);
    missing.catch(() => undefined);
    await clock.advance(30);
    await expect(boom).rejects.toThrow('source down');
    await expect(missing).rejects.toThrow('source down');
  });
});
