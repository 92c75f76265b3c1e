/**
 * Lane changes, once per step after positions move.
 *
 * Mandatory first: within MANDATORY_ZONE_M of the junction a driver must be in a lane that takes
 * its next turn (the kerb lane to go left, the offside lane to go right — see movements.ts), and
 * moves over, one lane at a time, whenever the gap is safe; this takes priority over any
 * discretionary change, and the zone is an assumption of this model (about where advance direction
 * signs and lane arrows start on a 30 mph road). A driver who reaches the line still in the wrong
 * lane waits there for a gap (junction.ts lets it turn from there after a while).
 *
 * The zipper merge: a driver who must change joins the target lane in turn, not at its head. It
 * merges into the gap behind the target-lane vehicle level with or just ahead of it, and until it
 * can, it does not drive past that vehicle: it follows it (IDM) as if it led in its own lane. The
 * vehicle it picks is the first one ahead it can still stop behind braking at no more than b_safe,
 * so a driver arriving fast beside a queue slots in a car or two up from its tail. When the target
 * lane crawls (below COURTESY_MPS), the target-lane vehicle just behind the merging one lets it in:
 * it keeps behind it (braking within b_safe) until it has changed lanes. Each target-lane vehicle
 * lets in one merging vehicle on a link and then drives on, so in a queue the lanes alternate —
 * one from the target lane, one merging — as the Highway Code recommends at very low speeds (rule
 * 134, "merging in turn"). Every such wait points at a vehicle strictly further along the link, so
 * these waits cannot form a cycle. Before this rule, drivers in the emptier lane drove past the
 * queue and cut in at its head, at the stop line, one after another.
 *
 * Discretionary changes follow MOBIL (Kesting, Treiber & Helbing 2007, Transp. Res. Rec. 1999;
 * "Traffic Flow Dynamics" §14.3): change when the gain in acceleration, less politeness p = 0.2
 * times the new follower's loss, exceeds Δa_th = 0.2 m/s², provided the new follower need not
 * brake harder than b_safe = 4 m/s² (the values Treiber gives for MOBIL: p between 0 and 0.5,
 * b_safe 4 m/s², well below the 9 m/s² a car can brake, and a threshold of 0.2 m/s², below any
 * vehicle's IDM a). Only drivers held up by their leader look, each every other step, not within
 * 25 m of the junction, and only into lanes that take their turn once within the zone. A
 * mandatory change uses the same safety criterion (b_safe for the driver and its new follower,
 * and at least MIN_GAP_M either side) with no incentive test.
 */
import { idmAccel as idmAccel_ } from './idm';
import { insertBetween, unlink } from './lanes';
import type { TrafficState } from './types';
// Local copies of imported bindings read in hot loops (some module loaders turn every read of an
// import into a function call).
const idmAccel = idmAccel_;

/** MOBIL's safe braking limit, m/s² (Treiber's MOBIL parameters). */
const B_SAFE = 4;
const POLITENESS = 0.2;
const LC_THRESHOLD = 0.2;
const NO_LC_NEAR_END_M = 25;
export const MANDATORY_ZONE_M = 200;
/** Target-lane drivers let a merging vehicle in below this speed, m/s (18 km/h: this model's reading of rule 134's "very low speed"). */
const COURTESY_MPS = 5;
/** Below this speed, m/s, a driver the zipper slows is shown as waiting for it (as a queue is). */
const HELD_MPS = 2;
/** The least bumper-to-bumper gap, m, ahead of and behind a vehicle changing lanes. */
const MIN_GAP_M = 1;

export function laneChanges(m: TrafficState, nowMs: number): void {
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
function mobil(m: TrafficState, v: number, l: number, lo: number, hi: number): void {
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
function tryChange(m: TrafficState, v: number, l: number, tgt: number, mandatory: boolean, aCur = 0): boolean {
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
  let ok = gapAhead >= MIN_GAP_M && gapBehind >= MIN_GAP_M;
  const aNew = ok ? idmAccel(p, sp, v0, gapAhead, nl >= 0 ? sp - V.speed[nl]! : 0) : 0;
  if (mandatory && aNew < -B_SAFE) ok = false;
  let followerLoss = 0;
  if (ok && f >= 0) {
    const fv0 = m.net.linkSpeed[l]! * V.speedFactor[f]!;
    const fl = V.leader[f]!;
    const before =
      fl >= 0 ? idmAccel(p, V.speed[f]!, fv0, V.pos[fl]! - p.length - V.pos[f]!, V.speed[f]! - V.speed[fl]!) : idmAccel(p, V.speed[f]!, fv0, Infinity, 0);
    const after = idmAccel(p, V.speed[f]!, fv0, gapBehind, V.speed[f]! - sp);
    if (after < -B_SAFE) ok = false;
    followerLoss = before - after;
  }
  if (!ok) {
    if (mandatory) zipperWait(m, v, x, sp, f, nl);
    return false;
  }
  if (!mandatory && !(aNew - aCur - POLITENESS * followerLoss > LC_THRESHOLD)) return false;
  unlink(m, v);
  insertBetween(m, v, tgt, f, nl);
  // It has let one in: the next merging driver waits for the vehicle behind it.
  if (f >= 0) V.courtesy[f] = 1;
  // Neither waits on the other any longer (the inspector reads these after the step).
  V.hold[v] = 0;
  if (f >= 0 && V.heldBy[f] === v) V.hold[f] = 0;
  return true;
}

/**
 * v must change lanes and cannot yet. It will merge behind the first target-lane vehicle ahead of
 * it (from nl on) it can still stop for, braking no harder than b_safe, before drawing level with
 * its front — the one level with or just ahead of it — and f (the target-lane vehicle just behind
 * it) lets it in when crawling and not already done so on this link. Of several merging vehicles
 * ahead of f, it lets in the nearest.
 */
function zipperWait(m: TrafficState, v: number, x: number, sp: number, f: number, nl: number): void {
  const V = m.v;
  for (let u = nl; u >= 0; u = V.leader[u]!) {
    const room = V.pos[u]! - x;
    const dv = sp - V.speed[u]!;
    if (room > 0 && (dv <= 0 || dv * dv <= 2 * B_SAFE * room)) {
      V.mergeBehind[v] = u;
      break;
    }
  }
  // Holding back helps only if the gap behind the merging vehicle is already long enough; one
  // alongside f waits for f to pass and goes behind it.
  if (f < 0 || V.courtesy[f] || V.speed[f]! >= COURTESY_MPS || x - m.idm.length - V.pos[f]! < MIN_GAP_M) return;
  const u = V.letIn[f]!;
  if (u < 0 || V.pos[u]! > x) V.letIn[f] = v;
}

/**
 * The zipper constraints on v's acceleration `acc` (set by the last lane-change pass, read and
 * cleared here): IDM behind the vehicle it will merge behind, and behind the merging vehicle it
 * lets in (kept only while gentle: braking within b_safe, or below 1 m/s). A stale pairing (either
 * vehicle has moved on) is ignored.
 */
export function zipperAccel(m: TrafficState, v: number, acc: number, sp: number, v0: number): number {
  const V = m.v;
  const p = m.idm;
  const x = V.pos[v]!;
  const l = V.link[v]!;
  V.hold[v] = 0;
  for (let pass = 0; pass < 2; pass++) {
    const u = pass === 0 ? V.mergeBehind[v]! : V.letIn[v]!;
    if (u < 0) continue;
    if (pass === 0) V.mergeBehind[v] = -1;
    else V.letIn[v] = -1;
    if (V.activeAt[u]! < 0 || V.link[u] !== l || V.lane[u] === V.lane[v] || !(V.pos[u]! > x)) continue;
    const a = idmAccel(p, sp, v0, V.pos[u]! - p.length - x, sp - V.speed[u]!);
    if (a < acc && (pass === 0 || a >= -B_SAFE || sp < 1)) {
      acc = a;
      // Said in the inspector when this is why the driver is (nearly) stopped.
      V.hold[v] = sp < HELD_MPS ? pass + 1 : 0;
      V.heldBy[v] = u;
    }
  }
  return acc;
}
