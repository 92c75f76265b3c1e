/**
 * The arc of each dependency link: a quadratic Bézier from the supplier's site up and over to the
 * dependent's, higher for longer links. Shared by the link lines and the pulses that travel them.
 */
import type { WorldIndex } from '../store/world-index';
import { linkAnchorY, placementOf } from './placement';

/** Per edge: start (3), control (3), end (3); NaN start for edges whose ends are unknown. */
export type Arcs = Float32Array;

const cache = new WeakMap<WorldIndex, Arcs>();

export function arcsOf(index: WorldIndex): Arcs {
  const hit = cache.get(index);
  if (hit) return hit;
  const p = placementOf(index);
  const n = index.view.edges.length;
  const arcs = new Float32Array(n * 9).fill(NaN);
  for (let ei = 0; ei < n; ei++) {
    const f = index.edgeFrom[ei]!;
    const d = index.edgeTo[ei]!;
    if (f < 0 || d < 0) continue;
    const ax = p.x[f]!,
      ay = linkAnchorY(p, f),
      az = p.z[f]!;
    const bx = p.x[d]!,
      by = linkAnchorY(p, d),
      bz = p.z[d]!;
    const chord = Math.hypot(bx - ax, bz - az);
    arcs.set([ax, ay, az, (ax + bx) / 2, Math.max(ay, by) + 25 + chord * 0.22, (az + bz) / 2, bx, by, bz], ei * 9);
  }
  cache.set(index, arcs);
  return arcs;
}

/** Writes the point at parameter s (0 supplier … 1 dependent) of edge ei's arc into out. */
export function arcPoint(arcs: Arcs, ei: number, s: number, out: { x: number; y: number; z: number }): void {
  const o = ei * 9;
  const u = 1 - s;
  const a = u * u;
  const b = 2 * u * s;
  const c = s * s;
  out.x = a * arcs[o]! + b * arcs[o + 3]! + c * arcs[o + 6]!;
  out.y = a * arcs[o + 1]! + b * arcs[o + 4]! + c * arcs[o + 7]!;
  out.z = a * arcs[o + 2]! + b * arcs[o + 5]! + c * arcs[o + 8]!;
}

/** Approximate length of an arc in metres. */
export function arcLength(arcs: Arcs, ei: number): number {
  const o = ei * 9;
  return Math.hypot(arcs[o + 6]! - arcs[o]!, arcs[o + 8]! - arcs[o + 2]!) * 1.1 + 1;
}
