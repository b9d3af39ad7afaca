// ESLint (flat config): `npm run lint` runs it with `prettier --check .` (formatting is Prettier's
// alone, so no stylistic rules here). typescript-eslint's recommended rules without type information:
// the type-aware set costs ~40 s of CPU on 2 cores for the whole tree.
import js from '@eslint/js';
import globals from 'globals';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';
import greenway from './eslint/greenway-plugin.js';

const ROOT = import.meta.dirname;
/** What ships in the extension. */
const PRODUCT = ['components/', 'entrypoints/', 'hooks/', 'utils/'];
/** The utils/sources/ modules that are not a source: the registry, the contract, the parser and the shared helpers. */
const SOURCE_SHARED = ['/registry', '/source', '/parse', '/hosts', '/copy-builder', '/request-utils'].map((m) => `utils/sources${m}`);
const SINK = 'builds code or markup from a string: use DOM calls, attributes and text (Preact children)';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.output-*/', '.wxt/', 'demo-output/', 'test-output/', 'web-ext-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `[\w\-]`, `[\[]`: escaping `-` and `[` inside a character class is kept as a habit (the `v`
      // flag requires it); every other needless escape, in strings too, is still an error.
      'no-useless-escape': ['error', { allowRegexCharacters: ['-', '['] }],
    },
  },
  { plugins: { greenway } },
  // Globals are declared only so that rules can tell a global (setTimeout, window) from a local
  // (no-undef is off for TS: the compiler checks names).
  { languageOptions: { globals: { ...globals.browser, ...globals.webextensions } } },
  { files: ['{harness,scripts,tests,vite}/**', '*.{js,ts}', 'eslint/**'], languageOptions: { globals: globals.node } },
  // No code from strings anywhere (tests and tools included): eval, new Function, string timers.
  { rules: { 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' } },
  // Unsafe sinks in what ships (tests/lint/unsafe-sinks.test.ts runs each on a bad sample): Mozilla's
  // no-unsanitized, as addons.mozilla.org's review runs it (innerHTML/outerHTML, insertAdjacentHTML,
  // document.write, createContextualFragment, setHTMLUnsafe, import() of a computed path), and ours.
  {
    files: PRODUCT.map((dir) => `${dir}**/*.{ts,tsx,js,jsx}`),
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      'greenway/new-tab-noopener': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'srcdoc', message: `srcdoc ${SINK}.` },
        { property: 'importScripts', message: 'importScripts loads code at run time: bundle it.' },
      ],
      'no-restricted-syntax': [
        'error',
        // Preact sets unknown props as DOM properties: <div innerHTML={…}> is innerHTML.
        { selector: 'JSXAttribute[name.name=/^(?:dangerouslySetInnerHTML|innerHTML|outerHTML|srcdoc|srcDoc)$/]', message: `This attribute ${SINK}.` },
        { selector: 'MemberExpression[computed=true][property.value=/^(?:innerHTML|outerHTML|srcdoc)$/]', message: `This property ${SINK}.` },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^(?:on|srcdoc$)/i]",
          message: `An inline handler or srcdoc ${SINK}.`,
        },
        { selector: "CallExpression[callee.name='importScripts']", message: 'importScripts loads code at run time: bundle it.' },
        { selector: "ImportExpression[source.type!='Literal']", message: 'import() of a computed path could load any module: import a fixed path.' },
      ],
    },
  },
  // The architecture: each layer imports only the layers below it (entrypoints → components → hooks →
  // utils); the engine knows sources only through the registry; nothing shipped imports test code.
  {
    rules: {
      'greenway/import-boundaries': [
        'error',
        {
          root: ROOT,
          layers: [
            {
              from: ['utils/'],
              disallow: ['components/', 'entrypoints/', 'hooks/'],
              because: 'utils/ is the UI-free core every context shares (pass what it needs in, or move the code down)',
            },
            { from: ['hooks/'], disallow: ['components/', 'entrypoints/'], because: 'hooks sit below the components that use them' },
            { from: ['components/'], disallow: ['entrypoints/'], because: 'components get their wiring (clients, ids) from the entrypoint as props' },
            {
              from: ['utils/engine/'],
              disallow: ['utils/sources/'],
              allow: SOURCE_SHARED,
              because: 'the engine reaches sources only through the registry (utils/sources/registry.ts) and the shared helpers',
            },
            { from: PRODUCT, disallow: ['harness/', 'tests/', 'scripts/'], because: 'test and bench code never ships' },
            { from: ['harness/'], disallow: ['tests/', 'scripts/'], because: 'the harness is imported by tests/ and scripts/, not the other way' },
          ],
        },
      ],
    },
  },
  // The content scripts (the page script on every page, the badge script on pages with DOIs) and the
  // popup's first paint stay free of zod (≈ 30 kB): the background validates with zod; these use
  // zod-free readers (utils/settings/basics.ts, entrypoints/popup/tab-state-guard.ts) and load
  // anything zod-backed lazily with import().
  {
    files: ['entrypoints/content/index.ts', 'entrypoints/content-badges.ts', 'entrypoints/popup/main.tsx', 'entrypoints/popup/app.tsx'],
    rules: {
      'greenway/no-static-import-chain': [
        'error',
        { packages: ['zod'], root: ROOT, reason: "zod stays out of the content script and the popup's first paint" },
      ],
    },
  },
);
