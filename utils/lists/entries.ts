/**
 * The reference list a user checks: one entry per record read from the input (a BibTeX entry, a RIS
 * record, a CSV row, a CSL-JSON item, or a DOI found in pasted text), with the DOI read by the same
 * parser as pages (utils/model/doi.ts). Runs anywhere (check page, bench, tests).
 */
import { doiKey, findDoisInText, parseDoiField } from '../model/doi';

/** The formats an import is read as; `text` is anything else (DOIs found in prose or lines). */
export type ListFormat = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'text';

/** One record of the input. */
export interface ListEntry {
  /** The DOI as written (resolver prefixes removed), or null: listed as "No DOI". */
  doi: string | null;
  /** `doiKey(doi)`: lower-cased; the key for merging, lookups and results. */
  key: string | null;
  title: string | null;
  /** Where the record starts, for messages: "line 12", "entry 3", "row 7". */
  where: string;
  /** The record's original text (BibTeX entry, RIS record) for exports that add the free link; null otherwise. */
  raw: string | null;
  /** How many input records merged into this one (1 = no duplicate). */
  count: number;
}

/** Something in the input that could not be read; the rest is still checked. */
export interface ListProblem {
  where: string;
  what: string;
}

export interface ParsedList {
  format: ListFormat;
  entries: ListEntry[];
  problems: ListProblem[];
  /** Records merged into an earlier one with the same DOI. */
  duplicates: number;
}

/** An entry from a field meant to hold one DOI (a `doi` field, a CSV DOI cell, a doi.org URL). */
export function entryFromField(value: string | null | undefined, where: string, title: string | null = null, raw: string | null = null): ListEntry {
  const text = typeof value === 'string' ? value.trim() : '';
  const doi = text ? (parseDoiField(text) ?? findDoisInText(text)[0]?.doi ?? null) : null;
  return { doi, key: doi ? doiKey(doi) : null, title: title?.trim() || null, where, raw, count: 1 };
}

/** Every DOI in free text (pasted lists, prose, doi.org links), one entry each, with its line. */
export function entriesFromText(text: string): ListEntry[] {
  const out: ListEntry[] = [];
  let line = 1;
  let scanned = 0;
  for (const hit of findDoisInText(text)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < hit.index; i = text.indexOf('\n', i + 1)) line++;
    scanned = hit.index;
    out.push({ doi: hit.doi, key: doiKey(hit.doi), title: null, where: `line ${line}`, raw: null, count: 1 });
  }
  return out;
}

/**
 * Merges entries with the same DOI key (the first keeps its place; later ones add to its `count` and
 * fill a missing title). Entries without a DOI are never merged.
 */
export function mergeDuplicates(entries: readonly ListEntry[]): { entries: ListEntry[]; duplicates: number } {
  const byKey = new Map<string, ListEntry>();
  const out: ListEntry[] = [];
  let duplicates = 0;
  for (const entry of entries) {
    const first = entry.key ? byKey.get(entry.key) : undefined;
    if (first) {
      first.count += entry.count;
      first.title ??= entry.title;
      duplicates += entry.count;
      continue;
    }
    const copy = { ...entry };
    if (copy.key) byKey.set(copy.key, copy);
    out.push(copy);
  }
  return { entries: out, duplicates };
}
