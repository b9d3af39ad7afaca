/**
 * Driving the real options page in e2e tests: each helper changes one control the way a user does
 * (click, type then leave the field) and waits until the change is in `storage.local`, where the
 * background picks it up. Tests thereby cover the page, the settings store and the background's
 * reaction together, with the real settings key and shape.
 */
import type { Page } from 'playwright-core';
import { SETTINGS_KEY } from '../../utils/settings/schema';
import { getPath } from '../../utils/settings/paths';
import type { LaunchedExtension } from '../../harness';

/** The `chrome` global inside serviceWorker.evaluate callbacks (they run in the browser). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** The DOM id the options page gives a settings path ("sources.core.enabled" → "#opt-sources-core-enabled"). */
const selectorFor = (path: string) => `#opt-${path.replace(/\./g, '-')}`;

export async function openOptions(ext: LaunchedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  // The form renders once the settings are loaded (the busy placeholder has no controls).
  await page.locator('#opt-lookup-auto').waitFor();
  return page;
}

/** The user's settings as stored (undefined before the first save). */
export async function storedSettings(ext: LaunchedExtension): Promise<unknown> {
  return ext.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], SETTINGS_KEY);
}

async function untilStored(ext: LaunchedExtension, path: string, expected: unknown): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = getPath(await storedSettings(ext), path);
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) throw new Error(`settings field ${path} is ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** "auto": look up as pages load; "popup": privacy mode, only when the popup opens. */
export async function chooseLookupMode(ext: LaunchedExtension, options: Page, mode: 'auto' | 'popup'): Promise<void> {
  await options.locator(`#opt-lookup-${mode}`).check();
  await untilStored(ext, 'privacy.autoLookup', mode === 'auto');
}

/** Types into a text field and leaves it (the page saves on commit), then waits for the save. */
export async function fillSetting(ext: LaunchedExtension, options: Page, path: string, value: string): Promise<void> {
  const field = options.locator(selectorFor(path));
  await field.fill(value);
  await field.press('Tab');
  await untilStored(ext, path, value);
}

/** Ticks or unticks a checkbox setting ("sources.europepmc.enabled") and waits for the save. */
export async function setToggle(ext: LaunchedExtension, options: Page, path: string, checked: boolean): Promise<void> {
  await options.locator(selectorFor(path)).setChecked(checked);
  await untilStored(ext, path, checked);
}
