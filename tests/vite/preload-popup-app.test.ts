// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { preloadPopupApp, staticClosure } from '@/vite/preload-popup-app';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = []) => ({ type: 'chunk' as const, fileName, imports, dynamicImports });
const bundle = {
  'chunks/popup.js': chunk('chunks/popup.js', ['chunks/empty.js'], ['chunks/app.js']),
  'chunks/empty.js': chunk('chunks/empty.js'),
  'chunks/app.js': chunk('chunks/app.js', ['chunks/preact.js', 'chunks/client.js', 'chunks/popup.js'], ['chunks/lazy.js']),
  'chunks/client.js': chunk('chunks/client.js', ['chunks/preact.js']),
  'chunks/preact.js': chunk('chunks/preact.js'),
  'chunks/lazy.js': chunk('chunks/lazy.js', ['chunks/schemas.js']),
  'chunks/schemas.js': chunk('chunks/schemas.js'),
};

type Handler = (html: string, ctx: object) => unknown;
const handler = (path?: string) => (preloadPopupApp(path).transformIndexHtml as { handler: Handler }).handler;

describe('staticClosure', () => {
  it('gives the files and what they import statically, once each, never the lazy parts', () => {
    expect(staticClosure(['chunks/app.js'], bundle)).toEqual(['chunks/app.js', 'chunks/preact.js', 'chunks/client.js', 'chunks/popup.js', 'chunks/empty.js']);
  });
});

describe('preloadPopupApp', () => {
  it("preloads the popup app's chunks that the page does not load yet", () => {
    const tags = handler()('<html></html>', { path: '/entrypoints/popup/index.html', chunk: bundle['chunks/popup.js'], bundle });
    expect(tags).toEqual(
      ['chunks/app.js', 'chunks/preact.js', 'chunks/client.js'].map((file) => ({
        tag: 'link',
        attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
        injectTo: 'head',
      })),
    );
  });
  it('leaves other pages, and the dev server, alone', () => {
    expect(handler()('<html></html>', { path: '/entrypoints/options/index.html', chunk: bundle['chunks/popup.js'], bundle })).toBeUndefined();
    expect(handler()('<html></html>', { path: '/entrypoints/popup/index.html' })).toBeUndefined();
  });
});
