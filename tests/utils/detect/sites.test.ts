/**
 * Site knowledge as data: every site file's own examples run through the real detection code, and
 * the folder's structure holds (every file listed in the registry, at least one example per site,
 * every DOI meta name with its source, nothing that would pull zod into the content script).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectArticleDoi } from '@/utils/detect/article';
import { detectArticleIds } from '@/utils/detect/article-ids';
import { SITE_FILES, SITES } from '@/utils/detect/sites/registry';
import type { SiteExample } from '@/utils/detect/sites/types';
import { articleDoiOf } from '@/utils/detect/sub-doi';
import { parseDoi } from '@/utils/model/doi';
import { page } from '../../fixtures/detect/page';

const DIR = join(__dirname, '..', '..', '..', 'utils', 'detect', 'sites');
const files = Object.entries(SITE_FILES) as Array<[string, { site: (typeof SITES)[number]; examples: readonly SiteExample[] }]>;

describe('site examples', () => {
  const cases = files.flatMap(([file, mod]) => mod.examples.map((example) => [file, example.note, example] as const));
  it.each(cases)('%s: %s', (_file, _note, example) => {
    const url = example.url ?? 'about:blank';
    const doc = page(example.head ?? '', example.body ?? '');
    if (example.article !== undefined) {
      const found = detectArticleDoi(doc, url);
      expect(found?.doi ?? null).toBe(example.article);
      if (example.derived !== undefined) expect(Boolean(found?.derived)).toBe(example.derived);
    }
    if (example.ids) expect(detectArticleIds(doc, url)).toEqual(example.ids);
    if (example.subDoi) expect(articleDoiOf(example.subDoi[0])).toBe(example.subDoi[1]);
    if (example.version) expect(parseDoi(example.version[0])).toBe(example.version[1]);
  });
});

describe('site files: structure', () => {
  it('every .ts file in utils/detect/sites is a site listed in the registry (types and registry aside)', () => {
    const onDisk = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'registry.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(SITE_FILES).sort()).toEqual(onDisk);
  });

  it('SITES lists the same rules as SITE_FILES, in the same order', () => {
    expect(SITES).toEqual(files.map(([, mod]) => mod.site));
  });

  it.each(files)('%s has at least one example, a unique id and only DOI meta names with a source', (_file, mod) => {
    expect(mod.examples.length).toBeGreaterThanOrEqual(1);
    for (const example of mod.examples) {
      expect(example.note).toBeTruthy();
      const checks = [example.article, example.ids, example.subDoi, example.version].filter((x) => x !== undefined);
      expect(checks.length).toBeGreaterThan(0);
    }
    expect(SITES.filter((s) => s.id === mod.site.id)).toHaveLength(1);
    for (const meta of mod.site.doiMeta ?? []) {
      expect(meta.name).toBe(meta.name.toLowerCase());
      expect(meta.source.length).toBeGreaterThan(3);
    }
    for (const host of mod.site.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it('site files are plain data: they import nothing but their types', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'registry.ts')) {
      const source = readFileSync(join(DIR, file), 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?.*from\s+'([^']+)'/gm)];
      for (const m of imports) expect(m[1] ?? m[2], `${file} imports ${m[2]}`).toMatch(/^type\s|^\.\/types$|^\.\.\/article-ids$/);
    }
  });
});
