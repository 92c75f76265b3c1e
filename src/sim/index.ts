/**
 * The simulation's one public facade. Everything outside src/sim (the scenario loader, the worker,
 * the CLI) uses what is exported here. Nothing in src/sim touches the page, React, three, the
 * network, the wall clock or an unseeded random source: the same input, seed and commands give
 * the same run anywhere (test/arch checks it).
 */
export { createSimulation, buildSimulation, BASE_TICK_MS } from './simulation';
export type { Simulation, SimulationOptions, SimSnapshot, FinalAsset, BuildStep } from './simulation';
export * from './core';
export type { SimInput } from './input';
export type { PowerSnapshot } from './simulation';
export * as power from './power';
export type { PowerInput } from './power';
export * as water from './water';
export { loadWaterEngine, type WaterInput, type WaterEngine, type WaterSnapshot } from './water';
export * as traffic from './traffic';
export * as population from './population';
export type { PopulationInput } from './population';
export { NetworkTravel } from './couplings/network-travel';
export { SUBSYSTEMS, type SubsystemEntry } from './subsystems';
export type { TrafficInput } from './traffic';
export type { TrafficSnapshot } from './simulation';
export { buildAfterAction, afterActionHtml, afterActionMarkdown, escapeHtml, type AfterActionReport } from './analysis';
export { KPI_DEFS, buildReport, namer, type KpiDef, type KpiValues, type RunReport } from './analysis';
