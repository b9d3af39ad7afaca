import { describe, expect, it } from 'vitest';
import { firstFrameOrNull } from '@/entrypoints/popup/first-frame';

describe('firstFrameOrNull', () => {
  it('gives the value when it is ready before the frame', async () => {
    expect(await firstFrameOrNull(Promise.resolve(7), () => undefined)).toEqual({ value: 7 });
  });
  it('gives null when the frame comes first, or the work fails', async () => {
    let frame!: () => void;
    const pending = firstFrameOrNull(new Promise<number>(() => undefined), (cb) => (frame = cb));
    frame();
    expect(await pending).toBeNull();
    expect(await firstFrameOrNull(Promise.reject(new Error('x')), () => undefined)).toBeNull();
  });
});
