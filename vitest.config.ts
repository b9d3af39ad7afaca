import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    // Unit and component tests only; the real-browser suite has its own config (vitest.e2e.config.ts).
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'happy-dom',
    // Nothing here asserts time; a loaded 2-core CI machine makes ESLint's first run and the fuzzers
    // slow, so a hang still fails, just not at the default 5 s.
    testTimeout: 20_000,
    restoreMocks: true,
    setupFiles: ['tests/setup.ts'],
  },
});
