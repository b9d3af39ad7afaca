import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headSignature, isNavigation, watchPage, type WatchReason } from '@/utils/detect/watch';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a 10 ms debounce (and a 20 ms poll) to have fired. */
const settle = () => sleep(80);

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
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { debounceMs: 10, pollMs: 0, ...opts });
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

  it('notices a pushState navigation without any event by polling the URL', async () => {
    watch({ pollMs: 20 });
    window.history.pushState({}, '', '/article/three');
    await settle();
    expect(calls).toEqual(['initial', 'url']);
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
    watch({ pollMs: 20 });
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
      { debounceMs: 10, pollMs: 0 },
    );
    window.history.pushState({}, '', '/article/five');
    window.dispatchEvent(new Event('wxt:locationchange'));
    await settle();
    expect(calls).toEqual(['initial', 'url']);
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
    stop = watchPage(window as unknown as Window, (reason) => calls.push(reason), { debounceMs: 10, pollMs: 0 });
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
