/**
 * How long a trip takes and which junctions it passes, by mode. `TravelModel` is the seam: when
 * the city has a traffic model, simulation.ts passes one that routes on its road network with its
 * current travel times (src/sim/couplings/network-travel.ts). `GridTravel` is the stand-alone fallback on
 * the generated city's street grid — cars take the arterial grid (every 400 m, where the cameras
 * are), pedestrians take the Manhattan path on local streets, transit riders walk to the nearest
 * station, wait for the next departure (10-minute headway) and ride. Speeds are round urban
 * averages (DfT congestion statistics CGN0501: about 30 km/h on urban A roads; walking 4.7 km/h,
 * NTS).
 */
import { MODE_CAR, MODE_TRANSIT } from './people';
import type { SensorIndex } from './sensors';

export const MAX_PASSES = 128;

/** Output of one trip query: junctions passed with their time offsets, and transit taps. */
export class TripBuffer {
  n = 0;
  readonly junction = new Int32Array(MAX_PASSES);
  readonly dtS = new Float32Array(MAX_PASSES);
  /** Station sensors tapped in and out (-1 when the trip is not by transit) and their offsets. */
  tapIn = -1;
  tapOut = -1;
  tapInS = 0;
  tapOutS = 0;
  /** The mode actually used (transit falls back to walking when both ends share a station). */
  mode = 0;
}

export interface TravelModel {
  /** Seconds from departure to arrival; fills `out` with what the trip passes. */
  trip(mode: number, x0: number, z0: number, x1: number, z1: number, departS: number, out: TripBuffer): number;
}

const CAR_ARTERIAL_MPS = 30 / 3.6;
/** Speeds and waits every travel model shares (the network model, src/sim/couplings/network-travel.ts, too). */
export const CAR_LOCAL_MPS = 18 / 3.6;
export const CAR_ACCESS_S = 90; // to the car and parking at the far end
export const WALK_MPS = 4.7 / 3.6;
const RIDE_MPS = 20 / 3.6; // bus or tram including stops
export const HEADWAY_S = 600;
const NEAR_ARTERIAL_M = 30;

/**
 * A transit trip from station `sa` to `sb` whose ride takes `rideS`: walk to `sa`, wait for the
 * next departure, ride, walk on from `sb`. Records the taps in `out`; seconds door to door.
 */
export function transitTrip(
  s: SensorIndex,
  sa: number,
  sb: number,
  rideS: number,
  x0: number,
  z0: number,
  x1: number,
  z1: number,
  departS: number,
  out: TripBuffer,
): number {
  out.mode = MODE_TRANSIT;
  const walkA = (Math.abs(s.x[sa]! - x0) + Math.abs(s.z[sa]! - z0)) / WALK_MPS;
  const wait = HEADWAY_S - (Math.floor(departS + walkA) % HEADWAY_S);
  const walkB = (Math.abs(x1 - s.x[sb]!) + Math.abs(z1 - s.z[sb]!)) / WALK_MPS;
  out.tapIn = sa;
  out.tapInS = walkA;
  out.tapOut = sb;
  out.tapOutS = walkA + wait + rideS;
  return walkA + wait + rideS + walkB;
}

export class GridTravel implements TravelModel {
  private readonly a: number;
  constructor(private readonly sensors: SensorIndex) {
    this.a = sensors.arterialM;
  }

  trip(mode: number, x0: number, z0: number, x1: number, z1: number, departS: number, out: TripBuffer): number {
    out.n = 0;
    out.tapIn = -1;
    out.tapOut = -1;
    if (mode === MODE_CAR) {
      out.mode = MODE_CAR;
      return this.car(x0, z0, x1, z1, out);
    }
    if (mode === MODE_TRANSIT) {
      const s = this.sensors;
      const sa = s.nearestStation(x0, z0);
      const sb = s.nearestStation(x1, z1);
      if (sa >= 0 && sb >= 0 && sa !== sb) {
        const ride = (Math.abs(s.x[sb]! - s.x[sa]!) + Math.abs(s.z[sb]! - s.z[sa]!)) / RIDE_MPS;
        return transitTrip(s, sa, sb, ride, x0, z0, x1, z1, departS, out);
      }
    }
    out.mode = 0;
    return this.walk(x0, z0, x1, z1, out);
  }

  private pass(out: TripBuffer, jc: number, jr: number, dtS: number): void {
    const s = this.sensors;
    if (out.n >= MAX_PASSES) return;
    const j = s.junctionAt(jc * this.a, jr * this.a);
    if (j < 0 || s.junctionStart[j + 1] === s.junctionStart[j]) return;
    out.junction[out.n] = j;
    out.dtS[out.n] = dtS;
    out.n++;
  }

  /** Local street to the nearest arterial row, along it to the destination's arterial column, down it, local street in. */
  private car(x0: number, z0: number, x1: number, z1: number, out: TripBuffer): number {
    const a = this.a;
    const r0 = Math.round(z0 / a);
    const c1 = Math.round(x1 / a);
    let t = CAR_ACCESS_S / 2 + Math.abs(r0 * a - z0) / CAR_LOCAL_MPS;
    const xa = c1 * a;
    const dir = xa >= x0 ? 1 : -1;
    let c = dir > 0 ? Math.ceil(x0 / a) : Math.floor(x0 / a);
    let x = x0;
    for (; dir > 0 ? c <= c1 : c >= c1; c += dir) {
      t += Math.abs(c * a - x) / CAR_ARTERIAL_MPS;
      x = c * a;
      this.pass(out, c, r0, t);
    }
    t += Math.abs(xa - x) / CAR_ARTERIAL_MPS;
    const zTarget = z1;
    const zdir = zTarget >= r0 * a ? 1 : -1;
    let z = r0 * a;
    for (let r = r0 + zdir; zdir > 0 ? r * a <= zTarget : r * a >= zTarget; r += zdir) {
      t += Math.abs(r * a - z) / CAR_ARTERIAL_MPS;
      z = r * a;
      this.pass(out, c1, r, t);
    }
    t += Math.abs(zTarget - z) / CAR_ARTERIAL_MPS + Math.abs(x1 - xa) / CAR_LOCAL_MPS + CAR_ACCESS_S / 2;
    return t;
  }

  /** Along the origin's street to the destination's column, then along that column. */
  private walk(x0: number, z0: number, x1: number, z1: number, out: TripBuffer): number {
    const a = this.a;
    const r0 = Math.round(z0 / a);
    const onRow = Math.abs(r0 * a - z0) < NEAR_ARTERIAL_M;
    const dir = x1 >= x0 ? 1 : -1;
    if (onRow) {
      for (let c = dir > 0 ? Math.ceil(x0 / a) : Math.floor(x0 / a); dir > 0 ? c * a <= x1 : c * a >= x1; c += dir)
        this.pass(out, c, r0, Math.abs(c * a - x0) / WALK_MPS);
    }
    const c1 = Math.round(x1 / a);
    const onCol = Math.abs(c1 * a - x1) < NEAR_ARTERIAL_M;
    const tx = Math.abs(x1 - x0) / WALK_MPS;
    const zdir = z1 >= z0 ? 1 : -1;
    if (onCol) {
      for (let r = zdir > 0 ? Math.ceil(z0 / a) : Math.floor(z0 / a); zdir > 0 ? r * a <= z1 : r * a >= z1; r += zdir)
        this.pass(out, c1, r, tx + Math.abs(r * a - z0) / WALK_MPS);
    }
    return tx + Math.abs(z1 - z0) / WALK_MPS;
  }
}
