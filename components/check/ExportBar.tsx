import { useState } from 'preact/hooks';
import type { ListEntry } from '@/utils/lists/entries';
import type { ResultRow } from '@/utils/lists/rows';
import { exportFileName, toBibtex, toCsv, toLinks, toRis } from '@/utils/lists/export';
import { t } from '@/utils/view/i18n';
import type { CheckClient } from '@/hooks/useListCheck';

interface Props {
  entries: ListEntry[];
  rows: ResultRow[];
  client: Pick<CheckClient, 'download' | 'copyText'>;
}

/** "Export CSV", "Export RIS", "Export BibTeX" and "Copy free links", for the whole list. */
export function ExportBar({ entries, rows, client }: Props) {
  const [status, setStatus] = useState<string | null>(null);
  const copy = async () => {
    const links = toLinks(rows);
    try {
      await client.copyText(links);
      setStatus(t('checkCopied', String(links ? links.split('\n').length : 0)));
    } catch {
      setStatus(t('copyFailed'));
    }
  };
  return (
    <div class="check-row check-export">
      {/* Said where the buttons are: a reader who filtered the table may expect its rows alone. */}
      <span class="muted">{t('checkExportScope', String(rows.length))}</span>
      <button type="button" class="action secondary" onClick={() => client.download(exportFileName('csv'), toCsv(rows), 'text/csv')}>
        {t('checkExportCsv')}
      </button>
      <button
        type="button"
        class="action secondary"
        onClick={() => client.download(exportFileName('ris'), toRis(entries, rows), 'application/x-research-info-systems')}
      >
        {t('checkExportRis')}
      </button>
      <button type="button" class="action secondary" onClick={() => client.download(exportFileName('bib'), toBibtex(entries, rows), 'application/x-bibtex')}>
        {t('checkExportBibtex')}
      </button>
      <button type="button" class="action secondary" onClick={() => copy()}>
        {t('checkCopyLinks')}
      </button>
      <span role="status" class="muted">
        {status ?? ''}
      </span>
    </div>
  );
}
