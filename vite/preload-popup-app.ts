/**
 * A Vite plugin for the popup's page: `<link rel="modulepreload">` for the app its entry imports
 * with `import()` (entrypoints/popup/main.tsx) and every chunk the app imports statically. The entry
 * starts the tab-state read and then imports the app; preloaded, the app's modules are fetched and
 * compiled alongside the entry instead of after it, so only the read moves earlier. Vite preloads a
 * dynamic import's chunks only when `import()` runs. Lazy parts of the app (its own `import()`s) are
 * not preloaded.
 */
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** `files` and every chunk they import statically, in import order, without duplicates. */
export function staticClosure(files: readonly string[], bundle: Record<string, ChunkLike>): string[] {
  const out: string[] = [];
  const visit = (file: string) => {
    if (out.includes(file)) return;
    out.push(file);
    const chunk = bundle[file];
    if (chunk?.type === 'chunk') for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const file of files) visit(file);
  return out;
}

export function preloadPopupApp(pagePath = '/entrypoints/popup/index.html'): Plugin {
  return {
    name: 'greenway:preload-popup-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.path !== pagePath || !ctx.chunk || !ctx.bundle) return;
        const already = new Set([ctx.chunk.fileName, ...ctx.chunk.imports]);
        const app = staticClosure(ctx.chunk.dynamicImports, ctx.bundle as Record<string, ChunkLike>).filter((f) => !already.has(f));
        return app.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
