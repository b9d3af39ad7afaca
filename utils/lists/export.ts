/**
 * Exports of a checked list: CSV (one row per entry, every column of the table plus all copies'
 * URLs), RIS and BibTeX (the imported records with the free link added), and the free links alone.
 * Pure text builders; the page turns them into downloads or the clipboard.
 */
import type { ListEntry } from './entries';
import type { ResultRow } from './rows';

/** `greenway-check-YYYY-MM-DD.<ext>` for the local date of `now`. */
export function exportFileName(ext: 'csv' | 'ris' | 'bib' | 'txt', now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `greenway-check-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${ext}`;
}

export const CSV_COLUMNS = [
  'doi',
  'title',
  'status',
  'best_host',
  'best_kind',
  'version',
  'licence',
  'pdf_url',
  'record_url',
  'all_copy_urls',
  'source_errors',
  'where',
  'duplicates',
] as const;

/** RFC 4180 quoting; a leading `= + - @` is prefixed with `'` so spreadsheets never run a cell as a formula. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text: a header (`CSV_COLUMNS`) and one line per row, CRLF line ends; URLs in a cell are space-separated. */
export function toCsv(rows: readonly ResultRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.doi, r.title, r.status, r.host, r.kind, r.version, r.licence, r.pdfUrl, r.recordUrl, r.copyUrls.join(' '), r.errors.join('; '), r.where, r.count - 1]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The free link of a row: its best PDF, else its record page; null when there is no free copy. */
export function freeLink(row: ResultRow): string | null {
  return row.pdfUrl ?? row.recordUrl;
}

/** One free link per line, in list order, for rows that have one. */
export function toLinks(rows: readonly ResultRow[]): string {
  return rows
    .map(freeLink)
    .filter((u): u is string => u !== null)
    .join('\n');
}

const risLine = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;

/**
 * RIS: each imported RIS record as it was, with `UR` (record page) and `L1` (PDF) added before `ER`;
 * entries from other inputs become minimal `TY  - JOUR` records (DO, TI, UR, L1).
 */
export function toRis(entries: readonly ListEntry[], rows: readonly ResultRow[]): string {
  return entries
    .map((entry, i) => {
      const row = rows[i];
      const added = [row?.recordUrl ? risLine('UR', row.recordUrl) : null, row?.pdfUrl ? risLine('L1', row.pdfUrl) : null].filter(
        (l): l is string => l !== null,
      );
      if (entry.raw && /^TY {2}-/.test(entry.raw)) {
        const lines = entry.raw.split('\n').filter((l) => !/^ER {2}-/.test(l));
        return [...lines, ...added, 'ER  - '].join('\r\n');
      }
      const head = [risLine('TY', 'JOUR'), entry.doi ? risLine('DO', entry.doi) : null, entry.title ? risLine('TI', entry.title) : null];
      return [...head.filter((l): l is string => l !== null), ...added, 'ER  - '].join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

const bibValue = (value: string) => `{${value.replace(/[{}\\]/g, '')}}`;

/**
 * BibTeX: each imported entry as it was, with `url` (the free link) and a `note` naming the copy
 * added before its closing brace (an existing `url` is kept and ours goes in the note); entries from
 * other inputs become `@misc` records with `doi`, `title`, `url` and `note`.
 */
export function toBibtex(entries: readonly ListEntry[], rows: readonly ResultRow[]): string {
  return entries
    .map((entry, i) => {
      const row = rows[i];
      const link = row ? freeLink(row) : null;
      const note = link && row ? `Free copy (Greenway): ${[row.host, row.version, row.licence].filter(Boolean).join(', ')} ${link}` : null;
      if (entry.raw && /^\s*@/.test(entry.raw)) {
        const hasUrl = /^\s*url\s*=/im.test(entry.raw);
        const fields = [link && !hasUrl ? `  url = ${bibValue(link)}` : null, note ? `  note = ${bibValue(note)}` : null].filter(
          (l): l is string => l !== null,
        );
        if (!fields.length) return entry.raw;
        const close = entry.raw.search(/[})]\s*$/);
        if (close < 0) return entry.raw;
        const body = entry.raw.slice(0, close).replace(/,?\s*$/, ',');
        return `${body}\n${fields.join(',\n')}\n${entry.raw.slice(close)}`;
      }
      const key = `greenway${i + 1}`;
      const fields = [
        entry.doi ? `  doi = ${bibValue(entry.doi)}` : null,
        entry.title ? `  title = ${bibValue(entry.title)}` : null,
        link ? `  url = ${bibValue(link)}` : null,
        note ? `  note = ${bibValue(note)}` : null,
      ].filter((l): l is string => l !== null);
      return `@misc{${key},\n${fields.join(',\n')}\n}`;
    })
    .join('\n\n')
    .concat('\n');
}
