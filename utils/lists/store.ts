/**
 * The last checked list, kept in `storage.local` so that reopening the check page shows it. Rows
 * (not whole lookup results) are kept: a few hundred bytes per entry. Read back through zod: a
 * damaged or older record is dropped, never shown.
 */
import * as z from 'zod/mini';
import type { StorageArea } from '../storage/area';
import type { ListEntry, ListFormat } from './entries';
import type { ResultRow } from './rows';

export const LAST_LIST_KEY = 'check:last';

const text = z.nullable(z.string());
const Entry = z.object({ doi: text, key: text, title: text, where: z.string(), raw: text, count: z.number() });
const Row = z.object({
  index: z.number(),
  doi: text,
  title: text,
  status: z.enum(['diamond', 'gold', 'hybrid', 'bronze', 'green', 'closed', 'unknown', 'no-doi', 'pending', 'error']),
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
const SavedList = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  format: z.enum(['bibtex', 'ris', 'csl-json', 'csv', 'text']),
  entries: z.array(Entry),
  rows: z.array(Row),
});
export type SavedList = { version: 1; savedAt: number; format: ListFormat; entries: ListEntry[]; rows: ResultRow[] };

/** The saved list, or null when there is none or it does not read as one. */
export async function loadLastList(area: Pick<StorageArea, 'get'>): Promise<SavedList | null> {
  try {
    const raw = (await area.get(LAST_LIST_KEY))[LAST_LIST_KEY];
    const parsed = SavedList.safeParse(raw);
    return parsed.success && parsed.data.entries.length === parsed.data.rows.length ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the list; when storage refuses it (quota), saves it again without the records' original
 * text (the exports then rebuild RIS/BibTeX records). Resolves false when even that fails.
 */
export async function saveLastList(area: Pick<StorageArea, 'set'>, list: Omit<SavedList, 'version'>): Promise<boolean> {
  try {
    await area.set({ [LAST_LIST_KEY]: { version: 1, ...list } });
    return true;
  } catch {
    try {
      await area.set({ [LAST_LIST_KEY]: { version: 1, ...list, entries: list.entries.map((e) => ({ ...e, raw: null })) } });
      return true;
    } catch {
      return false;
    }
  }
}
