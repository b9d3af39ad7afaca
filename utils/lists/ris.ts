/**
 * RIS (the tagged format of EndNote, Zotero, Mendeley, databases): `TY  - JOUR` … `ER  - `. Read
 * line by line here: the format is a flat list of two-letter tags, and a hand reader can say which
 * line is wrong and keep going, which the npm RIS parsers (all-or-nothing PEG grammars) cannot.
 */
import { entryFromField, type ListEntry, type ListProblem } from './entries';

const TAG = /^([A-Z][A-Z0-9])  ?-(?: (.*))?$/;

interface Record {
  start: number;
  lines: string[];
  tags: Map<string, string[]>;
}

function finish(record: Record, entries: ListEntry[]): void {
  const get = (tag: string) => record.tags.get(tag)?.[0] ?? null;
  // The DOI lives in DO; some exports put it (or a doi.org link) in UR or M3 instead.
  const doiField = get('DO') ?? [...(record.tags.get('UR') ?? []), ...(record.tags.get('M3') ?? [])].find((v) => /10\.\d/.test(v)) ?? null;
  entries.push(entryFromField(doiField, `line ${record.start}`, get('TI') ?? get('T1') ?? get('CT'), record.lines.join('\n')));
}

/**
 * Reads RIS text. Returns one entry per `TY … ER` record (DOI from `DO`, else a DOI in `UR`/`M3`;
 * title from `TI`/`T1`) and a problem, with its line number, for each line that is not a tag, each
 * tag outside a record and a record never closed by `ER` (which is still read).
 */
export function parseRis(text: string): { entries: ListEntry[]; problems: ListProblem[] } {
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  let record: Record | null = null;
  let lastTag: string | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return;
    const m = TAG.exec(line.trimEnd());
    if (!m) {
      // A wrapped value continues the previous tag (abstracts, long titles).
      if (record && lastTag && /^\s/.test(line)) {
        const values = record.tags.get(lastTag)!;
        values[values.length - 1] += ` ${line.trim()}`;
        record.lines.push(line);
      } else problems.push({ where: `line ${n}`, what: `not a RIS tag line: "${line.trim().slice(0, 60)}"` });
      return;
    }
    const tag = m[1]!;
    const value = (m[2] ?? '').trim();
    if (tag === 'TY') {
      if (record) {
        problems.push({ where: `line ${record.start}`, what: 'record not closed by ER' });
        finish(record, entries);
      }
      record = { start: n, lines: [line], tags: new Map([['TY', [value]]]) };
      lastTag = 'TY';
      return;
    }
    if (!record) {
      problems.push({ where: `line ${n}`, what: `tag ${tag} outside a record (no TY before it)` });
      return;
    }
    record.lines.push(line);
    if (tag === 'ER') {
      finish(record, entries);
      record = null;
      lastTag = null;
      return;
    }
    const values = record.tags.get(tag) ?? [];
    values.push(value);
    record.tags.set(tag, values);
    lastTag = tag;
  });
  if (record) {
    problems.push({ where: `line ${(record as Record).start}`, what: 'record not closed by ER' });
    finish(record, entries);
  }
  return { entries, problems };
}
