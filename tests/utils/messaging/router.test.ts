import { describe, expect, it, vi } from 'vitest';
import { classifySender, createMessageRouter, type Handlers } from '@/utils/messaging/router';
import { closedResult } from '../../fixtures/results';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

function handlers(): Handlers {
  return {
    'page:detected': vi.fn(async () => null),
    'lookup:many': vi.fn(async () => ({})),
    'lookup:badges': vi.fn(async () => ({ results: {}, unfinished: [] })),
    'tab:get': vi.fn(async () => null),
    'lookup:doi': vi.fn(async (m) => closedResult({ doi: m.doi })),
    'lookup:id': vi.fn(async () => ({ state: 'found' as const, doi: '10.5555/typed', source: 'Europe PMC' })),
    'check:link': vi.fn(async () => ({ state: 'pdf' as const, detail: 'PDF', finalUrl: null, samePaper: 'unknown' as const })),
    'check:archive': vi.fn(async () => null),
    'lookup:list': vi.fn(async () => ({})),
    'tab:dois': vi.fn(async () => ['10.5555/a']),
  };
}

const contentSender = { id: ID, url: 'https://example.org/article', tab: { id: 7 }, frameId: 0 };
const popupSender = { id: ID, url: `${ORIGIN}/popup.html?tabId=7` };

describe('classifySender', () => {
  it('recognises our extension pages and our content scripts', () => {
    expect(classifySender(popupSender, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender(contentSender, ID, `${ORIGIN}/`)).toBe('content');
  });
  it('rejects other extensions, pages without a tab, and look-alike origins', () => {
    expect(classifySender({ ...popupSender, id: 'other' }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID, url: `${ORIGIN}.evil.example/x` }, ID, ORIGIN)).toBeNull();
    expect(classifySender({}, ID, ORIGIN)).toBeNull();
  });
});

describe('createMessageRouter', () => {
  it('answers a valid popup request with the handler result', async () => {
    const h = handlers();
    const route = createMessageRouter(h, ID, ORIGIN);
    const reply = await route({ type: 'lookup:doi', doi: '10.1/abc' }, popupSender);
    expect(reply).toMatchObject({ ok: true, data: { doi: '10.1/abc', status: 'closed' } });
  });

  it("passes the tab and frame address of a content script to its handler (never an extension page's)", async () => {
    const h = handlers();
    await createMessageRouter(h, ID, ORIGIN)({ type: 'page:detected', article: null, pageDoiCount: 3 }, contentSender);
    expect(h['page:detected']).toHaveBeenCalledWith(
      { type: 'page:detected', article: null, pageDoiCount: 3 },
      { kind: 'content', tabId: 7, frameId: 0, url: 'https://example.org/article' },
    );
    await createMessageRouter(h, ID, ORIGIN)({ type: 'tab:get', tabId: 7 }, popupSender);
    expect(h['tab:get']).toHaveBeenCalledWith({ type: 'tab:get', tabId: 7 }, { kind: 'extension-page', tabId: null, frameId: 0 });
  });

  it('ignores foreign senders synchronously, without calling any handler', () => {
    const h = handlers();
    const reply = createMessageRouter(h, ID, ORIGIN)({ type: 'tab:get', tabId: 1 }, { id: 'evil', url: 'https://x/' });
    expect(reply).toBeUndefined();
    expect(h['tab:get']).not.toHaveBeenCalled();
  });

  it('answers malformed and unknown messages with an error', async () => {
    const route = createMessageRouter(handlers(), ID, ORIGIN);
    expect(await route({ type: 'steal:cookies' }, popupSender)).toEqual({ ok: false, error: 'Malformed or unknown message "steal:cookies"' });
    expect(await route({ type: 'lookup:doi', doi: 42 }, popupSender)).toMatchObject({ ok: false });
    expect(await route('hello', popupSender)).toEqual({ ok: false, error: 'Malformed message' });
  });

  it('lets the popup ask for the DOI of a PMID or PMCID, and refuses anything else in their place', async () => {
    const h = handlers();
    const route = createMessageRouter(h, ID, ORIGIN);
    expect(await route({ type: 'lookup:id', kind: 'pmid', id: '40437959' }, popupSender)).toMatchObject({ ok: true, data: { state: 'found' } });
    expect(await route({ type: 'lookup:id', kind: 'pmcid', id: 'PMC12120539' }, popupSender)).toMatchObject({ ok: true });
    for (const bad of [
      { type: 'lookup:id', kind: 'pmid', id: 'https://journal.example/article/1' },
      { type: 'lookup:id', kind: 'pmid', id: '123456789' },
      { type: 'lookup:id', kind: 'title', id: '123' },
      { type: 'lookup:id', kind: 'pmcid', id: 'PMC1 OR 1' },
    ]) {
      expect(await route(bad, popupSender), JSON.stringify(bad)).toMatchObject({ ok: false });
    }
    expect(h['lookup:id']).toHaveBeenCalledTimes(2);
  });

  it('does not let content scripts read tab state or trigger tab lookups', async () => {
    const h = handlers();
    const route = createMessageRouter(h, ID, ORIGIN);
    expect(await route({ type: 'tab:get', tabId: 3 }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'lookup:doi', doi: '10.1/x' }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'check:link', url: 'https://x.example/a.pdf', expect: 'pdf' }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'check:archive', url: 'https://x.example/a.pdf' }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'lookup:id', kind: 'pmid', id: '40437959' }, contentSender)).toMatchObject({ ok: false });
    expect(h['lookup:id']).not.toHaveBeenCalled();
    expect(h['tab:get']).not.toHaveBeenCalled();
    expect(h['check:link']).not.toHaveBeenCalled();
    expect(h['check:archive']).not.toHaveBeenCalled();
  });

  it('lets only extension pages check a list or read the DOIs of a tab (the check page)', async () => {
    const h = handlers();
    const route = createMessageRouter(h, ID, ORIGIN);
    const checkSender = { id: ID, url: `${ORIGIN}/check.html` };
    expect(await route({ type: 'lookup:list', dois: ['10.5555/a'], perDoi: false }, contentSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'tab:dois', tabId: 3 }, contentSender)).toMatchObject({ ok: false });
    expect(h['lookup:list']).not.toHaveBeenCalled();
    expect(h['tab:dois']).not.toHaveBeenCalled();
    expect(await route({ type: 'lookup:list', dois: ['10.5555/a'], perDoi: true }, checkSender)).toMatchObject({ ok: true });
    expect(await route({ type: 'tab:dois', tabId: 3 }, checkSender)).toEqual({ ok: true, data: ['10.5555/a'] });
    // A chunk is at most 500 DOIs; anything longer is refused before a handler sees it.
    expect(await route({ type: 'lookup:list', dois: Array.from({ length: 501 }, (_, i) => `10.5555/${i}`), perDoi: false }, checkSender)).toMatchObject({
      ok: false,
    });
    expect(h['lookup:list']).toHaveBeenCalledTimes(1);
  });

  it('lets only content scripts ask for badge answers', async () => {
    const h = handlers();
    const route = createMessageRouter(h, ID, ORIGIN);
    expect(await route({ type: 'lookup:badges', dois: ['10.5555/a'] }, contentSender)).toEqual({ ok: true, data: { results: {}, unfinished: [] } });
    expect(await route({ type: 'lookup:badges', dois: ['10.5555/a'], final: true }, popupSender)).toMatchObject({ ok: false });
    expect(await route({ type: 'lookup:badges', dois: ['10.5555/a'], final: 'yes' }, contentSender)).toMatchObject({ ok: false });
    expect(h['lookup:badges']).toHaveBeenCalledTimes(1);
  });

  it('turns a handler failure into an error reply', async () => {
    const h = handlers();
    h['lookup:doi'] = async () => {
      throw new Error('engine down');
    };
    expect(await createMessageRouter(h, ID, ORIGIN)({ type: 'lookup:doi', doi: '10.1/x' }, popupSender)).toEqual({
      ok: false,
      error: 'engine down',
    });
  });
});
