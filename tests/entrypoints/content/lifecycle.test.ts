/**
 * The content script's watcher on WXT's real ContentScriptContext: no timer on an idle page, location
 * changes through `wxt:locationchange`, everything gone when the context is invalidated. WXT picks the
 * Navigation API or its 1 s polling fallback when its module loads, so each test loads it afresh.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchReason } from '@/utils/detect/watch';

type Ctx = import('wxt/utils/content-script-context').ContentScriptContext;

let ctx: Ctx | null = null;
let calls: WatchReason[] = [];

async function start(withNavigationApi: boolean): Promise<{ ctx: Ctx; navigation: EventTarget | null }> {
  vi.resetModules();
  const navigation = withNavigationApi ? new EventTarget() : null;
  if (navigation) vi.stubGlobal('navigation', navigation);
  const { ContentScriptContext } = await import('wxt/utils/content-script-context');
  const { watchPageInContext } = await import('@/entrypoints/content/lifecycle');
  // Created before the fake clock: its start-up postMessage (once, not polling) is not ours to count.
  ctx = new ContentScriptContext(`greenway-test-${Math.random()}`);
  vi.useFakeTimers();
  watchPageInContext(ctx, window, (reason) => calls.push(reason));
  return { ctx, navigation };
}

/** What Chromium does on `history.pushState`: `navigate` fires first, then the URL commits. */
function pushState(navigation: EventTarget | null, path: string): void {
  const destination = new URL(path, window.location.href).href;
  navigation?.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url: destination } }));
  window.history.pushState({}, '', path);
}

beforeEach(() => {
  document.head.innerHTML = '<title>A</title><meta name="citation_doi" content="10.1000/first">';
  document.body.innerHTML = '<main><p>Article one</p></main>';
  window.history.replaceState({}, '', '/article/one');
  calls = [];
});

afterEach(() => {
  ctx?.notifyInvalidated();
  ctx = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('page watching in the content script context', () => {
  it('schedules no timer on an idle page where the Navigation API exists, and hears pushState at once', async () => {
    const { navigation } = await start(true);
    expect(calls).toEqual(['initial']);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(calls).toEqual(['initial']);

    pushState(navigation, '/article/two');
    expect(vi.getTimerCount()).toBe(1); // our debounce, only until the report
    await vi.advanceTimersByTimeAsync(250);
    expect(calls).toEqual(['initial', 'url']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('without the Navigation API the only timer is WXT’s own 1 s location poll', async () => {
    await start(false);
    // Ours: none. WXT's fallback (Firefox before 147): one interval comparing location.href.
    expect(vi.getTimerCount()).toBe(1);
    window.history.pushState({}, '', '/article/three');
    await vi.advanceTimersByTimeAsync(1000 + 250);
    expect(calls).toEqual(['initial', 'url']);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stops listening and clears every timer when the context is invalidated', async () => {
    const { ctx, navigation } = await start(true);
    pushState(navigation, '/article/four');
    expect(vi.getTimerCount()).toBe(1);
    ctx.notifyInvalidated();
    expect(vi.getTimerCount()).toBe(0);
    pushState(navigation, '/article/five');
    document.head.querySelector('meta')?.setAttribute('content', '10.1000/other');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toEqual(['initial']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears WXT’s fallback poll too on invalidation', async () => {
    const { ctx } = await start(false);
    ctx.notifyInvalidated();
    expect(vi.getTimerCount()).toBe(0);
  });
});
