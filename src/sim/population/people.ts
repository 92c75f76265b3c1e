/**
 * Synthetic residents as structure-of-arrays: home building, household, age band, occupation,
 * usual place of work or school, usual travel mode, whether they carry a phone, and up to two
 * sensitive sites they visit with a weekly rate. Households are drawn from the ONS Census 2021
 * household-size distribution and placed in homes by floor area; economic activity by age follows
 * the ONS Labour Force Survey in round figures; car commuting share from the DfT National Travel
 * Survey (NTS 2019: about two thirds of commutes by car); smartphone ownership from Ofcom (2023).
 */
import type { BuildingTable, Rng } from '../core';
import type { SensitiveKind, SensitiveSiteSpec } from './model';

export const AGE_CHILD = 0; // 0–15
export const AGE_YOUNG = 1; // 16–24
export const AGE_ADULT = 2; // 25–44
export const AGE_MIDDLE = 3; // 45–64
export const AGE_OLD = 4; // 65+

export const OCC_PUPIL = 0;
export const OCC_EMPLOYED = 1;
export const OCC_STUDENT = 2;
export const OCC_UNEMPLOYED = 3;
export const OCC_RETIRED = 4;
export const OCC_HOME = 5;

export const MODE_WALK = 0;
export const MODE_CAR = 1;
export const MODE_TRANSIT = 2;

export interface People {
  readonly count: number;
  readonly home: Int32Array;
  readonly household: Int32Array;
  readonly age: Uint8Array;
  readonly occupation: Uint8Array;
  /** Building of work or school, -1 for none. */
  readonly work: Int32Array;
  readonly mode: Uint8Array;
  readonly phone: Uint8Array;
  /** Up to two sensitive sites (index into the site list, -1 none) and their visits per week. */
  readonly siteA: Int8Array;
  readonly rateA: Float32Array;
  readonly siteB: Int8Array;
  readonly rateB: Float32Array;
  readonly households: number;
  /** Home building of each household. */
  readonly householdHome: Int32Array;
  readonly householdSize: Uint8Array;
}

/** ONS Census 2021 (England and Wales), households by size 1..6. */
const HOUSEHOLD_SIZE = [0.301, 0.328, 0.158, 0.135, 0.052, 0.026];

/** A sampler over buildings by weight (floor area), by binary search on the cumulative sum. */
export class BuildingSampler {
  private readonly cum: Float64Array;
  private readonly idx: Int32Array;
  constructor(b: BuildingTable, accept: (use: number) => boolean) {
    const ids: number[] = [];
    for (let i = 0; i < b.count; i++) if (accept(b.use[i]!)) ids.push(i);
    this.idx = Int32Array.from(ids);
    this.cum = new Float64Array(ids.length);
    let s = 0;
    ids.forEach((i, k) => {
      s += b.w[i]! * b.d[i]! * Math.max(1, Math.round(b.h[i]! / 3));
      this.cum[k] = s;
    });
  }
  get size(): number {
    return this.idx.length;
  }
  pick(rng: Rng): number {
    if (this.idx.length === 0) return -1;
    const r = rng.next() * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.idx[lo]!;
  }
}

const drawSize = (rng: Rng): number => {
  let r = rng.next();
  for (let k = 0; k < HOUSEHOLD_SIZE.length; k++) {
    r -= HOUSEHOLD_SIZE[k]!;
    if (r < 0) return k + 1;
  }
  return 6;
};

/** Weekly visit rates of the people who visit at all (see sensitiveAffinity). */
const SITE_RATE: Record<SensitiveKind, number> = {
  'job-centre': 0.5, // Universal Credit claimants attend about fortnightly
  'place-of-worship': 0.9, // regular attenders, mostly weekly
  clinic: 0.15, // a repeat sexual-health service user: every few months
  'party-office': 0.3, // active party members
  'support-centre': 0.8, // weekly support sessions
};

export function makePeople(n: number, b: BuildingTable, schools: readonly number[], sites: readonly SensitiveSiteSpec[], rng: Rng): People {
  const homes = new BuildingSampler(b, (u) => u === 0);
  const jobs = new BuildingSampler(b, (u) => u === 1 || u === 2);
  const home = new Int32Array(n);
  const household = new Int32Array(n);
  const age = new Uint8Array(n);
  const occupation = new Uint8Array(n);
  const work = new Int32Array(n).fill(-1);
  const mode = new Uint8Array(n);
  const phone = new Uint8Array(n);
  const siteA = new Int8Array(n).fill(-1);
  const rateA = new Float32Array(n);
  const siteB = new Int8Array(n).fill(-1);
  const rateB = new Float32Array(n);
  const hhHome: number[] = [];
  const hhSize: number[] = [];
  const siteOf = (kind: SensitiveKind) => sites.findIndex((s) => s.kind === kind);
  let p = 0;
  while (p < n) {
    const size = Math.min(drawSize(rng), n - p);
    const h = hhHome.length;
    const hb = homes.pick(rng);
    hhHome.push(hb);
    hhSize.push(size);
    const older = size <= 2 && rng.chance(0.32);
    const loneParent = size === 2 && !older && rng.chance(0.15);
    for (let k = 0; k < size; k++, p++) {
      home[p] = hb;
      household[p] = h;
      let a: number;
      if (k === 0 || (k === 1 && !loneParent && size <= 2))
        a = older
          ? AGE_OLD
          : size === 1
            ? [AGE_YOUNG, AGE_ADULT, AGE_ADULT, AGE_MIDDLE, AGE_MIDDLE][rng.int(0, 4)]!
            : rng.chance(0.55)
              ? AGE_ADULT
              : AGE_MIDDLE;
      else if (k === 1 && size > 2) a = age[p - 1]!;
      else a = rng.chance(0.7) ? AGE_CHILD : AGE_YOUNG;
      age[p] = a;
      occupation[p] = occupationFor(a, rng);
    }
  }
  for (let i = 0; i < n; i++) {
    const occ = occupation[i]!;
    const hx = b.x[home[i]!]!;
    const hz = b.z[home[i]!]!;
    if (occ === OCC_PUPIL && schools.length > 0) {
      let best = schools[0]!;
      let bd = Infinity;
      for (const s of schools) {
        const d = Math.abs(b.x[s]! - hx) + Math.abs(b.z[s]! - hz);
        if (d < bd) {
          bd = d;
          best = s;
        }
      }
      work[i] = best;
    } else if (occ === OCC_EMPLOYED || occ === OCC_STUDENT) work[i] = jobs.pick(rng);
    const adult = age[i]! >= AGE_YOUNG;
    const r = rng.next();
    mode[i] = adult && r < 0.6 ? MODE_CAR : r < 0.78 ? MODE_TRANSIT : MODE_WALK;
    phone[i] = rng.chance(age[i] === AGE_CHILD ? 0.55 : age[i] === AGE_OLD ? 0.8 : 0.95) ? 1 : 0;
    // Sensitive sites: who visits at all, then how often (rates above).
    const wants: SensitiveKind[] = [];
    if (occ === OCC_UNEMPLOYED) wants.push('job-centre');
    if (rng.chance(age[i] === AGE_OLD ? 0.12 : 0.06)) wants.push('place-of-worship');
    if ((age[i] === AGE_YOUNG || age[i] === AGE_ADULT) && rng.chance(0.025)) wants.push('clinic');
    if (adult && rng.chance(0.015)) wants.push('party-office');
    if (adult && rng.chance(0.007)) wants.push('support-centre');
    for (const kind of wants) {
      const s = siteOf(kind);
      if (s < 0) continue;
      if (siteA[i] === -1) {
        siteA[i] = s;
        rateA[i] = SITE_RATE[kind];
      } else if (siteB[i] === -1) {
        siteB[i] = s;
        rateB[i] = SITE_RATE[kind];
      }
    }
  }
  return {
    count: n,
    home,
    household,
    age,
    occupation,
    work,
    mode,
    phone,
    siteA,
    rateA,
    siteB,
    rateB,
    households: hhHome.length,
    householdHome: Int32Array.from(hhHome),
    householdSize: Uint8Array.from(hhSize),
  };
}

function occupationFor(a: number, rng: Rng): number {
  const r = rng.next();
  switch (a) {
    case AGE_CHILD:
      return OCC_PUPIL;
    case AGE_YOUNG:
      return r < 0.45 ? OCC_STUDENT : r < 0.9 ? OCC_EMPLOYED : OCC_UNEMPLOYED;
    case AGE_OLD:
      return r < 0.9 ? OCC_RETIRED : OCC_EMPLOYED;
    default:
      return r < 0.78 ? OCC_EMPLOYED : r < 0.82 ? OCC_UNEMPLOYED : OCC_HOME;
  }
}
