/**
 * Daily activity chains: for each resident, the day's out-of-home activities (work or school,
 * shopping, leisure, and now and then a sensitive site) with departure times and durations. The
 * distributions are round figures from the DfT National Travel Survey (NTS 2019, tables NTS0501
 * and NTS0504: trip start times peak 08:00–09:00 and 15:00–18:00; about 2.6 trips a day; shopping
 * and leisure dominate weekends) and school hours of 08:45–15:15. Plans are written into
 * preallocated typed arrays, K slots a person, sorted by departure, and never run past 23:00 so
 * that everyone is home by midnight, when the next day is planned.
 */
import type { Rng } from '../core';
import type { SensitiveKind } from './model';
import { OCC_EMPLOYED, OCC_PUPIL, OCC_STUDENT, type People } from './people';

export const PLAN_SLOTS = 5;
const H = 3600;
const LATEST_END = 23 * H;
const TRAVEL_ALLOWANCE = 20 * 60;

export interface Plans {
  /** Building of each slot (person * PLAN_SLOTS + k). */
  readonly place: Int32Array;
  /** Intended departure, seconds after the day's midnight. */
  readonly depart: Int32Array;
  /** Time spent there, seconds. */
  readonly dur: Int32Array;
  /** Which sensitive site a slot is (index), or -1. */
  readonly site: Int8Array;
  readonly len: Uint8Array;
}

export const makePlans = (n: number): Plans => ({
  place: new Int32Array(n * PLAN_SLOTS),
  depart: new Int32Array(n * PLAN_SLOTS),
  dur: new Int32Array(n * PLAN_SLOTS),
  site: new Int8Array(n * PLAN_SLOTS),
  len: new Uint8Array(n),
});

/** Per-site timing: typical departure hour, spread, duration (min) and which days it is open. */
const SITE_TIMING: Record<SensitiveKind, { hour: number; sd: number; min: number }> = {
  clinic: { hour: 13, sd: 2.5, min: 50 },
  'place-of-worship': { hour: 10, sd: 1, min: 90 },
  'job-centre': { hour: 11, sd: 1.5, min: 30 },
  'party-office': { hour: 19, sd: 0.7, min: 120 },
  'support-centre': { hour: 14, sd: 2.5, min: 75 },
};

export interface PlanContext {
  readonly people: People;
  readonly plans: Plans;
  readonly siteKind: readonly SensitiveKind[];
  readonly siteBuilding: readonly number[];
  /** An errand place near home (shop, café, gym): the nearest of a few drawn by floor area. */
  errand(person: number, rng: Rng): number;
}

// Scratch for one person's candidates (allocation-free per day).
const cPlace = new Int32Array(8);
const cDepart = new Int32Array(8);
const cDur = new Int32Array(8);
const cSite = new Int8Array(8);
const order = new Int32Array(8);
let cn = 0;

function add(place: number, depart: number, dur: number, site: number): void {
  if (place < 0 || cn >= 8) return;
  cPlace[cn] = place;
  cDepart[cn] = depart;
  cDur[cn] = Math.max(300, dur);
  cSite[cn] = site;
  cn++;
}

const clampT = (t: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, t)));

/** Plans day `weekday` (0 Monday) for everyone. */
export function planDay(ctx: PlanContext, weekday: number, rng: Rng): void {
  const { people: P, plans } = ctx;
  const weekend = weekday >= 5;
  for (let i = 0; i < P.count; i++) {
    cn = 0;
    const occ = P.occupation[i]!;
    let busyUntil = 0;
    if (!weekend || (occ === OCC_EMPLOYED && rng.chance(0.12))) {
      if (occ === OCC_EMPLOYED && rng.chance(weekend ? 1 : 0.85)) {
        const partTime = rng.chance(0.27);
        const dep = clampT(rng.normal(7.9, 0.9) * H, 5 * H, 12 * H);
        const dur = partTime ? rng.normal(5, 1) * H : rng.normal(8.8, 0.7) * H;
        add(P.work[i]!, dep, dur, -1);
        busyUntil = dep + dur;
      } else if (occ === OCC_PUPIL && !weekend) {
        const dep = clampT(rng.normal(8.25, 0.15) * H, 7.5 * H, 9 * H);
        add(P.work[i]!, dep, 15.25 * H - dep - 15 * 60, -1);
        busyUntil = 15.25 * H;
      } else if (occ === OCC_STUDENT && !weekend && rng.chance(0.8)) {
        const dep = clampT(rng.normal(9.5, 1.2) * H, 7 * H, 14 * H);
        const dur = rng.normal(5.5, 1.5) * H;
        add(P.work[i]!, dep, dur, -1);
        busyUntil = dep + dur;
      }
    }
    const pShop = weekend ? 0.45 : busyUntil > 0 ? 0.22 : 0.55;
    if (rng.chance(pShop)) {
      const dep = busyUntil > 0 ? busyUntil + TRAVEL_ALLOWANCE : clampT(rng.normal(weekend ? 12 : 11, 2) * H, 8 * H, 19 * H);
      add(ctx.errand(i, rng), dep, rng.normal(40, 15) * 60, -1);
    }
    const pLeisure = weekend ? 0.45 : occ === OCC_PUPIL ? 0.15 : busyUntil > 0 ? 0.18 : 0.3;
    if (rng.chance(pLeisure)) {
      const dep =
        busyUntil > 0 ? clampT(rng.normal(19, 1) * H, busyUntil + TRAVEL_ALLOWANCE, 21.5 * H) : clampT(rng.normal(weekend ? 15 : 14.5, 2.5) * H, 9 * H, 21 * H);
      add(ctx.errand(i, rng), dep, rng.normal(2, 0.7) * H, -1);
    }
    for (let slot = 0; slot < 2; slot++) {
      const s = slot === 0 ? P.siteA[i]! : P.siteB[i]!;
      if (s < 0) continue;
      const weekly = slot === 0 ? P.rateA[i]! : P.rateB[i]!;
      const kind = ctx.siteKind[s]!;
      const daily =
        kind === 'place-of-worship'
          ? weekly * (weekday === 6 ? 0.8 : 0.2 / 6)
          : kind === 'party-office' || !weekend
            ? weekly / (kind === 'party-office' ? 7 : 5)
            : 0;
      if (!rng.chance(daily)) continue;
      const t = SITE_TIMING[kind];
      add(ctx.siteBuilding[s]!, clampT(rng.normal(t.hour, t.sd) * H, 8 * H, 21 * H), rng.normal(t.min, t.min * 0.2) * 60, s);
    }
    const n = cn;
    // Sort by departure (insertion sort on ≤ 8), then push later ones back so they never overlap.
    for (let k = 0; k < n; k++) order[k] = k;
    for (let a = 1; a < n; a++) {
      const v = order[a]!;
      let b = a - 1;
      while (b >= 0 && cDepart[order[b]!]! > cDepart[v]!) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = v;
    }
    const base = i * PLAN_SLOTS;
    let len = 0;
    let free = 0;
    for (let k = 0; k < n && len < PLAN_SLOTS; k++) {
      const c = order[k]!;
      const dep = Math.max(cDepart[c]!, free);
      const end = dep + cDur[c]!;
      if (end > LATEST_END) continue;
      plans.place[base + len] = cPlace[c]!;
      plans.depart[base + len] = dep;
      plans.dur[base + len] = cDur[c]!;
      plans.site[base + len] = cSite[c]!;
      len++;
      free = end + TRAVEL_ALLOWANCE;
    }
    plans.len[i] = len;
  }
}
