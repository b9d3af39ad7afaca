/**
 * Driving the real options page in e2e tests, in either browser: each helper changes one control the
 * way a user does (click, type then leave the field) and waits until the change is in
 * `storage.local`, where the background picks it up. Tests thereby cover the page, the settings store
 * and the background's reaction together, with the real settings key and shape.
 */
import { SETTINGS_KEY } from '../../utils/settings/schema';
import { getPath } from '../../utils/settings/paths';
import type { DrivenExtension, DrivenPage } from '../../harness/driven';

/** The `chrome` global inside inExtension callbacks (they run in the browser). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** The DOM id the options page gives a settings path ("sources.core.enabled" → "#opt-sources-core-enabled"). */
export const selectorFor = (path: string) => `#opt-${path.replace(/\./g, '-')}`;

export async function openOptions(ext: DrivenExtension): Promise<DrivenPage> {
  const page = await ext.openExtensionPage('options.html');
  // The form renders once the settings are loaded (the busy placeholder has no controls).
  await page.waitFor('#opt-lookup-auto');
  return page;
}

/** The user's settings as stored (null before the first save). */
export async function storedSettings(ext: DrivenExtension): Promise<unknown> {
  return ext.inExtension(async (key) => (await chrome.storage.local.get(key))[key], SETTINGS_KEY);
}

async function untilStored(ext: DrivenExtension, path: string, expected: unknown): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = getPath(await storedSettings(ext), path);
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) throw new Error(`settings field ${path} is ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether a checkbox or radio on the page is ticked. */
export function isChecked(options: DrivenPage, selector: string): Promise<boolean> {
  return options.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.checked ?? false, selector);
}

/** "auto": look up as pages load; "popup": privacy mode, only when the popup opens. */
export async function chooseLookupMode(ext: DrivenExtension, options: DrivenPage, mode: 'auto' | 'popup'): Promise<void> {
  await options.click(`#opt-lookup-${mode}`);
  await untilStored(ext, 'privacy.autoLookup', mode === 'auto');
}

/** Types into a text field and leaves it (the page saves on commit), then waits for the save. */
export async function fillSetting(ext: DrivenExtension, options: DrivenPage, path: string, value: string): Promise<void> {
  await options.fill(selectorFor(path), value);
  await options.press('Tab');
  await untilStored(ext, path, value);
}

/** Ticks or unticks a checkbox setting ("sources.europepmc.enabled") and waits for the save. */
export async function setToggle(ext: DrivenExtension, options: DrivenPage, path: string, checked: boolean): Promise<void> {
  if ((await isChecked(options, selectorFor(path))) !== checked) await options.click(selectorFor(path));
  await untilStored(ext, path, checked);
}
