/**
 * Every recorded API response in ../shared/corpus/api goes through the source parser of its folder
 * (files of services we do not query go through all of them), exactly as the engine reads a live
 * answer: it must map to answers or to a clear per-source error, never throw. Real records of our
 * own endpoints (not error bodies, not other endpoints) must map without error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readResponse } from '../../utils/engine/read-response';
import { SOURCES } from '../../utils/sources/registry';
import type { Source } from '../../utils/sources/source';
import type { CorpusCheck } from './types';

/** Corpus folders not named after the source whose answers they hold (a folder named like a source id is that source's). */
const FOLDER_SOURCE: Record<string, string> = {
  europepmc_ncbi: 'europepmc',
  doi_ra: 'doiorg',
};

/** Endpoints the engine itself calls; their successful recordings must map without error. */
const OURS = [
  /^OpenAlex GET \/works/,
  /^Unpaywall GET \/v2\/\{doi\}/,
  /^Crossref GET \/works/,
  /^Europe PMC GET .*\/search/,
  /^S2 POST \/graph\/v1\/paper\/batch/,
  /^OpenAIRE Graph GET .*\/graph\/v2\/researchProducts/,
  /^DataCite GET \S*\/dois\/\{doi\}/,
  /doi\.org\/ra\/\{prefix\}/,
];

interface Row {
  file: string;
  source: string;
  outcome: string;
  expectOk: boolean;
  ok: boolean;
  threw: boolean;
}

function manifest(dir: string): Map<string, { endpoint: string; notes: string }> {
  const out = new Map<string, { endpoint: string; notes: string }>();
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const cols = line.split('\t');
    if (cols[0]) out.set(cols[0], { endpoint: cols[5] ?? '', notes: cols[6] ?? '' });
  }
  return out;
}

/** The HTTP status the recording was made with, as the manifest states it ("-> 404", "OpenAlex 400", "HTTP 404"). */
function recordedStatus(endpoint: string, notes: string): number {
  const m = /->\s*(\d{3})\b/.exec(endpoint) ?? /^\S+\s+(\d{3})\b/.exec(endpoint) ?? /\bHTTP (\d{3})\b/.exec(notes);
  return m ? Number(m[1]) : 200;
}

function run(source: Source, text: string, status: number): { outcome: string; ok: boolean; threw: boolean } {
  try {
    const result = readResponse(source, { kind: 'response', status, headers: new Headers(), text }, [], Date.now());
    if (!result.ok) return { outcome: result.error, ok: false, threw: false };
    const copies = [...result.answers.values()].reduce((n, a) => n + a.copies.length, 0);
    return { outcome: `${result.answers.size} DOI(s), ${copies} cop${copies === 1 ? 'y' : 'ies'}`, ok: true, threw: false };
  } catch (error) {
    return { outcome: `THREW ${error instanceof Error ? error.message : String(error)}`, ok: false, threw: true };
  }
}

const check: CorpusCheck = {
  title: 'API responses: every recorded body maps to answers or a clear per-source error',
  async run(shared) {
    const dir = join(shared, 'corpus', 'api');
    const meta = manifest(dir);
    const rows: Row[] = [];
    for (const folder of readdirSync(dir).sort()) {
      if (!statSync(join(dir, folder)).isDirectory()) continue;
      for (const name of readdirSync(join(dir, folder)).sort()) {
        const file = `${folder}/${name}`;
        const text = readFileSync(join(dir, file), 'utf8');
        const info = meta.get(file);
        const status = recordedStatus(info?.endpoint ?? '', info?.notes ?? '');
        // Agency look-ups share the /works/{doi} prefix but are another endpoint.
        const expectOk = !!info && status === 200 && OURS.some((re) => re.test(info.endpoint)) && !name.includes('agency');
        const named = SOURCES.find((s) => s.id === (FOLDER_SOURCE[folder] ?? folder));
        for (const source of named ? [named] : SOURCES) {
          rows.push({ file, source: source.id, expectOk, ...run(source, text, status) });
        }
      }
    }
    const width = Math.max(...rows.map((r) => r.file.length));
    for (const r of rows) {
      const flag = r.threw || (r.expectOk && !r.ok) ? '✗' : ' ';
      console.log(`  ${flag} ${r.file.padEnd(width)}  ${r.source.padEnd(15)} ${r.outcome}`);
    }
    const threw = rows.filter((r) => r.threw).length;
    const missed = rows.filter((r) => r.expectOk && !r.ok).length;
    const files = new Set(rows.map((r) => r.file)).size;
    console.log(`  ${files} files, ${rows.length} parses: ${threw} threw, ${missed} real records not mapped`);
    return threw === 0 && missed === 0;
  },
};

export default check;
