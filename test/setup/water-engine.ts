/**
 * The setup file of mutation runs (vitest.mutation.config.ts): loads the EPANET engine as
 * test/setup/engines.ts does, but from its own module, so a test that needs only sim/core or the
 * scenario layer does not also evaluate every subsystem before each of the many runs Stryker makes.
 * The engine is held in that module, so simulations a test builds find it loaded all the same.
 */
import { loadWaterEngine } from '../../src/sim/water/engine';

await loadWaterEngine();
