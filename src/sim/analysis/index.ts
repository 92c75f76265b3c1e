/** sim/analysis: KPIs, causal chains of the largest effects, the data of run reports, per-subsystem final state, and the privacy attacks (with one illustrative trace). */
export * from './kpis';
export * from './report';
export * from './power-final';
export * from './traffic-final';
export * from './water-final';
export * from './unicity';
export * from './linkage';
export { matchHomes, type HomeMatches } from './homes';
export * from './privacy';
export * from './privacy-kpis';
export * from './trace';
export * from './after-action';
export * from './after-action-md';
export * from './after-action-html';
