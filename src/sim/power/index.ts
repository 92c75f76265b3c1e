/**
 * sim/power: the computational heart of the power grid. A network in structure-of-arrays form
 * (MATPOWER units and conventions), a sparse LDLᵀ solver with a fill-reducing ordering, DC power
 * flow per island with balancing and priority load shedding, inverse-time overcurrent protection
 * and protection cascades, N-1 screening by rank-1 updates, and a seeded synthetic grid. Pure
 * functions over plain data: no events, no clock — the subsystem that wires them into the
 * simulation decides when to solve and what to emit.
 */
export * from './network';
export * from './sparse';
export * from './ordering';
export * from './dense';
export * from './islands';
export * from './balance';
export * from './dcpf';
export * from './protection';
export * from './cascade';
export * from './n1';
export * from './synthetic';
export * from './input';
export * from './snapshot';
export * from './subsystem';
export * from './final';
