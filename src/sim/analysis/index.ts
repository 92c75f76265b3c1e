/** sim/analysis: KPIs and report data read from the simulation's state and event log. */
export * from './kpis';
