import { describe, expect, it, vi } from 'vitest';
import { FIRST_READ_SLOT, resolvePopupTabId, sharedFirstRead, startFirstRead, type FirstReadApi } from '@/entrypoints/popup/first-read';

/** An extension API whose `tabs` namespace counts how often it is touched (the browser builds it on first access). */
function fakeApi(activeTabId: number | undefined, stored: Record<string, unknown> = {}) {
  const touched = { tabs: 0 };
  const query = vi.fn(async () => (activeTabId === undefined ? [] : [{ id: activeTabId }]));
  const get = vi.fn(async (key: string) => (key in stored ? { [key]: stored[key] } : {}));
  const api: FirstReadApi = {
    get tabs() {
      touched.tabs++;
      return { query };
    },
    storage: { session: { get } },
  };
  return { api, touched, query, get };
}

describe('resolvePopupTabId', () => {
  it('takes ?tabId= without touching the tabs API', async () => {
    const { api, touched } = fakeApi(9);
    expect(await resolvePopupTabId('?tabId=42', api)).toBe(42);
    expect(touched.tabs).toBe(0);
  });

  it('asks for the active tab when the address names none or a malformed one', async () => {
    const { api, query } = fakeApi(9);
    expect(await resolvePopupTabId('', api)).toBe(9);
    expect(await resolvePopupTabId('?tabId=4x', api)).toBe(9);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('gives null when the window has no active tab with an id', async () => {
    expect(await resolvePopupTabId('', fakeApi(undefined).api)).toBeNull();
  });
});

describe('startFirstRead', () => {
  it("reads the tab's stored state under its key", async () => {
    const { api, get } = fakeApi(3, { 'tab:3': { tabId: 3 } });
    const read = startFirstRead('', api);
    expect(await read.tabId).toBe(3);
    expect(await read.stored).toEqual({ 'tab:3': { tabId: 3 } });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads nothing when there is no tab', async () => {
    const { api, get } = fakeApi(undefined);
    const read = startFirstRead('', api);
    expect(await read.stored).toBeNull();
    expect(get).not.toHaveBeenCalled();
  });
});

describe('sharedFirstRead', () => {
  it('starts the read once: the second caller (the entry module after the early script) reuses it', async () => {
    const page = {};
    const { api, get } = fakeApi(5, { 'tab:5': { tabId: 5 } });
    const first = sharedFirstRead(page, () => startFirstRead('', api));
    const second = sharedFirstRead(page, () => startFirstRead('', api));
    expect(second).toBe(first);
    await second.stored;
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('keeps the read out of enumeration on the global', () => {
    const page = {};
    sharedFirstRead(page, () => startFirstRead('?tabId=1', fakeApi(1).api));
    expect(Object.keys(page)).toEqual([]);
    expect(FIRST_READ_SLOT in page).toBe(true);
  });

  it('starts its own read when the slot holds something else (a page variable of that name)', async () => {
    const page: Record<string, unknown> = { [FIRST_READ_SLOT]: 'not a read' };
    const { api, get } = fakeApi(2);
    const read = sharedFirstRead(page, () => startFirstRead('', api));
    expect(await read.tabId).toBe(2);
    expect(get).toHaveBeenCalledTimes(1);
  });
});
