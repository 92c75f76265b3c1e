/**
 * Junction control for the vehicle at the head of its lane: may it make its turn this step?
 * It must be in a lane that takes the turn and have room on the lane it will enter (counting the
 * room a moving last vehicle there opens within one IDM time gap, so a queue discharging into a
 * short link flows at car-following headways rather than a car length at a time); then the
 * signal decides for its movement (a protected green goes; a permissive green — a right turn
 * across oncoming traffic — goes into a gap; amber goes only when stopping would need more than
 * comfortable braking; red stops, and a red that never ends is given up as broken), or, without a
 * signal, give-way (the major road goes; its right-turners wait for a gap in the oncoming stream;
 * the minor road waits for a gap in everything it crosses or joins), or, at a dark signal, an
 * all-way stop (stop at the line, take turns). A driver blocked by a full road ahead for long
 * enough looks for another way (the deadlock breaker), and one who could not get into the lane
 * for its turn takes another way.
 *
 * `pass` is called as the vehicle crosses: it books the junction (the follow-up time, the all-way
 * rotation) and counts crash risk — two movements whose paths cross, both shown right of way
 * within 1.5 s of each other, as under an attacker's conflicting greens.
 */
import {
  CONFLICT_CROSS as CONFLICT_CROSS_,
  LEVEL_MAJOR as LEVEL_MAJOR_,
  LEVEL_MINOR as LEVEL_MINOR_,
  LEVEL_MAJOR_RIGHT as LEVEL_MAJOR_RIGHT_,
  TURN_RIGHT as TURN_RIGHT_,
  TURN_U as TURN_U_,
  turnOf as turnOf_,
} from './movements';
import { entryLane as entryLane_, laneRoom as laneRoom_ } from './lanes';
import { AMBER as AMBER_, DARK as DARK_, GREEN as GREEN_, GREEN_YIELD as GREEN_YIELD_, NO_SIGNAL as NO_SIGNAL_, RED as RED_ } from './signals';
import type { TrafficState } from './types';
import {
  KIND_EMERGENCY as KIND_EMERGENCY_,
  W_AMBER as W_AMBER_,
  W_DARK as W_DARK_,
  W_FULL as W_FULL_,
  W_LANE as W_LANE_,
  W_MOVING as W_MOVING_,
  W_ONCOMING as W_ONCOMING_,
  W_RED as W_RED_,
  W_STOP as W_STOP_,
  W_YIELD as W_YIELD_,
} from './vehicles';
// Local copies of imported bindings read in hot loops (some module loaders turn every read of an
// import into a function call).
const CONFLICT_CROSS = CONFLICT_CROSS_,
  LEVEL_MAJOR = LEVEL_MAJOR_,
  LEVEL_MINOR = LEVEL_MINOR_,
  LEVEL_MAJOR_RIGHT = LEVEL_MAJOR_RIGHT_,
  TURN_RIGHT = TURN_RIGHT_,
  TURN_U = TURN_U_;
const turnOf = turnOf_,
  AMBER = AMBER_,
  DARK = DARK_,
  GREEN = GREEN_,
  GREEN_YIELD = GREEN_YIELD_,
  NO_SIGNAL = NO_SIGNAL_;
const RED = RED_,
  KIND_EMERGENCY = KIND_EMERGENCY_,
  W_AMBER = W_AMBER_,
  W_DARK = W_DARK_,
  W_FULL = W_FULL_,
  W_LANE = W_LANE_;
const entryLane = entryLane_,
  laneRoom = laneRoom_,
  W_MOVING = W_MOVING_,
  W_ONCOMING = W_ONCOMING_,
  W_RED = W_RED_,
  W_STOP = W_STOP_,
  W_YIELD = W_YIELD_;

/** Comfortable braking for the amber decision (ITE's amber formula uses 3.05 m/s²). */
const B_COMF = 3;
/** All-way stop: a vehicle stops within this distance of the line before it may go. */
const STOP_ZONE_M = 3;
/** Critical gap for a minor-road vehicle entering a priority road (HCM 2010 Exhibit 19-10, about 5 s). */
const CRITICAL_GAP_S = 5;
/** Critical gap for a right turn across oncoming traffic, at a permissive green or from the major road (HCM 2010 Exhibit 19-10 major-street turn 4.1 s; ch. 31 permitted turn 4.5 s). */
const TURN_GAP_S = 4.5;
/** Drivers who have waited long accept shorter gaps (Mahmassani & Sheffi 1981, Transp. Res. B 15(3)): from 60 s the gap shrinks to the follow-up time by 120 s. */
const IMPATIENT_FROM_MS = 60_000;
const IMPATIENT_SPAN_MS = 60_000;
/** A driver who must give way approaches slowly: it looks for its gap within this distance, at this speed or less. */
const LOOK_M = 15;
const LOOK_SPEED = 6;
/** Blocked by a full road ahead this long, a driver looks for another way (the deadlock breaker). */
const BLOCKED_REROUTE_MS = 45_000;
/** Waiting at a red this long, drivers take the signal for broken (longer than any plan's cycle). */
const RED_GIVE_UP_MS = 150_000;
/** Stopped at the line in a lane that does not take its turn this long, a driver takes another way. */
const WRONG_LANE_MS = 10_000;
/** Follow-up time: a minor-road driver goes no sooner than this after a main-road vehicle (HCM 2010 Exhibit 19-11, 2–3 s). */
export const FOLLOW_UP_MS = 2000;
/** All-way stop service headway per vehicle (HCM 2010 ch. 20 gives 3.5–5 s for conflicting approaches; adjacent approaches overlap, so 2.5 s). */
const ALL_WAY_HEADWAY_MS = 2500;
/** Two crossing movements with right of way this close in time are a near-miss (crash risk). */
const CONFLICT_WINDOW_MS = 1500;

const turnClass = (kind: number) => (kind === TURN_U ? 2 : kind === TURN_RIGHT ? 1 : 0);

/** Whether the head vehicle v on link l may pass the junction now; sets canGo and nextLane. */
export function decide(m: TrafficState, v: number, l: number, dist: number, sp: number, nowMs: number): number {
  const net = m.net;
  const V = m.v;
  const J = m.junctions;
  const mv = J.mv;
  V.canGo[v] = 0;
  if (V.routeIdx[v]! + 1 >= V.routeLen[v]!) {
    // The stored route ran out before the destination: plan the rest from here.
    if (!m.replan(v, l, -1, nowMs)) return W_FULL;
  }
  const next = V.routes[v * V.slot + V.routeIdx[v]! + 1]!;
  let k = V.nextTurn[v]!;
  if (k < 0 || net.outLinks[k] !== next) k = m.updateTurn(v);
  // In a lane that does not take the turn (it could not get over in time): wait at the line for a
  // gap to change lanes; after WRONG_LANE_MS, squeeze across and turn from this lane (a deadlock
  // breaker, counted in wrongLaneTurns; re-routing instead would cost an A* search each time).
  const rel = V.lane[v]! - net.linkLane0[l]!;
  if (k >= 0 && (rel < mv.laneLo[k]! || rel > mv.laneHi[k]!) && dist < 30) {
    const since = V.stoppedSinceMs[v]!;
    if (!(since >= 0 && nowMs - since > WRONG_LANE_MS)) return W_LANE;
  }
  if (k < 0) k = turnOf(net, l, next);
  const n = net.linkTo[l]!;
  const emergency = V.kind[v] === KIND_EMERGENCY;
  const sig = m.signals;
  const aspect = sig.turnAspect(k, l);
  // A red that outlasts any plan's cycle (an all-red attack, a stuck controller) is treated as
  // broken: after RED_GIVE_UP_MS drivers proceed with care, as at an all-way stop.
  if (aspect === RED && !emergency) {
    const s = sig.linkSignal[l]!;
    if (!sig.givenUp[s]) {
      const since = V.stoppedSinceMs[v]!;
      if (!(since >= 0 && nowMs - since > RED_GIVE_UP_MS)) return W_RED;
      // Once one driver goes, the others see it and treat the junction as an all-way stop too.
      sig.givenUp[s] = 1;
    }
  }
  const lane = entryLane(m, v, next);
  V.nextLane[v] = lane;
  // Room on the lane it enters, counting what its last vehicle clears in one time gap (T): a driver
  // follows a moving car across rather than waiting for a whole car's length to open up.
  const tail = m.laneTail[lane]!;
  if (laneRoom(m, lane) + (tail >= 0 ? V.speed[tail]! * m.idm.T : 0) < m.idm.length) {
    const since = V.stoppedSinceMs[v]!;
    if (since >= 0 && nowMs - since > BLOCKED_REROUTE_MS && nowMs >= V.nextRerouteMs[v]!) {
      V.nextRerouteMs[v] = nowMs + BLOCKED_REROUTE_MS;
      m.replan(v, l, next, nowMs);
    }
    return W_FULL;
  }
  if (aspect === GREEN) return go(V, v);
  if (aspect === GREEN_YIELD) {
    if (emergency) return go(V, v);
    if (dist > LOOK_M || sp > LOOK_SPEED) return W_ONCOMING;
    return mustYield(m, v, k, true, nowMs, TURN_GAP_S) ? W_ONCOMING : go(V, v);
  }
  if (aspect === AMBER) {
    // Go on amber only when stopping would need more than comfortable braking.
    if (sp * sp > 2 * B_COMF * dist) return go(V, v);
    // A right-turner already waiting for the oncoming stream clears the junction once that stream
    // stops for its amber, as UK drivers do (it still needs a safe gap, Highway Code rule 180).
    if (V.wait[v] === W_ONCOMING && dist < LOOK_M && !mustYield(m, v, k, true, nowMs, TURN_GAP_S)) return go(V, v);
    return W_AMBER;
  }
  const inDeg = net.inStart[n + 1]! - net.inStart[n]!;
  if (aspect === NO_SIGNAL) {
    if (inDeg <= 1) return go(V, v);
    const level = mv.level[k]!;
    if (level === LEVEL_MAJOR || emergency) return go(V, v);
    const reason = level === LEVEL_MAJOR_RIGHT ? W_ONCOMING : W_YIELD;
    if (dist > LOOK_M || sp > LOOK_SPEED) return reason;
    if (level >= LEVEL_MINOR && (dist > 6 || sp > 4 || nowMs < J.busyUntil[n]!)) return reason;
    return mustYield(m, v, k, false, nowMs, level >= LEVEL_MINOR ? CRITICAL_GAP_S : TURN_GAP_S) ? reason : go(V, v);
  }
  const reason = aspect === DARK ? W_DARK : W_STOP;
  if (dist > STOP_ZONE_M || sp > 1) return reason;
  if (nowMs < J.busyUntil[n]!) return reason;
  // Approaches take turns when several are waiting.
  const turn = J.turnOfNode[n]!;
  const mine = J.linkInIdx[l]!;
  if (turn !== mine && turn < inDeg) {
    const other = net.inLinks[net.inStart[n]! + turn]!;
    if (waitingAt(m, other)) return reason;
  }
  return go(V, v);
}

function go(V: TrafficState['v'], v: number): number {
  V.canGo[v] = 1;
  return W_MOVING;
}

/**
 * Whether turn k (vehicle v) must give way now: some movement it conflicts with and ranks below
 * was made less than the follow-up time ago, or has a vehicle bound for it that would reach the
 * line within the critical gap (or is at the line and about to go). At a signal the movements it
 * ranks below are those shown green or amber that beat it (ahead and left beat right); without a
 * signal, those of a lower give-way level.
 */
function mustYield(m: TrafficState, v: number, k: number, signal: boolean, nowMs: number, gapS: number): boolean {
  const J = m.junctions;
  const mv = J.mv;
  const V = m.v;
  const since = V.stoppedSinceMs[v]!;
  const waited = since >= 0 ? nowMs - since : 0;
  if (waited > IMPATIENT_FROM_MS)
    gapS = Math.max(FOLLOW_UP_MS / 1000, gapS - ((gapS - FOLLOW_UP_MS / 1000) * (waited - IMPATIENT_FROM_MS)) / IMPATIENT_SPAN_MS);
  const cls = turnClass(mv.kind[k]!);
  for (let c = mv.conflictStart[k]!; c < mv.conflictStart[k + 1]!; c++) {
    const j = mv.conflictTurn[c]!;
    const from = mv.from[j]!;
    if (signal) {
      const a = m.signals.turnAspect(j, from);
      if (a === GREEN_YIELD) {
        const cj = turnClass(mv.kind[j]!);
        if (!(cj < cls || (cj === cls && j < k))) continue;
      } else if (a !== GREEN && a !== AMBER) continue;
    } else if (mv.level[j]! >= mv.level[k]!) {
      // Equal rank: only someone who has just gone holds this driver back.
      if (mv.level[j] === mv.level[k] && nowMs - J.passMs[j]! < FOLLOW_UP_MS) return true;
      continue;
    }
    if (nowMs - J.passMs[j]! < FOLLOW_UP_MS) return true;
    if (arriving(m, from, j, gapS)) return true;
  }
  return false;
}

/** Whether a vehicle on link a bound for turn j reaches the line within gapS, or waits there ready to go. */
function arriving(m: TrafficState, a: number, j: number, gapS: number): boolean {
  const net = m.net;
  const V = m.v;
  const len = net.linkLength[a]!;
  const reach = net.linkSpeed[a]! * 1.3 * gapS;
  const l0 = net.linkLane0[a]!;
  for (let q = 0; q < net.linkLanes[a]!; q++) {
    let head = true;
    for (let h = m.laneHead[l0 + q]!; h >= 0; h = V.follower[h]!) {
      const d = len - V.pos[h]!;
      if (d > reach) break;
      if (V.nextTurn[h] === j) {
        const sp = V.speed[h]!;
        if (sp > 1 ? d / sp < gapS : head && d < 8 && READY[V.wait[h]!] === 1) return true;
      }
      head = false;
    }
  }
  return false;
}

/** Per wait reason: a head vehicle stopped at the line for it is not held back by anything else. */
const READY = new Uint8Array(16).fill(1);
for (const w of [W_FULL, W_LANE, W_ONCOMING, W_YIELD, W_RED, W_STOP, W_DARK]) READY[w] = 0;

function waitingAt(m: TrafficState, a: number): boolean {
  const net = m.net;
  const l0 = net.linkLane0[a]!;
  for (let q = 0; q < net.linkLanes[a]!; q++) {
    const h = m.laneHead[l0 + q]!;
    if (h >= 0 && net.linkLength[a]! - m.v.pos[h]! < STOP_ZONE_M + 1 && m.v.speed[h]! < 1) return true;
  }
  return false;
}

/**
 * Vehicle v crosses the junction at the end of link l by turn k: false when another vehicle took
 * the junction this very step (it waits at the line); otherwise books the crossing and counts
 * crash risk at a signal.
 */
export function pass(m: TrafficState, v: number, l: number, k: number, nowMs: number): boolean {
  const net = m.net;
  const J = m.junctions;
  const n = net.linkTo[l]!;
  const aspect = m.signals.turnAspect(k, l);
  const emergency = m.v.kind[v] === KIND_EMERGENCY;
  const allWay = aspect === DARK || aspect === RED;
  const minor = aspect === NO_SIGNAL && J.mv.level[k]! >= LEVEL_MINOR && !emergency;
  const inDeg = net.inStart[n + 1]! - net.inStart[n]!;
  if ((allWay || minor) && nowMs < J.busyUntil[n]! && inDeg > 1) return false;
  const s = m.signals.linkSignal[l]!;
  if (s >= 0 && (aspect === GREEN || aspect === AMBER)) {
    const mv = J.mv;
    for (let c = mv.conflictStart[k]!; c < mv.conflictStart[k + 1]!; c++) {
      if (mv.conflictKind[c] !== CONFLICT_CROSS) continue;
      if (nowMs - J.rightOfWayMs[mv.conflictTurn[c]!]! < CONFLICT_WINDOW_MS) {
        m.conflicts++;
        m.signalConflicts[s]!++;
        break;
      }
    }
    J.rightOfWayMs[k] = nowMs;
  }
  J.passMs[k] = nowMs;
  const rel = m.v.lane[v]! - net.linkLane0[l]!;
  if (rel < J.mv.laneLo[k]! || rel > J.mv.laneHi[k]!) m.wrongLaneTurns++;
  if (allWay) {
    J.busyUntil[n] = nowMs + ALL_WAY_HEADWAY_MS;
    J.turnOfNode[n] = (J.linkInIdx[l]! + 1) % inDeg;
  } else if (minor) J.busyUntil[n] = nowMs + FOLLOW_UP_MS;
  return true;
}
