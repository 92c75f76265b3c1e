/**
 * sim/exercise: the master scenario events list (injects that can be fired early, held, skipped,
 * or added as pressure), decision points with time budgets, notes, and evaluation against the
 * actions expected of players.
 */
export * from './injects';
export * from './decisions';
export * from './evaluation';
export * from './commands';
