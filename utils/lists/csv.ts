/**
 * CSV (spreadsheets, database exports) read with papaparse: quoted fields, embedded newlines and
 * commas, other delimiters (`;`, tab) are its job. The DOI column is the one headed "DOI" (any case,
 * or containing "doi"); the title column the one headed "title".
 */
import Papa from 'papaparse';
import { entriesFromText, entryFromField, type ListEntry, type ListProblem } from './entries';

/**
 * Reads CSV text with a header row. Returns an entry per data row ("row N" counts the header as
 * row 1, like a spreadsheet) and a problem per row papaparse could not read. Without a DOI column
 * the whole text is searched for DOIs (one entry per DOI) and that is said once.
 */
export function parseCsv(text: string): { entries: ListEntry[]; problems: ListProblem[] } {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = result.meta.fields ?? [];
  const doiColumn = fields.find((f) => /^\s*doi\s*$/i.test(f)) ?? fields.find((f) => /doi/i.test(f));
  const titleColumn = fields.find((f) => /^\s*(article\s+)?title\s*$/i.test(f)) ?? fields.find((f) => /title/i.test(f));
  if (!doiColumn) {
    return { entries: entriesFromText(text), problems: [{ where: 'row 1', what: 'no column headed "DOI": DOIs were searched for in every cell' }] };
  }
  const problems: ListProblem[] = [];
  const badRows = new Set<number>();
  for (const error of result.errors) {
    // papaparse counts data rows from 0; a spreadsheet shows the header as row 1.
    const row = typeof error.row === 'number' ? error.row + 2 : null;
    if (row !== null) badRows.add(row);
    problems.push({ where: row === null ? 'file' : `row ${row}`, what: error.message });
  }
  const entries: ListEntry[] = [];
  result.data.forEach((row, i) => {
    const n = i + 2;
    if (badRows.has(n) && !row[doiColumn]) return;
    entries.push(entryFromField(row[doiColumn], `row ${n}`, titleColumn ? (row[titleColumn] ?? null) : null, null));
  });
  return { entries, problems };
}
