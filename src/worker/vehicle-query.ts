/** The worker's answer about one vehicle (for the traffic layer's vehicle inspector). */
import { traffic, type Simulation } from '../sim';
import type { VehicleInfo } from './protocol';

export function vehicleInfo(sim: Simulation, slot: number): VehicleInfo | null {
  const t = sim.traffic;
  if (!t || !Number.isInteger(slot) || !t.model.v.isActive(slot)) return null;
  const V = t.model.v;
  const net = t.input.network;
  // The rest of the route as streets: consecutive links of one street make one leg.
  const streets = t.input.linkStreets;
  const route: { road: string; m: number }[] = [];
  let remainingM = 0;
  let prev: string | null = null;
  let full = false;
  for (let k = V.routeIdx[slot]!; k < V.routeLen[slot]!; k++) {
    const l = V.routes[slot * V.slot + k]!;
    const m = k === V.routeIdx[slot]! ? net.linkLength[l]! - V.pos[slot]! : net.linkLength[l]!;
    remainingM += m;
    const road = streets?.[l] ?? (streets ? 'unnamed road' : (t.input.linkIds[l] ?? String(l)));
    if (road !== prev) {
      full ||= route.length === 40;
      if (!full) route.push({ road, m: 0 });
    }
    if (!full) route[route.length - 1]!.m += m;
    prev = road;
  }
  for (const leg of route) leg.m = Math.round(leg.m);
  return {
    emergency: V.kind[slot] === traffic.KIND_EMERGENCY,
    speedKmh: Math.round(V.speed[slot]! * 36) / 10,
    heldBy: heldBy(t.model.v, slot),
    route,
    remainingM: Math.round(remainingM),
    onRoadS: Math.round((sim.nowMs - V.departMs[slot]!) / 1000),
  };
}

/** The vehicle this one waits on: the car it merges behind or lets in, or the queue's car ahead. */
function heldBy(V: traffic.VehicleTable, v: number): number | null {
  const u = V.hold[v]! > 0 ? V.heldBy[v]! : V.wait[v] === traffic.W_QUEUE ? V.leader[v]! : -1;
  // The pair in a merge share a link; a slot taken since by another car does not (for that step).
  return u >= 0 && V.isActive(u) && V.link[u] === V.link[v] ? u : null;
}
