/**
 * The last step of the linkage attack: tie merged identities to homes, and so to households,
 * through the smart meters. A household whose meter shows the home emptying in the half-hour slot
 * of the identity's first sighting of the day, or one either side, and filling again — for the
 * first or the last time that day — in the slot of its last sighting or the next, on at least
 * three and most of the days it was seen, and on two days more than any other household near
 * where it is first seen, is taken to be its home. The meter is read as the attacker would read
 * it, against each household's own night-time baseline (meter-occupancy.ts).
 *
 * Why the last fill as well as the first: the day's last sighting is the last return home, so a
 * resident who comes home from work and goes out again in the evening is back when the home fills
 * for the last time. That shows only when nobody else was in; an evening out of a home where
 * others stay shows nothing on the meter, and such a day does not fit.
 *
 * The confidence of a tie is the attacker's own estimate of the chance it is right, made without
 * the truth by the target–decoy method (Elias and Gygi 2007, Nature Methods 4:207): each identity
 * is also looked for half the city away, where its home is not, and the ties the same rule makes
 * there, at a margin (days fitted by the best household less those of the runner-up, over days
 * seen) like a real tie's, estimate the share of real ties at that margin that are chance. A
 * little cautious: a decoy search has no true home to lose to. (A town under a kilometre or so
 * across has no room for a decoy search, and its ties all read 1.)
 *
 * Each identity's candidates are found through households bucketed by (slot emptied, slot filled)
 * and ordered by place within a bucket; the scan reads copies of their places laid out in bucket
 * order, and each household's days in one interleaved row, so it runs through memory in order.
 */
import type { ReleasedMeters } from '../population';
import type { Identities } from './linkage';
import { DAY_S } from '../core';
import { homeRhythm } from './meter-occupancy';
import { gallopLowerBound } from './point-index';

/** First sightings fall within this of home: the nearest arterial crossing or station is at most 400 m away on each axis. */
const HOME_RADIUS_M = 450;
/** Days on which a household's meter must fit an identity's comings and goings. */
const MIN_DAYS = 3;
/** Identities per decoy search at most: beyond this many, every n-th identity gets one. */
const DECOY_SAMPLE = 80_000;

export interface HomeMatches {
  /** Meter row (household pseudonym) each identity is tied to, or -1. */
  readonly household: Int32Array;
  /** Per tied identity, the attacker's estimate (0 to 1) that the tie is right; 0 when untied. */
  readonly confidence: Float32Array;
  /** Identities seen on at least two days (the only ones a home can be tied to). */
  readonly candidates: number;
}

/**
 * Ties identities to households through the smart meters. `startHour` turns run time into days.
 */
export function matchHomes(ids: Identities, meters: ReleasedMeters, startHour: number): HomeMatches {
  const E = ids.entities;
  const household = new Int32Array(E).fill(-1);
  const confidence = new Float32Array(E);
  if (!meters.linkable || meters.slots === 0) return { household, confidence, candidates: 0 };
  const off = startHour * 3600;
  let maxT = 0;
  ids.datasets.forEach((d, k) => {
    const g = ids.groups?.[k];
    if (g) maxT = Math.max(maxT, g.maxT);
    else for (let i = 0; i < d.rel.n; i++) if (d.rel.t[i]! > maxT) maxT = d.rel.t[i]!;
  });
  const days = Math.max(1, Math.floor((Math.max(maxT, meters.slots * meters.slotS) + off) / DAY_S) + 1);
  // Per identity and day: first sighting (time, and which record: the first of equal times in
  // dataset and row order) and last sighting (time), interleaved; and the first sighting's place.
  const times = new Int32Array(3 * E * days).fill(-1);
  const firstXZ = new Float32Array(2 * E * days);
  const note = (e: number, t: number, x: number, z: number, seq: number) => {
    const day = Math.floor((t + off) / DAY_S);
    if (day < 0 || day >= days) return;
    const k = e * days + day;
    const f = times[3 * k]!;
    if (f === -1 || t < f || (t === f && seq < times[3 * k + 2]!)) {
      times[3 * k] = t;
      times[3 * k + 2] = seq;
      firstXZ[2 * k] = x;
      firstXZ[2 * k + 1] = z;
    }
    if (t > times[3 * k + 1]!) times[3 * k + 1] = t;
  };
  let seq0 = 0;
  ids.datasets.forEach((d, di) => {
    const g = ids.groups?.[di];
    if (g) {
      // Trace by trace: one identity's records land close together.
      for (let tr = 0; tr < d.traces; tr++) {
        const e = ids.entityOf[d.offset + tr]!;
        for (let j = g.start[tr]!, end = g.start[tr + 1]!; j < end; j++) note(e, g.t[j]!, g.placeX[g.place[j]!]!, g.placeZ[g.place[j]!]!, seq0 + g.row[j]!);
      }
    } else {
      const r = d.rel;
      for (let i = 0; i < r.n; i++) note(ids.entityOf[d.offset + d.trace[i]!]!, r.t[i]!, r.x[i]!, r.z[i]!, seq0 + i);
    }
    seq0 += d.rel.n;
  });
  const H = meters.households;
  const S = meters.slotS;
  const SL = meters.slots;
  const dr = homeRhythm(meters, days, off);
  // A household-day is listed under (slot emptied, first slot filled) and, if it fills again later, (slot emptied, last slot filled).
  const each = (k: number, f: (d: number, r: number) => void) => {
    if (dr[3 * k]! < 0 || dr[3 * k + 1]! < 0) return;
    f(dr[3 * k]!, dr[3 * k + 1]!);
    if (dr[3 * k + 2] !== dr[3 * k + 1]) f(dr[3 * k]!, dr[3 * k + 2]!);
  };

  // Household-days by (slot the home empties, slot it fills again), CSR: the candidates for an
  // identity are those whose home emptied and filled around its first and last sighting of a day.
  const pairStart = new Int32Array(SL * SL + 1);
  for (let k = 0; k < H * days; k++) each(k, (d, r) => pairStart[d * SL + r + 1]!++);
  for (let q = 0; q < SL * SL; q++) pairStart[q + 1]! += pairStart[q]!;
  const pairFill = pairStart.slice(0, SL * SL);
  const M = pairStart[SL * SL]!;
  const pairHh = new Int32Array(M);
  // Households in order of (strip of x, z), so in each bucket a strip's z-range is one binary search.
  const radius = HOME_RADIUS_M + meters.settings.cellM;
  const strip = radius;
  const place = new Float64Array(H);
  let minX = Infinity;
  let maxX = -Infinity;
  for (let h = 0; h < H; h++) {
    const x = meters.x[h]!;
    place[h] = Number.isFinite(x) ? Math.floor(x / strip) * 1e6 + meters.z[h]! : -1;
    if (Number.isFinite(x)) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
    }
  }
  const byPlace = Int32Array.from({ length: H }, (_, h) => h).sort((a, b) => place[a]! - place[b]! || a - b);
  for (const h of byPlace) {
    if (place[h]! < 0) continue;
    for (let day = 0; day < days; day++) each(h * days + day, (d, r) => (pairHh[pairFill[d * SL + r]!++] = h));
  }
  // The scan's reads, in bucket order: each entry's place and its household's days (slots fit 16 bits
  // whenever the slot-pair table above fits in memory).
  const pairPlace = new Float64Array(M);
  const pairX = new Float32Array(M);
  const pairZ = new Float32Array(M);
  const W = 3 * days;
  const pairDays = SL < 32767 ? new Int16Array(M * W) : new Int32Array(M * W);
  for (let q = 0; q < M; q++) {
    const h = pairHh[q]!;
    pairPlace[q] = place[h]!;
    pairX[q] = meters.x[h]!;
    pairZ[q] = meters.z[h]!;
    pairDays.set(dr.subarray(h * W, h * W + W), q * W);
  }

  const seen = new Int32Array(H).fill(-1);
  const obsDays = new Int32Array(days);
  const firstSlot = new Int32Array(days);
  const lastSlot = new Int32Array(days);
  const xs = new Float32Array(days);
  const zs = new Float32Array(days);
  const sorted = new Float64Array(days);
  let nd = 0;
  let need = 0;
  let best = -1;
  let b1 = 0;
  let b2 = 0;
  /** The best and runner-up households for the identity's days (in obsDays...) around (ax, az); `tag` marks households seen. */
  const search = (ax: number, az: number, tag: number) => {
    best = -1;
    b1 = 0;
    b2 = 0;
    // Any household that fits on `need - 1` days or more fits on one of these seed days (pigeonhole).
    const seeds = Math.min(nd, nd - need + 2);
    for (let j0 = 0; j0 < seeds; j0++) {
      const fs0 = firstSlot[j0]!;
      const ls0 = lastSlot[j0]!;
      for (let ds = Math.max(0, fs0 - 1); ds <= Math.min(SL - 1, fs0 + 1); ds++) {
        for (let rs = Math.max(0, ls0); rs <= Math.min(SL - 1, ls0 + 1); rs++) {
          const be = pairStart[ds * SL + rs + 1]!;
          // Strips in order: each search gallops on from where the last strip's range ended.
          let lo = pairStart[ds * SL + rs]!;
          for (let st = Math.floor((ax - radius) / strip); st <= Math.floor((ax + radius) / strip); st++) {
            const from = st * 1e6 + az - radius;
            const to = st * 1e6 + az + radius;
            lo = gallopLowerBound(pairPlace, lo, be, from, 1);
            let q = lo;
            for (; q < be && pairPlace[q]! <= to; q++) {
              const h = pairHh[q]!;
              if (seen[h] === tag) continue;
              seen[h] = tag;
              if (Math.abs(pairX[q]! - ax) > radius || Math.abs(pairZ[q]! - az) > radius) continue;
              // Days on which the meter fits; stop once this household can beat neither the bar nor the runner-up.
              const bar = Math.max(need - 1, b2 + 1);
              const row = q * W;
              let matched = 0;
              for (let j = 0; j < nd; j++) {
                if (matched + (nd - j) < bar) break;
                const o = row + 3 * obsDays[j]!;
                const d = pairDays[o]!;
                const fs = firstSlot[j]!;
                const ls = lastSlot[j]!;
                if (d < 0 || d < fs - 1 || d > fs + 1) continue;
                const r = pairDays[o + 1]!;
                const r2 = pairDays[o + 2]!;
                if ((r >= ls && r <= ls + 1) || (r2 >= ls && r2 <= ls + 1)) matched++;
              }
              if (matched > b1) {
                b2 = b1;
                b1 = matched;
                best = h;
              } else if (matched > b2) b2 = matched;
            }
            lo = q;
          }
        }
      }
    }
    return best >= 0 && b1 >= need && b1 - b2 >= 2;
  };

  // Decoys: the same search half the city's width away (wrapping round), where the home is not.
  const span = maxX - minX;
  const decoyX = (ax: number) => minX + ((((ax - minX + span / 2) % span) + span) % span);
  const margins: number[] = [];
  const decoyMargins: number[] = [];
  // In a large city a sample of the identities makes enough decoy searches (each then stands for `every`).
  const every = Math.max(1, Math.floor(E / DECOY_SAMPLE));
  let candidates = 0;
  for (let e = 0; e < E; e++) {
    nd = 0;
    for (let day = 0; day < days; day++) {
      const k = e * days + day;
      const first = times[3 * k]!;
      const last = times[3 * k + 1]!;
      if (first < 0 || last - first < 1800) continue;
      obsDays[nd] = day;
      firstSlot[nd] = Math.floor(first / S);
      lastSlot[nd] = Math.floor(last / S);
      xs[nd] = firstXZ[2 * k]!;
      zs[nd] = firstXZ[2 * k + 1]!;
      nd++;
    }
    if (nd < MIN_DAYS) continue;
    candidates++;
    const ax = median(xs, nd, sorted);
    const az = median(zs, nd, sorted);
    need = Math.max(MIN_DAYS, Math.ceil(0.6 * nd));
    if (span > 2 * radius && e % every === 0 && search(decoyX(ax), az, -2 - e)) decoyMargins.push((b1 - b2) / nd);
    if (search(ax, az, e)) {
      household[e] = best;
      margins.push((b1 - b2) / nd);
    }
  }
  // Margins to estimated chances of being right (margins in identity order, as computed: equal fractions compare equal).
  const right = precisionByMargin(margins, decoyMargins, every);
  for (let e = 0, i = 0; e < E; e++) if (household[e]! >= 0) confidence[e] = right(margins[i++]!);
  return { household, confidence, candidates };
}

/**
 * The estimated share of right ties at each margin: 1 − decoy ties / real ties, margin level by
 * level (a decoy counts at the highest real level at or below its own), pooled with neighbours
 * where needed so that a wider margin is never trusted less (pool-adjacent-violators).
 */
export function precisionByMargin(real: readonly number[], decoy: readonly number[], decoyWeight = 1): (margin: number) => number {
  const levels = [...new Set(real)].sort((a, b) => a - b);
  if (levels.length === 0) return () => 0;
  const ties = levels.map((l) => real.filter((m) => m === l).length);
  const chance = levels.map(() => 0);
  for (const m of decoy) {
    let i = levels.length - 1;
    while (i > 0 && levels[i]! > m) i--;
    chance[i]! += decoyWeight;
  }
  // Blocks of levels [first, last], each with its ties and decoys, merged while out of order.
  const blocks: { first: number; last: number; ties: number; chance: number }[] = [];
  const p = (b: { ties: number; chance: number }) => 1 - b.chance / b.ties;
  levels.forEach((_, i) => {
    blocks.push({ first: i, last: i, ties: ties[i]!, chance: chance[i]! });
    while (blocks.length > 1 && p(blocks[blocks.length - 2]!) > p(blocks[blocks.length - 1]!)) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1]!;
      blocks[blocks.length - 1] = { first: a.first, last: b.last, ties: a.ties + b.ties, chance: a.chance + b.chance };
    }
  });
  const at = new Map<number, number>();
  for (const b of blocks) for (let i = b.first; i <= b.last; i++) at.set(levels[i]!, Math.max(0, p(b)));
  return (m) => at.get(m) ?? 0;
}

/** The median as the sorted list's middle entry (the upper of two), through `sorted` as scratch. */
function median(a: Float32Array, n: number, sorted: Float64Array): number {
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && sorted[j]! > v) {
      sorted[j + 1] = sorted[j]!;
      j--;
    }
    sorted[j + 1] = v;
  }
  return sorted[n >> 1]!;
}
