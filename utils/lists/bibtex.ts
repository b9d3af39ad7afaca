/**
 * BibTeX / BibLaTeX. The file is cut into entries at each line that starts with `@`, and each entry
 * is read by bibtex-parse (the parser of bibtex-tidy: small, no dependencies, expands `@string`
 * macros and month names, removes braces). Cutting first is what lets one broken entry be reported
 * by its line while every other entry is still read: the parser itself stops at the first error.
 */
import { entries as parseEntries, type BibtexEntry } from 'bibtex-parse';
import { entryFromField, type ListEntry, type ListProblem } from './entries';

const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/;
const NOT_RECORDS = new Set(['comment', 'preamble', 'string']);
const RESERVED = new Set(['key', 'type']);

interface Chunk {
  line: number;
  type: string;
  text: string;
}

function chunks(text: string): Chunk[] {
  const out: Chunk[] = [];
  let current: { line: number; type: string; lines: string[] } | null = null;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const m = ENTRY_START.exec(line);
      if (m) {
        if (current) out.push({ line: current.line, type: current.type, text: current.lines.join('\n') });
        current = { line: i + 1, type: m[1]!.toLowerCase(), lines: [line] };
      } else current?.lines.push(line);
    });
  if (current) {
    const last = current as { line: number; type: string; lines: string[] };
    out.push({ line: last.line, type: last.type, text: last.lines.join('\n') });
  }
  return out;
}

/** A field's value as text, whitespace collapsed; null when absent or empty. */
function plain(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  return text || null;
}

/**
 * Reads BibTeX text. Returns an entry per `@type{key, …}` record ("entry N, line L"; DOI from `doi`,
 * else a DOI in `url`; title from `title`) and a problem per record the parser refused or that is
 * not closed; `@comment`, `@string` and `@preamble` are skipped. The original record text is kept
 * (`raw`) for the BibTeX export.
 */
export function parseBibtex(text: string): { entries: ListEntry[]; problems: ListProblem[] } {
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  const all = chunks(text);
  // Every entry may use the file's @string macros: they go in front of each entry it parses.
  const macros = all
    .filter((c) => c.type === 'string')
    .map((c) => c.text)
    .join('\n');
  let n = 0;
  for (const chunk of all) {
    if (NOT_RECORDS.has(chunk.type)) continue;
    n++;
    const where = `entry ${n} (line ${chunk.line})`;
    let record: BibtexEntry | undefined;
    try {
      record = parseEntries(macros ? `${macros}\n${chunk.text}` : chunk.text)[0];
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error).slice(0, 120);
      problems.push({ where, what: `unreadable BibTeX (${reason})` });
      continue;
    }
    if (!record || !record.key) {
      problems.push({ where, what: 'unreadable BibTeX (no citation key)' });
      continue;
    }
    const tags: Record<string, string | number | null> = {};
    for (const [name, value] of Object.entries(record)) if (!RESERVED.has(name)) tags[name.toLowerCase()] = value;
    const url = plain(tags.url);
    const doiField = plain(tags.doi) ?? (url && /10\.\d/.test(url) ? url : null);
    entries.push(entryFromField(doiField, where, plain(tags.title), chunk.text.trimEnd()));
  }
  return { entries, problems };
}
