// ESLint (flat config): `npm run lint` runs it with `prettier --check .` (formatting is Prettier's
// alone, so no stylistic rules here). typescript-eslint's recommended rules without type information:
// the type-aware set costs ~40 s of CPU on 2 cores for the whole tree.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import greenway from './eslint/greenway-plugin.js';

const ROOT = import.meta.dirname;
/** What ships in the extension. */
const PRODUCT = ['components/', 'entrypoints/', 'hooks/', 'utils/'];
/** utils/sources/ modules that are not a source: the registry, the contract and the shared helpers. */
const SOURCE_SHARED = ['index', 'types', 'names', 'hosts', 'copy-builder', 'read-response', 'request-utils'];

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
  // The architecture: each layer imports only the layers below it (entrypoints → components → hooks →
  // utils); the engine knows sources only through the registry; nothing shipped imports test code.
  {
    plugins: { greenway },
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
              allow: SOURCE_SHARED.map((m) => (m === 'index' ? 'utils/sources' : `utils/sources/${m}`)),
              because: 'the engine reaches sources only through the registry (utils/sources/index.ts) and the shared helpers',
            },
            { from: PRODUCT, disallow: ['harness/', 'tests/', 'scripts/'], because: 'test and bench code never ships' },
            { from: ['harness/'], disallow: ['tests/', 'scripts/'], because: 'the harness is imported by tests/ and scripts/, not the other way' },
          ],
        },
      ],
    },
  },
  // The content script (on every page) and the popup's first paint stay free of zod (≈ 30 kB): the
  // background validates with zod; these use zod-free readers (utils/settings/basics.ts,
  // entrypoints/popup/tab-state-guard.ts) and load anything zod-backed lazily with import().
  {
    files: ['entrypoints/content/index.ts', 'entrypoints/popup/main.tsx'],
    rules: {
      'greenway/no-static-import-chain': [
        'error',
        { packages: ['zod'], root: ROOT, reason: "zod stays out of the content script and the popup's first paint" },
      ],
    },
  },
  // The ESLint config and its local rules are Node ESM.
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
);
