import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Vitest runs one worker on two CPUs by default; many files spend their time waiting on Chromium,
    // PostgreSQL or the thread pool, so one more worker than CPUs keeps both busy.
    maxWorkers: availableParallelism() + 1,
    // Files of one worker share its loaded modules: loading the app's module graph again for every
    // file cost more than a third of the suite's CPU time. No test mocks modules or changes globals;
    // each file opens its own stores, servers and browsers.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    setupFiles: ['test/setup/fail-on-console.ts'],
    globalSetup: ['test/setup/store-templates.ts'],
  },
});
