/**
 * sim/traffic: lane-level microsimulation. A road network in structure-of-arrays form built from
 * road segments (generated city, OpenStreetMap or a benchmark grid), IDM car following with MOBIL
 * lane changes and getting into lane for the next turn (merging in turn, as a zipper), signal
 * controllers with stages made of movements (protected and permissive turns, right-turn arrows;
 * fixed-time and actuated, amber, all-red), give-way at unsignalised junctions and all-way stops at
 * dark signals, A* routing by travel time (re-planned around jams, from a queue too), random-trip
 * and city demand, emergency units sent from the quickest station, and the subsystem that couples
 * signal controllers to their assets and emits traffic events.
 */
export * from './idm';
export * from './network';
export * from './grid-network';
export * from './signals';
export * from './signal-approaches';
export * from './router';
export * from './vehicles';
export * from './model';
export * from './junction';
export * from './junction-state';
export * from './movements';
export * from './lane-change';
export * from './reroute';
export * from './stations';
export * from './demand';
export * from './geometry';
export * from './input';
export * from './state';
export * from './snapshot';
export * from './subsystem';
export * from './final';
