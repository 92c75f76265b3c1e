/** The worker's answer about one vehicle (for the traffic layer's vehicle inspector). */
import { traffic, type Simulation } from '../sim';
import type { VehicleInfo } from './protocol';

const WAITING = ['moving', 'waiting at a red signal', 'stopping for amber', 'at a stop line (all-way stop)', 'giving way to the main road', 'the road ahead is full', 'in a queue', 'at a dark signal (all-way stop)', 'free road', 'turning right: giving way to oncoming traffic', 'getting into lane for its turn'];

export function vehicleInfo(sim: Simulation, slot: number): VehicleInfo | null {
  const t = sim.traffic;
  if (!t || !Number.isInteger(slot) || !t.model.v.isActive(slot)) return null;
  const V = t.model.v;
  const net = t.input.network;
  const route: string[] = [];
  let remainingM = net.linkLength[V.link[slot]!]! - V.pos[slot]!;
  for (let k = V.routeIdx[slot]!; k < V.routeLen[slot]!; k++) {
    const l = V.routes[slot * V.slot + k]!;
    if (route.length < 40) route.push(t.input.linkIds[l] ?? String(l));
    if (k > V.routeIdx[slot]!) remainingM += net.linkLength[l]!;
  }
  return {
    emergency: V.kind[slot] === traffic.KIND_EMERGENCY,
    speedKmh: Math.round(V.speed[slot]! * 36) / 10,
    waiting: WAITING[V.wait[slot]!] ?? 'moving',
    route,
    remainingM: Math.round(remainingM),
    onRoadS: Math.round((sim.nowMs - V.departMs[slot]!) / 1000),
  };
}
