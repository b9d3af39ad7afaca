import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult, SourceName } from '@/utils/model';
import type { ArticleSignal, TabState } from '@/utils/messaging/protocol';
import type { CheckLink, FindArchive } from '@/hooks/use-link-checks';
import type { DiscoveryService, Settings } from '@/utils/settings/schema';
import type { IdLookup } from '@/utils/engine/id-map';
import type { OtherIdKind } from '@/utils/model/typed-id';
import { parseDoi, sameDoi } from '@/utils/model/doi';
import { usePopupShortcuts } from '@/hooks/use-popup-shortcuts';
import { useLateReport } from '@/hooks/use-late-report';
import { t } from '@/utils/view/i18n';
import { ResultView } from './ResultView';
import { ManualDoiForm } from './ManualDoiForm';
import { LookingUp } from './LookingUp';
import { ErrorBoundary } from './ErrorBoundary';
import { SiteAccess } from './SiteAccess';
import { CheckListLinks } from './CheckListLinks';
import { DiscussedPaper } from './DiscussedPaper';

/** The settings the popup uses: which search services to offer, the library's links. */
export interface PopupPreferences {
  discovery: DiscoveryService[];
  library: Settings['library'];
}

/** What the popup needs from the outside world; the entrypoint passes the real one, tests a fake. */
export interface PopupClient {
  getTab(tabId: number): Promise<TabState | null>;
  lookup(doi: string, options: { tabId?: number; force?: boolean }): Promise<LookupResult>;
  /**
   * Hears the answer so far of a lookup under way (the sources that answered, and those still
   * asked) until the returned function is called; without it the popup waits for the whole answer.
   */
  watchLookup?(doi: string, onUpdate: (update: { result: LookupResult; pending: SourceName[] }) => void): () => void;
  /** The DOI of a PMID or PMCID typed into the form (background `lookup:id`). */
  resolveId?(kind: OtherIdKind, id: string): Promise<IdLookup>;
  copyText(text: string): Promise<void>;
  /** Checks a copy's link (background `check:link`); without it no check is shown. */
  checkLink?: CheckLink;
  /** The archived copy of a link found dead (background `check:archive`, privacy mode's click). */
  findArchive?: FindArchive;
  /**
   * Asks the user to let Greenway access `origin` ("Allow on this site", for a check "Not checked");
   * the site-access work provides it. Resolves true when granted (the popup then checks again).
   */
  requestSiteAccess?(origin: string): Promise<boolean>;
  preferences?(): Promise<PopupPreferences>;
  isOnline?(): boolean;
  /**
   * Whether Greenway may read the tab's page. Asked only when the content script sent no report for
   * the tab: `{ readable: false }` when the site's host permission is withheld (`origin` is the page's
   * "scheme://host" when the browser shows the tab's URL, e.g. after a toolbar click, else null).
   */
  siteAccess?(tabId: number): Promise<SiteAccessState>;
  /**
   * `permissions.request` for `origin` (called before any await: it needs the click's user gesture),
   * then reads the page (injects the content script). Resolves false when the user declined.
   */
  allowSite?(origin: string, tabId: number): Promise<boolean>;
}

export type SiteAccessState = { readable: true } | { readable: false; origin: string | null };

/** What the popup was opened for, from its URL: a DOI (`?doi=`) or text to search (`?q=`, context menu). */
export interface PopupRequest {
  doi?: string | null;
  text?: string | null;
}

export type View =
  | { kind: 'starting' }
  | { kind: 'no-access'; origin: string | null }
  /** `discussed`: no article of its own, but the page is about this paper (see DiscussedPaper). */
  | { kind: 'no-doi'; text: string; invalid: boolean; discussed?: string }
  | { kind: 'loading'; doi: string; article: ArticleSignal | null }
  /** Some sources answered, others are still asked (`pending`): copies show at once, nothing is final. */
  | { kind: 'partial'; doi: string; result: LookupResult; pending: SourceName[]; article: ArticleSignal | null }
  | { kind: 'result'; result: LookupResult; article: ArticleSignal | null }
  | { kind: 'error'; doi: string; error: string; article: ArticleSignal | null };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The view a known tab state gives at once, or null when a lookup has to run first. A lookup under
 * way with an answer so far gives a `partial` view (the lookup still has to be waited for).
 */
export function viewFromTab(tab: TabState | null): View | null {
  const article = tab?.article ?? null;
  if (!article) return { kind: 'no-doi', text: '', invalid: false, ...(tab?.discussedDoi ? { discussed: tab.discussedDoi } : {}) };
  const lookup = tab?.lookup;
  if (lookup?.state === 'done') return { kind: 'result', result: lookup.result, article };
  if (lookup?.state === 'loading' && lookup.partial)
    return { kind: 'partial', doi: article.doi, result: lookup.partial, pending: lookup.pending ?? [], article };
  return null;
}

interface Props {
  tabId: number | null;
  client: PopupClient;
  request?: PopupRequest;
  /** The tab state read before the first render, so a cached result paints in the first frame. */
  initialTab?: { tab: TabState | null };
}

export function PopupApp(props: Props) {
  const [generation, setGeneration] = useState(0);
  return (
    <main class="popup">
      <h1 class="brand">{t('popupTitle')}</h1>
      <ErrorBoundary onReset={() => setGeneration((g) => g + 1)}>
        <PopupBody key={generation} {...props} initialTab={generation === 0 ? props.initialTab : undefined} />
      </ErrorBoundary>
    </main>
  );
}

function PopupBody({ tabId, client, request, initialTab }: Props) {
  const [view, setView] = useState<View>(() => (initialTab && !request?.doi && !request?.text ? viewFromTab(initialTab.tab) : null) ?? { kind: 'starting' });
  const [preferences, setPreferences] = useState<PopupPreferences | null>(null);
  /** The tab's address from its state ("You are on this copy"). */
  const [tabUrl, setTabUrl] = useState<string | null>(() => initialTab?.tab?.pageUrl ?? null);
  /** Bumped when the user allowed a site: the result view mounts again and checks its links anew. */
  const [checkRound, setCheckRound] = useState(0);
  const [manualOpen, setManualOpen] = useState(false);
  const [pageDoiCount, setPageDoiCount] = useState(initialTab?.tab?.pageDoiCount ?? 0);
  const root = useRef<HTMLDivElement>(null);
  /** Counts the lookups started: only the latest one's answer is shown. */
  const lookups = useRef(0);

  const runLookup = useCallback(
    async (doi: string, article: ArticleSignal | null, force = false) => {
      const mine = ++lookups.current;
      const ours = (v: View) => (v.kind === 'loading' || v.kind === 'partial') && sameDoi(v.doi, doi);
      // An answer so far for this DOI (from the tab state) stays up while the rest is waited for.
      setView((v) => (!force && v.kind === 'partial' && sameDoi(v.doi, doi) ? v : { kind: 'loading', doi, article }));
      const stop = client.watchLookup?.(doi, ({ result, pending }) => setView((v) => (ours(v) ? { kind: 'partial', doi, result, pending, article } : v)));
      try {
        const result = await client.lookup(doi, { tabId: article ? (tabId ?? undefined) : undefined, force });
        // Another DOI typed while this one was still asked (under its answer so far) owns the view now.
        if (mine === lookups.current) setView({ kind: 'result', result, article });
      } catch (error) {
        if (mine === lookups.current) setView({ kind: 'error', doi, error: message(error), article });
      } finally {
        stop?.();
      }
    },
    [client, tabId],
  );

  // A layout effect, not an effect: Preact runs effects only after the next frame, and a lookup the
  // reader asked for (or one the tab still needs) should leave before that frame, not after it.
  useLayoutEffect(() => {
    let cancelled = false;
    (async () => {
      if (request?.doi || request?.text) {
        const doi = request.doi ? parseDoi(request.doi) : parseDoi(request.text ?? '');
        if (doi) return runLookup(doi, null);
        return setView({ kind: 'no-doi', text: request.text ?? request.doi ?? '', invalid: true });
      }
      let tab = initialTab?.tab ?? null;
      if (!initialTab) tab = tabId === null ? null : await client.getTab(tabId).catch(() => null);
      if (cancelled) return;
      setTabUrl(tab?.pageUrl ?? null);
      setPageDoiCount(tab?.pageDoiCount ?? 0);
      // No report from the content script: maybe it may not run here (site access withheld).
      if (tab === null && tabId !== null && client.siteAccess) {
        const access = await client.siteAccess(tabId).catch(() => ({ readable: true }) as const);
        if (cancelled) return;
        if (!access.readable) return setView({ kind: 'no-access', origin: access.origin });
      }
      const known = viewFromTab(tab);
      if (known) setView(known);
      if (known && known.kind !== 'partial') return;
      if (tab?.article) await runLookup(tab.article.doi, tab.article);
    })().catch((error: unknown) => {
      if (!cancelled) setView({ kind: 'error', doi: '', error: message(error), article: null });
    });
    return () => {
      cancelled = true;
    };
    // Runs once per mount: the initial data are read-once inputs.
  }, [client, tabId, runLookup]);

  // Settings matter only for "nothing found"; they load alongside and never hold the first paint.
  useEffect(() => {
    if (!client.preferences) return;
    let live = true;
    client.preferences().then(
      (p) => live && setPreferences(p),
      // Unreadable settings: no next steps beyond the pointer to the options page.
      () => live && setPreferences({ discovery: [], library: { openUrlBase: '', illUrlTemplate: '', preferredInstitution: '' } }),
    );
    return () => {
      live = false;
    };
  }, [client]);

  usePopupShortcuts(root, () => setManualOpen(true));

  // The bench and the e2e tests time "open → content" with this mark.
  useLayoutEffect(() => {
    const waiting = view.kind === 'starting' || view.kind === 'loading' || (view.kind === 'partial' && !view.result.best);
    if (!waiting) performance.mark?.('greenway:content');
  }, [view.kind, view.kind === 'partial' && !!view.result.best]);

  const requestSiteAccess = client.requestSiteAccess
    ? (origin: string) => {
        client.requestSiteAccess?.(origin).then(
          (granted) => granted && setCheckRound((n) => n + 1),
          () => undefined,
        );
      }
    : undefined;
  const offline = client.isOnline ? !client.isOnline() : false;
  const lookupTyped = (doi: string) => {
    setManualOpen(false);
    return runLookup(doi, null);
  };
  /** A content-script report that came after "can't read" was shown (see useLateReport). */
  const adoptReport = (tab: TabState) => {
    setTabUrl(tab.pageUrl ?? null);
    setPageDoiCount(tab.pageDoiCount);
    const known = viewFromTab(tab);
    if (known) setView(known);
    if ((!known || known.kind === 'partial') && tab.article) void runLookup(tab.article.doi, tab.article);
  };
  const [grants, setGrants] = useState(0);
  useLateReport({
    tabId,
    active: view.kind === 'no-access',
    round: grants,
    getTab: client.getTab,
    onReport: adoptReport,
    // Granted, yet no report: the page has no article Greenway can see.
    onGiveUp: grants > 0 ? () => setView({ kind: 'no-doi', text: '', invalid: false }) : undefined,
  });
  const allow = async (origin: string) => {
    if (!client.allowSite || tabId === null) return false;
    const granted = await client.allowSite(origin, tabId);
    if (granted) setGrants((n) => n + 1);
    return granted;
  };
  const busy = view.kind === 'starting' || view.kind === 'loading' || view.kind === 'partial';
  return (
    <div ref={root} class="popup-body" data-view={view.kind} aria-busy={busy}>
      {view.kind === 'starting' && <LookingUp doi={null} />}
      {view.kind === 'loading' && <LookingUp doi={view.doi} />}
      {view.kind === 'no-access' && <SiteAccess origin={view.origin} onAllow={allow} />}
      {view.kind === 'no-access' && <ManualDoiForm heading={false} autoFocus={false} onSubmit={lookupTyped} resolveId={client.resolveId} />}
      {view.kind === 'no-doi' && view.discussed && <DiscussedPaper doi={view.discussed} onLookUp={lookupTyped} />}
      {view.kind === 'no-doi' && (
        <ManualDoiForm
          key={view.text}
          initial={view.text}
          initialInvalid={view.invalid}
          autoFocus={!view.discussed}
          onSubmit={lookupTyped}
          resolveId={client.resolveId}
        />
      )}
      {(view.kind === 'result' || view.kind === 'partial') && (
        <ResultView
          result={view.result}
          pending={view.kind === 'partial' ? view.pending : undefined}
          article={view.article}
          preferences={preferences}
          offline={offline}
          copyText={client.copyText}
          key={checkRound}
          checkLink={client.checkLink}
          findArchive={client.findArchive}
          requestSiteAccess={requestSiteAccess}
          tabUrl={view.article ? tabUrl : null}
          onRetry={() => runLookup(view.result.doi, view.article, true)}
        />
      )}
      {view.kind === 'error' && (
        <section class="notice notice-error" role="alert">
          <p>{offline ? t('offlineCheck') : t('lookupFailed', view.error)}</p>
          {view.doi && (
            <button type="button" class="action" onClick={() => runLookup(view.doi, view.article, true)}>
              {t('retry')}
            </button>
          )}
        </section>
      )}
      {(view.kind === 'result' || view.kind === 'partial' || view.kind === 'error') && (
        <details class="another" open={manualOpen} onToggle={(e) => setManualOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('checkAnotherDoi')}</summary>
          {manualOpen && <ManualDoiForm heading={false} onSubmit={lookupTyped} resolveId={client.resolveId} />}
        </details>
      )}
      <CheckListLinks tabId={tabId} pageDoiCount={pageDoiCount} />
    </div>
  );
}
