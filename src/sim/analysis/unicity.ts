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
import { IntHash } from './int-hash';
import { radixSortKeys } from './radix-sort';

/** Points of pseudonymous traces: one row per observation. */
export interface TracePoints {
  readonly n: number;
  readonly pid: Uint32Array;
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly t: Int32Array;
}

export interface UnicityPoint {
  readonly p: number;
  readonly spatialM: number;
  readonly temporalS: number;
  /** Share of sampled traces singled out by p random points. */
  readonly epsilon: number;
  /** Traces sampled (those with at least p distinct points). */
  readonly sampled: number;
}

/** The inverted index at one resolution: point → traces (CSR), and trace → points (CSR). */
export interface PointIndex {
  readonly traces: number;
  readonly points: number;
  readonly pointStart: Int32Array;
  readonly pointTraces: Int32Array;
  readonly traceStart: Int32Array;
  readonly tracePoints: Int32Array;
  /** The dense point of a place and time at this resolution, or -1 when no trace has it. */
  find(x: number, z: number, t: number): number;
}

/** Dense trace numbers for pseudonyms, in order of first appearance. */
export function denseTraces(pid: Uint32Array, n: number): { trace: Int32Array; count: number } {
  // Pseudonyms are 32-bit; the table takes 31, so the top bit goes into a second table.
  const lo = new IntHash(1 << 16);
  const hi = new IntHash(1 << 16);
  const trace = new Int32Array(n);
  const denseOf = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const p = pid[i]!;
    const t = p >= 0x80000000 ? hi : lo;
    const before = t.size;
    const local = t.id(p & 0x7fffffff, true);
    // Local numbers per table; map them to one dense numbering in order of first appearance.
    const slot = t === hi ? n - 1 - local : local;
    if (t.size > before) denseOf[slot] = count++;
    trace[i] = denseOf[slot]!;
  }
  return { trace, count };
}


/**
 * Builds the index: each observation becomes the point (cell of `spatialM` metres, bin of
 * `temporalS` seconds; spatialM 0 keeps exact positions), duplicates within a trace collapse.
 * `centred` cells are centred on multiples of the cell size (so two sensors either side of a
 * junction share one), else they start there. Cells are numbered densely (a city has few sensor
 * places), so (cell, bin, trace) packs into one exact float64 — each field as wide as it needs —
 * and one typed-array sort does it.
 */
export function buildPointIndex(pts: TracePoints, trace: Int32Array, traceCount: number, spatialM: number, temporalS: number, centred = false): PointIndex {
  const n = pts.n;
  const cellM = spatialM > 0 ? spatialM : 1;
  const bin = Math.max(1, temporalS);
  const cellIds = new IntHash(1024);
  const cellOf = (x: number, z: number, add: boolean): number => {
    const cx = (centred ? Math.round(x / cellM) : Math.floor(x / cellM)) + 1024;
    const cz = (centred ? Math.round(z / cellM) : Math.floor(z / cellM)) + 1024;
    return cellIds.id((cx & 0x7fff) * 32768 + (cz & 0x7fff), add);
  };
  let maxBin = 0;
  const cellOfRow = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    maxBin = Math.max(maxBin, Math.floor(pts.t[i]! / bin));
    cellOfRow[i] = cellOf(pts.x[i]!, pts.z[i]!, true);
  }
  const BIN_BITS = maxBin + 1;
  const TRACE_BITS = Math.max(1, traceCount);
  if (cellIds.size * BIN_BITS * TRACE_BITS > Number.MAX_SAFE_INTEGER) {
    throw new Error(`index too large (${cellIds.size} places × ${BIN_BITS} time bins × ${TRACE_BITS} traces): coarsen the resolution`);
  }
  const pair = new Float64Array(n);
  for (let i = 0; i < n; i++) pair[i] = (cellOfRow[i]! * BIN_BITS + Math.floor(pts.t[i]! / bin)) * TRACE_BITS + trace[i]!;
  radixSortKeys(pair);
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || pair[i] !== pair[i - 1]) pair[m++] = pair[i]!;
  // Dense points in key order; posting lists come out sorted by trace.
  const keys = new Float64Array(m);
  const pointOfPair = new Int32Array(m);
  const pointTraces = new Int32Array(m);
  const perTrace = new Int32Array(traceCount + 1);
  let points = 0;
  for (let i = 0; i < m; i++) {
    const v = pair[i]!;
    const key = Math.floor(v / TRACE_BITS);
    const tr = v - key * TRACE_BITS;
    if (points === 0 || keys[points - 1] !== key) keys[points++] = key;
    pointOfPair[i] = points - 1;
    pointTraces[i] = tr;
    perTrace[tr + 1]!++;
  }
  const pointStart = new Int32Array(points + 1);
  for (let i = 0; i < m; i++) pointStart[pointOfPair[i]! + 1]!++;
  for (let k = 0; k < points; k++) pointStart[k + 1]! += pointStart[k]!;
  for (let k = 0; k < traceCount; k++) perTrace[k + 1]! += perTrace[k]!;
  const traceStart = perTrace.slice();
  const fill = perTrace.slice(0, traceCount);
  const tracePoints = new Int32Array(m);
  for (let i = 0; i < m; i++) tracePoints[fill[pointTraces[i]!]!++] = pointOfPair[i]!;
  const sortedKeys = keys.subarray(0, points);
  return {
    traces: traceCount,
    points,
    pointStart,
    pointTraces,
    traceStart,
    tracePoints,
    find: (x, z, t) => {
      const c = cellOf(x, z, false);
      if (c < 0) return -1;
      const b = Math.floor(t / bin);
      if (b < 0 || b >= BIN_BITS) return -1;
      const key = c * BIN_BITS + b;
      const p = lowerBound(sortedKeys, key);
      return p < points && sortedKeys[p] === key ? p : -1;
    },
  };
}

export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the points `pick[0..p)` single out trace `self`: intersect their posting lists, smallest
 * first (galloping through a list much longer than the candidates left), and stop once only `self`
 * is left. `cand` is scratch as long as the longest list.
 */
export function singledOut(ix: PointIndex, pick: Int32Array, p: number, self: number, cand: Int32Array): boolean {
  // Order the p points by posting-list length (insertion sort; p ≤ 10).
  for (let a = 1; a < p; a++) {
    const v = pick[a]!;
    const len = ix.pointStart[v + 1]! - ix.pointStart[v]!;
    let b = a - 1;
    while (b >= 0 && ix.pointStart[pick[b]! + 1]! - ix.pointStart[pick[b]!]! > len) {
      pick[b + 1] = pick[b]!;
      b--;
    }
    pick[b + 1] = v;
  }
  const T = ix.pointTraces;
  const s0 = ix.pointStart[pick[0]!]!;
  const e0 = ix.pointStart[pick[0]! + 1]!;
  if (e0 - s0 === 1) return T[s0] === self;
  if (p === 1) return false;
  // The first two lists intersect straight into the candidates; later lists filter them.
  let n = intersect(T, s0, e0, T, ix.pointStart[pick[1]!]!, ix.pointStart[pick[1]! + 1]!, cand);
  for (let k = 2; k < p && n > 1; k++) n = intersect(cand, 0, n, T, ix.pointStart[pick[k]!]!, ix.pointStart[pick[k]! + 1]!, cand);
  return n === 1 && cand[0] === self;
}

/**
 * Writes into `out` the entries of a[as..ae) also in B[bs..be) (both sorted); returns how many.
 * `out` may be `a` itself: it is written no faster than it is read.
 */
function intersect(a: Int32Array, as: number, ae: number, B: Int32Array, bs: number, be: number, out: Int32Array): number {
  let q = bs;
  let w = 0;
  for (let r = as; r < ae && q < be; r++) {
    const c = a[r]!;
    if (be - q > 8 * (ae - r)) {
      let lo = q;
      let hi = be;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (B[mid]! < c) lo = mid + 1;
        else hi = mid;
      }
      q = lo;
    } else while (q < be && B[q]! < c) q++;
    if (q < be && B[q] === c) out[w++] = c;
  }
  return w;
}

/** ε for each p at one resolution, over up to `samples` traces drawn with `rng`. */
export function unicityCurve(ix: PointIndex, spatialM: number, temporalS: number, ps: readonly number[], samples: number, rng: Rng): UnicityPoint[] {
  let longest = 0;
  for (let k = 0; k < ix.points; k++) longest = Math.max(longest, ix.pointStart[k + 1]! - ix.pointStart[k]!);
  const cand = new Int32Array(longest);
  const pick = new Int32Array(Math.max(1, ...ps));
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
      if (singledOut(ix, pick, p, tr, cand)) unique++;
    }
    out.push({ p, spatialM, temporalS, epsilon: take > 0 ? unique / take : 0, sampled: take });
  }
  return out;
}
