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
export default defineConfig({ test: { projects: [{ ...unit, test: { ...unit.test, testTimeout: 600_000, hookTimeout: 600_000 } }] } });
