/** Paints the toolbar icon of one tab (badge text, colour, tooltip) from its state, and names the tab in its popup's address. */
import { browser } from 'wxt/browser';
import { badgeFor } from './toolbar-badge';
import type { TabState } from '../../utils/messaging/protocol';

/**
 * The popup's address for one tab (relative to the extension's root): it names the tab, so the
 * popup reads that tab's state at once instead of first asking which tab is active (one round trip
 * to the browser less; entrypoints/popup/first-read.ts). A tab keeps its id for its whole life, so
 * the address can never name another tab. Chromium drops a tab's own popup address when the tab
 * navigates (seen with action.getPopup); the next report paints it again, and until then, as on a tab
 * Greenway never painted, the manifest's plain popup.html asks for the active tab.
 */
export const popupPathFor = (tabId: number): string => `popup.html?tabId=${tabId}`;

export async function showTabState(tabId: number, state: TabState | null): Promise<void> {
  const look = badgeFor(state);
  // The tab may have closed while a lookup ran: painting a closed tab rejects, which is harmless.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: look.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
    browser.action.setTitle({ tabId, title: look.title }),
    browser.action.setPopup({ tabId, popup: popupPathFor(tabId) }),
  ]).catch(() => undefined);
}
