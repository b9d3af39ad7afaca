/**
 * Vitest globalSetup for the e2e suite: builds the extension once per browser (into .output-e2e) and
 * hands the directories to every test file through `inject('extensionDir')` (Chromium; also
 * GREENWAY_E2E_EXTENSION_DIR) and `inject('firefoxExtensionDir')`.
 */
import type { TestProject } from 'vitest/node';
import { buildExtension } from './build';
import { findChromium } from './chromium';
import { findFirefox } from './firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    extensionDir: string;
    /** The Firefox MV3 build (`.output-e2e/firefox-mv3`). */
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // Fail before building when there is no browser: the message says how to install one.
  for (const browser of [findChromium(), findFirefox()]) if (!browser.ok) throw new Error(browser.error);
  const out = process.env.GREENWAY_E2E_OUT_DIR ?? '.output-e2e';
  // One after the other: two wxt builds at once would share .wxt/ (and the 2 cores).
  const dir = await buildExtension(out);
  const firefoxDir = await buildExtension(out, { target: 'firefox' });
  process.env.GREENWAY_E2E_EXTENSION_DIR = dir;
  project.provide('extensionDir', dir);
  project.provide('firefoxExtensionDir', firefoxDir);
}
