import { defineConfig } from 'vitest/config';

// Real-browser tests (tests/e2e/README.md): Node environment, one file at a time (each launches
// Chromium; the machine has 2 cores), generous timeouts, and one extension build for the whole run.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['harness/global-setup.ts'],
  },
});
