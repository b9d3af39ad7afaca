import { describe, expect, it } from 'vitest';
import { createVisibility } from '@/entrypoints/content/badges/visibility';
import { fakeWindow, lastObserver } from './fake-io';

describe('createVisibility', () => {
  it('reports each item once, when its element comes near the viewport, then stops watching it', () => {
    const seen: string[][] = [];
    const vis = createVisibility<string>(fakeWindow(), { onVisible: (items) => seen.push(items) });
    const a = document.createElement('a');
    const b = document.createElement('a');
    vis.watch(a, 'a1');
    vis.watch(a, 'a2');
    vis.watch(b, 'b1');
    const io = lastObserver();
    io.show([a]);
    io.show([a]);
    expect(seen).toEqual([['a1', 'a2']]);
    expect(io.observed.has(a)).toBe(false);
    io.show([b]);
    expect(seen).toEqual([['a1', 'a2'], ['b1']]);
  });

  it('looks one screen above and below by default', () => {
    createVisibility(fakeWindow(), { onVisible: () => undefined });
    expect(lastObserver().options?.rootMargin).toBe('100% 0px 100% 0px');
  });

  it('treats everything as visible, in one batch per task, without IntersectionObserver', async () => {
    const seen: number[][] = [];
    const vis = createVisibility<number>({} as Window, { onVisible: (items) => seen.push(items) });
    vis.watch(document.createElement('a'), 1);
    vis.watch(document.createElement('a'), 2);
    await Promise.resolve();
    expect(seen).toEqual([[1, 2]]);
  });

  it('keeps reporting after a consumer throws', () => {
    let calls = 0;
    const vis = createVisibility<number>(fakeWindow(), {
      onVisible: () => {
        calls++;
        throw new Error('consumer bug');
      },
    });
    const a = document.createElement('a');
    const b = document.createElement('a');
    vis.watch(a, 1);
    vis.watch(b, 2);
    lastObserver().show([a]);
    lastObserver().show([b]);
    expect(calls).toBe(2);
  });
});
