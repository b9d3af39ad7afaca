/**
 * The static import graph the architecture rules read (eslint/greenway-plugin.js): import specifiers
 * resolved to repository files (`@/x`, `~/x` and relative paths alike, `.ts`/`.tsx`/`index`), value
 * imports only (`import type` is erased; a dynamic `import()` starts a lazy chunk).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

/** The path aliases WXT declares (.wxt/tsconfig.json): all of them mean the repository root. */
const ALIASES = ['@/', '~/', '@@/', '~~/'];
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];
export const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where `specifier`, imported from `fromFile`, points: an absolute path (the existing file when there is
 * one, else the bare joined path), or null for a package. A `?query` (Vite's `?raw`, `?url`) is dropped.
 */
export function resolveImport(specifier, fromFile, root) {
  const path = specifier.replace(/[?#].*$/, '');
  const alias = ALIASES.find((a) => path.startsWith(a));
  let base;
  if (alias) base = join(root, path.slice(alias.length));
  else if (path === '.' || path === '..' || path.startsWith('./') || path.startsWith('../')) base = resolve(dirname(fromFile), path);
  else if (isAbsolute(path)) base = path;
  else return null;
  if (isFile(base)) return base;
  // `./x.js` written for `./x.ts` (TypeScript's ESM convention).
  const stem = base.replace(/\.[cm]?js$/, '');
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(stem + ext)) return stem + ext;
  for (const ext of RESOLVE_EXTENSIONS) if (isFile(join(base, `index${ext}`))) return join(base, `index${ext}`);
  return base;
}

/** The package a bare specifier names: `zod/mini` → `zod`, `@scope/pkg/sub` → `@scope/pkg`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `utils/sources/index.ts` → `utils/sources`, `utils/engine/cache.ts` → `utils/engine/cache` (posix, root-relative). */
export function moduleId(path, root) {
  return relative(root, path)
    .split(sep)
    .join('/')
    .replace(/\.[cm]?[jt]sx?$/, '')
    .replace(/\/index$/, '');
}

/** A path relative to the repository root, with `/` separators. */
export const toPosix = (path, root) => relative(root, path).split(sep).join('/');

/**
 * The top-level declarations of a module that load another module when it runs: value imports (also
 * bare `import 'x'`) and re-exports. `import type`, `import { type A }` with only type specifiers and
 * `export type … from` are erased by TypeScript (no verbatimModuleSyntax here) and left out.
 */
export function staticValueImports(program) {
  return program.body.filter((node) => {
    if (node.type === 'ImportDeclaration') {
      if (node.importKind === 'type') return false;
      return !(node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
    }
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      if (node.exportKind === 'type') return false;
      return !(node.type === 'ExportNamedDeclaration' && node.specifiers.length > 0 && node.specifiers.every((s) => s.exportKind === 'type'));
    }
    return false;
  });
}

/** Parsed files, by path; reused while a file's size and mtime stay the same. */
const importCache = new Map();

function importsOf(file) {
  const stat = statSync(file);
  const key = `${stat.mtimeMs}:${stat.size}`;
  const hit = importCache.get(file);
  if (hit?.key === key) return hit.imports;
  let imports = [];
  try {
    const { ast } = tseslint.parser.parseForESLint(readFileSync(file, 'utf8'), { filePath: file, jsx: /x$/.test(file), sourceType: 'module' });
    imports = staticValueImports(ast).map((node) => node.source.value);
  } catch (error) {
    // A syntax error gets reported on its own file; here that file imports nothing. Anything else is a bug.
    if (typeof error?.lineNumber !== 'number') throw error;
  }
  importCache.set(file, { key, imports });
  return imports;
}

/**
 * The shortest chain of static value imports from `start` (a file) to one of `packages`, as
 * [start, …files, specifier], or null. Packages are not entered: only the repository's own files are walked.
 */
export function chainToPackage(start, packages, root) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const specifier of importsOf(file)) {
      const target = resolveImport(specifier, file, root);
      if (target === null) {
        if (!packages.includes(packageName(specifier))) continue;
        const chain = [specifier];
        for (let at = file; at !== null; at = previous.get(at)) chain.unshift(at);
        return chain;
      }
      if (CODE_FILE.test(target) && isFile(target) && !previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  return null;
}

/** Every repository file `entry` loads through static value imports (itself included): for sanity checks. */
export function staticGraph(entry, root) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const specifier of importsOf(file)) {
      const target = resolveImport(specifier, file, root);
      if (target !== null && CODE_FILE.test(target) && isFile(target) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
