// Mutation testing (Stryker) of the simulation core, the scenario layer and the CCTV subsystem.
// Outside `npm test`: run it with `npm run mutate` (all three folders) or one folder at a time,
// `npm run mutate -- --mutate 'src/sim/core/**/*.ts'`. See docs/mutation-testing.md.
// .ci/mutate.mjs starts Stryker (on Node 22 or newer, which Stryker 10 needs) and sets
// MUTATION_REPORT_DIR to a folder per --mutate pattern, so each folder keeps its own incremental file.
const reportDir = process.env.MUTATION_REPORT_DIR ?? 'reports/mutation/all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  testRunner: 'vitest',
  // The unit project only (vitest.mutation.config.ts); `related` lets vitest pick the test files
  // that import the mutated files, and perTest coverage then runs each mutant against only the
  // tests that reach it.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true, pool: 'forks' },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants, zod schemas built at import) need every test file
  // re-evaluated per mutant; vitest.mutation.config.ts shares modules between runs unless
  // MUTATION_THOROUGH=1, so they are only tested then.
  ignoreStatic: process.env.MUTATION_THOROUGH !== '1',
  mutate: ['src/sim/core/**/*.ts', 'src/scenario/**/*.ts', 'src/sim/cctv/**/*.ts'],
  // One test runner: the machine has two cores and is shared.
  concurrency: 1,
  incremental: true,
  incrementalFile: `${reportDir}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  // The console lists surviving mutants and the score per file, not every test.
  clearTextReporter: { reportTests: false, logTests: false },
  // The sandbox copy of the project lives under .tmp/ (gitignored); what it need not copy:
  tempDirName: '.tmp/stryker',
  ignorePatterns: ['.tmp', 'reports', 'dist', 'coverage', 'test-results', '*.log'],
  // The first, unmutated run takes every related unit test file; on a busy 2-core machine that is slow.
  dryRunTimeoutMinutes: 60,
  timeoutMS: 20000,
};
