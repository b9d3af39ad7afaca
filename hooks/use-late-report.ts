/**
 * Waits for the content script's first report on a tab the popup found unreadable ("Greenway can't
 * read this page"). The report can come after the popup painted: in Firefox the toolbar click that
 * opens the popup also grants activeTab and runs the content script on the page (seen in Firefox ESR
 * 153, tests/e2e/site-access.e2e.ts), and after "Allow on this site" the injected script reports
 * within moments. The tab state lands in `storage.session`, which `getTab` reads cheaply.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { TabState } from '../utils/messaging/protocol';

export interface LateReportOptions {
  tabId: number | null;
  /** Poll only while this holds (the popup shows "can't read"). */
  active: boolean;
  /** Bump to start a fresh window (after a grant). */
  round: number;
  getTab(tabId: number): Promise<TabState | null>;
  /** Called once per window with the first report. */
  onReport(tab: TabState): void;
  /** Called when a window ends without a report. */
  onGiveUp?(): void;
  /** Poll interval and window length, ms (defaults 250 and 5000). */
  everyMs?: number;
  forMs?: number;
}

export function useLateReport({ tabId, active, round, getTab, onReport, onGiveUp, everyMs = 250, forMs = 5000 }: LateReportOptions): void {
  // The callbacks change on every render; the polling loop must not restart for that.
  const callbacks = useRef({ onReport, onGiveUp });
  callbacks.current = { onReport, onGiveUp };
  useEffect(() => {
    if (!active || tabId === null) return;
    let live = true;
    (async () => {
      for (let waited = 0; waited < forMs; waited += everyMs) {
        await new Promise((resolve) => setTimeout(resolve, everyMs));
        if (!live) return;
        const tab = await getTab(tabId).catch(() => null);
        if (!live) return;
        if (tab) return callbacks.current.onReport(tab);
      }
      if (live) callbacks.current.onGiveUp?.();
    })();
    return () => {
      live = false;
    };
  }, [tabId, active, round, getTab, everyMs, forMs]);
}
