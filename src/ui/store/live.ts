/**
 * The fast path: the latest simulation snapshot, kept outside React. Scene components read it in
 * useFrame and compare `version` to what they last drew, so a frame from the worker costs no
 * React render at all. Slow-changing summaries go to the zustand store instead (ui-store.ts).
 */
import type { SimSnapshot } from '../../sim';
import type { WorldIndex } from './world-index';

export interface LiveState {
  world: WorldIndex | null;
  snapshot: SimSnapshot | null;
  /** Bumped on every frame and on every load. */
  version: number;
  /** Wall time (performance.now) the last frame arrived. */
  frameAt: number;
  frames: number;
}

export const live: LiveState = { world: null, snapshot: null, version: 0, frameAt: 0, frames: 0 };

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called for every frame (to ask the canvas for a redraw, for instance). */
export function onLiveChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export function setLiveWorld(world: WorldIndex | null): void {
  live.world = world;
  live.snapshot = null;
  live.version++;
  for (const fn of listeners) fn();
}

export function pushSnapshot(s: SimSnapshot): void {
  live.snapshot = s;
  live.version++;
  live.frames++;
  live.frameAt = performance.now();
  for (const fn of listeners) fn();
}
