/**
 * The EPANET engine (epanet-js 0.9: OWA-EPANET 2.3 compiled to WASM). Loading it is asynchronous
 * (`Workspace.loadModule()` instantiates the WASM), while a simulation steps synchronously, so the
 * load happens first: the CLI, the tests and the worker await `loadWaterEngine()` before they
 * create a simulation with a water network. The package is imported dynamically so a bundle only
 * fetches it when a water network is actually run — the browser's first paint never waits for it.
 */
import type * as EpanetJs from 'epanet-js';

export type EpanetLib = typeof EpanetJs;
export type EpanetWorkspace = InstanceType<EpanetLib['Workspace']>;
export type EpanetProject = InstanceType<EpanetLib['Project']>;

/** A loaded engine: the library (for its enums and Project class) and one WASM workspace. */
export interface WaterEngine {
  readonly lib: EpanetLib;
  readonly workspace: EpanetWorkspace;
  /** EPANET's version as an integer, e.g. 20305 for 2.3.5. */
  readonly version: number;
}

let loaded: WaterEngine | null = null;
let pending: Promise<WaterEngine> | null = null;

/** Loads the engine once; later calls return the same one. */
export function loadWaterEngine(): Promise<WaterEngine> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= (async () => {
    const lib = await import('epanet-js');
    const workspace = new lib.Workspace();
    await workspace.loadModule();
    loaded = { lib, workspace, version: workspace.version };
    return loaded;
  })();
  return pending;
}

/** The engine if it has finished loading, else null (the simulation never waits for it). */
export function loadedWaterEngine(): WaterEngine | null {
  return loaded;
}

/** Thrown when a scenario with a water network is run before the engine is loaded. */
export const ENGINE_NOT_LOADED =
  'this scenario has a water network, but the EPANET engine is not loaded: await loadWaterEngine() before createSimulation (or pass options.waterEngine)';
