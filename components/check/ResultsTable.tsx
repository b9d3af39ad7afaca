import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExternalLink } from '@/components/ExternalLink';
import { filterRows, sortRows, type ResultRow, type RowFilter, type RowStatus, type SortKey } from '@/utils/lists/rows';
import { hostKindLabel, statusLabel, versionLabel } from '@/utils/view/labels';
import { t, type MessageKey } from '@/utils/view/i18n';
import { virtualWindow } from './virtual';

/** Fixed row height (px): the virtual window needs it; CSS sets the same. */
export const ROW_HEIGHT = 36;

export function rowStatusLabel(status: RowStatus): string {
  if (status === 'no-doi') return t('checkNoDoi');
  if (status === 'pending') return t('checkNotChecked');
  if (status === 'error') return t('checkFailed');
  return statusLabel(status);
}

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'doi', label: 'colDoi' },
  { key: 'title', label: 'colTitle' },
  { key: 'status', label: 'colStatus' },
  { key: 'host', label: 'colBestCopy' },
  { key: 'version', label: 'colVersion' },
  { key: 'licence', label: 'colLicence' },
  { key: 'pdfUrl', label: 'colPdf' },
  { key: 'recordUrl', label: 'colRecord' },
];

function Row({ row, position }: { row: ResultRow; position: number }) {
  return (
    <tr aria-rowindex={position + 2} data-status={row.status}>
      <td class="col-doi">{row.doi ?? '—'}</td>
      <td class="col-title" title={row.title ?? undefined}>
        {row.title ?? ''}
      </td>
      <td class={`col-status status-${row.status}`}>{rowStatusLabel(row.status)}</td>
      <td>{row.host ? `${row.host}${row.kind ? ` (${hostKindLabel(row.kind)})` : ''}` : ''}</td>
      <td>{row.host ? versionLabel(row.version) : ''}</td>
      <td>{row.licence ?? ''}</td>
      <td>{row.pdfUrl && <ExternalLink href={row.pdfUrl}>{t('colPdf')}</ExternalLink>}</td>
      <td>{row.recordUrl && <ExternalLink href={row.recordUrl}>{t('colRecord')}</ExternalLink>}</td>
    </tr>
  );
}

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: [string, string][]; onChange(v: string): void }) {
  return (
    <span class="check-filter">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('filterAny')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The results: filters by status, version and licence; sortable columns; only visible rows in the DOM. */
export function ResultsTable({ rows }: { rows: ResultRow[] }) {
  const [filter, setFilter] = useState<RowFilter>({});
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'index', descending: false });
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const box = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.key, sort.descending), [rows, filter, sort]);
  const choices = useMemo(() => {
    const statuses = [...new Set(rows.map((r) => r.status))].map((s): [string, string] => [s, rowStatusLabel(s)]);
    const licences = [...new Set(rows.map((r) => r.licence).filter((l): l is string => l !== null))].sort().map((l): [string, string] => [l, l]);
    return { statuses, licences };
  }, [rows]);
  useLayoutEffect(() => {
    if (box.current) setScroll({ top: box.current.scrollTop, height: box.current.clientHeight || 600 });
  }, []);
  const win = virtualWindow(shown.length, scroll.top, scroll.height, ROW_HEIGHT);
  const toggle = (key: SortKey) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: false }));
  const versions: [string, string][] = [
    ['published', versionLabel('published')],
    ['accepted', versionLabel('accepted')],
    ['submitted', versionLabel('submitted')],
    ['none', t('filterNone')],
  ];

  return (
    <section class="check-results" aria-label={t('checkResults')}>
      <div class="check-row check-filters">
        <Select
          id="filter-status"
          label={t('colStatus')}
          value={filter.status ?? ''}
          options={choices.statuses}
          onChange={(v) => setFilter({ ...filter, status: v as RowStatus | '' })}
        />
        <Select
          id="filter-version"
          label={t('colVersion')}
          value={filter.version ?? ''}
          options={versions}
          onChange={(v) => setFilter({ ...filter, version: v })}
        />
        <Select
          id="filter-licence"
          label={t('colLicence')}
          value={filter.licence ?? ''}
          options={[...choices.licences, ['none', t('filterNone')]]}
          onChange={(v) => setFilter({ ...filter, licence: v })}
        />
        <span class="muted" aria-live="polite">
          {t('checkShowing', [String(shown.length), String(rows.length)])}
        </span>
      </div>
      <div
        ref={box}
        class="check-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('checkRowsLabel')}
        onScroll={(e) => {
          const el = e.currentTarget as HTMLDivElement;
          setScroll({ top: el.scrollTop, height: el.clientHeight || 600 });
        }}
      >
        <table class="check-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" class="sort" onClick={() => toggle(c.key)}>
                    {t(c.label)}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {win.before > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${win.before}px` }} />}
            {shown.slice(win.start, win.end).map((row, i) => (
              <Row key={row.index} row={row} position={win.start + i} />
            ))}
            {win.after > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${win.after}px` }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
