/**
 * The illustrative trace the privacy panel shows, and whether to draw it on the 3D map too. The
 * panel writes it after each analysis; the scene's trace layer reads it. Changes are rare (an
 * analysis, a click), so a zustand store is the right speed.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { IllustrativeTrace } from '../../sim/analysis';

export interface TraceState {
  readonly trace: IllustrativeTrace | null;
  readonly onMap: boolean;
}

export const traceStore = createStore<TraceState>()(() => ({ trace: null, onMap: false }));

export function useTraceStore<T>(select: (s: TraceState) => T): T {
  return useStore(traceStore, select);
}
