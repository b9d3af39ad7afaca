/**
 * The last checked list, kept in `storage.local` so that reopening the check page shows it. Rows
 * (not whole lookup results) are kept: a few hundred bytes per entry, in parts. Read back through
 * zod: a damaged or older record is dropped, never shown. (Parts left by a longer earlier list stay
 * until overwritten; the index says how many belong to the current one.)
 */
import * as z from 'zod/mini';
import { OaStatus } from '../model';
import type { StorageArea } from '../storage/area';
import type { ListEntry, ListFormat, ListProblem } from './entries';
import type { ResultRow } from './rows';
import { nextTask } from './slices';

export const LAST_LIST_KEY = 'check:last';

const text = z.nullable(z.string());
const Entry = z.object({ doi: text, key: text, title: text, where: z.string(), raw: text, count: z.number() });
const Row = z.object({
  index: z.number(),
  doi: text,
  title: text,
  // Every lookup status the model has (incomplete and unregistered included), so no saved list is dropped for one.
  status: z.enum([...OaStatus.options, 'no-doi', 'pending', 'error']),
  host: text,
  kind: z.nullable(z.enum(['publisher', 'repository', 'preprint'])),
  version: z.nullable(z.enum(['published', 'accepted', 'submitted'])),
  licence: text,
  pdfUrl: text,
  recordUrl: text,
  copyUrls: z.array(z.string()),
  errors: z.array(z.string()),
  where: z.string(),
  count: z.number(),
});
const Meta = z.object({
  version: z.literal(2),
  savedAt: z.number(),
  format: z.enum(['bibtex', 'ris', 'csl-json', 'csv', 'text']),
  parts: z.number().check(z.int(), z.nonnegative(), z.maximum(1000)),
  // What the reader was told when the list was read (absent in lists saved before they were kept).
  duplicates: z.optional(z.number().check(z.int(), z.nonnegative())),
  problems: z.optional(z.array(z.object({ where: z.string(), what: z.string() })).check(z.maxLength(1000))),
});
const Part = z.object({ entries: z.array(Entry), rows: z.array(Row) });
export type SavedList = {
  savedAt: number;
  format: ListFormat;
  entries: ListEntry[];
  rows: ResultRow[];
  /** Duplicates merged and parts that could not be read, as said when the list was read (0 and none when not saved). */
  duplicates?: number;
  problems?: ListProblem[];
};

/** Entries per stored part: each part is one `storage.set`, so no single write blocks the page long. */
export const PART_SIZE = 100;
const partKey = (i: number) => `${LAST_LIST_KEY}:${i}`;

/** The saved list, or null when there is none or any part of it does not read as one. */
export async function loadLastList(area: Pick<StorageArea, 'get'>): Promise<SavedList | null> {
  try {
    const meta = Meta.safeParse((await area.get(LAST_LIST_KEY))[LAST_LIST_KEY]);
    if (!meta.success) return null;
    const keys = Array.from({ length: meta.data.parts }, (_, i) => partKey(i));
    const stored = keys.length ? await area.get(keys) : {};
    const { savedAt, format, duplicates = 0, problems = [] } = meta.data;
    const list: SavedList = { savedAt, format, entries: [], rows: [], duplicates, problems };
    for (const key of keys) {
      const part = Part.safeParse(stored[key]);
      if (!part.success || part.data.entries.length !== part.data.rows.length) return null;
      list.entries.push(...part.data.entries);
      list.rows.push(...part.data.rows);
    }
    return list;
  } catch {
    return null;
  }
}

/**
 * Saves the list in parts of PART_SIZE entries, one write per task, the index last (a list cut short
 * by a closed page reads as none). When storage refuses it (quota), saves it again without the
 * records' original text (the exports then rebuild RIS/BibTeX records). Resolves false when even
 * that fails.
 */
export async function saveLastList(area: Pick<StorageArea, 'set' | 'remove'>, list: SavedList): Promise<boolean> {
  const write = async (entries: ListEntry[]) => {
    await area.remove(LAST_LIST_KEY);
    const parts = Math.ceil(entries.length / PART_SIZE);
    for (let i = 0; i < parts; i++) {
      await area.set({
        [partKey(i)]: { entries: entries.slice(i * PART_SIZE, (i + 1) * PART_SIZE), rows: list.rows.slice(i * PART_SIZE, (i + 1) * PART_SIZE) },
      });
      await nextTask();
    }
    const told = { duplicates: list.duplicates ?? 0, problems: (list.problems ?? []).slice(0, 1000) };
    await area.set({ [LAST_LIST_KEY]: { version: 2, savedAt: list.savedAt, format: list.format, parts, ...told } });
  };
  try {
    await write(list.entries);
    return true;
  } catch {
    try {
      await write(list.entries.map((e) => ({ ...e, raw: null })));
      return true;
    } catch {
      return false;
    }
  }
}
