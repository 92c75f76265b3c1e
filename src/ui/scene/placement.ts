/**
 * Where each asset's marker sits: ground position, the site height it floats above, its size and
 * whether it is a ground disc (neighbourhoods). Computed once per loaded world; every scene layer
 * (markers, overlays, links, picking) uses the same numbers so they line up.
 */
import type { WorldIndex } from '../store/world-index';
import { MARKER_BASE_M, discRadius, kindSize } from './marker-geometry';
import { siteHeights } from './site-heights';

export interface Placement {
  readonly count: number;
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly top: Float32Array;
  readonly size: Float32Array;
  /** 1 for assets drawn as a flat disc on the ground (neighbourhoods). */
  readonly disc: Uint8Array;
  readonly radius: Float32Array;
}

const cache = new WeakMap<WorldIndex, Placement>();

export function placementOf(w: WorldIndex): Placement {
  const hit = cache.get(w);
  if (hit) return hit;
  const n = w.view.assets.length;
  const p: Placement = {
    count: n,
    x: new Float32Array(n),
    z: new Float32Array(n),
    top: siteHeights(w.view),
    size: new Float32Array(n),
    disc: new Uint8Array(n),
    radius: new Float32Array(n),
  };
  w.view.assets.forEach((a, i) => {
    p.x[i] = a.position[0];
    p.z[i] = a.position[1];
    p.size[i] = kindSize(a.kind);
    p.disc[i] = a.subsystem === 'population' ? 1 : 0;
    p.radius[i] = discRadius(a.population);
  });
  cache.set(w, p);
  return p;
}

/** Marker edge length in metres at a marker scale. */
export function markerSize(p: Placement, i: number, scale: number): number {
  return MARKER_BASE_M * scale * p.size[i]!;
}

/** Height of the marker's centre: above its site for devices, just above the ground for discs. */
export function markerY(p: Placement, i: number, scale: number): number {
  if (p.disc[i]) return 1.2;
  return p.top[i]! + 3 + markerSize(p, i, scale) * 0.75;
}

/** Height above which overlays (✕, ▲) float for an asset. */
export function overlayY(p: Placement, i: number, scale: number): number {
  if (p.disc[i]) return 18 * scale + 6;
  return markerY(p, i, scale) + markerSize(p, i, scale) * 0.95;
}

/** A scale-independent anchor for links: the top of the site, or the ground for discs. */
export function linkAnchorY(p: Placement, i: number): number {
  return p.disc[i] ? 4 : p.top[i]! + 12;
}
