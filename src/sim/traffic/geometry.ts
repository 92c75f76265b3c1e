/**
 * Where things are on the network: the link nearest a point (for trips to and from assets and
 * buildings) and a vehicle's position and heading in the ground plane for the UI. Lanes are laid
 * out to the left of the centre line (the UK drives on the left), 3.25 m apart.
 */
import type { TrafficNetwork } from './network';

export const LANE_WIDTH_M = 3.25;

/** The link whose segment passes closest to (x, z), or -1 for an empty network. */
export function nearestLink(net: TrafficNetwork, x: number, z: number, rank = -1): number {
  let best = -1;
  let bestD = Infinity;
  for (let l = 0; l < net.linkCount; l++) {
    if (rank >= 0 && net.linkRank[l]! < rank) continue;
    const d = distToLink(net, l, x, z);
    if (d < bestD - 1e-9) {
      bestD = d;
      best = l;
    }
  }
  return best;
}

export function distToLink(net: TrafficNetwork, l: number, x: number, z: number): number {
  const ax = net.nodeX[net.linkFrom[l]!]!;
  const az = net.nodeZ[net.linkFrom[l]!]!;
  const bx = net.nodeX[net.linkTo[l]!]!;
  const bz = net.nodeZ[net.linkTo[l]!]!;
  const dx = bx - ax;
  const dz = bz - az;
  const len2 = dx * dx + dz * dz;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / len2)) : 0;
  // Prefer the direction whose kerb lane is on the point's side: a small penalty otherwise.
  const side = (dx * (z - az) - dz * (x - ax)) * (net.keepRight ? -1 : 1);
  return Math.hypot(ax + t * dx - x, az + t * dz - z) + (side < 0 ? 0 : 0.5);
}

/** Writes x, z and heading of a vehicle at `pos` along link l in lane `laneIndex` (0 = kerb). */
export function placeOnLink(net: TrafficNetwork, l: number, pos: number, laneIndex: number, out: Float32Array, at: number): void {
  const ax = net.nodeX[net.linkFrom[l]!]!;
  const az = net.nodeZ[net.linkFrom[l]!]!;
  const h = net.linkHeading[l]!;
  const c = Math.cos(h);
  const s = Math.sin(h);
  const len = net.linkLength[l]!;
  const t = pos < 0 ? 0 : pos > len ? len : pos;
  // Left of travel in x-east/z-south coordinates is (s, -c) rotated: (dz, -dx) normalised.
  // Keeping right (a SUMO network that says so), lanes lie to the right of the centre line.
  const off = (net.linkLanes[l]! - laneIndex - 0.5) * LANE_WIDTH_M * (net.keepRight ? -1 : 1);
  out[at] = ax + c * t + s * off;
  out[at + 1] = az + s * t - c * off;
  out[at + 2] = h;
}
