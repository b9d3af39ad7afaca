import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '@/utils/background/create';

// The entrypoint only wires browser APIs to utils/background (see there for the logic). Nothing runs
// at module top level: WXT imports this file in Node at build time.
export default defineBackground(() => {
  createBackground(browser);
});
