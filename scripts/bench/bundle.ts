/**
 * Built bundle sizes per entrypoint, from a fresh production build into .output-bench: what each
 * part of the extension makes the browser load (bytes, and gzip bytes as a proxy for what the
 * store download costs). Entry points are read from the built manifest; a page counts every JS/CSS
 * file its HTML loads plus the modules those import statically (shared chunks included).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from '../../harness/build';
import type { BenchRow, BenchSuite } from './types';

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

/** "/chunks/a.js" or "./a.js" (relative to `from`) → a path inside the extension root. */
function resolveAsset(ref: string, from: string): string {
  const path = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
  return posix.normalize(path);
}

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"` of a module. */
function staticImports(code: string): string[] {
  const refs: string[] = [];
  const re = /(?:\bfrom|\bimport)\s*["']((?:\.{1,2})?\/[^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) refs.push(m[1]!);
  return refs;
}

/** An HTML page's scripts, stylesheets and module preloads. */
function pageAssets(html: string): string[] {
  const refs: string[] = [];
  const re = /<(?:script[^>]*\ssrc|link[^>]*\shref)=["']([^"']+\.(?:js|css))["']/g;
  for (let m = re.exec(html); m; m = re.exec(html)) refs.push(m[1]!);
  return refs;
}

/** Every file an entry loads: the entry itself, then (transitively) the JS it imports statically. */
function closure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(root, file))) continue;
    seen.add(file);
    const text = readFileSync(join(root, file), 'utf8');
    if (file.endsWith('.html')) queue.push(...pageAssets(text).map((r) => resolveAsset(r, file)));
    if (file.endsWith('.js')) queue.push(...staticImports(text).map((r) => resolveAsset(r, file)));
  }
  // The HTML shell itself is tiny and not code; count what it pulls in.
  return [...seen].filter((f) => !f.endsWith('.html'));
}

function sizes(root: string, files: string[]): { bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(root, f));
    bytes += data.length;
    gzip += gzipSync(data).length;
  }
  return { bytes, gzip };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name), rel) : [rel];
  });
}

/** Entry name → the files it starts from, as the manifest declares them. */
export function manifestEntries(manifest: Manifest): Array<[string, string[]]> {
  const entries: Array<[string, string[]]> = [];
  if (manifest.background?.service_worker) entries.push(['background', [manifest.background.service_worker]]);
  (manifest.content_scripts ?? []).forEach((cs, i) => {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])];
    if (files.length > 0) entries.push([(manifest.content_scripts ?? []).length > 1 ? `content script ${i + 1}` : 'content script', files]);
  });
  if (manifest.action?.default_popup) entries.push(['popup', [manifest.action.default_popup]]);
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) entries.push(['options', [options]]);
  return entries;
}

const suite: BenchSuite = {
  title: 'Bundle size per entrypoint (fresh production build, chrome-mv3)',
  async run() {
    const root = await buildExtension('.output-bench', { fresh: true });
    const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
    const rows: BenchRow[] = [];
    for (const [name, starts] of manifestEntries(manifest)) {
      const files = closure(root, starts);
      const { bytes, gzip } = sizes(root, files);
      rows.push({ name: `${name} (${files.length} file${files.length === 1 ? '' : 's'})`, value: bytes, unit: 'B' });
      rows.push({ name: `${name}, gzip`, value: gzip, unit: 'B' });
    }
    const everything = sizes(root, allFiles(root));
    rows.push({ name: `whole extension (${dirname(root).split(/[\\/]/).pop()}/chrome-mv3)`, value: everything.bytes, unit: 'B' });
    rows.push({ name: 'whole extension, gzip per file', value: everything.gzip, unit: 'B' });
    return rows;
  },
};

export default suite;
