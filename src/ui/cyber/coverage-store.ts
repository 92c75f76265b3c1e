/**
 * Camera coverage as it is now, from the worker (see src/worker/live-coverage.ts): null until the
 * first report of a run, and cleared by a new load or a rewind, so the heat map and the CCTV panel
 * fall back to the load-time coverage rather than show one from a run that no longer exists.
 * Reports arrive every few seconds at most, so a zustand store is the right speed for them.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { TwinClient } from '../../worker/client';
import type { LiveCoverage } from '../../worker/live-coverage';

export interface CoverageState {
  readonly coverage: LiveCoverage | null;
}

export const coverageStore = createStore<CoverageState>()(() => ({ coverage: null }));

export function useCoverage<T>(select: (s: CoverageState) => T): T {
  return useStore(coverageStore, select);
}

/** Wires the worker's coverage reports into the store (called once by the session). */
export function listenForCoverage(c: TwinClient): void {
  c.on('coverage', (m) => coverageStore.setState({ coverage: m.coverage }));
  c.on('loaded', () => coverageStore.setState({ coverage: null }));
  c.on('rewound', () => coverageStore.setState({ coverage: null }));
}
