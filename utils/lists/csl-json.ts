/** CSL-JSON (Zotero, citation.js, pandoc): an array of items with `DOI` and `title`, checked with zod. */
import * as z from 'zod/mini';
import { entryFromField, type ListEntry, type ListProblem } from './entries';

const Item = z.object({
  DOI: z.optional(z.string()),
  title: z.optional(z.union([z.string(), z.array(z.string())])),
  URL: z.optional(z.string()),
});

/**
 * Reads CSL-JSON text (an array of items, or one item). Returns an entry per item ("item N", from 1)
 * and a problem for each item that is not an object with string fields; unparseable JSON is one
 * problem and no entries.
 */
export function parseCslJson(text: string): { entries: ListEntry[]; problems: ListProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { entries: [], problems: [{ where: 'file', what: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }] };
  }
  const items = Array.isArray(data) ? data : [data];
  const entries: ListEntry[] = [];
  const problems: ListProblem[] = [];
  items.forEach((raw, i) => {
    const parsed = Item.safeParse(raw);
    if (!parsed.success || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ where: `item ${i + 1}`, what: 'not a CSL-JSON item (an object with DOI/title text)' });
      return;
    }
    const title = Array.isArray(parsed.data.title) ? (parsed.data.title[0] ?? null) : (parsed.data.title ?? null);
    const doiField = parsed.data.DOI ?? (parsed.data.URL && /10\.\d/.test(parsed.data.URL) ? parsed.data.URL : null);
    entries.push(entryFromField(doiField, `item ${i + 1}`, title, null));
  });
  return { entries, problems };
}
