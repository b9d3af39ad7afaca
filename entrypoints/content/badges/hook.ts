/**
 * Where the two content scripts meet. The one on every page (`content-scripts/content.js`) only reads
 * the page and reports; the inline DOI badges and the article indicator live in `content-badges.js`,
 * which that script imports (`import()`) only once the page turned out to have a DOI. The imported
 * module runs in the content script's own world — Chromium's isolated world, Firefox's content-script
 * sandbox (checked in both: tests/e2e/badges-corpus.e2e.ts runs in each) — and publishes its starter
 * on that world's global, which the page cannot reach. A page's Content-Security-Policy does not stop
 * the import, even one allowing no script (tests/e2e/foundation.e2e.ts, both browsers).
 *
 * Why `import()` and not `scripting.executeScript` from the background: Chromium refuses
 * executeScript on pages the extension reaches only through its content-script matches ("Cannot
 * access contents of the page", checked in Chromium 156), and Greenway asks for no other host access.
 * `import()` needs the file to be web-accessible (wxt.config.ts): with `use_dynamic_url` Chromium
 * serves it only under a per-session address, so a page cannot probe for it at the extension's fixed
 * one (checked: refused); Firefox's moz-extension:// address is already random per installation.
 *
 * Publishing only registers a function: nothing starts until the page script calls it, so a page that
 * loads the file itself (knowing the address) gets a function it has no browser APIs to run.
 */
import type { BadgeRuntime } from './start';

/** The badge script in the built extension (entrypoints/content-badges.ts). */
export const BADGES_SCRIPT = '/content-badges.js';

const HOOK = '__greenwayBadges';

export interface BadgeStartOptions {
  /** Timers that die with the page script's context (`ctx.setTimeout`). */
  setTimer(callback: () => void, ms: number): unknown;
}

/** Starts badges and the article indicator on this frame's page. */
export type BadgeStarter = (options: BadgeStartOptions) => BadgeRuntime;

/** Called by the badge script: makes its starter available to the page script of the same world. */
export function publishBadges(scope: object, start: BadgeStarter): void {
  Object.defineProperty(scope, HOOK, { value: start, configurable: true, writable: true, enumerable: false });
}

/** Called by the page script once the badge script ran; null when it did not publish. */
export function takeBadges(scope: object): BadgeStarter | null {
  const start: unknown = (scope as Record<string, unknown>)[HOOK];
  return typeof start === 'function' ? (start as BadgeStarter) : null;
}
