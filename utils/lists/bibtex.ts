/**
 * BibTeX / BibLaTeX. The file is cut into entries at each line that starts with `@`, and each entry
 * is read by bibtex-parse (the parser of bibtex-tidy: small, no dependencies, expands `@string`
 * macros and month names, removes braces). Cutting first is what lets one broken entry be reported
 * by its line while every other entry is still read: the parser itself stops at the first error.
 */
import { entries as parseEntries, type BibtexEntry } from 'bibtex-parse';
import { entryFromField, type ListEntry, type ListProblem } from './entries';
import { eachInSlices, type Pause } from './slices';

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

/** One entry read, or why not. */
function readChunk(chunk: Chunk, n: number, macros: string): { entry: ListEntry } | { problem: ListProblem } {
  const where = `entry ${n} (line ${chunk.line})`;
  let record: BibtexEntry | undefined;
  try {
    record = parseEntries(macros ? `${macros}\n${chunk.text}` : chunk.text)[0];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error).slice(0, 120);
    return { problem: { where, what: `unreadable BibTeX (${reason})` } };
  }
  if (!record || !record.key) return { problem: { where, what: 'unreadable BibTeX (no citation key)' } };
  const tags: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(record)) if (!RESERVED.has(name)) tags[name.toLowerCase()] = value;
  const url = plain(tags.url);
  const doiField = plain(tags.doi) ?? (url && /10\.\d/.test(url) ? url : null);
  return { entry: entryFromField(doiField, where, plain(tags.title), chunk.text.trimEnd()) };
}

/**
 * Reads BibTeX text. Returns an entry per `@type{key, …}` record ("entry N (line L)"; DOI from
 * `doi`, else a DOI in `url`; title from `title`) and a problem per record the parser refused or
 * that has no key; `@comment`, `@string` and `@preamble` are skipped, `@string` macros apply to
 * every entry. The original record text is kept (`raw`) for the BibTeX export. The parser takes
 * ≈ 0.2 ms per entry: with a `pause` (see ./slices.ts) the work is cut into slices of `budgetMs`,
 * for parsing on a page; the check page parses in a worker and passes none.
 */
export async function parseBibtexSliced(text: string, pause: Pause | null = null, budgetMs = 12): Promise<{ entries: ListEntry[]; problems: ListProblem[] }> {
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  const all = chunks(text);
  const macros = all
    .filter((c) => c.type === 'string')
    .map((c) => c.text)
    .join('\n');
  let n = 0;
  await eachInSlices(
    all.filter((c) => !NOT_RECORDS.has(c.type)),
    (chunk) => {
      const read = readChunk(chunk, ++n, macros);
      if ('entry' in read) entries.push(read.entry);
      else problems.push(read.problem);
    },
    pause,
    budgetMs,
  );
  return { entries, problems };
}
