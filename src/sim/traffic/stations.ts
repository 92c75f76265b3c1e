/**
 * Which station sends an emergency unit. Of the stations of a kind (every hospital for an
 * ambulance, every police station for the police), the one with the quickest route to the
 * incident at the router's current link costs — so a jam or a closed road on the way counts —
 * with ties to the first listed. A station with no route loses to any with one; when none has a
 * route, the nearest in a straight line is sent (it may find a way once a road reopens). Only the
 * MAX_ROUTED stations nearest in a straight line are routed, so a city with many stations pays a
 * handful of A* searches per incident.
 */
import { nearestLink } from './geometry';
import type { TrafficNetwork } from './network';
import type { Router } from './router';

export interface StationPlace {
  readonly id: string;
  readonly x: number;
  readonly z: number;
}

const MAX_ROUTED = 8;

/** The station to send to (x, z), or null when there is none; `scratch` holds a route (linkCount long). */
export function chooseStation(
  net: TrafficNetwork,
  router: Router,
  stations: readonly StationPlace[],
  x: number,
  z: number,
  scratch: Int32Array,
): string | null {
  if (stations.length === 0) return null;
  if (stations.length === 1) return stations[0]!.id;
  const straight = stations.map((s, i) => ({ s, i, d: Math.hypot(s.x - x, s.z - z) }));
  straight.sort((a, b) => a.d - b.d || a.i - b.i);
  const to = nearestLink(net, x, z);
  let best: StationPlace | null = null;
  let bestS = Infinity;
  let bestI = Infinity;
  for (const { s, i } of straight.slice(0, MAX_ROUTED)) {
    const from = nearestLink(net, s.x, s.z);
    if (from < 0 || to < 0) continue;
    const n = router.route(from, to, scratch, 0, scratch.length);
    if (n === 0) continue;
    let t = 0;
    for (let k = 0; k < n; k++) t += router.cost[scratch[k]!]!;
    if (t < bestS || (t === bestS && i < bestI)) {
      best = s;
      bestS = t;
      bestI = i;
    }
  }
  return (best ?? straight[0]!.s).id;
}
