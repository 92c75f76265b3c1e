/**
 * Lane changes, once per step after positions move.
 *
 * Mandatory first: within MANDATORY_ZONE_M of the junction a driver must be in a lane that takes
 * its next turn (the kerb lane to go left, the offside lane to go right — see movements.ts), and
 * moves over, one lane at a time, whenever the gap is safe; this takes priority over any
 * discretionary change, and the zone is an assumption of this model (about where advance direction
 * signs and lane arrows start on a 30 mph road). A driver who reaches the line still in the wrong
 * lane waits there for a gap (junction.ts then sends it another way).
 *
 * Discretionary changes follow MOBIL (Kesting, Treiber & Helbing 2007; "Traffic Flow Dynamics"
 * §14.3): change when the gain in acceleration, less politeness p = 0.2 times the new follower's
 * loss, exceeds Δa_th = 0.2 m/s², provided the new follower need not brake harder than
 * b_safe = 4 m/s². Only drivers held up by their leader look, each every other step, not within
 * 25 m of the junction, and only into lanes that take their turn once within the zone.
 */
import { idmAccel as idmAccel_ } from './idm';
import { insertBetween, unlink } from './lanes';
import type { TrafficModel } from './model';
// Local copies of imported bindings read in hot loops (some module loaders turn every read of an
// import into a function call).
const idmAccel = idmAccel_;

const B_SAFE = 4;
const POLITENESS = 0.2;
const LC_THRESHOLD = 0.2;
const NO_LC_NEAR_END_M = 25;
export const MANDATORY_ZONE_M = 200;

export function laneChanges(m: TrafficModel, nowMs: number): void {
  const net = m.net;
  const V = m.v;
  const mv = m.junctions.mv;
  const parity = (nowMs / 500) & 1;
  const n = V.activeCount;
  const active = V.active;
  for (let i = 0; i < n; i++) {
    const v = active[i]!;
    const l = V.link[v]!;
    const lanes = net.linkLanes[l]!;
    if (lanes < 2) continue;
    const dist = net.linkLength[l]! - V.pos[v]!;
    // Vehicles that crossed the line this step are about to leave the link.
    if (dist <= 0) continue;
    const k = V.nextTurn[v]!;
    let lo = 0;
    let hi = lanes - 1;
    if (k >= 0 && dist < MANDATORY_ZONE_M) {
      lo = mv.laneLo[k]!;
      hi = mv.laneHi[k]!;
    }
    const rel = V.lane[v]! - net.linkLane0[l]!;
    if (rel < lo || rel > hi) {
      tryChange(m, v, l, V.lane[v]! + (rel < lo ? 1 : -1), true);
      continue;
    }
    if ((v & 1) !== parity || V.leader[v]! < 0 || dist < NO_LC_NEAR_END_M) continue;
    mobil(m, v, l, net.linkLane0[l]! + lo, net.linkLane0[l]! + hi);
  }
}

/** MOBIL: looks left and right (within lanes lo..hi) and changes when it pays. */
function mobil(m: TrafficModel, v: number, l: number, lo: number, hi: number): void {
  const V = m.v;
  const p = m.idm;
  const x = V.pos[v]!;
  const sp = V.speed[v]!;
  const v0 = m.net.linkSpeed[l]! * V.speedFactor[v]!;
  const ld = V.leader[v]!;
  const aCur = idmAccel(p, sp, v0, V.pos[ld]! - p.length - x, sp - V.speed[ld]!);
  if (aCur > 0.5 * p.a * (1 - (sp / v0) ** 4)) return; // not held up
  const cur = V.lane[v]!;
  for (let d = -1; d <= 1; d += 2) {
    const tgt = cur + d;
    if (tgt < lo || tgt > hi) continue;
    if (tryChange(m, v, l, tgt, false, aCur)) return;
  }
}

/**
 * Moves v into lane `tgt` if the gaps allow: always when mandatory and safe (neither v nor its new
 * follower must brake harder than b_safe), and when discretionary only if MOBIL's incentive holds.
 */
function tryChange(m: TrafficModel, v: number, l: number, tgt: number, mandatory: boolean, aCur = 0): boolean {
  const V = m.v;
  const p = m.idm;
  const x = V.pos[v]!;
  const sp = V.speed[v]!;
  const v0 = m.net.linkSpeed[l]! * V.speedFactor[v]!;
  // Find the new leader (first vehicle ahead) walking from the tail.
  let f = -1;
  let nl = m.laneTail[tgt]!;
  while (nl >= 0 && V.pos[nl]! < x) {
    f = nl;
    nl = V.leader[nl]!;
  }
  const gapAhead = nl >= 0 ? V.pos[nl]! - p.length - x : Infinity;
  const gapBehind = f >= 0 ? x - p.length - V.pos[f]! : Infinity;
  if (gapAhead < 1 || gapBehind < 1) return false;
  const aNew = idmAccel(p, sp, v0, gapAhead, nl >= 0 ? sp - V.speed[nl]! : 0);
  if (mandatory && aNew < -B_SAFE) return false;
  let followerLoss = 0;
  if (f >= 0) {
    const fv0 = m.net.linkSpeed[l]! * V.speedFactor[f]!;
    const fl = V.leader[f]!;
    const before = fl >= 0 ? idmAccel(p, V.speed[f]!, fv0, V.pos[fl]! - p.length - V.pos[f]!, V.speed[f]! - V.speed[fl]!) : idmAccel(p, V.speed[f]!, fv0, Infinity, 0);
    const after = idmAccel(p, V.speed[f]!, fv0, gapBehind, V.speed[f]! - sp);
    if (after < -B_SAFE) return false;
    followerLoss = before - after;
  }
  if (!mandatory && !(aNew - aCur - POLITENESS * followerLoss > LC_THRESHOLD)) return false;
  unlink(m, v);
  insertBetween(m, v, tgt, f, nl);
  return true;
}
