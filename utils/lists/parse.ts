/**
 * Reads whatever the user pasted or imported into a list of entries: the format from the file name
 * and the text itself, then the format's reader, then duplicates merged.
 */
import { entriesFromText, mergeDuplicates, type ListFormat, type ParsedList } from './entries';
import { parseBibtexSliced } from './bibtex';
import { parseRis } from './ris';
import { parseCslJson } from './csl-json';
import { parseCsv } from './csv';
import type { Pause } from './slices';

/** Files larger than this are refused before they are read (bytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The format of `text`, from the file name's extension when it says, else from the text. */
export function detectFormat(text: string, fileName = ''): ListFormat {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'ris') return 'ris';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'csl-json';
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000);
  if (/^[[{]/.test(head)) return 'csl-json';
  if (/^@[A-Za-z]+\s*[{(]/m.test(head)) return 'bibtex';
  if (/^TY {2}- /m.test(head)) return 'ris';
  return 'text';
}

/**
 * Parses a list: `fileName` (optional) helps to tell the format. Never rejects: what cannot be read
 * is in `problems` with where it is, and everything readable is in `entries` (duplicates merged,
 * counted in `duplicates`). `pause`, when given, is awaited between slices of BibTeX parsing
 * (the one slow reader: ≈ 0.2 ms per entry), so a page that parses on its own thread stays
 * responsive; without it the work runs in one go (the worker, Node, tests).
 */
export async function parseList(text: string, fileName = '', pause: Pause | null = null): Promise<ParsedList> {
  const format = detectFormat(text, fileName);
  const read =
    format === 'bibtex'
      ? await parseBibtexSliced(text, pause)
      : format === 'ris'
        ? parseRis(text)
        : format === 'csl-json'
          ? parseCslJson(text)
          : format === 'csv'
            ? parseCsv(text)
            : { entries: entriesFromText(text), problems: [] };
  const merged = mergeDuplicates(read.entries);
  return { format, entries: merged.entries, problems: read.problems, duplicates: merged.duplicates };
}
