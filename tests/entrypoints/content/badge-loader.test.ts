import { describe, expect, it, vi } from 'vitest';
import { createBadgeLoader } from '@/entrypoints/content/badge-loader';
import { publishBadges, takeBadges, type BadgeStarter } from '@/entrypoints/content/badges/hook';
import type { BadgeRuntime } from '@/entrypoints/content/badges/start';

function fakeRuntime() {
  const runtime = { onPageChange: vi.fn(), stop: vi.fn() } satisfies BadgeRuntime;
  const start = vi.fn<BadgeStarter>(() => runtime);
  return { runtime, start };
}

const setTimer = (callback: () => void, ms: number) => setTimeout(callback, ms);
const ARTICLE = { doi: '10.5555/article.1' };

describe('badge loader', () => {
  it('loads nothing on a page that never needs badges, however often it changes', async () => {
    const load = vi.fn(async () => fakeRuntime().start);
    const loader = createBadgeLoader({ load, setTimer });
    loader.onPageChange('initial', null);
    loader.onPageChange('mutation', null);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once when needed and hands the latest page change over, then forwards every change', async () => {
    const { runtime, start } = fakeRuntime();
    const load = vi.fn(async () => start);
    const loader = createBadgeLoader({ load, setTimer });
    loader.onPageChange('initial', null);
    loader.onPageChange('mutation', ARTICLE);
    loader.need();
    loader.need();
    await vi.waitFor(() => expect(runtime.onPageChange).toHaveBeenCalledWith('mutation', ARTICLE));
    expect(load).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith({ setTimer });
    expect(runtime.onPageChange).toHaveBeenCalledTimes(1);
    loader.onPageChange('url', null);
    expect(runtime.onPageChange).toHaveBeenLastCalledWith('url', null);
    loader.need();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('gives up quietly (and for good on this page) when the badge script cannot be had', async () => {
    for (const load of [vi.fn(async () => null), vi.fn(async () => Promise.reject(new Error('no tab')))]) {
      const loader = createBadgeLoader({ load, setTimer });
      loader.need();
      await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
      await Promise.resolve();
      loader.need();
      loader.onPageChange('mutation', ARTICLE);
      expect(load).toHaveBeenCalledTimes(1);
    }
  });

  it('a starter that throws counts as a failed load', async () => {
    const start = vi.fn<BadgeStarter>(() => {
      throw new Error('broken page');
    });
    const loader = createBadgeLoader({ load: async () => start, setTimer });
    loader.need();
    await vi.waitFor(() => expect(start).toHaveBeenCalled());
    expect(() => loader.onPageChange('mutation', ARTICLE)).not.toThrow();
  });

  it('stopped while loading: never starts; stopped after: stops the badges', async () => {
    let finish: (start: BadgeStarter) => void = () => undefined;
    const pending = fakeRuntime();
    const early = createBadgeLoader({ load: () => new Promise<BadgeStarter>((resolve) => (finish = resolve)), setTimer });
    early.need();
    early.stop();
    finish(pending.start);
    await Promise.resolve();
    await Promise.resolve();
    expect(pending.start).not.toHaveBeenCalled();

    const { runtime, start } = fakeRuntime();
    const late = createBadgeLoader({ load: async () => start, setTimer });
    late.need();
    await vi.waitFor(() => expect(start).toHaveBeenCalled());
    late.stop();
    expect(runtime.stop).toHaveBeenCalledTimes(1);
    late.onPageChange('url', ARTICLE);
    expect(runtime.onPageChange).toHaveBeenCalledTimes(1);
  });
});

describe('badge hook', () => {
  it('hands the published starter over within one global, hidden from enumeration', () => {
    const scope = {};
    expect(takeBadges(scope)).toBeNull();
    const { start } = fakeRuntime();
    publishBadges(scope, start);
    expect(takeBadges(scope)).toBe(start);
    expect(Object.keys(scope)).toEqual([]);
  });

  it('ignores anything else a global holds under the name', () => {
    expect(takeBadges({ __greenwayBadges: 'not a function' })).toBeNull();
  });
});
