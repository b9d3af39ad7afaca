// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { popupFirstModules, type ModuleGraph } from '@/vite/popup-first-chunk';
import { inlineStylesheets } from '@/vite/inline-page-css';

/** A module graph from `id: [static imports]`. */
function graph(edges: Record<string, string[]>): ModuleGraph {
  return { getModuleIds: () => Object.keys(edges), getModuleInfo: (id) => (id in edges ? { importedIds: edges[id]! } : null) };
}

describe('popupFirstModules', () => {
  const pages = graph({
    '/r/entrypoints/popup/main.tsx': ['/r/components/popup.css', '/r/entrypoints/popup/first-read.ts'],
    '/r/entrypoints/popup/first-read.ts': [],
    '/r/components/popup.css': [],
    '/r/entrypoints/popup/app.tsx': ['/r/node_modules/preact/dist/preact.module.js', '/r/components/PopupApp.tsx'],
    '/r/components/PopupApp.tsx': ['/r/node_modules/preact/dist/preact.module.js'],
    '/r/node_modules/preact/dist/preact.module.js': [],
    '/r/entrypoints/options/main.tsx': ['/r/node_modules/preact/dist/preact.module.js', '/r/utils/settings/schemas.ts'],
    '/r/utils/settings/schemas.ts': [],
    '\0virtual:wxt-html-plugins?/r/entrypoints/popup/index.html': [],
  });

  it("holds the popup app's static closure and the entry's imports, not the entry, nor what only other pages import", () => {
    expect([...popupFirstModules(pages)].sort()).toEqual(
      [
        '/r/components/PopupApp.tsx',
        '/r/components/popup.css',
        '/r/entrypoints/popup/app.tsx',
        '/r/entrypoints/popup/first-read.ts',
        '/r/node_modules/preact/dist/preact.module.js',
        '\0virtual:wxt-html-plugins?/r/entrypoints/popup/index.html',
      ].sort(),
    );
  });

  it('is empty for a build without the popup (the IIFE builds), html-plugins module or not', () => {
    expect(popupFirstModules(graph({ '/r/entrypoints/content/index.ts': ['/r/utils/detect/article.ts'], '\0virtual:wxt-html-plugins': [] })).size).toBe(0);
  });
});

describe('inlineStylesheets', () => {
  const bundle = {
    'assets/popup-first-x.css': { type: 'asset' as const, fileName: 'assets/popup-first-x.css', source: ':root{--accent:#1a7f37}' },
    'assets/bytes.css': { type: 'asset' as const, fileName: 'assets/bytes.css', source: new TextEncoder().encode('b{font-weight:700}') },
    'assets/evil.css': { type: 'asset' as const, fileName: 'assets/evil.css', source: 'a{content:"</style><script>"}' },
  };

  it('replaces a linked stylesheet of the bundle by its text, string or bytes', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="/assets/popup-first-x.css"><link rel="stylesheet" href="/assets/bytes.css"></head>';
    expect(inlineStylesheets(html, bundle)).toBe('<head><style>:root{--accent:#1a7f37}</style><style>b{font-weight:700}</style></head>');
  });

  it('leaves module preloads, files outside the bundle and a stylesheet that would close the element alone', () => {
    const html =
      '<link rel="modulepreload" href="/chunks/a.js"><link rel="stylesheet" href="/assets/missing.css"><link rel="stylesheet" href="/assets/evil.css">';
    expect(inlineStylesheets(html, bundle)).toBe(html);
  });
});
