/** sim/analysis: KPIs, causal chains of the largest effects, the data of run reports, and per-subsystem final state. */
export * from './kpis';
export * from './report';
export * from './power-final';
export * from './traffic-final';
export * from './water-final';
export * from './unicity';
export * from './linkage';
export * from './privacy';
export * from './privacy-kpis';
export * from './after-action';
export * from './after-action-md';
export * from './after-action-html';
