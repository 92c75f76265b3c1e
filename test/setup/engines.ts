/**
 * Loads the EPANET engine (WASM, asynchronous) once per test file, as the CLI and the worker do
 * before creating simulations. A top-level await, not beforeAll: some test files create their
 * simulation while being collected, before any hook runs.
 */
import { loadWaterEngine } from '../../src/sim';

await loadWaterEngine();
