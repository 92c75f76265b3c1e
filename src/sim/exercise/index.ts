/** sim/exercise: injects (the master scenario events list); decision points and evaluation come later. */
export * from './injects';
