// ESLint (flat config): `npm run lint` runs it with `prettier --check .` (formatting is Prettier's
// alone, so no stylistic rules here). typescript-eslint's recommended rules without type information:
// the type-aware set costs ~40 s of CPU on 2 cores for the whole tree.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  // The ESLint config and its local rules are Node ESM.
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
);
