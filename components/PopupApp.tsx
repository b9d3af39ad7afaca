import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LookupResult } from '@/utils/model';
import type { ArticleSignal, TabState } from '@/utils/messages';
import { t } from '@/utils/i18n';
import { ResultView } from './ResultView';
import { ManualDoiForm } from './ManualDoiForm';
import { LookingUp } from './LookingUp';

/** What the popup needs from the outside world; the entrypoint passes the real one, tests a fake. */
export interface PopupClient {
  getTab(tabId: number): Promise<TabState | null>;
  lookup(doi: string, options: { tabId?: number; force?: boolean }): Promise<LookupResult>;
  copyText(text: string): Promise<void>;
}

type View =
  | { kind: 'starting' }
  | { kind: 'no-doi' }
  | { kind: 'loading'; doi: string; article: ArticleSignal | null }
  | { kind: 'result'; result: LookupResult; article: ArticleSignal | null }
  | { kind: 'error'; doi: string; error: string; article: ArticleSignal | null };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function PopupApp({ tabId, client }: { tabId: number | null; client: PopupClient }) {
  const [view, setView] = useState<View>({ kind: 'starting' });

  const runLookup = useCallback(
    async (doi: string, article: ArticleSignal | null, force = false) => {
      setView({ kind: 'loading', doi, article });
      try {
        const result = await client.lookup(doi, { tabId: article ? (tabId ?? undefined) : undefined, force });
        setView({ kind: 'result', result, article });
      } catch (error) {
        setView({ kind: 'error', doi, error: message(error), article });
      }
    },
    [client, tabId],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const state = tabId === null ? null : await client.getTab(tabId).catch(() => null);
      if (cancelled) return;
      const article = state?.article ?? null;
      if (!article) return setView({ kind: 'no-doi' });
      // A finished lookup in the tab state renders at once, without a round trip to the sources.
      if (state?.lookup.state === 'done') return setView({ kind: 'result', result: state.lookup.result, article });
      await runLookup(article.doi, article);
    })();
    return () => {
      cancelled = true;
    };
  }, [client, tabId, runLookup]);

  return (
    <main class="popup" aria-busy={view.kind === 'loading' || view.kind === 'starting'}>
      <h1 class="brand">{t('popupTitle')}</h1>
      {view.kind === 'starting' && <LookingUp doi={null} />}
      {view.kind === 'loading' && <LookingUp doi={view.doi} />}
      {view.kind === 'no-doi' && <ManualDoiForm onSubmit={(doi) => runLookup(doi, null)} />}
      {view.kind === 'result' && (
        <ResultView
          result={view.result}
          article={view.article}
          copyText={client.copyText}
          onRetry={() => runLookup(view.result.doi, view.article, true)}
        />
      )}
      {view.kind === 'error' && (
        <section class="notice notice-error" role="alert">
          <p>{t('lookupFailed', view.error)}</p>
          <button type="button" class="action" onClick={() => runLookup(view.doi, view.article, true)}>
            {t('retry')}
          </button>
        </section>
      )}
    </main>
  );
}
