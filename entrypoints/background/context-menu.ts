/**
 * "Find a free copy" in the page's context menu, for selected text or a link that contains a DOI.
 * A click opens the popup page in a small window with the DOI (`?doi=`), or with the text (`?q=`)
 * when it holds no DOI, so the reader sees why and can correct it. (action.openPopup() would be
 * nicer, but Chrome allows it only in some versions and Firefox only from a user gesture of its own.)
 */
import { parseDoi } from '../../utils/model/doi';
import { t } from '../../utils/view/i18n';

export const FIND_MENU_ID = 'greenway-find-free-copy';
/** "Check these references": the selection goes to the check page (check.html?q=…). */
export const CHECK_MENU_ID = 'greenway-check-list';
/** Longest selection passed to the check page (characters); a URL of this size opens in every browser. */
export const MAX_CHECK_SELECTION = 100_000;

/** The check page's URL path for a click on "Check these references", or null for other items. */
export function checkPathFor(info: MenuClick): string | null {
  if (info.menuItemId !== CHECK_MENU_ID) return null;
  const text = (info.selectionText ?? '').trim().slice(0, MAX_CHECK_SELECTION);
  return text ? `/check.html?q=${encodeURIComponent(text)}` : '/check.html';
}

/** Links worth offering the item on: any URL with "10.<digits>" followed by a slash (or %2F) later. */
export const DOI_LINK_PATTERNS = ['*://*/*10.*/*', '*://*/*10.*%2F*', '*://*/*10.*%2f*'];

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}

/** The popup page's query for a click: a DOI when the link or selection holds exactly one. */
export function popupQueryFor(info: MenuClick): string | null {
  if (info.menuItemId !== FIND_MENU_ID) return null;
  const text = (info.selectionText ?? '').trim().slice(0, 1000);
  const doi = (info.linkUrl ? parseDoi(info.linkUrl) : null) ?? (text ? parseDoi(text) : null);
  if (doi) return `doi=${encodeURIComponent(doi)}`;
  if (text) return `q=${encodeURIComponent(text)}`;
  return info.linkUrl ? `q=${encodeURIComponent(info.linkUrl.slice(0, 1000))}` : null;
}

/** The parts of `browser` this needs (structural, so the fake browser and tests fit). */
export interface MenuBrowser {
  runtime: { getURL(path: string): string; onInstalled: { addListener(cb: () => void): void } };
  contextMenus: {
    create(props: { id: string; title: string; contexts: string[]; targetUrlPatterns?: string[] }): unknown;
    removeAll(): Promise<void>;
    onClicked: { addListener(cb: (info: MenuClick) => void): void };
  };
  windows?: { create(props: { url: string; type: 'popup'; width: number; height: number }): Promise<unknown> };
  tabs: { create(props: { url: string }): Promise<unknown> };
}

export function registerFindMenu(browser: MenuBrowser): void {
  // Menu items persist across worker restarts; they are (re)created once per install/update.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus
      .removeAll()
      .then(() => {
        browser.contextMenus.create({ id: FIND_MENU_ID, title: t('contextMenuFind'), contexts: ['selection'] });
        browser.contextMenus.create({
          id: `${FIND_MENU_ID}:link`,
          title: t('contextMenuFind'),
          contexts: ['link'],
          targetUrlPatterns: DOI_LINK_PATTERNS,
        });
        browser.contextMenus.create({ id: CHECK_MENU_ID, title: t('contextMenuCheckList'), contexts: ['selection'] });
      })
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info) => {
    const checkPath = checkPathFor(info);
    if (checkPath) {
      browser.tabs.create({ url: browser.runtime.getURL(checkPath) }).catch(() => undefined);
      return;
    }
    const query = popupQueryFor({ ...info, menuItemId: String(info.menuItemId).replace(/:link$/, '') });
    if (!query) return;
    const url = browser.runtime.getURL(`/popup.html?${query}`);
    const open = browser.windows ? browser.windows.create({ url, type: 'popup', width: 420, height: 600 }) : Promise.reject(new Error('no windows API'));
    open.catch(() => browser.tabs.create({ url })).catch(() => undefined);
  });
}
