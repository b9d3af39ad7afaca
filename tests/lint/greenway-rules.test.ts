// @vitest-environment node
/**
 * Greenway's local ESLint rules (eslint/greenway-plugin.js, wired in eslint.config.js) on small
 * fixtures (the new-tab rule also runs on the scanner's old samples with the real config in
 * ./unsafe-sinks.test.ts). The import graph is written to a temporary folder, so resolution (`@/`, relative,
 * `.ts`/`.tsx`, `index`) runs on real files. Then the zod rule's walker on the real tree: it must
 * see the popup's and the content script's graphs (a walker that finds nothing would pass anything)
 * and find zod where it is allowed (the background).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import greenway, { chainToPackage, staticGraph } from '../../eslint/greenway-plugin.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const languageOptions = { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } as const;
const tester = new RuleTester({ languageOptions });
const rules = greenway.rules!;

const root = mkdtempSync(join(tmpdir(), 'greenway-lint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

write({
  'clean.ts': "import { leaf } from './dir';\nexport const clean = leaf;",
  'dir/index.ts': "import '@/leaf.css';\nexport const leaf = 1;",
  'leaf.css': '',
  'typed.ts': "import * as z from 'zod';\nexport type Z = z.ZodType;",
  'lazy.ts': "import * as z from 'zod/mini';\nexport const schema = z.string();",
  'bad.ts': "export { view } from './views';",
  'views/index.tsx': "import { schema } from '@/schema';\nexport const view = () => <p>{String(schema)}</p>;",
  'schema.ts': "import * as z from 'zod/mini';\nexport const schema = z.string();",
  'side-effect.ts': "import './schema';",
  'preact-only.ts': "import { h } from 'preact';\nexport const p = h;",
});

describe('no-static-import-chain (zod)', () => {
  const options = [{ packages: ['zod'], root }];
  const entry = join(root, 'entry.ts');
  tester.run('no-static-import-chain', rules['no-static-import-chain']!, {
    valid: [
      "import { clean } from './clean';",
      "import type { Z } from './typed';",
      "import { type Z } from './typed';",
      "export type { Z } from './typed';",
      "const load = () => import('./lazy');",
      "import { p } from '@/preact-only';",
      "import '@/leaf.css';",
    ].map((code) => ({ code, filename: entry, options })),
    invalid: [
      { code: "import * as z from 'zod';", chain: 'entry.ts → zod' },
      { code: "import * as z from 'zod/mini';", chain: 'entry.ts → zod/mini' },
      { code: "import { view } from './bad';", chain: 'entry.ts → bad.ts → views/index.tsx → schema.ts → zod/mini' },
      { code: "export * from '@/schema';", chain: 'entry.ts → schema.ts → zod/mini' },
      { code: "import './side-effect';", chain: 'entry.ts → side-effect.ts → schema.ts → zod/mini' },
      // One value specifier keeps the import (and `typed.ts` imports zod as a value, even if only for types).
      { code: "import { type Z, other } from './typed';", chain: 'entry.ts → typed.ts → zod' },
    ].map(({ code, chain }) => ({
      code,
      filename: entry,
      options,
      errors: [{ message: `${chain} loads \`${chain.split(' → ').at(-1)}\` statically. Use \`import type\`, a lazy \`import()\`, or a module without it.` }],
    })),
  });

  it('fails as soon as a chain to zod is added deep in the graph', () => {
    write({ 'grow/entry.ts': "import { a } from './a';", 'grow/a.ts': "import { b } from './b';\nexport const a = b;", 'grow/b.ts': 'export const b = 1;' });
    const linter = new Linter({ cwd: root });
    const config: Linter.Config[] = [
      { files: ['**/*.ts'], languageOptions, plugins: { greenway }, rules: { 'greenway/no-static-import-chain': ['error', ...options] } },
    ];
    const lint = () => linter.verify("import { a } from './a';", config, join(root, 'grow/entry.ts')).map((m) => m.message);
    expect(lint()).toEqual([]);
    write({ 'grow/b.ts': "import { z } from 'zod/mini';\nexport const b = z.string();" });
    expect(lint()).toEqual([expect.stringContaining('grow/entry.ts → grow/a.ts → grow/b.ts → zod/mini')]);
  });
});

describe('import-boundaries', () => {
  const options = [
    {
      root,
      layers: [
        { from: ['utils/'], disallow: ['components/', 'entrypoints/', 'hooks/'], because: 'core' },
        { from: ['components/'], disallow: ['entrypoints/'], because: 'props' },
        { from: ['utils/engine/'], disallow: ['utils/sources/'], allow: ['utils/sources', 'utils/sources/types'], because: 'registry' },
        { from: ['components/', 'entrypoints/', 'hooks/', 'utils/'], disallow: ['harness/', 'tests/'], because: 'ships' },
      ],
    },
  ];
  const at = (path: string, code: string) => ({ code, filename: join(root, path), options });
  const bad = (path: string, code: string, target: string, because: string) => ({
    ...at(path, code),
    errors: [{ message: `${path} must not import ${target}: ${because}` }],
  });
  tester.run('import-boundaries', rules['import-boundaries']!, {
    valid: [
      at('utils/engine/engine.ts', "import { SOURCES } from '../sources';"),
      at('utils/engine/engine.ts', "import { SOURCES } from '@/utils/sources/index';"),
      at('utils/engine/engine.ts', "import type { Source } from '../sources/types';"),
      at('utils/engine/engine.ts', "import { parseDoi } from '../model/doi';"),
      at('utils/sources/index.ts', "import { core } from './core';"),
      at('utils/view/labels.ts', "import { SOURCES } from '@/utils/sources/core';"),
      at('components/PopupApp.tsx', "import { usePdfChecks } from '@/hooks/use-pdf-checks';"),
      at('entrypoints/popup/main.tsx', "import { PopupApp } from '@/components/PopupApp';"),
      at('tests/utils/x.test.ts', "import { harness } from '@/harness'; import { PopupApp } from '@/components/PopupApp';"),
      at('utils/view/i18n.ts', "import { render } from 'preact';"),
    ],
    invalid: [
      bad('utils/engine/assemble.ts', "import { RETRACTING_KINDS } from '../sources/crossref';", 'utils/sources/crossref', 'registry'),
      bad('utils/engine/engine.ts', "import { openalex } from '@/utils/sources/openalex';", 'utils/sources/openalex', 'registry'),
      bad('utils/engine/engine.ts', "import type { X } from '~/utils/sources/core';", 'utils/sources/core', 'registry'),
      bad('utils/engine/engine.ts', "export * from '../sources/core';", 'utils/sources/core', 'registry'),
      bad('utils/engine/engine.ts', "const m = () => import('../sources/core');", 'utils/sources/core', 'registry'),
      bad('utils/view/x.ts', "import { PopupApp } from '@/components/PopupApp';", 'components/PopupApp', 'core'),
      bad('utils/view/x.ts', "import { client } from '../../entrypoints/popup/client';", 'entrypoints/popup/client', 'core'),
      bad('utils/x.ts', "import { useX } from '../hooks/use-x';", 'hooks/use-x', 'core'),
      bad('components/ResultView.tsx', "import { createPopupClient } from '@/entrypoints/popup/client';", 'entrypoints/popup/client', 'props'),
      bad('entrypoints/popup/main.tsx', "import { launch } from '@/harness';", 'harness', 'ships'),
      bad('utils/x.ts', "import { page } from '../tests/fixtures/detect/page';", 'tests/fixtures/detect/page', 'ships'),
    ],
  });
});

describe('new-tab-noopener', () => {
  const filename = join(root, 'components/Link.tsx');
  const valid = [
    '<a href={u} target="_blank" rel="noopener noreferrer">x</a>',
    "<a href={u} target={'_blank'} rel={'noreferrer noopener'}>x</a>",
    '<a href={u} target="_self">x</a>',
    "function f(link) { link.target = '_blank'; link.textContent = t; link.rel = 'noopener noreferrer'; }",
    "switch (k) { case 1: a.setAttribute('target', '_blank'); a.rel = 'noopener noreferrer'; }",
    "window.open(url, '_blank', 'noopener,noreferrer');",
    'const open = (x) => x; open(url);',
    'dialog.open(url);',
  ];
  const invalid = [
    ['<a href={u} target="_blank">x</a>', 'link'],
    ['<a href={u} target="_blank" rel={rel}>x</a>', 'link'],
    ['<a href={u} target="_blank" rel="noreferrer">x</a>', 'link'],
    ["a.target = '_blank'; b.rel = 'noopener noreferrer';", 'dom'],
    ["function f(link) { link.target = '_blank'; } link.rel = 'noopener noreferrer';", 'dom'],
    ["a.setAttribute('target', '_blank');", 'dom'],
    ['window.open(url);', 'open'],
    ["globalThis.open(url, '_blank');", 'open'],
    ['open(url);', 'open'],
  ] as const;
  tester.run('new-tab-noopener', rules['new-tab-noopener']!, {
    valid: valid.map((code) => ({ code, filename })),
    invalid: invalid.map(([code, messageId]) => ({ code, filename, errors: [{ messageId }] })),
  });
});

describe('the zod walker on the real tree', () => {
  const repo = join(__dirname, '..', '..');
  const graph = (entry: string) => [...staticGraph(join(repo, entry), repo)].map((file) => relative(repo, file));

  it("sees the popup's first paint and the content script, and nothing loaded lazily", () => {
    // The popup's entry starts the tab-state read and renders the app: both are its first paint.
    const popup = graph('entrypoints/popup/main.tsx');
    expect(popup).toContain('entrypoints/popup/first-read.ts');
    expect(popup).toEqual(expect.arrayContaining(['components/PopupApp.tsx', 'entrypoints/popup/client.ts', 'entrypoints/popup/tab-state-guard.ts']));
    expect(popup).not.toContain('utils/settings/store.ts'); // import()ed by entrypoints/popup/client.ts
    expect(popup).not.toContain('utils/sources/registry.ts'); // the first paint reads utils/sources/names.ts
    // The page script on every page holds detection; the badges come in their own script (content-badges).
    const content = graph('entrypoints/content/index.ts');
    expect(content).toEqual(expect.arrayContaining(['utils/detect/article.ts', 'entrypoints/content/badge-loader.ts']));
    expect(content).not.toContain('entrypoints/content/badges/start.ts');
    expect(graph('entrypoints/content-badges.ts')).toEqual(expect.arrayContaining(['entrypoints/content/badges/settings.ts', 'utils/settings/basics.ts']));
  });

  it('finds zod where it is allowed, and not in the content script or the first paint', () => {
    expect(chainToPackage(join(repo, 'entrypoints/background/index.ts'), ['zod'], repo)).not.toBeNull();
    expect(chainToPackage(join(repo, 'entrypoints/content/index.ts'), ['zod'], repo)).toBeNull();
    expect(chainToPackage(join(repo, 'entrypoints/content-badges.ts'), ['zod'], repo)).toBeNull();
    expect(chainToPackage(join(repo, 'entrypoints/popup/main.tsx'), ['zod'], repo)).toBeNull();
    expect(chainToPackage(join(repo, 'entrypoints/popup/app.tsx'), ['zod'], repo)).toBeNull();
  });
});
