/**
 * Traffic as a running subsystem. It owns the microsimulation, feeds it demand (random trips or
 * the city's daily profile, and emergency units sent to incidents), couples each signal
 * controller to its `traffic-signal` asset through the world — dark when the asset is down,
 * fixed time when it has lost its control link, the attacker's plan when an attacker holds it and
 * has imposed one — and emits events only for what a person would be told: a controller changing
 * mode, crash risk at a junction, gridlock, emergency units sent and arriving, roads closed.
 */
import {
  assetId,
  commandsHandledBy,
  type Command,
  type EventBus,
  type EventId,
  type Hasher,
  type KpiValues,
  type Rng,
  type SimContext,
  type SimMs,
  type SimSubsystem,
  type World,
} from '../core';
import { cityTripsDue, randomTripsDue, ZonePicker } from './demand';
import { readTrafficKpis, trafficFinal, type TrafficFinal } from './final';
import type { TrafficInput } from './input';
import { SignalApproaches } from './signal-approaches';
import { trafficSnapshot, type TrafficSnapshot } from './snapshot';
import type { TrafficRunState, Unit } from './state';
import { nearestLink, placeOnLink } from './geometry';
import { chooseStation } from './stations';
import { TripLog } from './trip-log';
import { DT_S, TrafficModel } from './model';
import { MODE_ALL_GREEN, MODE_ALL_RED, MODE_DARK, MODE_FIXED, MODE_NORMAL, MODES } from './signals';
import { KIND_CAR, KIND_EMERGENCY, W_LET_IN, W_MERGE } from './vehicles';

type TrafficCommand = Extract<Command, { type: `traffic.${string}` }>;

const CONFLICT_EVENT_GAP_MS = 10 * 60_000;
const STEP_MS = DT_S * 1000;

export class TrafficSubsystem implements SimSubsystem<TrafficSnapshot, TrafficFinal>, TrafficRunState {
  readonly name = 'traffic';
  readonly periodMs = STEP_MS;
  readonly commands = commandsHandledBy('traffic');
  /** Per signal approach, which movements it has: the lamps the page draws. */
  readonly approaches: SignalApproaches;
  readonly model: TrafficModel;
  /** Attacker-imposed plan per signal (0 none, MODE_ALL_RED, MODE_ALL_GREEN), with its cause. */
  readonly attackPlan: Uint8Array;
  readonly units: Unit[] = [];
  readonly responseTimesS: number[] = [];
  private readonly attackCause: (EventId | null)[];
  private readonly signalAsset: Int32Array;
  private readonly assetSignal = new Map<string, number>();
  private readonly linkIndex = new Map<string, number[]>();
  private readonly pendingO: number[] = [];
  private readonly pendingD: number[] = [];
  private readonly pendingTag: number[] = [];
  /** Per pending trip: its index in input.trips, or -1. */
  private readonly pendingTrip: number[] = [];
  private nextListed = 0;
  /** What became of each listed trip (input.trips), for tripinfo output. */
  private readonly tripLog: TripLog | null;
  private pickers: { homes: ZonePicker; work: ZonePicker; schools: ZonePicker; services: ZonePicker } | null;
  private readonly lastConflictEventMs: Float64Array;
  private readonly lastConflicts: Int32Array;
  private lastDemandMs = -1;
  private gridlocked = false;
  private unitSerial = 0;
  private routeScratch: Int32Array | null = null;
  completedLastMinute = 0;
  private completedAtMinute = 0;
  /** Delay (time lost against free flow) of the trips completed in the last minute, summed, s. */
  delayLastMinute = 0;
  private delayAtMinute = 0;

  private readonly world: World;
  private readonly bus: EventBus;
  private readonly rng: Rng;
  private readonly now: () => SimMs;

  constructor(
    readonly input: TrafficInput,
    ctx: SimContext,
  ) {
    const { world, bus } = ctx;
    this.world = world;
    this.bus = bus;
    this.rng = ctx.rng('traffic');
    this.now = ctx.now;
    this.approaches = new SignalApproaches(
      input.network,
      input.signals.map((s) => s.node),
    );
    this.model = new TrafficModel(input.network, input.signals, { rerouteS: input.rerouteS, ...(input.idm ? { idm: input.idm } : {}) });
    const log = (this.tripLog = input.trips ? new TripLog(input.trips) : null);
    if (log) {
      this.model.onTrip = (v, t) => {
        const V = this.model.v;
        const i = V.tag[v]!;
        if (V.kind[v] === KIND_CAR && i >= 0) log.arrived(i, t, V.odoM[v]!, V.waitS[v]!, V.lossS[v]!);
      };
    }
    const S = input.signals.length;
    this.attackPlan = new Uint8Array(S);
    this.attackCause = new Array<EventId | null>(S).fill(null);
    this.signalAsset = Int32Array.from(input.signals, (s) => (s.asset !== null && world.has(s.asset) ? world.indexOf(s.asset) : -1));
    input.signals.forEach((s, i) => s.asset !== null && this.assetSignal.set(s.asset, i));
    input.linkIds.forEach((id, l) => {
      const road = id.endsWith(':r') ? id.slice(0, -2) : id;
      const list = this.linkIndex.get(road) ?? [];
      list.push(l);
      this.linkIndex.set(road, list);
    });
    this.lastConflictEventMs = new Float64Array(S).fill(-Infinity);
    this.lastConflicts = new Int32Array(S);
    const c = input.city;
    this.pickers = c
      ? { homes: new ZonePicker(c.homes), work: new ZonePicker(c.work), schools: new ZonePicker(c.schools), services: new ZonePicker(c.services) }
      : null;
    if (this.pickers && (this.pickers.homes.empty || this.pickers.work.empty || this.pickers.services.empty)) this.pickers = null;
    this.model.onArrive = (_v, tag, kind, t) => {
      if (kind === KIND_EMERGENCY && tag >= 0) this.unitArrived(tag, t);
    };
    for (let s = 0; s < S; s++) this.refreshSignal(s, null);
    bus.on('asset.status.changed', (e) => {
      const s = e.source ? this.assetSignal.get(e.source) : undefined;
      if (s !== undefined) this.refreshSignal(s, e.id);
    });
    bus.on('asset.secured', (e) => {
      const s = e.source ? this.assetSignal.get(e.source) : undefined;
      if (s !== undefined && this.attackPlan[s]) {
        this.attackPlan[s] = 0;
        this.refreshSignal(s, e.id);
      }
    });
  }

  signalIndexOf(assetId: string): number | undefined {
    return this.assetSignal.get(assetId);
  }

  get pendingTrips(): number {
    return this.pendingO.length;
  }

  step(nowMs: SimMs): void {
    this.addDemand(nowMs);
    this.insertPending(nowMs);
    this.model.step(nowMs);
    this.watch(nowMs);
    if (nowMs % 60_000 === 0) {
      this.completedLastMinute = this.model.tripsCompleted - this.completedAtMinute;
      this.completedAtMinute = this.model.tripsCompleted;
      this.delayLastMinute = this.model.sumDelayS - this.delayAtMinute;
      this.delayAtMinute = this.model.sumDelayS;
    }
  }

  /** Whether any demand is still to come or on the road (a benchmark runs until this is false). */
  busy(nowMs: SimMs): boolean {
    const rt = this.input.randomTrips;
    const tl = this.input.trips;
    return (
      this.model.activeCount > 0 || this.pendingO.length > 0 || (rt !== null && nowMs < rt.untilS * 1000) || (tl != null && this.nextListed < tl.ids.length)
    );
  }

  snapshot(): TrafficSnapshot {
    return trafficSnapshot(this.model, this.input.network, this.vehicleBuffers(), this.approaches);
  }

  kpis(): KpiValues {
    return readTrafficKpis(this);
  }

  final(): TrafficFinal {
    return trafficFinal(this);
  }

  hashInto(h: Hasher): void {
    const m = this.model;
    h.num(m.tripsStarted).num(m.tripsCompleted).num(m.vehicleUpdates).num(Math.round(m.distanceM)).num(m.conflicts);
  }

  dispose(): void {}

  handle(command: Command, cause: EventId): void {
    const c = command as TrafficCommand;
    switch (c.type) {
      case 'traffic.signal.plan': {
        for (const id of c.signals) {
          const s = this.assetSignal.get(id);
          if (s === undefined) continue;
          const ai = this.signalAsset[s]!;
          // Only a controller the attacker holds takes its plan (or an operator resetting it).
          if (c.plan !== 'normal' && ai >= 0 && this.world.compromise[ai] === null) continue;
          this.attackPlan[s] = c.plan === 'all-red' ? MODE_ALL_RED : c.plan === 'all-green' ? MODE_ALL_GREEN : 0;
          this.attackCause[s] = cause;
          this.refreshSignal(s, cause);
        }
        return;
      }
      case 'traffic.link': {
        for (const id of c.links) {
          for (const l of this.linkIndex.get(id) ?? []) this.model.router.closed[l] = c.action === 'close' ? 1 : 0;
          this.bus.emit(c.action === 'close' ? 'traffic.link.closed' : 'traffic.link.opened', null, { link: id, actor: c.actor ?? 'operator' }, [cause]);
        }
        if (c.action === 'close') this.rerouteAroundClosures();
        return;
      }
      case 'traffic.emergency.dispatch': {
        this.dispatch(c.from, c.to, cause, c.unit);
        return;
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  }

  /** Sends an emergency unit from a station asset to an asset (an incident); returns its id. */
  dispatch(from: string, to: string, cause: EventId, unitName?: string): string | null {
    if (!this.world.has(from) || !this.world.has(to)) return null;
    const net = this.input.network;
    const a = this.world.get(from).position;
    const b = this.world.get(to).position;
    const o = nearestLink(net, a[0], a[1]);
    const d = nearestLink(net, b[0], b[1]);
    if (o < 0 || d < 0) return null;
    const id = unitName ?? `unit-${++this.unitSerial}`;
    const ev = this.bus.emit(
      'traffic.emergency.dispatched',
      assetId(from),
      { unit: id, to: assetId(to), kind: this.world.get(from).kind === 'hospital' ? 'ambulance' : 'police' },
      [cause],
    );
    const unit: Unit = { id, from, to, sentMs: this.now(), event: ev.id, vehicle: -1, arrivedMs: null };
    this.units.push(unit);
    const tag = this.units.length - 1;
    if (o === d) {
      this.unitArrived(tag, this.now());
      return id;
    }
    this.pendingO.unshift(o);
    this.pendingD.unshift(d);
    this.pendingTag.unshift(tag);
    this.pendingTrip.unshift(-1);
    return id;
  }

  private unitArrived(tag: number, t: number): void {
    const u = this.units[tag];
    if (!u || u.arrivedMs !== null) return;
    u.arrivedMs = t;
    const responseS = (t - u.sentMs) / 1000;
    this.responseTimesS.push(responseS);
    this.bus.emit('traffic.emergency.arrived', assetId(u.to), { unit: u.id, responseS }, [u.event]);
  }

  private addDemand(nowMs: SimMs): void {
    const from = this.lastDemandMs;
    this.lastDemandMs = nowMs;
    const emit = (o: number, d: number) => {
      this.pendingO.push(o);
      this.pendingD.push(d);
      this.pendingTag.push(-1);
      this.pendingTrip.push(-1);
    };
    const tl = this.input.trips;
    if (tl) {
      // Listed trips due by now, in departure order (a trip waits in line if its first link is full, as in SUMO).
      while (this.nextListed < tl.ids.length && tl.departMs[this.nextListed]! <= nowMs) {
        this.pendingO.push(tl.origin[this.nextListed]!);
        this.pendingD.push(tl.dest[this.nextListed]!);
        this.pendingTag.push(-1);
        this.pendingTrip.push(this.nextListed++);
      }
    }
    if (this.input.randomTrips) randomTripsDue(this.input.randomTrips, this.input.network.linkCount, this.rng, from, nowMs, emit);
    if (this.input.city && this.pickers) cityTripsDue(this.input.city, this.pickers, this.rng, Math.max(0, from), nowMs, emit);
  }

  private insertPending(nowMs: SimMs): void {
    let k = 0;
    const O = this.pendingO;
    const D = this.pendingD;
    const T = this.pendingTag;
    const P = this.pendingTrip;
    const tl = this.input.trips;
    for (let i = 0; i < O.length; i++) {
      const tag = T[i]!;
      const trip = P[i]!;
      const kind = tag >= 0 ? KIND_EMERGENCY : KIND_CAR;
      // Drivers differ: speed factor N(1, 0.1) clipped to [0.8, 1.2], as SUMO's default speedDev.
      const sf = kind === KIND_EMERGENCY ? 1.3 : Math.max(0.8, Math.min(1.2, 1 + 0.1 * this.rng.normal()));
      const v = this.model.insert(O[i]!, D[i]!, nowMs, kind, kind === KIND_EMERGENCY ? tag : trip, sf, trip >= 0 && tl ? tl.routes[trip]! : null);
      if (v === -2) {
        O[k] = O[i]!;
        D[k] = D[i]!;
        P[k] = trip;
        T[k++] = tag;
      } else if (tag >= 0 && v >= 0) this.units[tag]!.vehicle = v;
      else if (trip >= 0 && v >= 0) this.tripLog!.departMs[trip] = nowMs;
    }
    O.length = k;
    D.length = k;
    T.length = k;
    P.length = k;
  }

  private watch(nowMs: SimMs): void {
    const m = this.model;
    if (m.stuckNow > 0 && !this.gridlocked) {
      this.gridlocked = true;
      this.bus.emit('traffic.gridlock', null, { stuck: m.stuckNow, cleared: false }, []);
    } else if (m.stuckNow === 0 && this.gridlocked) {
      this.gridlocked = false;
      this.bus.emit('traffic.gridlock', null, { stuck: 0, cleared: true }, []);
    }
    if (m.conflicts === 0) return;
    for (let s = 0; s < this.input.signals.length; s++) {
      const c = m.signalConflicts[s]!;
      if (c === this.lastConflicts[s]) continue;
      if (nowMs - this.lastConflictEventMs[s]! < CONFLICT_EVENT_GAP_MS) continue;
      const fresh = c - this.lastConflicts[s]!;
      this.lastConflicts[s] = c;
      this.lastConflictEventMs[s] = nowMs;
      const asset = this.input.signals[s]!.asset;
      const cause = this.attackCause[s];
      const ev = this.bus.emit('traffic.conflict', asset !== null ? assetId(asset) : null, { conflicts: fresh, total: c }, cause ? [cause] : []);
      // Crash risk is an incident: send an ambulance and the police, each from the quickest station.
      if (asset) {
        const ambulance = this.stationFor(this.input.ambulanceStations, asset);
        if (ambulance) this.dispatch(ambulance, asset, ev.id);
        const police = this.stationFor(this.input.policeStations, asset);
        if (police) this.dispatch(police, asset, ev.id);
      }
    }
  }

  /** Of `stations` (asset ids), the one whose unit would reach asset `to` soonest (see stations.ts). */
  stationFor(stations: readonly string[], to: string): string | null {
    if (!this.world.has(to)) return null;
    const places = stations.filter((id) => this.world.has(id)).map((id) => ({ id, x: this.world.get(id).position[0], z: this.world.get(id).position[1] }));
    const b = this.world.get(to).position;
    const net = this.input.network;
    this.routeScratch ??= new Int32Array(net.linkCount);
    return chooseStation(net, this.model.router, places, b[0], b[1], this.routeScratch);
  }

  private rerouteAroundClosures(): void {
    const m = this.model;
    const V = m.v;
    const now = this.now();
    for (let i = 0; i < V.activeCount; i++) {
      const v = V.active[i]!;
      for (let k = V.routeIdx[v]! + 1; k < V.routeLen[v]!; k++) {
        if (m.router.closed[V.routes[v * V.slot + k]!]) {
          m.replan(v, V.link[v]!, -1, now);
          break;
        }
      }
    }
  }

  /** Recomputes a controller's mode from its asset and any attacker plan; emits when it changes. */
  private refreshSignal(s: number, cause: EventId | null): void {
    const ai = this.signalAsset[s]!;
    let mode = MODE_NORMAL;
    let reason = 'running its plan';
    if (ai >= 0) {
      const st = this.world.status[ai]!;
      if (this.attackPlan[s] && this.world.compromise[ai] !== null && st !== 2) {
        mode = this.attackPlan[s]!;
        reason = mode === MODE_ALL_RED ? 'attacker holds every approach at red' : 'attacker gives conflicting greens';
      } else if (st === 2) {
        mode = MODE_DARK;
        reason = 'signals dark: drivers treat the junction as an all-way stop';
      } else if (st === 1 && (this.world.hasLost(ai, 'control') || this.world.hasLost(ai, 'comms') || this.world.isHeld(ai, 'comms'))) {
        // Its cabinet or link is gone (a lost dependency), or its control traffic no longer gets
        // through — congestion, a firewall — which the comms model holds against it.
        mode = MODE_FIXED;
        reason = 'lost its control link: fixed-time fallback';
      }
    } else if (this.attackPlan[s]) mode = this.attackPlan[s]!;
    const before = this.model.signals.mode[s]!;
    if (before === mode) return;
    this.model.signals.setMode(s, mode, this.now());
    const asset = this.input.signals[s]!.asset;
    if (cause !== null)
      this.bus.emit('traffic.signal.mode', asset !== null ? assetId(asset) : null, { from: MODES[before]!, to: MODES[mode]!, reason }, [cause]);
  }

  /** SUMO's tripinfo XML for the listed trips that arrived (see TripLog); null when the demand is not a list of trips. */
  tripinfoXml(): string | null {
    return this.tripLog?.xml() ?? null;
  }

  /** Vehicle positions for the UI: x, z, heading per vehicle, and its state (wait reason | kind << 4). */
  vehicleBuffers(): { xzh: Float32Array; state: Uint8Array; slot: Int32Array } {
    const m = this.model;
    const V = m.v;
    const n = V.activeCount;
    const xzh = new Float32Array(n * 3);
    const state = new Uint8Array(n);
    const slot = new Int32Array(n);
    const net = this.input.network;
    for (let i = 0; i < n; i++) {
      const v = V.active[i]!;
      const l = V.link[v]!;
      placeOnLink(net, l, V.pos[v]!, V.lane[v]! - net.linkLane0[l]!, xzh, i * 3);
      const hold = V.hold[v]!;
      state[i] = (hold === 1 ? W_MERGE : hold === 2 ? W_LET_IN : V.wait[v]!) | (V.kind[v]! << 4);
      slot[i] = v;
    }
    return { xzh, state, slot };
  }
}
