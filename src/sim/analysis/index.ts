/** sim/analysis: KPIs, causal chains of the largest effects, and the data of run reports. */
export * from './kpis';
export * from './report';
