/** Paints the toolbar icon of one tab (badge text, colour, tooltip) from its state. */
import { browser } from 'wxt/browser';
import { badgeFor } from './toolbar-badge';
import type { TabState } from '../../utils/messaging/protocol';

export async function showTabState(tabId: number, state: TabState | null): Promise<void> {
  const look = badgeFor(state);
  // The tab may have closed while a lookup ran: painting a closed tab rejects, which is harmless.
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: look.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
    browser.action.setTitle({ tabId, title: look.title }),
  ]).catch(() => undefined);
}
