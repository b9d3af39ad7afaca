import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/entrypoints/background/create';

// The entrypoint only wires browser APIs to the modules beside it (see create.ts for the logic). Nothing runs
// at module top level: WXT imports this file in Node at build time.
export default defineBackground(() => {
  createBackground(browser);
});
