/**
 * Vitest globalSetup for the e2e suite: builds the extension once (into .output-e2e) and hands its
 * directory to every test file through `inject('extensionDir')` (and GREENWAY_E2E_EXTENSION_DIR).
 */
import type { TestProject } from 'vitest/node';
import { buildExtension } from './build';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    extensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // Fail before building when there is no browser: the message says how to install one.
  const browser = findChromium();
  if (!browser.ok) throw new Error(browser.error);
  const dir = await buildExtension(process.env.GREENWAY_E2E_OUT_DIR ?? '.output-e2e');
  process.env.GREENWAY_E2E_EXTENSION_DIR = dir;
  project.provide('extensionDir', dir);
}
