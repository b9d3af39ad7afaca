/**
 * What the results table shows: the positions of the rows that pass the filter, in sort order, and
 * the values its filters offer. While a list is being checked each chunk changes ~100 rows of
 * thousands, so both are updated from the changed rows alone (O(n) copying, O(k log k) sorting for
 * k changed rows) instead of filtering and sorting every row after every chunk. Pure.
 */
import { compareRows, matchesFilter, type ResultRow, type RowFilter, type SortKey } from './rows';

export interface RowSort {
  key: SortKey;
  descending: boolean;
}

/** Rows that changed since `base` (the rows array the previous view was made from), by position. */
export interface RowChanges {
  base: readonly ResultRow[];
  indices: readonly number[];
}

const inListOrder = (sort: RowSort) => sort.key === 'index' && !sort.descending;

/** Positions (`row.index` = position in `rows`) of the rows matching `filter`, sorted as `sort` says. */
export function viewOrder(rows: readonly ResultRow[], filter: RowFilter, sort: RowSort): number[] {
  const order: number[] = [];
  for (let i = 0; i < rows.length; i++) if (matchesFilter(rows[i]!, filter)) order.push(i);
  if (inListOrder(sort)) return order;
  const compare = compareRows(sort.key, sort.descending);
  return order.sort((a, b) => compare(rows[a]!, rows[b]!));
}

/**
 * The view of `rows`, given the view `order` of `changes.base` under the same filter and sort: the
 * changed rows leave, those that now match come back in at their sorted places (a merge). Equal
 * to `viewOrder(rows, filter, sort)`; returns `order` itself when nothing moved.
 */
export function updateViewOrder(order: readonly number[], rows: readonly ResultRow[], changes: RowChanges, filter: RowFilter, sort: RowSort): number[] {
  const changed = new Set(changes.indices);
  const compare = compareRows(sort.key, sort.descending);
  const before = (i: number, j: number) => compare(rows[i]!, rows[j]!) < 0;
  // A changed row keeps its place when it is shown before and after and its sort value is the
  // same (so it sorts the same against every other row): the common case while checking.
  const moves = (i: number) => {
    const old = changes.base[i];
    const row = rows[i];
    const wasShown = old !== undefined && matchesFilter(old, filter);
    const isShown = row !== undefined && matchesFilter(row, filter);
    if (!wasShown && !isShown) return false;
    return !(wasShown && isShown && old[sort.key] === row[sort.key]);
  };
  const moving = [...changed].filter(moves);
  if (moving.length === 0) return order as number[];
  const leaving = new Set(moving);
  const kept = order.filter((i) => !leaving.has(i));
  const entering = moving
    .filter((i) => i < rows.length && matchesFilter(rows[i]!, filter))
    .sort((a, b) => (inListOrder(sort) ? a - b : compare(rows[a]!, rows[b]!)));
  const out: number[] = [];
  let k = 0;
  for (const i of entering) {
    while (k < kept.length && before(kept[k]!, i)) out.push(kept[k++]!);
    out.push(i);
  }
  while (k < kept.length) out.push(kept[k++]!);
  return out;
}

/** How many rows have each status and each licence: the choices the filters offer. */
export interface ValueCounts {
  status: Map<string, number>;
  licence: Map<string, number>;
}

function add(counts: ValueCounts, row: ResultRow, by: 1 | -1): void {
  const bump = (map: Map<string, number>, key: string | null) => {
    if (key === null) return;
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  };
  bump(counts.status, row.status);
  bump(counts.licence, row.licence);
}

/** Counts over every row. */
export function countValues(rows: readonly ResultRow[]): ValueCounts {
  const counts: ValueCounts = { status: new Map(), licence: new Map() };
  for (const row of rows) add(counts, row, 1);
  return counts;
}

/** Counts for `rows` from those of `changes.base`: only the changed rows are looked at. A new object. */
export function updateCounts(counts: ValueCounts, rows: readonly ResultRow[], changes: RowChanges): ValueCounts {
  const next: ValueCounts = { status: new Map(counts.status), licence: new Map(counts.licence) };
  for (const i of new Set(changes.indices)) {
    const old = changes.base[i];
    if (old) add(next, old, -1);
    const row = rows[i];
    if (row) add(next, row, 1);
  }
  return next;
}
