import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests in Node, and browser end-to-end tests that build the app and
// drive Debian's Chromium through playwright-core (see test/e2e/browser.ts).
export default defineConfig({
  test: {
    // In CI a JSON summary is kept too, so .ci/run can end with a plain "N passed, N failed" line
    // (.ci/test.mjs, which runs the two projects side by side, gives each its own file).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.tmp/vitest-results.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 60_000,
          // The files share one module registry per worker: src and the EPANET engine are loaded once,
          // not once per file (about a second and a half of CPU per file otherwise). Tests keep no
          // state between files; the whole project also passes with isolation (--isolate).
          isolate: false,
          setupFiles: ['test/setup/engines.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
          // The Node side of e2e tests builds simulations too (determinism against the browser).
          setupFiles: ['test/setup/engines.ts'],
        },
      },
    ],
  },
});
