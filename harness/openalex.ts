/**
 * A small OpenAlex: answers `GET /works/doi:X` (and `/works/https://doi.org/X`) and the batch form
 * `GET /works?filter=doi:A|B` from a table of work objects, honouring `select=` and `per_page` the
 * way the real API does, so the engine is tested against the shapes it meets in the wild.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Handler, Reply } from './reply';

export type WorkTable = Map<string, Record<string, unknown>>;

export const OPENALEX_FIXTURE_DIR = fileURLToPath(new URL('../tests/e2e/fixtures/api/openalex/', import.meta.url));

/** "https://doi.org/10.1/AbC" or "doi:10.1/abc" → "10.1/abc" (OpenAlex matches DOIs case-insensitively). */
export function bareDoi(value: string): string {
  return value
    .trim()
    .replace(/^doi:/i, '')
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .toLowerCase();
}

/** Reads every `*.json` work object in a directory, keyed by its DOI. */
export function loadOpenAlexWorks(dir: string = OPENALEX_FIXTURE_DIR): WorkTable {
  const table: WorkTable = new Map();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const work = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    if (typeof work.doi !== 'string') throw new Error(`${file}: OpenAlex work without a doi`);
    table.set(bareDoi(work.doi), work);
  }
  return table;
}

function selectFields(work: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return work;
  const keep = new Set(select.split(',').map((s) => s.trim()));
  return Object.fromEntries(Object.entries(work).filter(([k]) => keep.has(k)));
}

const NOT_FOUND: Reply = {
  status: 404,
  json: { error: 'Not Found', message: 'The requested resource could not be found.' },
};

/** Handler for OpenAlex's host (`apiHost('openalex')`), path "/works". */
export function openAlexHandler(table: WorkTable): Handler {
  return (request) => {
    const url = new URL(request.url);
    const select = url.searchParams.get('select');
    const single = /^\/works\/(.+)$/.exec(url.pathname);
    if (single) {
      const id = decodeURIComponent(single[1]!);
      const work = /^(doi:|https?:\/\/(dx\.)?doi\.org\/)/i.test(id) ? table.get(bareDoi(id)) : undefined;
      return work ? { json: selectFields(work, select) } : NOT_FOUND;
    }
    const filter = url.searchParams.get('filter') ?? '';
    const doiClause = filter.split(',').find((f) => f.startsWith('doi:'));
    const wanted = doiClause ? doiClause.slice('doi:'.length).split('|').map(bareDoi) : [];
    const perPage = Number(url.searchParams.get('per_page') ?? url.searchParams.get('per-page') ?? 25);
    const results = wanted
      .map((d) => table.get(d))
      .filter((w): w is Record<string, unknown> => w !== undefined)
      .slice(0, perPage)
      .map((w) => selectFields(w, select));
    return {
      json: {
        meta: { count: results.length, db_response_time_ms: 7, page: 1, per_page: perPage, groups_count: null },
        results,
        group_by: [],
      },
    };
  };
}

/** The recorded BMC work (10.1186/s12913-023-10058-w) under another DOI and title, with `changes` applied on top. */
export function workLike(doi: string, title: string, changes: Record<string, unknown>): Record<string, unknown> {
  const recorded = loadOpenAlexWorks().get('10.1186/s12913-023-10058-w') as Record<string, unknown>;
  return { ...structuredClone(recorded), id: `https://openalex.org/W${doi.length}0000`, doi: `https://doi.org/${doi}`, title, display_name: title, ...changes };
}
