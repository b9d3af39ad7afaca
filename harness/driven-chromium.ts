/**
 * Chromium behind the browser-neutral DrivenExtension (harness/driven.ts): Playwright's persistent
 * context from harness/launch.ts, its pages wrapped as DrivenPage.
 */
import type { Locator, Page } from 'playwright-core';
import { launchExtension, POPUP_SIZE, type LaunchedExtension } from './launch';
import { jsonCall, type DrivenLaunch, type DrivenOptions, type DrivenPage, type Target } from './driven';

/** Playwright's CSS engine already pierces open shadow roots: `a >>> b` is the chain `a >> b`. */
function locate(page: Page, target: Target): Locator {
  if (typeof target !== 'string') return page.getByRole(target.role as Parameters<Page['getByRole']>[0], { name: target.name, exact: true }).first();
  return page.locator(target.split(/\s*>>>\s*/).join(' >> ')).first();
}

/** A Playwright page as a DrivenPage (also for Chromium-only tests that share helpers with the neutral ones). */
export function drivenPage(page: Page): DrivenPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    // Over DevTools, evaluate runs outside the extension page's CSP.
    addScript: async (source) => void (await page.evaluate(source)),
    click: (target) => locate(page, target).click(),
    hover: (target) => locate(page, target).hover(),
    fill: (target, value) => locate(page, target).fill(value),
    attribute: (target, name) => locate(page, target).getAttribute(name),
    waitFor: (target, timeout = 10_000) => locate(page, target).waitFor({ timeout }),
    press: (key) => page.keyboard.press(key),
    url: () => Promise.resolve(page.url()),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    setColorScheme: (colorScheme) => page.emulateMedia({ colorScheme }),
    screenshot: ({ selector, ...options }) =>
      selector
        ? page.locator(selector).first().screenshot({ path: options.path, animations: 'disabled' })
        : page.screenshot({ ...options, animations: 'disabled' }),
    setViewport: (size) => page.setViewportSize(size),
    close: () => page.close(),
  };
}

/** Site access "On click", as chrome://extensions sets it (its developerPrivate API). */
async function withholdSiteAccess(ext: LaunchedExtension): Promise<void> {
  const admin = await ext.context.newPage();
  await admin.goto('chrome://extensions');
  await admin.evaluate(async (extensionId) => {
    const dp = (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } } }).chrome.developerPrivate;
    await dp.updateExtensionConfiguration({ extensionId, hostAccess: 'ON_CLICK' });
  }, ext.extensionId);
  await admin.close();
}

/** The DevTools id of the tab (not the page) showing `page`: what `Extensions.triggerAction` wants. */
async function tabTargetId(send: (method: string, params?: object) => Promise<unknown>, page: Page): Promise<string> {
  const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'tab' }] })) as { targetInfos: Array<{ targetId: string; url: string }> };
  const matching = targetInfos.filter((t) => t.url === page.url());
  if (matching.length !== 1) throw new Error(`cannot tell the tab of ${page.url()} (${matching.length} tabs show it)`);
  return matching[0]!.targetId;
}

export async function drivenChromium(extensionDir: string, port: number, siteAccess: DrivenOptions['siteAccess']): Promise<DrivenLaunch> {
  const ext = await launchExtension({ extensionDir, port });
  try {
    if (siteAccess === 'withheld') await withholdSiteAccess(ext);
  } catch (error) {
    await ext.close();
    throw error;
  }
  // The map keeps the real Playwright pages for tabIdOf/openPopup/clickToolbarIcon.
  const pages = new Map<DrivenPage, Page>();
  const track = (page: Page): DrivenPage => {
    const driven = drivenPage(page);
    pages.set(driven, page);
    return driven;
  };
  const real = (page: DrivenPage) => {
    const found = pages.get(page);
    if (!found) throw new Error('not a page of this browser');
    return found;
  };
  const origin = `chrome-extension://${ext.extensionId}`;
  return {
    browser: 'chromium',
    origin,
    openPage: async (url) => track(await ext.openPage(url)),
    async openExtensionPage(path, viewport) {
      const page = await ext.context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
      return track(page);
    },
    tabIdOf: (page) => ext.tabIdOf(real(page)),
    openPopup: async (target) => {
      const popup = await ext.openPopup(typeof target === 'number' ? target : real(target));
      await popup.setViewportSize(POPUP_SIZE);
      await popup.waitForLoadState('load');
      return track(popup);
    },
    inExtension: async (fn, arg) => JSON.parse((await ext.serviceWorker.evaluate(jsonCall(fn, arg))) as string) as never,
    async clickToolbarIcon(page) {
      const browser = ext.context.browser();
      if (!browser) throw new Error('no browser-level DevTools session');
      const session = await browser.newBrowserCDPSession();
      try {
        const send = (method: string, params?: object) => session.send(method as 'Target.getTargets', params as never);
        await real(page).bringToFront();
        await send('Extensions.triggerAction', { id: ext.extensionId, targetId: await tabTargetId(send, real(page)) });
      } finally {
        await session.detach();
      }
    },
    async openedTab(action) {
      const [page] = await Promise.all([ext.context.waitForEvent('page', { timeout: 10_000 }), action()]);
      await page.waitForLoadState('domcontentloaded').catch(() => undefined);
      return { url: page.url(), close: () => page.close() };
    },
    addCookies: (cookies) => ext.context.addCookies(cookies.map((c) => ({ ...c, path: '/', secure: true, sameSite: 'None' as const }))),
    errors: () => Promise.resolve([...ext.errors]),
    close: () => ext.close(),
  };
}
