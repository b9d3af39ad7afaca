/**
 * Content-script detection code never iterates DOM or URL collections with for…of, spread or
 * Array.from: through Firefox's Xray wrappers their iterators are not iterable (a `for…of` over
 * `url.searchParams.values()` threw on every link with a query). Index loops and `.forEach` work
 * everywhere. Also: nothing here may import zod (it would land in the content script).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The source without its comments (line breaks kept, so line numbers stay right). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"])\/\/.*$/gm, '$1');
}

const ROOT = join(__dirname, '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
const FILES = [...filesUnder(join(ROOT, 'utils', 'detect')), join(ROOT, 'utils', 'model', 'doi.ts')];

/** DOM/URL collections and their iterators, as they appear in code. */
const COLLECTION = String.raw`(?:searchParams|URLSearchParams|params|querySelectorAll\([^)]*\)|getElementsBy\w+\([^)]*\)|childNodes|children|classList|addedNodes|removedNodes|attributes|options)`;
const BANNED = [
  new RegExp(String.raw`for\s*\(\s*(?:const|let|var)\s+[^;]*?\s+of\s+[\w.$]*${COLLECTION}`),
  new RegExp(String.raw`\.\.\.\s*[\w.$]*${COLLECTION}`),
  /Array\.from\(/,
  /\bfor\s*\(\s*(?:const|let|var)\s+[^;]*?\s+of\s+(?:url|params|list|links|scripts|metas|cells|props|spans|nodes|els|elements)\b/,
];

describe('content-script detection code: no DOM/URL iteration protocol', () => {
  it.each(FILES.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    const code = withoutComments(readFileSync(file, 'utf8'));
    const lines = code.split('\n');
    const bad = lines.flatMap((line, i) => (BANNED.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(bad).toEqual([]);
    expect(code).not.toMatch(/from\s+['"]zod/);
  });

  it('catches the patterns it bans', () => {
    const samples = [
      'for (const value of url.searchParams.values()) x(value);',
      'for (const [k, v] of url.searchParams) x(k);',
      'for (const el of doc.querySelectorAll("a")) x(el);',
      'const all = [...doc.getElementsByTagName("meta")];',
      'const list = Array.from(doc.getElementsByTagName("meta"));',
      'for (const [name, value] of params) x(name);',
    ];
    for (const sample of samples)
      expect(
        BANNED.some((re) => re.test(sample)),
        sample,
      ).toBe(true);
    expect(BANNED.some((re) => re.test('for (let i = 0; i < list.length; i++) x(list[i]);'))).toBe(false);
  });
});
