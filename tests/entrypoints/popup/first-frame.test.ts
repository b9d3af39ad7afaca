import { describe, expect, it } from 'vitest';
import { settledWithin } from '@/entrypoints/popup/first-frame';

describe('settledWithin', () => {
  it('gives the value when it is ready in time', async () => {
    expect(await settledWithin(Promise.resolve(7), 100, () => undefined)).toEqual({ value: 7 });
  });
  it('waits for the time it is given, then gives null', async () => {
    let fire!: () => void;
    let waited = -1;
    const pending = settledWithin(new Promise<number>(() => undefined), 100, (cb, ms) => ((fire = cb), (waited = ms)));
    expect(waited).toBe(100);
    fire();
    expect(await pending).toBeNull();
  });
  it('gives null when the work fails', async () => {
    expect(await settledWithin(Promise.reject(new Error('x')), 100, () => undefined)).toBeNull();
  });
  it('gives a value that comes after a frame but before the deadline (real timers)', async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('late but in time'), 30));
    expect(await settledWithin(slow, 1000)).toEqual({ value: 'late but in time' });
  });
});
