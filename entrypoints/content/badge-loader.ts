/**
 * Loads the badges only on pages that need them. The content script runs on every page, most of
 * which cite no DOI; the badge and indicator code (entrypoints/content/badges/, indicator/) is
 * about half of it, so it lives in a second script imported on demand (./badges/hook.ts). The page script calls `need()` once it knows the page has a DOI (its article,
 * or any DOI in the text or links); page changes seen before the badges are ready are kept (the
 * latest one) and handed over when they are.
 */
import type { WatchReason } from '../../utils/detect/watch';
import type { BadgeStarter, BadgeStartOptions } from './badges/hook';
import type { BadgeRuntime } from './badges/start';

export interface BadgeLoaderDeps extends BadgeStartOptions {
  /** Runs the badge script in this frame and returns its starter; null (or a rejection) when it could not. */
  load(): Promise<BadgeStarter | null>;
}

export interface BadgeLoader {
  /** Every change the page watcher reports, with the article detected for it. */
  onPageChange(reason: WatchReason, article: { doi: string } | null): void;
  /** The page has a DOI: load the badges (once; a failed load is not tried again on this page). */
  need(): void;
  stop(): void;
}

export function createBadgeLoader(deps: BadgeLoaderDeps): BadgeLoader {
  let state: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  let stopped = false;
  let runtime: BadgeRuntime | null = null;
  let latest: { reason: WatchReason; article: { doi: string } | null } = { reason: 'initial', article: null };

  async function load(): Promise<void> {
    state = 'loading';
    const start = await deps.load().catch(() => null);
    if (stopped) return;
    if (!start) {
      state = 'failed';
      return;
    }
    try {
      runtime = start({ setTimer: deps.setTimer });
    } catch {
      state = 'failed';
      return;
    }
    state = 'ready';
    runtime.onPageChange(latest.reason, latest.article);
  }

  return {
    onPageChange(reason, article) {
      latest = { reason, article };
      if (state === 'ready' && !stopped) runtime?.onPageChange(reason, article);
    },
    need() {
      if (state === 'idle' && !stopped) void load();
    },
    stop() {
      stopped = true;
      runtime?.stop();
      runtime = null;
    },
  };
}
