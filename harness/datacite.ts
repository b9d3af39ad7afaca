/**
 * A small DataCite: answers `GET /dois/<DOI>` from the recorded DataCite records that the unit tests
 * use (tests/fixtures/api/datacite-*.json, real works with their real metadata), and the recorded
 * 404 body for any other DOI. doi.org's stand-in names DataCite as these DOIs' agency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bareDoi } from './openalex';
import type { Reply } from './reply';

export type DataCiteTable = Map<string, unknown>;

const FIXTURE_DIR = fileURLToPath(new URL('../tests/fixtures/api/', import.meta.url));

/** Every recorded DataCite record (`{ data: { attributes: { doi } } }`) in the fixtures, keyed by its DOI. */
export function loadDataCiteRecords(dir: string = FIXTURE_DIR): DataCiteTable {
  const table: DataCiteTable = new Map();
  for (const file of readdirSync(dir).filter((f) => f.startsWith('datacite-') && f.endsWith('.json'))) {
    const record = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { data?: { attributes?: { doi?: unknown } } };
    const doi = record.data?.attributes?.doi;
    if (typeof doi === 'string') table.set(bareDoi(doi), record);
  }
  return table;
}

const NOT_FOUND: Reply = { status: 404, json: { errors: [{ status: '404', title: "The resource you are looking for doesn't exist." }] } };

/** `GET /dois/<DOI>?include=client` → the record, or DataCite's 404. */
export function dataCiteHandler(records: DataCiteTable): (request: { url: string }) => Reply {
  return (request) => {
    const doi = bareDoi(decodeURIComponent(new URL(request.url).pathname.replace(/^\/dois\//, '')));
    const record = records.get(doi);
    return record ? { status: 200, json: record } : NOT_FOUND;
  };
}
