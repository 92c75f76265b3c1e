/** Loads the EPANET engine (WASM, asynchronous) once per test file, as the CLI and the worker do before creating simulations. */
import { beforeAll } from 'vitest';
import { loadWaterEngine } from '../../src/sim';

beforeAll(async () => {
  await loadWaterEngine();
});
