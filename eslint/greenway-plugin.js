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
import { chainToPackage, moduleId, packageName, resolveImport, staticGraph, staticValueImports, toPosix, CODE_FILE, isFile } from './import-graph.js';

export { chainToPackage, moduleId, packageName, resolveImport, staticGraph, staticValueImports };

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
