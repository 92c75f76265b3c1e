/**
 * Lanes: each lane is a doubly linked list of its vehicles (see vehicles.ts), here the O(1)
 * operations on it, and the choice of lane: the room left at a lane's entry, the lane of a link
 * with the most room, and the lane a vehicle should enter for the turn after next.
 */
import { turnOf as turnOf_ } from './movements';
import type { TrafficState } from './types';

// A local copy: some module loaders turn every read of an import into a function call.
const turnOf = turnOf_;

type LaneHost = Pick<TrafficState, 'net' | 'v' | 'idm' | 'laneHead' | 'laneTail' | 'junctions'>;

/** Room (m) behind the last vehicle of a lane for a vehicle to enter at position 0. */
export function laneRoom(m: LaneHost, lane: number): number {
  const t = m.laneTail[lane]!;
  return t < 0 ? m.net.linkLength[m.net.laneLink[lane]!]! : m.v.pos[t]! - m.idm.length - m.idm.s0;
}

/** The lane of link l with the most room (lowest index on ties). */
export function bestLane(m: LaneHost, l: number): number {
  const l0 = m.net.linkLane0[l]!;
  let best = l0;
  let room = laneRoom(m, l0);
  for (let k = 1; k < m.net.linkLanes[l]!; k++) {
    const r = laneRoom(m, l0 + k);
    if (r > room) {
      room = r;
      best = l0 + k;
    }
  }
  return best;
}

/**
 * The lane of link `next` that v should enter: of the lanes that take its turn after `next`, the
 * one with the most room; any lane with the most room when none of those has space.
 */
export function entryLane(m: LaneHost, v: number, next: number): number {
  const V = m.v;
  const net = m.net;
  const ri = V.routeIdx[v]! + 2;
  if (net.linkLanes[next]! < 2 || ri >= V.routeLen[v]!) return bestLane(m, next);
  const k = turnOf(net, next, V.routes[v * V.slot + ri]!);
  if (k < 0) return bestLane(m, next);
  const mv = m.junctions.mv;
  const l0 = net.linkLane0[next]!;
  let best = l0 + mv.laneLo[k]!;
  let room = laneRoom(m, best);
  for (let q = l0 + mv.laneLo[k]! + 1; q <= l0 + mv.laneHi[k]!; q++) {
    const r = laneRoom(m, q);
    if (r > room) {
      room = r;
      best = q;
    }
  }
  return room >= m.idm.length ? best : bestLane(m, next);
}

/** Puts v at the back of `lane`. */
export function appendToLane(m: LaneHost, v: number, lane: number): void {
  const V = m.v;
  const t = m.laneTail[lane]!;
  V.lane[v] = lane;
  V.leader[v] = t;
  V.follower[v] = -1;
  if (t >= 0) V.follower[t] = v;
  else m.laneHead[lane] = v;
  m.laneTail[lane] = v;
}

/** Inserts v into `lane` between follower f (or -1) and leader ld (or -1). */
export function insertBetween(m: LaneHost, v: number, lane: number, f: number, ld: number): void {
  const V = m.v;
  V.lane[v] = lane;
  V.leader[v] = ld;
  V.follower[v] = f;
  if (ld >= 0) V.follower[ld] = v;
  else m.laneHead[lane] = v;
  if (f >= 0) V.leader[f] = v;
  else m.laneTail[lane] = v;
}

/** Takes v out of its lane. */
export function unlink(m: LaneHost, v: number): void {
  const V = m.v;
  const lane = V.lane[v]!;
  const ld = V.leader[v]!;
  const f = V.follower[v]!;
  if (ld >= 0) V.follower[ld] = f;
  else m.laneHead[lane] = f;
  if (f >= 0) V.leader[f] = ld;
  else m.laneTail[lane] = ld;
  V.leader[v] = -1;
  V.follower[v] = -1;
}
