/**
 * Junction rules for the vehicle at the head of its lane: may it pass the junction this step?
 * It needs room on the lane it will take; then the signal decides (green goes; amber goes only
 * when stopping would need more than comfortable braking; red stops, and a red that never ends is
 * given up as broken), or, without a signal, priority (the main road goes, the minor road waits
 * for a gap of at least the critical gap) or an all-way stop (stop at the line, take turns).
 * A driver blocked by a full road ahead for long enough looks for another way (deadlock breaker).
 */
import { AMBER, DARK, GREEN, NO_SIGNAL, RED } from './signals';
import type { TrafficModel } from './model';
import { KIND_EMERGENCY, W_AMBER, W_DARK, W_FULL, W_MOVING, W_RED, W_STOP, W_YIELD } from './vehicles';

/** Comfortable braking for the amber decision (ITE's amber formula uses 3.05 m/s²). */
const B_COMF = 3;
/** All-way stop: a vehicle stops within this distance of the line before it may go. */
const STOP_ZONE_M = 3;
/** Critical gap for a minor-road vehicle entering a priority road (HCM 2010 Exhibit 19-10, about 5 s). */
const CRITICAL_GAP_S = 5;
/** Blocked by a full road ahead this long, a driver looks for another way (the deadlock breaker). */
const BLOCKED_REROUTE_MS = 45_000;
/** Waiting at a red this long, drivers take the signal for broken (longer than any plan's cycle). */
const RED_GIVE_UP_MS = 150_000;
/** Follow-up time: a minor-road driver goes no sooner than this after a main-road vehicle (HCM 2010 Exhibit 19-11, 2–3 s). */
export const FOLLOW_UP_MS = 2000;

/** Whether the head vehicle v on link l may pass the junction now; sets canGo and nextLane. */
export function decide(m: TrafficModel, v: number, l: number, dist: number, sp: number, nowMs: number): number {
  const net = m.net;
  const V = m.v;
  V.canGo[v] = 0;
  const ri = V.routeIdx[v]! + 1;
  if (ri >= V.routeLen[v]!) {
    // The stored route ran out before the destination: plan the rest from here.
    if (!m.replan(v, l, -1, nowMs)) return W_FULL;
  }
  const next = V.routes[v * V.slot + V.routeIdx[v]! + 1]!;
  const lane = m.bestLane(next);
  V.nextLane[v] = lane;
  if (m.laneRoom(lane) < m.idm.length) {
    const since = V.stoppedSinceMs[v]!;
    if (since >= 0 && nowMs - since > BLOCKED_REROUTE_MS && nowMs >= V.nextRerouteMs[v]!) {
      V.nextRerouteMs[v] = nowMs + BLOCKED_REROUTE_MS;
      m.replan(v, l, next, nowMs);
    }
    return W_FULL;
  }
  const n = net.linkTo[l]!;
  const emergency = V.kind[v] === KIND_EMERGENCY;
  const aspect = m.signals.aspect(l);
  if (aspect === GREEN) {
    V.canGo[v] = 1;
    return W_MOVING;
  }
  if (aspect === AMBER) {
    // Go on amber only when stopping would need more than comfortable braking.
    if (sp * sp > 2 * B_COMF * dist) {
      V.canGo[v] = 1;
      return W_MOVING;
    }
    return W_AMBER;
  }
  // A red that outlasts any plan's cycle (an all-red attack, a stuck controller) is treated as
  // broken: after RED_GIVE_UP_MS drivers proceed with care, as at an all-way stop.
  if (aspect === RED && !emergency) {
    const s = m.signals.linkSignal[l]!;
    if (!m.signals.givenUp[s]) {
      const since = V.stoppedSinceMs[v]!;
      if (!(since >= 0 && nowMs - since > RED_GIVE_UP_MS)) return W_RED;
      // Once one driver goes, the others see it and treat the junction as an all-way stop too.
      m.signals.givenUp[s] = 1;
    }
  }
  const inDeg = net.inStart[n + 1]! - net.inStart[n]!;
  if (aspect === NO_SIGNAL && inDeg <= 1) {
    V.canGo[v] = 1;
    return W_MOVING;
  }
  const allWay = aspect === DARK || aspect === RED || !m.nodeMixedRank[n];
  if (!allWay) {
    if (net.linkRank[l] === m.nodeMaxRank[n] || emergency) {
      V.canGo[v] = 1;
      return W_MOVING;
    }
    // Minor road: give way; go into a gap of at least the critical gap.
    if (dist > 6 || sp > 4 || nowMs - m.nodeMajorMs[n]! < FOLLOW_UP_MS || nowMs < m.nodeBusyUntil[n]!) return W_YIELD;
    if (majorArriving(m, n, l)) return W_YIELD;
    V.canGo[v] = 1;
    return W_MOVING;
  }
  const reason = aspect === DARK ? W_DARK : W_STOP;
  if (dist > STOP_ZONE_M || sp > 1) return reason;
  if (nowMs < m.nodeBusyUntil[n]!) return reason;
  // Approaches take turns when several are waiting.
  const turn = m.nodeTurn[n]!;
  const mine = m.linkInIdx[l]!;
  if (turn !== mine && turn < inDeg) {
    const other = net.inLinks[net.inStart[n]! + turn]!;
    if (waitingAt(m, other)) return reason;
  }
  V.canGo[v] = 1;
  return W_MOVING;
}

function majorArriving(m: TrafficModel, n: number, self: number): boolean {
  const net = m.net;
  const rank = m.nodeMaxRank[n]!;
  for (let k = net.inStart[n]!; k < net.inStart[n + 1]!; k++) {
    const a = net.inLinks[k]!;
    if (a === self || net.linkRank[a] !== rank) continue;
    const l0 = net.linkLane0[a]!;
    for (let q = 0; q < net.linkLanes[a]!; q++) {
      const h = m.laneHead[l0 + q]!;
      if (h < 0) continue;
      const sp = m.v.speed[h]!;
      if (sp > 1 && (net.linkLength[a]! - m.v.pos[h]!) / sp < CRITICAL_GAP_S) return true;
    }
  }
  return false;
}

function waitingAt(m: TrafficModel, a: number): boolean {
  const net = m.net;
  const l0 = net.linkLane0[a]!;
  for (let q = 0; q < net.linkLanes[a]!; q++) {
    const h = m.laneHead[l0 + q]!;
    if (h >= 0 && net.linkLength[a]! - m.v.pos[h]! < STOP_ZONE_M + 1 && m.v.speed[h]! < 1) return true;
  }
  return false;
}
