/**
 * sim/core: time, seeded randomness, branded ids, the event bus and its causal log, the timer
 * scheduler, the world of assets and dependencies, and the engine that steps them. Subsystems
 * import from here and from nowhere else in the sim.
 */
export * from './ids';
export * from './time';
export * from './rng';
export * from './events';
export * from './bus';
export * from './commands';
export * from './model';
export * from './scheduler';
export * from './world';
export * from './engine';
export * from './hash';
export * from './subsystem';
