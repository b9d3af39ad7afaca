/**
 * Connects the badge logic to one page: loads the settings for the site, runs the controller while
 * badges are on, shows the article indicator, and follows settings changes and page changes. The
 * content script only supplies the browser parts.
 */
import type { WatchReason } from '@/utils/detect/watch';
import type { LookupResult } from '@/utils/model';
import type { StorageArea } from '@/utils/storage/area';
import type { ManagedArea } from '@/utils/settings/store';
// The schema-free listener: nothing here may bundle zod (see entrypoints/content/badges/settings.ts).
import { onSettingsChanged, type StorageChangeEvent } from '@/utils/settings/basics';
import { createBadgeController, type BadgeController } from '@/entrypoints/content/badges/controller';
import { dismissIndicator, isIndicatorDismissed } from '@/entrypoints/content/indicator/dismissed';
import { createLookupQueue, type BatchAnswer, type LookupQueue } from '@/entrypoints/content/badges/queue';
import { loadBadgeSettings, siteOf, type BadgeSettings } from '@/entrypoints/content/badges/settings';
import { badgeView } from '@/entrypoints/content/badges/view';
import { createBadge } from './badge';
import { createIndicator } from '../indicator/indicator';
import { copyOnTab } from '@/utils/view/link-view';

export interface BadgeRuntimeDeps {
  local: StorageArea;
  managed?: ManagedArea | null;
  onChanged: StorageChangeEvent;
  /** One `lookup:many` message; `article` marks the page's own article DOI (asked with every source). */
  send(dois: string[], options?: { article?: boolean }): Promise<Record<string, LookupResult>>;
  /**
   * One `lookup:badges` message: answered early with the copies found so far (see ./queue.ts);
   * without it, badges ask with `send` and get whole answers only.
   */
  sendBadges?(dois: string[], final: boolean): Promise<BatchAnswer>;
  copyText(text: string): Promise<void>;
  /** The lookup queue's batching timer (default: the window's); the content script passes `ctx.setTimeout`,
   * so no batch leaves a page whose script was invalidated. */
  setTimer?(callback: () => void, ms: number): unknown;
}

export interface BadgeRuntime {
  /**
   * Call on every page change the watcher reports, with the page's article DOI as detected for the
   * page report (detection walks the whole page, so it runs once for both).
   */
  onPageChange(reason: WatchReason, article: { doi: string } | null): void;
  stop(): void;
}

export function startBadges(win: Window, deps: BadgeRuntimeDeps): BadgeRuntime {
  const doc = win.document;
  const site = siteOf(win.location.href);
  // Lookups wait until the full settings, policy included, allow them (see `apply`). Once open the
  // gate stays open: turning badges off later tears the controller down, so nothing new is asked.
  let allowLookups: () => void = () => undefined;
  const lookupsAllowed = new Promise<void>((resolve) => (allowLookups = resolve));
  // One queue for the page's lifetime: results survive settings changes and SPA navigation.
  const queue: LookupQueue = createLookupQueue({
    send: (dois, final) => lookupsAllowed.then(() => (deps.sendBadges ? deps.sendBadges(dois, final) : deps.send(dois).then((results) => ({ results })))),
    setTimer: deps.setTimer ?? ((cb, ms) => win.setTimeout(cb, ms)),
  });
  let settings: BadgeSettings | null = null;
  let controller: BadgeController | null = null;
  let indicator: Element | null = null;
  let indicatorDoi: string | null = null;
  let stopped = false;

  function teardown(): void {
    controller?.dispose();
    controller = null;
    indicator?.remove();
    indicator = null;
    indicatorDoi = null;
  }

  /** The last article the watcher reported (the first report may come before the settings load). */
  let article: { doi: string } | null = null;

  async function showIndicator(): Promise<void> {
    if (!settings?.enabled) return;
    if ((article?.doi ?? null) === indicatorDoi) return;
    indicator?.remove();
    indicator = null;
    indicatorDoi = article?.doi ?? null;
    const doi = article?.doi;
    if (!doi || (await isIndicatorDismissed(deps.local, site))) return;
    // Not through the badge queue: the article is asked like the tab's own lookup, which it joins.
    const result = await lookupsAllowed
      .then(() => deps.send([doi], { article: true }))
      .then(
        (results) => results[doi] ?? null,
        () => null,
      );
    const view = badgeView(result, { hideClosed: true });
    if (stopped || !settings?.enabled || !view || indicatorDoi !== doi) return;
    // The reader is on one of the free copies (a repository record, its PDF): no pill sends them away.
    if (result && copyOnTab(result.copies, win.location.href)) return;
    const host = createIndicator(doc, view, () => void dismissIndicator(deps.local, site));
    if (host) {
      (doc.body ?? doc.documentElement).append(host);
      indicator = host;
    }
  }

  function use(next: BadgeSettings): void {
    const same = settings && next.enabled === settings.enabled && next.hideClosed === settings.hideClosed && next.openUrlBase === settings.openUrlBase;
    settings = next;
    if (same) return;
    teardown();
    if (!next.enabled) return;
    controller = createBadgeController({
      doc,
      win,
      queue,
      view: { hideClosed: next.hideClosed, openUrlBase: next.openUrlBase },
      createBadge: (view) => createBadge(doc, view, { copyText: deps.copyText }),
      ownDoi: () => article?.doi ?? null,
    });
    void controller.scan();
    void showIndicator();
  }

  let applying = 0;
  /**
   * Loads the settings in two stages. Chromium answers `storage.managed.get` only once its policy
   * service has started — seconds after a browser start, even without any policy — so the user's own
   * settings come first: with them the page is scanned and watched at once (nothing leaves the page),
   * and lookups are sent only when the policy is known and allows them. A policy that turns badges or
   * automatic lookups off thus still stops every lookup. Resolves after the first stage.
   */
  async function apply(): Promise<void> {
    const call = ++applying;
    const full = loadBadgeSettings(site, deps.local, deps.managed);
    const local = await loadBadgeSettings(site, deps.local, null);
    if (stopped || call !== applying) return;
    use(local);
    void full.then((next) => {
      if (stopped || call !== applying) return;
      if (next.enabled) allowLookups();
      use(next);
    });
  }

  const ready = apply();
  const unsubscribe = onSettingsChanged(deps.onChanged, () => void apply());

  return {
    onPageChange(_reason, detected) {
      article = detected;
      void ready.then(() => {
        if (stopped || !controller) return;
        void controller.scan();
        // Metadata may arrive late (SPA): every change may change the article.
        void showIndicator();
      });
    },
    stop() {
      stopped = true;
      unsubscribe();
      teardown();
    },
  };
}
