/**
 * What each part of a built extension makes the browser load, in bytes and gzip bytes (gzip as a
 * proxy for what a download or a parse costs): entry points read from the built manifest; a page
 * counts its HTML, every JS/CSS file the HTML loads and the modules those import statically (shared
 * chunks included), which is what its first paint waits for. Used by `npm run bench -- bundle` and by the
 * budgets test (tests/structure/budgets.test.ts), against the ceilings in harness/budgets.json.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  web_accessible_resources?: Array<{ resources?: string[] } | string>;
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
export function closure(root: string, entries: string[]): string[] {
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
  // The page itself counts too: the popup's carries its stylesheet (vite/inline-page-css.ts).
  return [...seen];
}

export interface Size {
  bytes: number;
  gzip: number;
}

export function sizes(root: string, files: string[]): Size {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const data = readFileSync(join(root, f));
    bytes += data.length;
    gzip += gzipSync(data).length;
  }
  return { bytes, gzip };
}

export function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, name)).isDirectory() ? allFiles(join(dir, name), rel) : [rel];
  });
}

/**
 * Entry name → the files it starts from, as the manifest declares them: `background`, `content script`
 * (numbered when there are several), each web-accessible script by its file name (the badge script,
 * imported by the content script on pages with a DOI), `popup` (its first paint) and `options`.
 */
export function manifestEntries(manifest: Manifest): Array<[string, string[]]> {
  const entries: Array<[string, string[]]> = [];
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  if (background.length > 0) entries.push(['background', background]);
  const scripts = manifest.content_scripts ?? [];
  scripts.forEach((cs, i) => {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])];
    if (files.length > 0) entries.push([scripts.length > 1 ? `content script ${i + 1}` : 'content script', files]);
  });
  for (const war of manifest.web_accessible_resources ?? []) {
    const resources = typeof war === 'string' ? [war] : (war.resources ?? []);
    for (const file of resources.filter((r) => r.endsWith('.js'))) entries.push([file, [file]]);
  }
  if (manifest.action?.default_popup) entries.push(['popup', [manifest.action.default_popup]]);
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) entries.push(['options', [options]]);
  return entries;
}

/** Sizes of every entry of the built extension in `root` (a chrome-mv3 or firefox-mv3 directory). */
export function entrySizes(root: string): Array<{ name: string; files: string[] } & Size> {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  return manifestEntries(manifest).map(([name, starts]) => {
    const files = closure(root, starts);
    return { name, files, ...sizes(root, files) };
  });
}
