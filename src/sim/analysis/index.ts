/** sim/analysis: KPIs, causal chains of the largest effects, the data of run reports, per-subsystem final state, and the privacy attacks (with one illustrative trace). */
export * from './kpis';
export * from './report';
export { powerFinal, type PowerFinal } from '../power';
export { readTrafficKpis, trafficFinal, type TrafficFinal } from '../traffic';
export { waterFinal, type WaterFinal } from '../water';
export * from './unicity';
export * from './linkage';
export { matchHomes, type HomeMatches } from './homes';
export * from './privacy';
export * from './trace';
export * from './after-action';
export * from './after-action-md';
export * from './after-action-html';
