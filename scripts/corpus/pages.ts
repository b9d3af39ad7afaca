/**
 * Article-DOI and page-DOI detection over the saved pages in ../shared/corpus/pages, scored against
 * MANIFEST.tsv. Ground-truth rules (from the issue): on a bot-challenge page the DOI in the page URL
 * is the right answer; `synthetic/` has no single truth (shown, not scored); list pages have no
 * article DOI, and their DOIs must be found (≥ 95% of each list, nothing beyond it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { doiKey, doisInUrl, parseDoi, sameDoi } from '../../utils/model/doi';
import { detectArticleDoi } from '../../utils/detect/article';
import { findPageDois } from '../../utils/detect/page-dois';
import { parseHtml } from '../../harness/dom';
import type { CorpusCheck } from './types';

export interface ManifestRow {
  file: string;
  kind: string;
  url: string | undefined;
  truth: string;
  notes: string;
}

/** Rows of MANIFEST.tsv (header skipped). `original_url` may carry a "(from page canonical…)" note. */
export function readManifest(dir: string): ManifestRow[] {
  const lines = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const header = (lines.shift() ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    const url = (cells[col('original_url')] ?? '').trim().split(/\s+/)[0];
    return {
      file: cells[col('local_file')] ?? '',
      kind: cells[col('page_kind')] ?? '',
      url: url || undefined,
      truth: (cells[col('ground_truth_doi')] ?? '').trim(),
      notes: cells[col('notes')] ?? '',
    };
  });
}

/** "LIST: 30 distinct DOIs (e.g. a, b, c)" → the count and the examples. */
export function parseListTruth(truth: string): { count: number; examples: string[] } {
  const count = Number(/LIST:\s*(\d+)/.exec(truth)?.[1] ?? 0);
  const eg = /\(e\.g\.\s*(.*)$/.exec(truth)?.[1] ?? '';
  const examples = eg
    .split(/,\s+/)
    .map((s) => parseDoi(s))
    .filter((d): d is string => d !== null);
  return { count, examples };
}

export interface PageOutcome {
  row: ManifestRow;
  expected: string | null;
  got: string | null;
  evidence: string | null;
  ok: boolean;
  /** "article" rows need the exact DOI, "none" rows need null, "list" rows also score page DOIs. */
  group: 'article' | 'none' | 'list' | 'unscored';
  detail: string;
}

export function isChallenge(row: ManifestRow): boolean {
  return /bot-challenge|just a moment/i.test(row.notes);
}

export function scorePage(row: ManifestRow, doc: Document): PageOutcome {
  const url = row.url ?? 'about:blank';
  const found = detectArticleDoi(doc, url);
  const got = found?.doi ?? null;
  const evidence = found?.evidence ?? null;
  const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : sameDoi(a, b));
  if (row.file.startsWith('synthetic/')) {
    return { row, expected: parseDoi(row.truth), got, evidence, ok: true, group: 'unscored', detail: 'synthetic: no single truth' };
  }
  if (row.kind === 'list') {
    const { count, examples } = parseListTruth(row.truth);
    const keys = new Set(findPageDois(doc).map((d) => doiKey(d.doi) ?? d.doi));
    const missing = examples.filter((e) => !keys.has(doiKey(e) ?? e));
    const enough = count === 0 ? keys.size === 0 : keys.size >= Math.ceil(count * 0.95) && keys.size <= count;
    const ok = got === null && enough && missing.length === 0;
    const detail = `page DOIs ${keys.size}/${count}${missing.length ? `, missing ${missing.join(' ')}` : ''}`;
    return { row, expected: null, got, evidence, ok, group: 'list', detail };
  }
  if (isChallenge(row)) {
    const expected = row.url ? (doisInUrl(row.url)[0] ?? null) : null;
    return { row, expected, got, evidence, ok: same(expected, got), group: 'article', detail: 'bot challenge: URL DOI' };
  }
  const expected = row.truth === 'NONE' ? null : parseDoi(row.truth);
  const group = expected === null ? 'none' : 'article';
  return { row, expected, got, evidence, ok: same(expected, got), group, detail: '' };
}

export function runCorpus(shared: string): PageOutcome[] {
  const dir = join(shared, 'corpus', 'pages');
  const outcomes: PageOutcome[] = [];
  for (const row of readManifest(dir)) {
    const page = parseHtml(readFileSync(join(dir, row.file), 'utf8'), row.url);
    outcomes.push(scorePage(row, page.document));
    void page.close();
  }
  return outcomes;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

const check: CorpusCheck = {
  title: 'DOI detection on saved pages (article DOI, page DOIs)',
  async run(shared) {
    const outcomes = runCorpus(shared);
    const w = Math.max(...outcomes.map((o) => o.row.file.length));
    for (const o of outcomes) {
      const mark = o.group === 'unscored' ? ' ' : o.ok ? '✓' : '✗';
      console.log(
        `  ${mark} ${o.row.file.padEnd(w)}  ${o.row.kind.padEnd(17)} expected ${String(o.expected).padEnd(40)} got ${String(o.got).padEnd(40)} ${o.evidence ?? ''}${o.detail ? `  (${o.detail})` : ''}`,
      );
    }
    const tally = (g: PageOutcome['group']) => {
      const rows = outcomes.filter((o) => o.group === g);
      return { n: rows.length, ok: rows.filter((o) => o.ok).length };
    };
    const art = tally('article');
    const none = tally('none');
    const list = tally('list');
    const falseDois = outcomes.filter((o) => (o.group === 'none' || o.group === 'list') && o.got !== null).length;
    console.log(`\n  article & repository pages, exact DOI: ${art.ok}/${art.n} (${pct(art.ok, art.n)}; target ≥ 98%)`);
    console.log(`  pages without an article DOI, none reported: ${none.ok}/${none.n}; list pages: ${list.ok}/${list.n} pass`);
    console.log(`  false article DOIs on negative and list pages: ${falseDois} (target 0)`);
    return art.n > 0 && art.ok / art.n >= 0.98 && falseDois === 0 && none.ok === none.n && list.ok === list.n;
  },
};
export default check;
