import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headSignature, isNavigation, watchPage, type LocationSubscription, type WatchReason } from '@/utils/detect/watch';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a 10 ms debounce to have fired. */
const settle = () => sleep(80);

/** Stands in for the content script's `wxt:locationchange` subscription: a plain event on the window. */
const locationEvents: LocationSubscription = (listener) => {
  window.addEventListener('wxt:locationchange', listener);
  return () => window.removeEventListener('wxt:locationchange', listener);
};

describe('watchPage', () => {
  let calls: WatchReason[];
  let stop: () => void = () => undefined;

  beforeEach(() => {
    document.head.innerHTML = '<title>A</title><meta name="citation_doi" content="10.1000/first">';
    document.body.innerHTML = '<main><p>Article one</p></main>';
    window.history.replaceState({}, '', '/article/one');
    calls = [];
  });

  afterEach(() => stop());

  const watch = (opts = {}) => {
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { debounceMs: 10, onLocationChange: locationEvents, ...opts });
  };

  it('reports the initial state once, at once', () => {
    watch();
    expect(calls).toEqual(['initial']);
  });

  it('reports a URL change announced by wxt:locationchange, once per burst', async () => {
    watch();
    window.history.pushState({}, '', '/article/two');
    for (let i = 0; i < 3; i++) window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    expect(calls).toEqual(['initial', 'url']);
  });

  it('hears location changes only from its subscription (and popstate/hashchange), never by polling', async () => {
    let announce = () => undefined as void;
    let unsubscribed = false;
    watch({
      onLocationChange: (listener: () => void) => {
        announce = listener;
        return () => (unsubscribed = true);
      },
    });
    window.history.pushState({}, '', '/article/three');
    await settle();
    expect(calls).toEqual(['initial']);
    announce();
    await settle();
    expect(calls).toEqual(['initial', 'url']);
    stop();
    expect(unsubscribed).toBe(true);
  });

  it('does not report a locationchange event when the URL did not change', async () => {
    watch();
    window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    expect(calls).toEqual(['initial']);
  });

  it('reports metadata that loads late, and changed meta content', async () => {
    watch();
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'dc.identifier');
    meta.setAttribute('content', '10.1000/late');
    document.head.appendChild(meta);
    await settle();
    expect(calls).toEqual(['initial', 'mutation']);
    document.head.querySelector('meta[name="citation_doi"]')?.setAttribute('content', '10.1000/second');
    await settle();
    expect(calls).toEqual(['initial', 'mutation', 'mutation']);
  });

  it('stays quiet for mutations that leave metadata and DOI content unchanged', async () => {
    watch();
    const script = document.createElement('script');
    script.setAttribute('src', 'data:text/javascript,');
    script.setAttribute('type', 'text/plain');
    document.head.appendChild(script);
    document.head.querySelector('meta[name="citation_doi"]')?.setAttribute('content', '10.1000/first');
    const ad = document.createElement('div');
    ad.textContent = 'An advert without identifiers';
    document.body.appendChild(ad);
    await settle();
    expect(calls).toEqual(['initial']);
  });

  it('reports body content that brings a DOI', async () => {
    watch();
    const p = document.createElement('p');
    p.textContent = 'DOI: 10.1000/loaded.later';
    document.body.appendChild(p);
    await settle();
    expect(calls).toEqual(['initial', 'mutation']);
  });

  it('stops everything when disposed', async () => {
    watch();
    stop();
    window.history.pushState({}, '', '/article/four');
    window.dispatchEvent(new Event('wxt:locationchange'));
    document.head.appendChild(document.createElement('meta')).setAttribute('name', 'citation_doi');
    await settle();
    expect(calls).toEqual(['initial']);
  });

  it('keeps watching when the callback throws', async () => {
    stop = watchPage(
      window as unknown as Window,
      (reason) => {
        calls.push(reason);
        throw new Error('boom');
      },
      { debounceMs: 10, onLocationChange: locationEvents },
    );
    window.history.pushState({}, '', '/article/five');
    window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    expect(calls).toEqual(['initial', 'url']);
  });
});

describe('watchPage: timers', () => {
  let calls: WatchReason[] = [];
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    document.head.innerHTML = '<title>A</title><meta name="citation_doi" content="10.1000/first">';
    document.body.innerHTML = '<main><p>Article one</p></main>';
    window.history.replaceState({}, '', '/article/one');
    calls = [];
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });
  /** Lets the MutationObserver deliver its records (a microtask), then moves the fake clock. */
  const advance = async (ms: number) => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('schedules no timer on an idle page, with its default options', async () => {
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { onLocationChange: locationEvents });
    expect(vi.getTimerCount()).toBe(0);
    await advance(60_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(calls).toEqual(['initial']);
  });

  it('holds one timer only between a change and its report, through the given timers', async () => {
    const setTimer = vi.fn((callback: () => void, ms: number) => setTimeout(callback, ms));
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), {
      onLocationChange: locationEvents,
      timers: { setTimeout: setTimer, clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
    });
    document.head.querySelector('meta')?.setAttribute('content', '10.1000/second');
    await advance(100);
    document.head.querySelector('meta')?.setAttribute('content', '10.1000/third');
    await advance(0);
    expect(vi.getTimerCount()).toBe(1);
    await advance(250);
    expect(calls).toEqual(['initial', 'mutation']);
    expect(vi.getTimerCount()).toBe(0);
    // The burst re-armed the one timer once (when it fell due mid-burst) instead of once per change.
    expect(setTimer).toHaveBeenCalledTimes(2);
  });

  it('still reports a continuous burst at least every maxWaitMs', async () => {
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { onLocationChange: locationEvents, debounceMs: 100, maxWaitMs: 300 });
    for (let i = 0; i < 7; i++) {
      const p = document.createElement('p');
      p.textContent = `doi:10.1000/burst.${i}`;
      document.body.appendChild(p);
      await advance(50);
    }
    // Changes every 50 ms never leave 100 ms of quiet, yet the 300 ms cap reported them once so far.
    expect(calls).toEqual(['initial', 'mutation']);
    await advance(100);
    expect(calls).toEqual(['initial', 'mutation', 'mutation']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind when stopped mid-burst', async () => {
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { onLocationChange: locationEvents });
    window.history.pushState({}, '', '/article/two');
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(vi.getTimerCount()).toBe(1);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    await advance(1000);
    expect(calls).toEqual(['initial']);
  });
});

describe('headSignature', () => {
  it('changes with DOI-bearing head content only', () => {
    document.head.innerHTML = '<title>T</title><meta name="citation_doi" content="10.1000/a"><link rel="canonical" href="https://x/a">';
    const before = headSignature(document);
    document.head.appendChild(document.createElement('style'));
    expect(headSignature(document)).toBe(before);
    document.head.querySelector('link')?.setAttribute('href', 'https://x/b');
    expect(headSignature(document)).not.toBe(before);
  });
});

describe('watchPage: unchanged content and in-page anchors', () => {
  let calls: WatchReason[] = [];
  let stop: () => void = () => undefined;
  beforeEach(() => {
    document.head.innerHTML = '<title>A</title>';
    document.body.innerHTML = '<main></main>';
    window.history.replaceState({}, '', '/article/one');
    calls = [];
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { debounceMs: 10, onLocationChange: locationEvents });
  });
  afterEach(() => stop());

  it('reports DOIs arriving in the body once, not when the same ones are rendered again', async () => {
    const render = () => {
      const main = document.querySelector('main') as Element;
      main.innerHTML = '<ol><li>doi:10.1000/one</li><li><a href="https://doi.org/10.1000/two">x</a></li></ol>';
    };
    render();
    await settle();
    render();
    await settle();
    expect(calls).toEqual(['initial', 'mutation']);
  });

  it('treats anchor jumps as no navigation but hash routes as one', async () => {
    window.history.pushState({}, '', '/article/one#references');
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(calls).toEqual(['initial']);
    window.history.pushState({}, '', '/article/one#/article/two');
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(calls).toEqual(['initial', 'url']);
  });
});

describe('isNavigation', () => {
  it.each([
    ['https://x/a', 'https://x/b', true],
    ['https://x/a', 'https://x/a?page=2', true],
    ['https://x/a', 'https://x/a#refs', false],
    ['https://x/a#refs', 'https://x/a#fig1', false],
    ['https://x/#/a', 'https://x/#/b', true],
  ])('%s → %s: %s', (from, to, expected) => expect(isNavigation(from, to)).toBe(expected));
});
