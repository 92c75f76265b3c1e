/**
 * Unicity after de Montjoye, Hidalgo, Verleysen and Blondel, "Unique in the Crowd: The privacy
 * bounds of human mobility", Scientific Reports 3:1376 (2013): the share ε of traces that p points,
 * drawn at random from the trace, single out — no other trace contains all p — at a given spatial
 * and temporal resolution. Method: an inverted index from point (place cell × time bin) to the
 * traces that contain it, as sorted posting lists; for each sampled trace, intersect its p points'
 * lists smallest first and stop as soon as only the trace itself is left. For scale, the paper
 * finds 4 points single out about 95% of people at hourly, antenna-level resolution, and that
 * coarsening lowers uniqueness only slowly (about as the 1/10 power of resolution).
 */
import type { Rng } from '../core';
import { gallopLowerBound, type PointIndex } from './point-index';

export {
  buildPointIndex,
  denseTraces,
  groupByTrace,
  groupsOf,
  lowerBound,
  tracesOf,
  type PointIndex,
  type PointIndexOptions,
  type TraceGroups,
  type TracePoints,
} from './point-index';

export interface UnicityPoint {
  readonly p: number;
  /** The resolution the points were taken at: place cells (0: the sensors' own places) and time bins. */
  readonly spatialM: number;
  readonly temporalS: number;
  /** Share of sampled traces singled out by p random points. */
  readonly epsilon: number;
  /** Traces sampled (those with at least p distinct points). */
  readonly sampled: number;
  /** Traces with at least p distinct points: `sampled` of these were drawn. */
  readonly eligible: number;
}

/** Orders the first p points of `pick` by posting-list length, shortest first (insertion sort; p ≤ 10). */
function byListLength(PS: Int32Array, pick: Int32Array, p: number): void {
  for (let a = 1; a < p; a++) {
    const v = pick[a]!;
    const len = PS[v + 1]! - PS[v]!;
    let b = a - 1;
    while (b >= 0 && PS[pick[b]! + 1]! - PS[pick[b]!]! > len) {
      pick[b + 1] = pick[b]!;
      b--;
    }
    pick[b + 1] = v;
  }
}

/**
 * Whether the points `pick[0..p)` single out trace `self`: whether `self` holds them all and no
 * other trace does. A leapfrog join of their posting lists (shortest first, each seek galloping
 * forward from where that list stood) walks the traces common to all of them in order and stops
 * at the first one other than `self`; lists are read forward only, never merged in full.
 * `cursor` is scratch of at least p entries. Reorders `pick`.
 */
export function singledOut(ix: PointIndex, pick: Int32Array, p: number, self: number, cursor: Int32Array = new Int32Array(p)): boolean {
  const PS = ix.pointStart;
  const T = ix.pointTraces;
  byListLength(PS, pick, p);
  for (let k = 0; k < p; k++) cursor[k] = PS[pick[k]!]!;
  let selfHolds = false;
  let x = T[cursor[0]!]!;
  let agree = 1;
  for (let k = p > 1 ? 1 : 0; ;) {
    if (agree === p) {
      // x is in every list.
      if (x !== self) return false;
      selfHolds = true;
      const c = ++cursor[k]!;
      if (c >= PS[pick[k]! + 1]!) break;
      x = T[c]!;
      agree = 1;
    } else {
      // Seek list k to its first trace ≥ x: a few steps (short gaps are the rule), then gallop
      // and binary search. Everything before `lo` is below x.
      const end = PS[pick[k]! + 1]!;
      let lo = cursor[k]!;
      if (T[lo]! < x) {
        const near = Math.min(end, lo + 9);
        lo++;
        while (lo < near && T[lo]! < x) lo++;
        if (lo === near && lo < end) lo = gallopLowerBound(T, lo, end, x, 8);
        cursor[k] = lo;
        if (lo >= end) break;
      }
      const y = T[lo]!;
      if (y === x) agree++;
      else {
        x = y;
        agree = 1;
      }
    }
    if (++k === p) k = 0;
  }
  return selfHolds;
}

/** Largest set of posting bit sets (32-bit words) built for a resolution: 64 MB, the coarse grids. */
const BITS_LIMIT = 1 << 24;

/**
 * The posting lists as bit sets over traces (`words` words a point), when they fit in `limit`
 * words — at coarse resolutions, where there are few points and their lists run to thousands.
 */
export function postingBits(ix: PointIndex, limit = BITS_LIMIT): { bits: Int32Array; words: number } | null {
  const words = (ix.traces + 31) >>> 5;
  if (ix.points * words > limit) return null;
  const bits = new Int32Array(ix.points * words);
  const T = ix.pointTraces;
  for (let p = 0; p < ix.points; p++) {
    const base = p * words;
    for (let k = ix.pointStart[p]!, e = ix.pointStart[p + 1]!; k < e; k++) bits[base + (T[k]! >>> 5)]! |= 1 << (T[k]! & 31);
  }
  return { bits, words };
}

/**
 * `singledOut` through the bit sets: each trace of the shortest list is tested against the other
 * points' bits, rarest first, and the first other trace that holds them all ends the search.
 */
export function singledOutBits(ix: PointIndex, b: { bits: Int32Array; words: number }, pick: Int32Array, p: number, self: number): boolean {
  const PS = ix.pointStart;
  const { bits, words } = b;
  byListLength(PS, pick, p);
  if (!holdsBits(bits, words, pick, p, self, 0)) return false;
  const T = ix.pointTraces;
  for (let k = PS[pick[0]!]!, e = PS[pick[0]! + 1]!; k < e; k++) {
    const c = T[k]!;
    if (c !== self && holdsBits(bits, words, pick, p, c, 1)) return false;
  }
  return true;
}

/** Whether trace `tr` holds the points `pick[from..p)`, by their bit sets. */
function holdsBits(bits: Int32Array, words: number, pick: Int32Array, p: number, tr: number, from: number): boolean {
  const w = tr >>> 5;
  const m = 1 << (tr & 31);
  for (let a = from; a < p; a++) if (!(bits[pick[a]! * words + w]! & m)) return false;
  return true;
}

/** ε for each p at one resolution, over up to `samples` traces drawn with `rng`. */
export function unicityCurve(ix: PointIndex, spatialM: number, temporalS: number, ps: readonly number[], samples: number, rng: Rng): UnicityPoint[] {
  const pick = new Int32Array(Math.max(1, ...ps));
  const cursor = new Int32Array(pick.length);
  const bits = postingBits(ix);
  const scratch = new Int32Array(4096);
  const out: UnicityPoint[] = [];
  // One random order of all traces; for each p, the first `samples` traces in it with p points or
  // more are a uniform sample of those eligible, without rebuilding a list per p.
  const order = new Int32Array(ix.traces);
  for (let k = 0; k < ix.traces; k++) order[k] = k;
  const shuffle = rng.fork('order');
  for (let k = ix.traces - 1; k > 0; k--) {
    const j = Math.floor(shuffle.next() * (k + 1));
    const v = order[k]!;
    order[k] = order[j]!;
    order[j] = v;
  }
  for (const p of ps) {
    let eligible = 0;
    for (let tr = 0; tr < ix.traces; tr++) if (ix.traceStart[tr + 1]! - ix.traceStart[tr]! >= p) eligible++;
    const r = rng.fork(`p${p}`);
    let take = 0;
    let unique = 0;
    for (let o = 0; o < ix.traces && take < samples; o++) {
      const tr = order[o]!;
      const a = ix.traceStart[tr]!;
      const len = Math.min(ix.traceStart[tr + 1]! - a, scratch.length);
      if (len < p) continue;
      take++;
      // Partial Fisher–Yates over the trace's points.
      for (let k = 0; k < len; k++) scratch[k] = ix.tracePoints[a + k]!;
      for (let k = 0; k < p; k++) {
        const q = k + Math.floor(r.next() * (len - k));
        const v = scratch[q]!;
        scratch[q] = scratch[k]!;
        scratch[k] = v;
        pick[k] = v;
      }
      if (bits ? singledOutBits(ix, bits, pick, p, tr) : singledOut(ix, pick, p, tr, cursor)) unique++;
    }
    out.push({ p, spatialM, temporalS, epsilon: take > 0 ? unique / take : 0, sampled: take, eligible });
  }
  return out;
}
