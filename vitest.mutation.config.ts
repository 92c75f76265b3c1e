import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Stryker's vitest runner (npm run mutate, stryker.config.mjs) has no option to pick a project, so
// it loads this file: vitest.config.ts with its `unit` project only (setup file included), never
// the browser tests.
const projects = base.test?.projects ?? [];
const unit = projects.find((p) => typeof p === 'object' && p !== null && 'test' in p && p.test?.name === 'unit');
if (typeof unit !== 'object' || !('test' in unit)) throw new Error('vitest.mutation.config.ts: vitest.config.ts has no project named "unit"');

// Instrumented code (every mutant compiled in, coverage counted per test) runs several times slower,
// and the machine is shared: a test that takes 20 s in `npm test` must not time out here.
// Its setup file loads only the EPANET engine (test/setup/water-engine.ts), not all of src/sim.
// By default test files share one module registry (isolate: false): each mutant run then reuses the
// modules the last run evaluated instead of evaluating src/sim again, which is most of a run's time.
// Stryker's switches for mutants are read at run time, so that is sound for every mutant except
// static ones (evaluated once, when a module loads), which stryker.config.mjs then ignores.
// MUTATION_THOROUGH=1 isolates every file and tests static mutants too, several times slower.
const isolate = process.env.MUTATION_THOROUGH === '1';
export default defineConfig({
  test: { projects: [{ ...unit, test: { ...unit.test, isolate, setupFiles: ['test/setup/water-engine.ts'], testTimeout: 600_000, hookTimeout: 600_000 } }] },
});
