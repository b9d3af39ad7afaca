/**
 * A Vite plugin that puts everything the popup's first paint runs into one chunk, `popup-first`:
 * the modules `entrypoints/popup/main.tsx` and `app.tsx` import statically (Preact, the popup's
 * components, its client), minus main.tsx itself. The extension pages are one multi-page build,
 * so without it the popup loaded five small modules (its entry, a 0-byte CSS chunk, the app, a
 * shared Preact chunk, the client) and each is a separate request to the extension's own URL
 * loader. Traced in Chromium (`npm run bench -- popup`), those requests, not the code, were most of
 * the popup's lead over a blank extension page.
 *
 * main.tsx stays out: it is the popup's entry and renders into `#app` when it runs, and the other
 * pages (options, check, onboarding) import the shared chunk for Preact. What they pay for the
 * popup's code in that chunk is bytes, not a request or a render. WXT's empty
 * `virtual:wxt-html-plugins` module, imported by every page, joins too: one 0-byte request less.
 *
 * Only the ES-module build of the pages is touched: the content scripts and the background are
 * IIFE builds, which cannot be split.
 */
import type { Plugin } from 'vite';

/** Module graph access, as Rollup/Rolldown plugin contexts give it. */
export interface ModuleGraph {
  getModuleIds(): IterableIterator<string> | string[];
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

export const POPUP_ENTRY = '/entrypoints/popup/main.tsx';
export const POPUP_APP = '/entrypoints/popup/app.tsx';
const HTML_PLUGINS = 'virtual:wxt-html-plugins';

/**
 * The ids of the modules the popup-first chunk holds: the static import closure of the module ids
 * ending in `roots`, without the entry `entry`, plus WXT's html-plugins module. Empty when the graph
 * has no popup (the IIFE builds).
 */
export function popupFirstModules(graph: ModuleGraph, roots: readonly string[] = [POPUP_ENTRY, POPUP_APP], entry = POPUP_ENTRY): Set<string> {
  const ids = [...graph.getModuleIds()];
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const dep of graph.getModuleInfo(id)?.importedIds ?? []) visit(dep);
  };
  ids.filter((id) => roots.some((root) => id.endsWith(root))).forEach(visit);
  if (out.size === 0) return out;
  for (const id of [...out]) if (id.endsWith(entry)) out.delete(id);
  for (const id of ids) if (id.includes(HTML_PLUGINS)) out.add(id);
  return out;
}

export function popupFirstChunk(): Plugin {
  let modules = new Set<string>();
  return {
    name: 'greenway:popup-first-chunk',
    apply: 'build',
    // The graph is complete here; chunking (which calls the group's test) comes after.
    buildEnd() {
      modules = popupFirstModules(this);
    },
    outputOptions(options) {
      if (options.format !== undefined && options.format !== 'es' && options.format !== 'esm') return;
      return { ...options, codeSplitting: { groups: [{ name: 'popup-first', test: (id: string) => modules.has(id) }] } } as typeof options;
    },
  };
}
