/**
 * Greenway's own ESLint rules, loaded as an inline plugin by eslint.config.js (tested in
 * tests/lint/greenway-rules.test.ts):
 * - `import-boundaries`: which folders may import which. Imports are resolved first (`@/x`, `~/x` and
 *   relative paths alike, `.ts`/`.tsx`/`index`), so a layer cannot be skipped by spelling a path differently.
 * - `no-static-import-chain`: an entry file must not reach a package (zod) through any chain of static
 *   value imports. `import type` is erased and a dynamic `import()` starts a lazy chunk, so neither counts.
 * - `new-tab-noopener`: whatever opens a new tab (`target="_blank"`, `.target = '_blank'`, `window.open`)
 *   drops the opener, and links drop the referrer too.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

/** The path aliases WXT declares (.wxt/tsconfig.json): all of them mean the repository root. */
const ALIASES = ['@/', '~/', '@@/', '~~/'];
const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;

function isFile(path) {
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

const toPosix = (path, root) => relative(root, path).split(sep).join('/');

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

const rootOption = { type: 'string', description: 'Absolute path of the repository root (for `@/`); default: ESLint cwd.' };

const noStaticImportChain = {
  meta: {
    type: 'problem',
    docs: { description: 'An entry file must not load the given packages through static value imports, directly or through other files.' },
    schema: [
      {
        type: 'object',
        properties: { packages: { type: 'array', items: { type: 'string' }, minItems: 1 }, reason: { type: 'string' }, root: rootOption },
        required: ['packages'],
        additionalProperties: false,
      },
    ],
    messages: {
      chain: '{{chain}} loads `{{pkg}}` statically{{reason}}. Use `import type`, a lazy `import()`, or a module without it.',
    },
  },
  create(context) {
    const { packages, reason, root = context.cwd } = context.options[0];
    const from = context.filename;
    const suffix = reason ? ` (${reason})` : '';
    return {
      Program(program) {
        for (const node of staticValueImports(program)) {
          const specifier = node.source.value;
          const target = resolveImport(specifier, from, root);
          let chain = null;
          if (target === null) chain = packages.includes(packageName(specifier)) ? [from, specifier] : null;
          else if (CODE_FILE.test(target) && isFile(target)) {
            const rest = chainToPackage(target, packages, root);
            chain = rest && [from, ...rest];
          }
          if (!chain) continue;
          const pkg = chain.at(-1);
          const shown = chain.slice(0, -1).map((file) => toPosix(file, root));
          context.report({ node: node.source, messageId: 'chain', data: { chain: [...shown, pkg].join(' → '), pkg, reason: suffix } });
        }
      },
    };
  },
};

const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Files under a folder must not import modules under the folders it depends on the other way round.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: rootOption,
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'array', items: { type: 'string' }, minItems: 1 },
                disallow: { type: 'array', items: { type: 'string' }, minItems: 1 },
                allow: { type: 'array', items: { type: 'string' } },
                because: { type: 'string' },
              },
              required: ['from', 'disallow', 'because'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: { boundary: '{{from}} must not import {{target}}: {{because}}' },
  },
  create(context) {
    const { layers, root = context.cwd } = context.options[0];
    const file = context.filename;
    const here = toPosix(file, root);
    // `dir/` matches everything under dir (and dir's index); anything else is one module id.
    const matches = (id, pattern) => (pattern.endsWith('/') ? `${id}/`.startsWith(pattern) : id === pattern);
    const active = layers.filter((layer) => layer.from.some((dir) => here.startsWith(dir)));
    if (active.length === 0) return {};
    function check(source) {
      if (!source || typeof source.value !== 'string') return;
      const target = resolveImport(source.value, file, root);
      if (target === null) return;
      const id = moduleId(target, root);
      for (const layer of active) {
        if (!layer.disallow.some((p) => matches(id, p)) || (layer.allow ?? []).some((p) => matches(id, p))) continue;
        context.report({ node: source, messageId: 'boundary', data: { from: here, target: id, because: layer.because } });
        return;
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : null),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

/** The string a node stands for when it is a literal: `'x'`, `{'x'}` in JSX, or a template without expressions. */
function literalString(node) {
  if (!node) return null;
  if (node.type === 'JSXExpressionContainer') return literalString(node.expression);
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

const dropsOpenerAndReferrer = (rel) => typeof rel === 'string' && /\bnoopener\b/i.test(rel) && /\bnoreferrer\b/i.test(rel);

/** `x.name` or `x['name']` → x, else null. */
function objectOfMember(node, name) {
  if (node?.type !== 'MemberExpression') return null;
  const key = node.computed ? literalString(node.property) : node.property.name;
  return key === name ? node.object : null;
}

const newTabNoopener = {
  meta: {
    type: 'problem',
    docs: { description: 'A new tab opened by the extension gets no `window.opener` and (links) no referrer.' },
    schema: [],
    messages: {
      link: 'target="_blank" needs rel="noopener noreferrer" on the same element (or use ExternalLink).',
      dom: "`{{object}}.target = '_blank'` needs `{{object}}.rel = 'noopener noreferrer'` in the same block.",
      open: "window.open needs 'noopener' in its features (third argument); prefer a link with rel=noopener.",
    },
  },
  create(context) {
    const source = context.sourceCode;
    /** Whether a statement in the block around `node` sets `object`'s rel to noopener noreferrer. */
    function relSetNearby(node, object) {
      const text = source.getText(object);
      const statement = source.getAncestors(node).findLast((n) => n.type === 'ExpressionStatement');
      const block = statement?.parent;
      const body = block?.type === 'SwitchCase' ? block.consequent : block?.body;
      if (!Array.isArray(body)) return false;
      return body.some((s) => {
        const e = s.type === 'ExpressionStatement' ? s.expression : null;
        if (e?.type === 'AssignmentExpression') {
          const owner = objectOfMember(e.left, 'rel');
          return owner !== null && source.getText(owner) === text && dropsOpenerAndReferrer(literalString(e.right));
        }
        if (e?.type === 'CallExpression' && objectOfMember(e.callee, 'setAttribute')) {
          const owner = objectOfMember(e.callee, 'setAttribute');
          return source.getText(owner) === text && literalString(e.arguments[0]) === 'rel' && dropsOpenerAndReferrer(literalString(e.arguments[1]));
        }
        return false;
      });
    }
    const isGlobalWindow = (node) => node.type === 'Identifier' && ['window', 'self', 'globalThis'].includes(node.name);
    return {
      JSXOpeningElement(node) {
        const attribute = (name) => node.attributes.find((a) => a.type === 'JSXAttribute' && a.name.type === 'JSXIdentifier' && a.name.name === name);
        const target = attribute('target');
        if (!target || literalString(target.value)?.toLowerCase() !== '_blank') return;
        if (!dropsOpenerAndReferrer(literalString(attribute('rel')?.value))) context.report({ node: target, messageId: 'link' });
      },
      AssignmentExpression(node) {
        const object = objectOfMember(node.left, 'target');
        if (!object || literalString(node.right)?.toLowerCase() !== '_blank') return;
        if (!relSetNearby(node, object)) context.report({ node, messageId: 'dom', data: { object: source.getText(object) } });
      },
      CallExpression(node) {
        const setter = objectOfMember(node.callee, 'setAttribute');
        if (setter && literalString(node.arguments[0]) === 'target' && literalString(node.arguments[1])?.toLowerCase() === '_blank') {
          if (!relSetNearby(node, setter)) context.report({ node, messageId: 'dom', data: { object: source.getText(setter) } });
          return;
        }
        const opener = objectOfMember(node.callee, 'open');
        // A bare `open(…)` that no declaration in the file shadows is the window's.
        const reference = source.getScope(node).references.find((r) => r.identifier === node.callee);
        const globalOpen = node.callee.type === 'Identifier' && node.callee.name === 'open' && !reference?.resolved?.defs.length;
        if ((opener && isGlobalWindow(opener)) || globalOpen) {
          if (!/\bnoopener\b/i.test(literalString(node.arguments[2]) ?? '')) context.report({ node, messageId: 'open' });
        }
      },
    };
  },
};

export default {
  meta: { name: 'greenway' },
  rules: {
    'import-boundaries': importBoundaries,
    'no-static-import-chain': noStaticImportChain,
    'new-tab-noopener': newTabNoopener,
  },
};
