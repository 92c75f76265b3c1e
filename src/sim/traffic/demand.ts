/**
 * Travel demand. Random trips, as SUMO's randomTrips.py makes them: one trip every `periodS`
 * seconds between an origin and a destination link drawn uniformly (distinct). City trips: a
 * daily profile with morning and evening peaks, between homes, workplaces, schools and services
 * (each a list of links weighted by the buildings along them).
 */
import type { Rng } from '../core';

export interface RandomTripsSpec {
  readonly periodS: number;
  readonly untilS: number;
  readonly fromS?: number;
}

/** Places trips start or end at: links, each with a weight (e.g. floor area of the buildings on it). */
export interface Zone {
  readonly links: Int32Array;
  readonly weights: Float64Array;
}

export interface CityDemandSpec {
  readonly homes: Zone;
  readonly work: Zone;
  readonly schools: Zone;
  readonly services: Zone;
  /** Trips per hour at the height of the morning peak. */
  readonly peakTripsPerHour: number;
  /** Clock time, in hours after midnight, at simulation time 0. */
  readonly startHour: number;
}

/** Trips listed one by one (a SUMO demand file): id, departure, origin and destination links, sorted by departure. */
export interface TripList {
  readonly ids: readonly string[];
  readonly departMs: Float64Array;
  readonly origin: Int32Array;
  readonly dest: Int32Array;
  /** Per trip, the route as links when the file gives one (driven as given), else null (routed by the twin). */
  readonly routes: readonly (Int32Array | null)[];
}

export interface Trip {
  origin: number;
  dest: number;
}

/**
 * Share of the peak trip rate at a clock hour: a base of 15% overnight-to-midday, with Gaussian
 * morning (08:00, σ 1 h) and evening (17:30, σ 1.25 h, 90% of the morning height) peaks — the
 * double-peaked weekday profile of UK National Travel Survey table NTS0501.
 */
export function dailyProfile(hour: number): number {
  const h = ((hour % 24) + 24) % 24;
  const g = (mu: number, sd: number) => Math.exp(-0.5 * ((h - mu) / sd) ** 2);
  const night = h < 6 || h > 22 ? 0.3 : 1;
  return Math.min(1, 0.15 * night + 0.85 * g(8, 1) + 0.77 * g(17.5, 1.25));
}

export class ZonePicker {
  private readonly cum: Float64Array;
  constructor(readonly zone: Zone) {
    this.cum = new Float64Array(zone.weights.length);
    let s = 0;
    for (let i = 0; i < zone.weights.length; i++) this.cum[i] = s += zone.weights[i]!;
  }
  get empty(): boolean {
    return this.cum.length === 0 || this.cum[this.cum.length - 1]! <= 0;
  }
  pick(rng: Rng): number {
    const t = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return this.zone.links[lo]!;
  }
}

/** Trips due in (fromMs, toMs] for random trips; calls emit(origin, dest) for each. */
export function randomTripsDue(spec: RandomTripsSpec, linkCount: number, rng: Rng, fromMs: number, toMs: number, emit: (o: number, d: number) => void): void {
  const period = spec.periodS * 1000;
  const start = (spec.fromS ?? 0) * 1000;
  const until = spec.untilS * 1000;
  // Trip k departs at start + k·period; those with a time in (fromMs, toMs] are due now.
  const first = Math.max(0, Math.floor((fromMs - start) / period) + 1);
  for (let k = first; ; k++) {
    const t = start + k * period;
    if (t > toMs || t >= until) break;
    const o = Math.floor(rng.next() * linkCount);
    let d = Math.floor(rng.next() * (linkCount - 1));
    if (d >= o) d++;
    emit(o, d);
  }
}

/** City trips due in (fromMs, toMs]: a Poisson-thinned count at the profile's rate. */
export function cityTripsDue(
  spec: CityDemandSpec,
  pick: { homes: ZonePicker; work: ZonePicker; schools: ZonePicker; services: ZonePicker },
  rng: Rng,
  fromMs: number,
  toMs: number,
  emit: (o: number, d: number) => void,
): void {
  const hour = spec.startHour + fromMs / 3_600_000;
  const h = ((hour % 24) + 24) % 24;
  const rate = (spec.peakTripsPerHour * dailyProfile(hour) * (toMs - fromMs)) / 3_600_000;
  // Bernoulli per step is exact enough at these rates (well under one trip per step per stream);
  // carry the whole part and draw the fraction.
  let count = Math.floor(rate);
  if (rng.next() < rate - count) count++;
  for (let i = 0; i < count; i++) {
    const morning = h >= 6 && h < 11;
    const evening = h >= 15 && h < 20;
    const r = rng.next();
    let o: number;
    let d: number;
    if (morning) {
      o = pick.homes.pick(rng);
      d = r < 0.2 && !pick.schools.empty ? pick.schools.pick(rng) : r < 0.85 ? pick.work.pick(rng) : pick.services.pick(rng);
    } else if (evening) {
      o = r < 0.75 ? pick.work.pick(rng) : r < 0.85 && !pick.schools.empty ? pick.schools.pick(rng) : pick.services.pick(rng);
      d = pick.homes.pick(rng);
    } else {
      o = r < 0.5 ? pick.homes.pick(rng) : pick.services.pick(rng);
      d = r < 0.5 ? pick.services.pick(rng) : pick.homes.pick(rng);
    }
    if (o !== d) emit(o, d);
  }
}
