/**
 * Assembles the background worker from its parts: lookup engine (cache → batcher → sources → merge),
 * per-tab state, toolbar painting and the message router. Receives `browser` so the wiring itself is
 * testable with the fake browser.
 */
import type { browser as extensionBrowser } from 'wxt/browser';
import { createMessageRouter, type SenderInfo } from '../../utils/messaging/router';
import { createTabStore } from './tab-state';
import { createHandlers } from './handlers';
import { showTabState } from './toolbar';
import { createLookupEngine, realClock, type LookupManyOptions, type LookupOptions } from '../../utils/engine';
import { createLinkChecker } from './link-check';
import { createProgressStore } from './lookup-progress';
import { createEngineSlot, createPolicyGuard } from './policy-guard';
import { registerFindMenu, type MenuBrowser } from './context-menu';
import { createSettingsStore, engineConfigFromSettings, handleInstalled } from '../../utils/settings';
import { withdrawnBy } from '../../utils/settings/withdrawn';
import { PageDois } from '../../utils/messaging/protocol';
import { PAGE_DOIS_QUESTION } from '../../utils/messaging/page-question';
import type { OtherIdKind } from '../../utils/model/typed-id';

type ExtensionBrowser = typeof extensionBrowser;

export function createBackground(browser: ExtensionBrowser) {
  // Registered first and synchronously: MV3 only delivers onInstalled to listeners added at start-up.
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details, browser).catch(() => undefined);
  });
  // Acts on the remembered policy at once, not after Chromium's late storage.managed answer (utils/settings/policy-memory.ts).
  const settings = createSettingsStore(browser.storage);
  const slot = createEngineSlot((io) => createLookupEngine({ ...io, ...realClock }, {}), {
    // No Referer and no credentials: the sources learn the DOI and nothing about the page.
    fetch: (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer', credentials: 'omit' }),
    storage: browser.storage.local,
  });
  // The worker is restarted often: no lookup may start before the user's settings (email, keys,
  // sources, ranking) are in the engine, or a woken worker would ask with the defaults.
  const configured = settings
    .get()
    .then((loaded) => slot.updateConfig(engineConfigFromSettings(loaded.settings)))
    .catch(() => undefined);
  const engine = slot.port;
  const readyEngine = {
    lookup: async (doi: string, options?: LookupOptions) => (await configured, engine.lookup(doi, options)),
    lookupMany: async (dois: string[], options?: LookupManyOptions) => (await configured, engine.lookupMany(dois, options)),
    peekCached: async (doi: string, options?: LookupManyOptions) => (await configured, engine.peekCached(doi, options)),
    mapId: async (kind: OtherIdKind, id: string) => (await configured, engine.mapId(kind, id)),
  };
  const tabs = createTabStore(browser.storage.session);
  const guard = createPolicyGuard({
    slot,
    tabs,
    showTabState,
    relookup: (tabId, doi) => handlers['lookup:doi']({ type: 'lookup:doi', doi, tabId }, { kind: 'extension-page', tabId: null, frameId: 0 }),
  });
  // A policy read late that forbids what runs on the remembered one: stop and undo (./policy-guard.ts).
  settings.subscribe((loaded, { previous, cause }) => {
    const config = engineConfigFromSettings(loaded.settings);
    const withdrawn = cause === 'policy' ? withdrawnBy(previous.settings, loaded.settings) : null;
    if (withdrawn) void guard.correct(withdrawn, config, loaded.settings.privacy.autoLookup);
    else slot.updateConfig(config);
  });
  const handlers = createHandlers({
    engine: readyEngine,
    tabs,
    showTabState: guard.showTabState,
    autoLookup: async () => (await settings.get()).settings.privacy.autoLookup,
    // The content script's http(s)://*/* matches are host permissions: the worker reads any
    // repository without CORS, unless the user withdrew Greenway's access to that site.
    links: createLinkChecker({
      fetch: (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer', credentials: 'omit' }),
      sleep: realClock.sleep,
      hasAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      archiveWithoutClick: async () => (await settings.get()).settings.privacy.autoLookup,
    }),
    progress: createProgressStore(browser.storage.session),
    // The top frame's content script answers; anything that is not a list of DOIs counts as none.
    tabDois: async (tabId) => {
      const answer: unknown = await browser.tabs.sendMessage(tabId, PAGE_DOIS_QUESTION, { frameId: 0 }).catch(() => null);
      const parsed = PageDois.safeParse(answer);
      return parsed.success ? parsed.data : [];
    },
  });
  const route = createMessageRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'));
  browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => route(message, sender));

  // A new document in a tab starts with a clean slate; the content script reports it again.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading' && changeInfo.url) {
      tabs.clear(tabId).then(() => guard.showTabState(tabId, null));
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.clear(tabId).catch(() => undefined);
  });
  // Firefox names the API `menus` and keeps `contextMenus` as an alias; both fit MenuBrowser.
  if (browser.contextMenus) registerFindMenu(browser as unknown as MenuBrowser);
  return { engine, tabs, handlers, settings };
}
