import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExternalLink } from '@/components/ExternalLink';
import type { ResultRow, RowFilter, RowStatus, SortKey } from '@/utils/lists/rows';
import { countValues, updateCounts, updateViewOrder, viewOrder, type RowChanges, type RowSort, type ValueCounts } from '@/utils/lists/view';
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

interface RowProps {
  row: ResultRow;
  position: number;
}

/** One table row; re-rendered only when its row or its place changes (rows are replaced, never edited). */
class Row extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps) {
    return next.row !== this.props.row || next.position !== this.props.position;
  }
  override render() {
    return <RowCells {...this.props} />;
  }
}

function RowCells({ row, position }: RowProps) {
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

interface View {
  rows: readonly ResultRow[];
  filter: RowFilter;
  sort: RowSort;
  order: number[];
  counts: ValueCounts;
}

/**
 * The view of `rows`: from the previous one and the changed rows when `changes` says what changed
 * since the rows the previous view was made from, under the same filter and sort; else anew.
 */
function nextView(previous: View | null, rows: readonly ResultRow[], changes: RowChanges | null, filter: RowFilter, sort: RowSort): View {
  if (previous && previous.rows === rows && previous.filter === filter && previous.sort === sort) return previous;
  if (previous && changes && changes.base === previous.rows) {
    const counts = updateCounts(previous.counts, rows, changes);
    if (previous.filter === filter && previous.sort === sort)
      return { rows, filter, sort, order: updateViewOrder(previous.order, rows, changes, filter, sort), counts };
    return { rows, filter, sort, order: viewOrder(rows, filter, sort), counts };
  }
  return { rows, filter, sort, order: viewOrder(rows, filter, sort), counts: previous?.rows === rows ? previous.counts : countValues(rows) };
}

/**
 * The results: filters by status, version and licence; sortable columns; only visible rows in the
 * DOM. `changes` (rows changed since the previous `rows`) lets a check in progress update the view
 * from the changed rows alone.
 */
export function ResultsTable({ rows, changes = null }: { rows: ResultRow[]; changes?: RowChanges | null }) {
  const [filter, setFilter] = useState<RowFilter>({});
  const [sort, setSort] = useState<RowSort>({ key: 'index', descending: false });
  const [scroll, setScroll] = useState({ top: 0, height: 600 });
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<View | null>(null);

  view.current = nextView(view.current, rows, changes, filter, sort);
  const { order, counts } = view.current;
  const choices = useMemo(() => {
    const statuses = [...counts.status.keys()].map((s): [string, string] => [s, rowStatusLabel(s as RowStatus)]);
    const licences = [...counts.licence.keys()].sort().map((l): [string, string] => [l, l]);
    return { statuses, licences };
  }, [counts]);
  // The viewport's height, read after layout by the browser (a ResizeObserver, which also follows
  // window resizes) rather than forced in the same task as the first render of thousands of rows.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setScroll((s) => (el.clientHeight && el.clientHeight !== s.height ? { ...s, height: el.clientHeight } : s)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const win = virtualWindow(order.length, scroll.top, scroll.height, ROW_HEIGHT);
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
          {t('checkShowing', [String(order.length), String(rows.length)])}
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
        <table class="check-table" aria-rowcount={order.length + 1}>
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
            {order.slice(win.start, win.end).map((at, i) => (
              <Row key={at} row={rows[at]!} position={win.start + i} />
            ))}
            {win.after > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${win.after}px` }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
