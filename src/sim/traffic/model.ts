/**
 * The microsimulation: one synchronous step of every vehicle. Accelerations first (IDM against the
 * leader in the lane, or against the stop line / the tail of the next link when the vehicle heads
 * its lane, and the zipper merge's pairings), then the ballistic position update, then lane changes
 * (lane-change.ts: getting into the lane for the next turn, in turn, then MOBIL), then link
 * transitions. A driver stopped in a queue for long looks for another way (reroute.ts).
 *
 * No vehicle ever overlaps another: a vehicle's new position is clamped behind where its leader
 * was (leaders never move backwards), and a vehicle enters the next link only if the lane it
 * takes has room behind its last vehicle. Junctions are points: a vehicle passes one in a single
 * step, so vehicles on crossing movements never share space; when a controller gives conflicting
 * greens the near-misses are counted as crash risk instead. Whether the vehicle heading a lane may
 * pass its junction, and the junction's bookkeeping when it does, live in junction.ts.
 */
import { CITY_IDM, idmAccel as idmAccel_, type IdmParams } from './idm';
import { decide as decide_, pass as pass_ } from './junction';
import { JunctionState } from './junction-state';
import { laneChanges, zipperAccel as zipperAccel_ } from './lane-change';
import { appendToLane, bestLane, laneRoom, unlink } from './lanes';
import { buildMovements, turnOf as turnOf_ } from './movements';
import type { TrafficNetwork } from './network';
import { rerouteQueued as rerouteQueued_, QUEUE_REROUTE_MS as QUEUE_REROUTE_MS_ } from './reroute';
import { Router } from './router';
import { SignalBank, type SignalSpec } from './signals';
import type { TrafficState } from './types';
import { VehicleTable, W_MOVING as W_MOVING_, W_QUEUE as W_QUEUE_ } from './vehicles';
// Local copies of imported bindings read in hot loops (some module loaders turn every read of an
// import into a function call).
const idmAccel = idmAccel_,
  decide = decide_,
  pass = pass_,
  turnOf = turnOf_,
  W_MOVING = W_MOVING_,
  W_QUEUE = W_QUEUE_;
const zipperAccel = zipperAccel_,
  rerouteQueued = rerouteQueued_,
  QUEUE_REROUTE_MS = QUEUE_REROUTE_MS_;

export const DT_S = 0.5;
/** A vehicle stopped this long is counted as stuck (the permanent-gridlock test). */
export const STUCK_MS = 5 * 60_000;

export interface TripRecord {
  readonly tag: number;
  readonly kind: number;
  readonly departMs: number;
  readonly arriveMs: number;
}

export interface ModelOptions {
  readonly idm?: IdmParams;
  /** Links a vehicle's stored route holds before it is re-planned. */
  readonly routeSlot?: number;
  /** Re-plan a route on the way when it is older than this, s (0: only when blocked or closed). */
  readonly rerouteS?: number;
  readonly initialCapacity?: number;
}

export class TrafficModel implements TrafficState {
  readonly net: TrafficNetwork;
  readonly signals: SignalBank;
  readonly router: Router;
  readonly v: VehicleTable;
  readonly idm: IdmParams;
  readonly laneHead: Int32Array;
  readonly laneTail: Int32Array;
  /** Per link: vehicles on it; and, over the minute since routing costs were refreshed, the sum of its vehicles' speeds and how many were summed (congestion, route costs). */
  readonly linkCount: Int32Array;
  readonly linkSpeedSum: Float64Array;
  readonly linkVisits: Float64Array;
  readonly linkMeanSpeed: Float64Array;
  readonly junctions: JunctionState;
  /** Per signal: near-misses between crossing movements both shown right of way (crash risk). */
  readonly signalConflicts: Int32Array;
  /** Counters over the run. */
  tripsStarted = 0;
  tripsCompleted = 0;
  tripsUnroutable = 0;
  vehicleUpdates = 0;
  conflicts = 0;
  /** Turns made from a lane that does not take them, by drivers who could not get over in time. */
  wrongLaneTurns = 0;
  stuckNow = 0;
  maxStuck = 0;
  sumTripS = 0;
  sumDelayS = 0;
  distanceM = 0;
  onArrive: ((v: number, tag: number, kind: number, nowMs: number) => void) | null = null;
  /** Called as a trip ends, before its slot is freed (SUMO's tripinfo output reads it). */
  onTrip: ((v: number, nowMs: number) => void) | null = null;
  private readonly rerouteMs: number;
  private cross: Int32Array;
  private crossCount = 0;
  private lastCostMs = 0;

  constructor(net: TrafficNetwork, signals: readonly SignalSpec[], o: ModelOptions = {}) {
    this.net = net;
    this.idm = o.idm ?? CITY_IDM;
    const movements = buildMovements(net);
    this.signals = new SignalBank(net, signals, movements);
    this.router = new Router(net);
    this.v = new VehicleTable(o.initialCapacity ?? 1024, o.routeSlot ?? 64);
    this.rerouteMs = (o.rerouteS ?? 180) * 1000;
    this.laneHead = new Int32Array(net.laneCount).fill(-1);
    this.laneTail = new Int32Array(net.laneCount).fill(-1);
    this.linkCount = new Int32Array(net.linkCount);
    this.linkSpeedSum = new Float64Array(net.linkCount);
    this.linkVisits = new Float64Array(net.linkCount);
    this.linkMeanSpeed = Float64Array.from(net.linkSpeed);
    this.junctions = new JunctionState(net, movements);
    this.signalConflicts = new Int32Array(this.signals.count);
    this.cross = new Int32Array(1024);
  }

  get activeCount(): number {
    return this.v.activeCount;
  }

  /** Refreshes v's turn at the end of its link from its route; returns it (-1 at the destination). */
  updateTurn(v: number): number {
    const V = this.v;
    const ri = V.routeIdx[v]! + 1;
    const k = ri < V.routeLen[v]! ? turnOf(this.net, V.link[v]!, V.routes[v * V.slot + ri]!) : -1;
    V.nextTurn[v] = k;
    return k;
  }

  /**
   * Puts a vehicle on link `origin` bound for link `dest` if there is room; returns its slot, -2
   * when the origin is full (try again later) and -1 when dest cannot be reached.
   */
  insert(origin: number, dest: number, nowMs: number, kind: number, tag: number, speedFactor: number, route: Int32Array | null = null): number {
    let lane = bestLane(this, origin);
    if (laneRoom(this, lane) < this.idm.length) return -2;
    const V = this.v;
    const v = V.alloc();
    // A route given with the trip (a SUMO vehicle's) is driven as given when it fits the slot.
    let len: number;
    if (route && route.length <= V.slot) {
      V.routes.set(route, v * V.slot);
      len = route.length;
    } else len = this.router.route(origin, dest, V.routes, v * V.slot, V.slot);
    if (len === 0) {
      V.release(v);
      this.tripsUnroutable++;
      return -1;
    }
    V.routeLen[v] = len;
    V.routeIdx[v] = 0;
    V.dest[v] = dest;
    V.link[v] = origin;
    V.pos[v] = 0;
    V.speed[v] = 0;
    V.acc[v] = 0;
    V.kind[v] = kind;
    V.tag[v] = tag;
    V.speedFactor[v] = speedFactor;
    V.departMs[v] = nowMs;
    V.routedMs[v] = nowMs;
    V.stoppedSinceMs[v] = -1;
    V.nextRerouteMs[v] = 0;
    V.freeFlowS[v] = this.net.linkLength[origin]! / this.net.linkSpeed[origin]!;
    V.odoM[v] = 0;
    V.waitS[v] = 0;
    V.lossS[v] = 0;
    V.wait[v] = W_MOVING;
    V.mergeBehind[v] = -1;
    V.letIn[v] = -1;
    V.courtesy[v] = 0;
    const k = this.updateTurn(v);
    // Start in a lane that takes the first turn when one has room.
    if (k >= 0) {
      const lo = this.net.linkLane0[origin]! + this.junctions.mv.laneLo[k]!;
      const hi = this.net.linkLane0[origin]! + this.junctions.mv.laneHi[k]!;
      for (let q = lo; (lane < lo || lane > hi) && q <= hi; q++) if (laneRoom(this, q) >= this.idm.length) lane = q;
    }
    appendToLane(this, v, lane);
    this.linkCount[origin]!++;
    this.tripsStarted++;
    return v;
  }

  /** One step of DT_S seconds ending at nowMs. */
  step(nowMs: number): void {
    const net = this.net;
    const V = this.v;
    const sig = this.signals;
    const p = this.idm;
    sig.clearDemand();
    // Routing costs are refreshed once a minute from the link speeds seen over that minute.
    const sample = nowMs - this.lastCostMs >= 60_000;
    let stuck = 0;
    // 1. Accelerations.
    const n = V.activeCount;
    const active = V.active;
    for (let i = 0; i < n; i++) {
      const v = active[i]!;
      const l = V.link[v]!;
      const x = V.pos[v]!;
      const sp = V.speed[v]!;
      const v0 = net.linkSpeed[l]! * V.speedFactor[v]!;
      const ld = V.leader[v]!;
      let gap: number;
      let vl = 0;
      let wait = W_MOVING;
      if (ld >= 0) {
        gap = V.pos[ld]! - p.length - x;
        vl = V.speed[ld]!;
        if (vl < 0.5 && sp < 2) wait = W_QUEUE;
        V.canGo[v] = 0;
      } else {
        const dist = net.linkLength[l]! - x;
        const k = V.nextTurn[v]!;
        if (k >= 0 && (dist < 40 || dist < sp * 3) && sig.linkSignal[l]! >= 0) sig.turnDemand[k] = 1;
        if (V.routeIdx[v] === V.routeLen[v]! - 1 && l === V.dest[v]) {
          gap = Infinity;
          V.canGo[v] = 0;
        } else {
          wait = decide(this, v, l, dist, sp, nowMs);
          if (V.canGo[v]) {
            const t = this.laneTail[V.nextLane[v]!]!;
            if (t >= 0) {
              gap = dist + V.pos[t]! - p.length;
              vl = V.speed[t]!;
            } else gap = dist > 150 ? Infinity : dist + net.linkLength[net.laneLink[V.nextLane[v]!]!]!;
          } else gap = dist - 0.5;
        }
      }
      let acc = idmAccel(p, sp, v0, gap, sp - vl);
      // The zipper merge: not passing the vehicle it must merge behind, or letting one in.
      if (V.mergeBehind[v]! >= 0 || V.letIn[v]! >= 0) acc = zipperAccel(this, v, acc, sp, v0);
      else V.hold[v] = 0;
      V.acc[v] = acc;
      V.wait[v] = wait;
      // Every step, not one snapshot a minute: a snapshot that caught one car at a red made the link
      // look 30 times slower than it drives, and routes detoured round it for a minute.
      this.linkSpeedSum[l]! += sp;
      this.linkVisits[l]!++;
      // Time lost against the desired speed, as SUMO counts it for tripinfo's timeLoss.
      if (sp < v0) V.lossS[v]! += DT_S * (1 - sp / v0);
      if (sp < 0.1) {
        V.waitS[v]! += DT_S;
        const since = V.stoppedSinceMs[v]!;
        if (since < 0) V.stoppedSinceMs[v] = nowMs;
        else {
          if (nowMs - since > STUCK_MS) stuck++;
          if (ld >= 0 && nowMs - since > QUEUE_REROUTE_MS && nowMs >= V.nextRerouteMs[v]!) rerouteQueued(this, v, l, nowMs - since, nowMs);
        }
      } else V.stoppedSinceMs[v] = -1;
    }
    this.vehicleUpdates += n;
    this.stuckNow = stuck;
    if (stuck > this.maxStuck) this.maxStuck = stuck;

    // 2. Positions, clamped so nobody passes the vehicle ahead or a stop line it must keep.
    this.crossCount = 0;
    let dist = 0;
    for (let i = 0; i < n; i++) {
      const v = active[i]!;
      const sp = V.speed[v]!;
      const a = V.acc[v]!;
      let dx: number;
      let v1 = sp + a * DT_S;
      if (v1 < 0) {
        dx = a < 0 ? (-0.5 * sp * sp) / a : 0;
        v1 = 0;
      } else dx = sp * DT_S + 0.5 * a * DT_S * DT_S;
      let x = V.pos[v]! + dx;
      const ld = V.leader[v]!;
      const l = V.link[v]!;
      const len = net.linkLength[l]!;
      if (ld >= 0) {
        const limit = V.pos[ld]! - p.length - 0.1;
        if (x > limit) {
          x = Math.max(V.pos[v]!, limit);
          if (v1 > V.speed[ld]!) v1 = V.speed[ld]!;
        }
      } else if (!V.canGo[v] && !(l === V.dest[v] && V.routeIdx[v] === V.routeLen[v]! - 1) && x > len - 0.1) {
        x = Math.max(V.pos[v]!, len - 0.1);
        v1 = 0;
      }
      dist += x - V.pos[v]!;
      V.pos[v] = x;
      V.speed[v] = v1;
      if (x >= len) this.pushCross(v);
    }
    this.distanceM += dist;

    // 3. Lane changes: into the lane for the next turn, then MOBIL.
    laneChanges(this, nowMs);

    // 4. Transitions: heads first; a follower that also crossed becomes a head once its leader has gone.
    let progress = true;
    while (this.crossCount > 0 && progress) {
      progress = false;
      let keep = 0;
      for (let k = 0; k < this.crossCount; k++) {
        const v = this.cross[k]!;
        if (V.leader[v]! >= 0) {
          this.cross[keep++] = v;
          continue;
        }
        progress = true;
        this.transit(v, nowMs);
      }
      this.crossCount = keep;
    }
    for (let k = 0; k < this.crossCount; k++) {
      // Still behind a leader that stayed: sit just behind it.
      const v = this.cross[k]!;
      const ld = V.leader[v]!;
      V.pos[v] = Math.min(V.pos[v]!, V.pos[ld]! - p.length - 0.1);
      V.speed[v] = Math.min(V.speed[v]!, V.speed[ld]!);
    }

    sig.advance(nowMs);
    if (sample) this.refreshCosts(nowMs);
  }

  /** Link costs for routing from the speeds seen on each link (smoothed), free flow when empty. */
  private refreshCosts(nowMs: number): void {
    this.lastCostMs = nowMs;
    const net = this.net;
    for (let l = 0; l < net.linkCount; l++) {
      const c = this.linkVisits[l]!;
      const mean = c > 0 ? this.linkSpeedSum[l]! / c : net.linkSpeed[l]!;
      this.linkMeanSpeed[l] = mean;
      // Never cheaper than free flow (fast drivers exceed the limit), so the A* heuristic stays a bound.
      const target = c > 0 ? Math.max(this.router.freeFlow(l), net.linkLength[l]! / Math.max(0.5, mean) + 4) : this.router.freeFlow(l);
      this.router.cost[l] = 0.5 * this.router.cost[l]! + 0.5 * target;
    }
    this.linkSpeedSum.fill(0);
    this.linkVisits.fill(0);
  }

  /** Re-plans v's route from link l (avoiding `avoid` when ≥ 0); false if no route is left. */
  replan(v: number, l: number, avoid: number, nowMs: number): boolean {
    const V = this.v;
    const len = this.router.route(l, V.dest[v]!, V.routes, v * V.slot, V.slot, avoid);
    V.routedMs[v] = nowMs;
    // Unreachable now (closed links, or only through the avoided one): keep the old route and wait.
    if (len === 0) return false;
    V.routeLen[v] = len;
    V.routeIdx[v] = 0;
    this.updateTurn(v);
    return true;
  }

  private transit(v: number, nowMs: number): void {
    const net = this.net;
    const V = this.v;
    const l = V.link[v]!;
    const len = net.linkLength[l]!;
    if (l === V.dest[v] && V.routeIdx[v] === V.routeLen[v]! - 1) {
      this.arrive(v, nowMs);
      return;
    }
    const lane = V.nextLane[v]!;
    const m = net.laneLink[lane]!;
    const over = V.pos[v]! - len;
    const t = this.laneTail[lane]!;
    if (!V.canGo[v] || m !== V.routes[v * V.slot + V.routeIdx[v]! + 1] || (t >= 0 && V.pos[t]! - this.idm.length - over < 0.5)) {
      // Someone else took the space this step: wait at the line.
      V.pos[v] = len - 0.1;
      V.speed[v] = 0;
      return;
    }
    let k = V.nextTurn[v]!;
    if (k < 0 || net.outLinks[k] !== m) k = turnOf(net, l, m);
    if (!pass(this, v, l, k, nowMs)) {
      // Another vehicle took the junction this very step: wait at the line.
      V.pos[v] = len - 0.1;
      V.speed[v] = 0;
      return;
    }
    unlink(this, v);
    this.linkCount[l]!--;
    V.odoM[v]! += len;
    V.link[v] = m;
    V.pos[v] = over;
    V.routeIdx[v]!++;
    V.courtesy[v] = V.hold[v] = 0;
    V.freeFlowS[v]! += net.linkLength[m]! / net.linkSpeed[m]!;
    this.updateTurn(v);
    appendToLane(this, v, lane);
    this.linkCount[m]!++;
    // Re-plan around a jam: when the route is old and the next link on it is running below half its limit.
    if (this.rerouteMs > 0 && nowMs - V.routedMs[v]! > this.rerouteMs && V.routeIdx[v]! + 1 < V.routeLen[v]!) {
      const next = V.routes[v * V.slot + V.routeIdx[v]! + 1]!;
      if (this.linkMeanSpeed[next]! < 0.5 * net.linkSpeed[next]!) this.replan(v, m, -1, nowMs);
    }
  }

  private arrive(v: number, nowMs: number): void {
    const V = this.v;
    unlink(this, v);
    this.linkCount[V.link[v]!]!--;
    const dur = (nowMs - V.departMs[v]!) / 1000;
    this.tripsCompleted++;
    this.sumTripS += dur;
    this.sumDelayS += Math.max(0, dur - V.freeFlowS[v]!);
    V.odoM[v]! += this.net.linkLength[V.link[v]!]!;
    this.onTrip?.(v, nowMs);
    const tag = V.tag[v]!;
    const kind = V.kind[v]!;
    V.release(v);
    this.onArrive?.(v, tag, kind, nowMs);
  }

  /** Removes a vehicle from the network at once (an emergency vehicle recalled, a test). */
  remove(v: number): void {
    unlink(this, v);
    this.linkCount[this.v.link[v]!]!--;
    this.v.release(v);
  }

  private pushCross(v: number): void {
    if (this.crossCount === this.cross.length) {
      // Only reached if more vehicles cross in one step than ever before; kept as a safety net.
      const bigger = new Int32Array(this.cross.length * 2);
      bigger.set(this.cross);
      this.cross = bigger;
    }
    this.cross[this.crossCount++] = v;
  }
}
