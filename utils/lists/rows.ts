/**
 * One results-table row per list entry, from the entry and its lookup result: plain data, with
 * machine values (the status id, the host kind id) so that exports do not depend on the UI language.
 */
import type { HostType, LookupResult, OaStatus } from '../model';
import { safeHttpUrl } from '../model/url';
import type { ListEntry } from './entries';

/** `no-doi`: listed, never looked up; `pending`: not checked (yet); `error`: every source failed. */
export type RowStatus = OaStatus | 'no-doi' | 'pending' | 'error';

export interface ResultRow {
  /** Position in the list (stable sort key, React key). */
  index: number;
  doi: string | null;
  title: string | null;
  status: RowStatus;
  /** Best copy's host name ("UCL Discovery") and kind, or null without a copy. */
  host: string | null;
  kind: HostType | null;
  version: 'published' | 'accepted' | 'submitted' | null;
  /** Licence label ("CC BY 4.0") or null. */
  licence: string | null;
  /** http(s) only; anything else is dropped here. */
  pdfUrl: string | null;
  recordUrl: string | null;
  /** Every copy's URLs (landing page, then PDF), http(s) only. */
  copyUrls: string[];
  /** Sources that failed for this DOI: "Unpaywall: timeout". */
  errors: string[];
  where: string;
  count: number;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** The row for `entry` given its result (undefined = not checked yet). */
export function rowFor(entry: ListEntry, index: number, result: LookupResult | undefined): ResultRow {
  const base = { index, doi: entry.doi, title: entry.title, where: entry.where, count: entry.count };
  const empty = { host: null, kind: null, version: null, licence: null, pdfUrl: null, recordUrl: null, copyUrls: [], errors: [] };
  if (!entry.key) return { ...base, ...empty, status: 'no-doi' };
  if (!result) return { ...base, ...empty, status: 'pending' };
  const errors = Object.entries(result.sources).flatMap(([, outcome]) => (outcome && !outcome.ok ? [outcome.error] : []));
  const asked = Object.keys(result.sources).length;
  const best = result.best;
  const pdfUrl = safeHttpUrl(best?.pdfUrl);
  const recordUrl = safeHttpUrl(best?.landingUrl);
  const copyUrls = [
    ...new Set(result.copies.flatMap((c) => [safeHttpUrl(c.landingUrl), safeHttpUrl(c.pdfUrl)]).filter((u): u is string => typeof u === 'string')),
  ];
  return {
    ...base,
    title: entry.title ?? result.work?.title ?? null,
    status: asked > 0 && errors.length === asked && !best ? 'error' : result.status,
    host: best ? (best.hostName ?? hostOf(recordUrl ?? pdfUrl)) : null,
    kind: best?.hostType ?? null,
    version: best?.version ?? null,
    licence: best?.licence?.label ?? null,
    pdfUrl,
    recordUrl,
    copyUrls,
    errors,
  };
}

export type SortKey = 'index' | 'doi' | 'title' | 'status' | 'host' | 'version' | 'licence' | 'pdfUrl' | 'recordUrl';

export interface RowFilter {
  status?: RowStatus | '';
  version?: string;
  licence?: string;
}

/** Whether `row` matches every set filter (`''`/undefined = any; version/licence `none` = no value). */
export function matchesFilter(row: ResultRow, filter: RowFilter): boolean {
  if (!filter.status && !filter.version && !filter.licence) return true;
  const match = (value: string | null, wanted: string | undefined) => !wanted || (wanted === 'none' ? value === null : value === wanted);
  return match(row.status, filter.status) && match(row.version, filter.version) && match(row.licence, filter.licence);
}

/** Rows matching every set filter. */
export function filterRows(rows: readonly ResultRow[], filter: RowFilter): ResultRow[] {
  return rows.filter((r) => matchesFilter(r, filter));
}

/**
 * The table's order on `key`: empty values last in either direction, text compared as people read
 * it (numbers in order, case ignored), ties in list order. A total order: no two rows compare equal.
 */
export function compareRows(key: SortKey, descending = false): (a: ResultRow, b: ResultRow) => number {
  const sign = descending ? -1 : 1;
  if (key === 'index') return (a, b) => sign * (a.index - b.index);
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return a.index - b.index;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * collator.compare(String(x), String(y)) || a.index - b.index;
  };
}

/** A sorted copy (see compareRows). */
export function sortRows(rows: readonly ResultRow[], key: SortKey, descending = false): ResultRow[] {
  return [...rows].sort(compareRows(key, descending));
}
