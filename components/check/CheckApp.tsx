import { useEffect, useState } from 'preact/hooks';
import { useListCheck } from '@/hooks/useListCheck';
import { t } from '@/utils/view/i18n';
import type { CheckClient } from '@/hooks/useListCheck';
import { InputPanel } from './InputPanel';
import { ProgressPanel } from './ProgressPanel';
import { ResultsTable } from './ResultsTable';
import { ExportBar } from './ExportBar';

/** What the page was opened with: `?q=` text (context menu) or `?tabId=` (the popup's "Check all N references"). */
export interface CheckRequest {
  text?: string | null;
  tabId?: number | null;
}

/** The check page: paste or import a list, check it, see and export every free copy. */
export function CheckApp({ client, request = {} }: { client: CheckClient; request?: CheckRequest }) {
  const { list, table, run, savedAt, start, cancel } = useListCheck(client);
  const [initialText, setInitialText] = useState<string | null>(request.tabId == null ? (request.text ?? '') : null);

  useEffect(() => {
    if (request.tabId == null) return;
    client.tabDois(request.tabId).then(
      (dois) => setInitialText(dois.join('\n')),
      () => setInitialText(''),
    );
  }, [client, request.tabId]);

  return (
    <main class="check">
      <h1 class="brand">{t('checkTitle')}</h1>
      {initialText === null ? (
        <p aria-busy="true">{t('checkReadingTab')}</p>
      ) : (
        <InputPanel initialText={initialText} parse={client.parseList} running={run.running} onCheck={start} />
      )}
      {list && <ProgressPanel run={run} list={list} onCancel={cancel} />}
      {savedAt !== null && !run.running && <p class="muted">{t('checkLastList', new Date(savedAt).toLocaleString())}</p>}
      {list && table.rows.length > 0 && (
        <>
          <ExportBar entries={list.entries} rows={table.rows} client={client} />
          <ResultsTable rows={table.rows} changes={table.changes} />
        </>
      )}
    </main>
  );
}
