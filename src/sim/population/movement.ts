/**
 * The day as it happens: each resident's next transition (depart, arrive) sits in a bucket of a
 * minute-indexed ring, and the population step handles the buckets whose minute has passed, so a
 * minute costs only the residents who act in it. A departure asks the travel model for the trip,
 * and every sensor the trip passes writes what it would see — ANPR reads of cars, face matches and
 * Wi-Fi probe sightings of people, smart-card taps at stations — at the time of the pass. Arrivals
 * and departures at a watched site are seen by its camera; arrivals at sensitive sites are also
 * kept as ground truth (never visible to the attacker; analysis scores against it).
 */
import type { BuildingTable, Rng } from '../core';
import { PLAN_SLOTS, type Plans } from './activity';
import { MODE_CAR, MODE_WALK, type People } from './people';
import type { RecordLog } from './records';
import { SENSOR_ANPR, SENSOR_FACE, SENSOR_WIFI } from './model';
import type { SensorIndex } from './sensors';
import { TripBuffer, type TravelModel } from './travel';

export const PHASE_IDLE = 0;
export const PHASE_AT = 1;
export const PHASE_TRAVEL = 2;

const RING = 2048; // minutes; every transition is scheduled less than a day ahead
const WALK_ONLY_M = 800; // NTS: most trips under a mile are walked
const GO_HOME_GAP_S = 2 * 3600;

/** Detection probabilities per pass: ANPR read rate, face match on a passing pedestrian, phone probe. */
const P_ANPR = 0.95;
const P_FACE = 0.5;
const P_FACE_SITE = 0.7;
const P_WIFI_WALK = 0.6;
const P_WIFI_CAR = 0.5; // phones and car Bluetooth are heard from passing cars too
const P_WIFI_STATION = 0.7;

export interface Logs {
  readonly anpr: RecordLog;
  readonly face: RecordLog;
  readonly smartcard: RecordLog;
  readonly wifi: RecordLog;
  /** Ground truth: (site index, time, person) for each arrival at a sensitive site. */
  readonly visits: RecordLog;
}

/**
 * What the sensing systems outside the population tell it, and what it tells them back. `live[s]`
 * is 0 while sensor s records nothing (its camera has no power or network, or shows a looped view);
 * `sighting` hands each camera record (ANPR read or face match) to the CCTV datasets that keep it.
 * A trip's passes are written when it departs, with the cameras' state at that moment.
 */
export interface SensorHooks {
  readonly live: Uint8Array;
  sighting(sensor: number, kind: 'plate' | 'face', tS: number, person: number): void;
}

export interface Occupancy {
  leave(household: number, tS: number): void;
  arrive(household: number, tS: number): void;
}

export class Movement {
  readonly phase: Uint8Array;
  readonly atPlace: Int32Array;
  readonly dest: Int32Array;
  readonly destSlot: Int8Array;
  readonly planPos: Uint8Array;
  readonly nextT: Int32Array;
  private readonly head = new Int32Array(RING).fill(-1);
  private readonly link: Int32Array;
  private readonly trip = new TripBuffer();
  /** Minute currently being processed; nothing may be scheduled before its end. */
  private minute = 0;
  trips = 0;

  constructor(
    private readonly P: People,
    private readonly plans: Plans,
    private readonly b: BuildingTable,
    private readonly sensors: SensorIndex,
    private readonly travel: TravelModel,
    private readonly logs: Logs,
    private readonly occupancy: Occupancy,
    private readonly rng: Rng,
    private readonly hooks: SensorHooks | null = null,
  ) {
    const n = P.count;
    this.phase = new Uint8Array(n);
    this.atPlace = Int32Array.from(P.home);
    this.dest = new Int32Array(n).fill(-1);
    this.destSlot = new Int8Array(n).fill(-1);
    this.planPos = new Uint8Array(n);
    this.nextT = new Int32Array(n);
    this.link = new Int32Array(n).fill(-1);
  }

  /**
   * A new day's plans are in: residents at home start them; anyone still out starts them on
   * arriving home. `dayStartS` is the day's midnight in simulation seconds (may be negative on the
   * first day, when the run starts mid-morning: activities already under way are joined in place).
   */
  startDay(dayStartS: number, nowS: number): void {
    const P = this.P;
    for (let i = 0; i < P.count; i++) {
      this.planPos[i] = 0;
      if (this.phase[i] !== PHASE_IDLE) continue;
      const base = i * PLAN_SLOTS;
      const len = this.plans.len[i]!;
      let k = 0;
      while (k < len && dayStartS + this.plans.depart[base + k]! < nowS) {
        const end = dayStartS + this.plans.depart[base + k]! + this.plans.dur[base + k]!;
        if (end > nowS + 60) {
          // Under way at the start of the run: be there already.
          this.occupancy.leave(P.household[i]!, nowS);
          this.atPlace[i] = this.plans.place[base + k]!;
          this.phase[i] = PHASE_AT;
          this.planPos[i] = k + 1;
          this.chooseNext(i, end, dayStartS);
          break;
        }
        k++;
      }
      if (this.phase[i] === PHASE_IDLE && k < len) {
        this.planPos[i] = k;
        this.dest[i] = this.plans.place[base + k]!;
        this.destSlot[i] = k;
        this.phase[i] = PHASE_AT;
        this.schedule(i, dayStartS + this.plans.depart[base + k]!);
      }
    }
    this.dayStartS = dayStartS;
  }

  private dayStartS = 0;

  /** Handles every transition due in minute `m` (times m*60 .. m*60+59). */
  runMinute(m: number): void {
    this.minute = m;
    const r = m % RING;
    let i = this.head[r]!;
    this.head[r] = -1;
    while (i >= 0) {
      const next = this.link[i]!;
      this.link[i] = -1;
      if (this.phase[i] === PHASE_TRAVEL) this.arrive(i, this.nextT[i]!);
      else if (this.phase[i] === PHASE_AT) this.depart(i, this.nextT[i]!);
      i = next;
    }
  }

  private schedule(i: number, tS: number): void {
    const earliest = (this.minute + 1) * 60;
    const t = Math.max(Math.round(tS), earliest);
    this.nextT[i] = t;
    const r = Math.floor(t / 60) % RING;
    this.link[i] = this.head[r]!;
    this.head[r] = i;
  }

  private depart(i: number, t: number): void {
    const P = this.P;
    const b = this.b;
    const from = this.atPlace[i]!;
    const to = this.dest[i]!;
    if (from === P.home[i]) this.occupancy.leave(P.household[i]!, t);
    this.seenAtSite(from, i, t);
    const x0 = b.x[from]!;
    const z0 = b.z[from]!;
    const x1 = b.x[to]!;
    const z1 = b.z[to]!;
    const dist = Math.abs(x1 - x0) + Math.abs(z1 - z0);
    const mode = dist < WALK_ONLY_M ? MODE_WALK : P.mode[i]!;
    const tr = this.trip;
    const tt = this.travel.trip(mode, x0, z0, x1, z1, t, tr);
    this.trips++;
    const S = this.sensors;
    const car = tr.mode === MODE_CAR;
    const phone = P.phone[i] === 1;
    const rng = this.rng;
    const hooks = this.hooks;
    for (let k = 0; k < tr.n; k++) {
      const j = tr.junction[k]!;
      const tp = t + Math.round(tr.dtS[k]!);
      for (let q = S.junctionStart[j]!; q < S.junctionStart[j + 1]!; q++) {
        const s = S.junctionSensors[q]!;
        const kinds = S.kinds[s]!;
        // Draws happen whether or not the sensor is live, so a dark camera does not shift anyone else's records.
        const anpr = kinds & SENSOR_ANPR && car && rng.next() < P_ANPR;
        const face = kinds & SENSOR_FACE && !car && rng.next() < P_FACE;
        const wifi = kinds & SENSOR_WIFI && phone && rng.next() < (car ? P_WIFI_CAR : P_WIFI_WALK);
        if (hooks && !hooks.live[s]) continue;
        if (anpr) {
          this.logs.anpr.push(s, tp, i);
          hooks?.sighting(s, 'plate', tp, i);
        }
        if (face) {
          this.logs.face.push(s, tp, i);
          hooks?.sighting(s, 'face', tp, i);
        }
        if (wifi) this.logs.wifi.push(s, tp, i);
      }
    }
    if (tr.tapIn >= 0) {
      const tin = t + Math.round(tr.tapInS);
      const tout = t + Math.round(tr.tapOutS);
      this.logs.smartcard.push(tr.tapIn, tin, i);
      this.logs.smartcard.push(tr.tapOut, tout, i);
      if (phone && S.kinds[tr.tapIn]! & SENSOR_WIFI && rng.next() < P_WIFI_STATION) this.logs.wifi.push(tr.tapIn, tin, i);
      if (phone && S.kinds[tr.tapOut]! & SENSOR_WIFI && rng.next() < P_WIFI_STATION) this.logs.wifi.push(tr.tapOut, tout, i);
    }
    this.atPlace[i] = -1;
    this.phase[i] = PHASE_TRAVEL;
    this.schedule(i, t + Math.max(60, tt));
  }

  private arrive(i: number, t: number): void {
    const P = this.P;
    const to = this.dest[i]!;
    this.atPlace[i] = to;
    this.seenAtSite(to, i, t);
    const slot = this.destSlot[i]!;
    if (slot < 0) {
      this.occupancy.arrive(P.household[i]!, t);
      const k = this.planPos[i]!;
      if (k < this.plans.len[i]!) {
        // A new day's plan arrived while out.
        const base = i * PLAN_SLOTS;
        this.dest[i] = this.plans.place[base + k]!;
        this.destSlot[i] = k;
        this.phase[i] = PHASE_AT;
        this.schedule(i, this.dayStartS + this.plans.depart[base + k]!);
      } else this.phase[i] = PHASE_IDLE;
      return;
    }
    const base = i * PLAN_SLOTS;
    const site = this.plans.site[base + slot]!;
    if (site >= 0) this.logs.visits.push(site, t, i);
    this.planPos[i] = slot + 1;
    this.phase[i] = PHASE_AT;
    this.chooseNext(i, t + this.plans.dur[base + slot]!, this.dayStartS);
  }

  /** After an activity ending at `end`: straight on to the next one if it is soon, else home. */
  private chooseNext(i: number, end: number, dayStartS: number): void {
    const k = this.planPos[i]!;
    const base = i * PLAN_SLOTS;
    if (k < this.plans.len[i]! && dayStartS + this.plans.depart[base + k]! - end < GO_HOME_GAP_S) {
      this.dest[i] = this.plans.place[base + k]!;
      this.destSlot[i] = k;
      this.schedule(i, Math.max(end, dayStartS + this.plans.depart[base + k]!));
    } else {
      this.dest[i] = this.P.home[i]!;
      this.destSlot[i] = -1;
      this.schedule(i, end);
    }
  }

  private seenAtSite(building: number, i: number, t: number): void {
    const s = this.sensors.buildingSensor[building]!;
    if (s < 0) return;
    const kinds = this.sensors.kinds[s]!;
    const face = kinds & SENSOR_FACE && this.rng.next() < P_FACE_SITE;
    const wifi = kinds & SENSOR_WIFI && this.P.phone[i] === 1 && this.rng.next() < P_WIFI_WALK;
    const hooks = this.hooks;
    if (hooks && !hooks.live[s]) return;
    if (face) {
      this.logs.face.push(s, t, i);
      hooks?.sighting(s, 'face', t, i);
    }
    if (wifi) this.logs.wifi.push(s, t, i);
  }
}
