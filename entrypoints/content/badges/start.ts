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
import { badgeSettingsWith, siteOf, type BadgeSettings } from '@/entrypoints/content/badges/settings';
import { readPolicy, samePolicy } from '@/utils/settings/policy-memory';
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
  /** How long to wait for `storage.managed` when no policy is remembered (default POLICY_WAIT_MS). */
  policyWaitMs?: number;
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
  // Whether the settings, policy included, let this page ask for lookups: unknown (null) until the
  // policy to act on is known (see `apply`). Checked when each message leaves, so a policy that arrives
  // late and forbids lookups stops those still queued.
  let allowed: boolean | null = null;
  let decided: () => void = () => undefined;
  const known = new Promise<void>((resolve) => (decided = resolve));
  const allow = (value: boolean) => {
    allowed = value;
    decided();
  };
  const whenAllowed = <T>(ask: () => Promise<T>, otherwise: T): Promise<T> => known.then(() => (allowed ? ask() : otherwise));
  const setTimer = deps.setTimer ?? ((cb: () => void, ms: number) => win.setTimeout(cb, ms));
  // One queue for the page's lifetime: results survive settings changes and SPA navigation.
  const queue: LookupQueue = createLookupQueue({
    send: (dois, final) =>
      whenAllowed<BatchAnswer>(() => (deps.sendBadges ? deps.sendBadges(dois, final) : deps.send(dois).then((results) => ({ results }))), { results: {} }),
    setTimer,
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
    const result = await whenAllowed(() => deps.send([doi], { article: true }), {} as Record<string, LookupResult>).then(
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
   * Loads the settings in stages. First the user's own, without a policy: with them the page is scanned
   * and watched at once (nothing leaves the page: lookups wait for the next stage). Then with the policy
   * to act on now — `storage.managed`'s if it has answered, else the one remembered from its last
   * answer, else (nothing remembered) none after a short wait (utils/settings/policy-memory.ts) — and
   * lookups go out if it allows them. Chromium answers `storage.managed` only seconds after a browser
   * start; when its answer comes and differs, the page follows it at once: a policy that turns badges or
   * automatic lookups off removes the badges and the indicator and stops every lookup not yet sent.
   * Resolves after the first stage.
   */
  async function apply(): Promise<void> {
    const call = ++applying;
    const current = () => !stopped && call === applying;
    const policy = readPolicy(deps.local, deps.managed, { setTimer, ...(deps.policyWaitMs === undefined ? {} : { waitMs: deps.policyWaitMs }) });
    const own = await badgeSettingsWith(site, deps.local, null);
    if (!current()) return;
    use(own);
    void policy.now.then(async (now) => {
      const first = await badgeSettingsWith(site, deps.local, now.policy);
      if (!current()) return;
      allow(first.enabled);
      use(first);
      if (now.origin === 'managed') return;
      const fresh = await policy.fresh;
      if (!current() || samePolicy(fresh, now.policy)) return;
      const next = await badgeSettingsWith(site, deps.local, fresh);
      if (!current()) return;
      allow(next.enabled);
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
