import { describe, expect, it, vi } from 'vitest';
import {
  CHECK_MENU_ID,
  FIND_MENU_ID,
  MAX_CHECK_SELECTION,
  checkPathFor,
  popupQueryFor,
  registerFindMenu,
  type MenuBrowser,
  type MenuClick,
} from '@/entrypoints/background/context-menu';

describe('popupQueryFor', () => {
  it('takes the DOI from a link or the selection', () => {
    expect(popupQueryFor({ menuItemId: FIND_MENU_ID, linkUrl: 'https://doi.org/10.1038/nature12373' })).toBe('doi=10.1038%2Fnature12373');
    expect(popupQueryFor({ menuItemId: FIND_MENU_ID, selectionText: ' see doi:10.1000/xyz123. ' })).toBe('doi=10.1000%2Fxyz123');
  });
  it('passes text without a DOI on, so the popup can say so', () => {
    expect(popupQueryFor({ menuItemId: FIND_MENU_ID, selectionText: 'no id here' })).toBe('q=no%20id%20here');
  });
  it('ignores other menu items and empty clicks', () => {
    expect(popupQueryFor({ menuItemId: 'other', selectionText: '10.1000/x' })).toBeNull();
    expect(popupQueryFor({ menuItemId: FIND_MENU_ID })).toBeNull();
  });
});

describe('registerFindMenu', () => {
  function fakeBrowser() {
    let installed!: () => void;
    let clicked!: (info: MenuClick) => void;
    const b = {
      runtime: { getURL: (p: string) => `chrome-extension://id${p}`, onInstalled: { addListener: (cb: () => void) => (installed = cb) } },
      contextMenus: {
        create: vi.fn(),
        removeAll: vi.fn(async () => undefined),
        onClicked: { addListener: (cb: (info: MenuClick) => void) => (clicked = cb) },
      },
      windows: { create: vi.fn(async () => ({})) },
      tabs: { create: vi.fn(async () => ({})) },
    } satisfies MenuBrowser;
    registerFindMenu(b);
    return { b, install: () => installed(), click: (info: MenuClick) => clicked(info) };
  }

  it('creates the items for selections and DOI-bearing links on install', async () => {
    const { b, install } = fakeBrowser();
    install();
    await vi.waitFor(() => expect(b.contextMenus.create).toHaveBeenCalledTimes(3));
    expect(b.contextMenus.create.mock.calls[2]![0]).toMatchObject({ id: CHECK_MENU_ID, title: 'Check these references', contexts: ['selection'] });
    expect(b.contextMenus.create.mock.calls[0]![0]).toMatchObject({ title: 'Find a free copy', contexts: ['selection'] });
    expect(b.contextMenus.create.mock.calls[1]![0]).toMatchObject({ contexts: ['link'], targetUrlPatterns: expect.arrayContaining(['*://*/*10.*/*']) });
  });

  it('opens the popup page in a small window for the clicked DOI, or in a tab when windows fail', async () => {
    const { b, click } = fakeBrowser();
    click({ menuItemId: `${FIND_MENU_ID}:link`, linkUrl: 'https://example.org/doi/10.1000/abc' });
    expect(b.windows.create).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?doi=10.1000%2Fabc', type: 'popup', width: 420, height: 600 });
    b.windows.create.mockRejectedValueOnce(new Error('no windows'));
    click({ menuItemId: FIND_MENU_ID, selectionText: 'x' });
    await vi.waitFor(() => expect(b.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://id/popup.html?q=x' }));
  });

  it('opens the check page with the selected text for "Check these references"', () => {
    const { b, click } = fakeBrowser();
    click({ menuItemId: CHECK_MENU_ID, selectionText: ' 10.5555/a and 10.5555/b ' });
    expect(b.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://id/check.html?q=10.5555%2Fa%20and%2010.5555%2Fb' });
    expect(b.windows.create).not.toHaveBeenCalled();
    expect(checkPathFor({ menuItemId: CHECK_MENU_ID, selectionText: 'x'.repeat(MAX_CHECK_SELECTION + 10) })).toBe(
      `/check.html?q=${'x'.repeat(MAX_CHECK_SELECTION)}`,
    );
    expect(checkPathFor({ menuItemId: FIND_MENU_ID, selectionText: 'x' })).toBeNull();
  });
});
