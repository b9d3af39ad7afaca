/**
 * The content script's page watching through WXT's context (`ctx`): location changes from
 * `wxt:locationchange`, timers from `ctx.setTimeout`, everything ended by the context's invalidation
 * (extension reload or update, or a newer copy of the script starting in the page).
 *
 * About polling: our code schedules nothing on an idle page. WXT 0.20 itself (wxt/dist/utils/internal/
 * location-watcher.mjs) starts its location watcher when the first `wxt:locationchange` listener is added:
 * where the Navigation API exists (Chromium 102+, Firefox 147+) it listens to `navigation`'s `navigate`
 * event, with no timer; elsewhere (Firefox 140–146, which this extension still supports) it falls back to
 * comparing `location.href` every second with `ctx.setInterval`. That interval is WXT's, not ours; it
 * stops with the context. WXT dispatches on `navigate`, before the navigation commits, which is why the
 * watcher re-reads `location.href` after its debounce instead of trusting the event.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPage, type LocationSubscription, type WatchOptions, type WatchReason, type WatchTimers } from '@/utils/detect/watch';

/** `wxt:locationchange` through the context. Its listeners go when the context is invalidated (WXT
 * ties them to `ctx.signal` and offers no other way to remove one), so unsubscribing mutes the listener. */
export function contextLocationChanges(ctx: ContentScriptContext, win: Window): LocationSubscription {
  return (listener) => {
    let active = true;
    ctx.addEventListener(win, 'wxt:locationchange', () => {
      if (active) listener();
    });
    return () => {
      active = false;
    };
  };
}

/** Timers that never fire after the context is invalidated (and are cleared then). */
export function contextTimers(ctx: ContentScriptContext): WatchTimers {
  return {
    setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
}

/** Watches the page for the lifetime of `ctx`; returns the watcher's stop function (also called on invalidation). */
export function watchPageInContext(
  ctx: ContentScriptContext,
  win: Window,
  onChange: (reason: WatchReason) => void,
  options: Omit<WatchOptions, 'onLocationChange' | 'timers'> = {},
): () => void {
  const stop = watchPage(win, onChange, { ...options, onLocationChange: contextLocationChanges(ctx, win), timers: contextTimers(ctx) });
  ctx.onInvalidated(stop);
  return stop;
}
