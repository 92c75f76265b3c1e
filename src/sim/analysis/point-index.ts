/**
 * The inverted index both attacks read: point (place cell × time bin) → the traces that hold it, as
 * posting lists sorted by trace, and trace → its points, sorted. Built from the records grouped by
 * trace once per dataset (shared by every resolution and every dataset pair), so each pass reads
 * its input in order: a city has a few hundred sensor places, so a record's cell is a look-up in a
 * table of places, each trace's few points are sorted on their own, and the posting lists fill in
 * trace order without being sorted. Only when the grid of points is too large for a table are the
 * point keys sorted (radix) and searched.
 */
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

/** A dataset's records grouped by trace (rows ascending within a trace), with their places numbered. */
export interface TraceGroups {
  readonly traces: number;
  /** CSR: the records of trace k are start[k]..start[k+1]. */
  readonly start: Int32Array;
  /** Per grouped record: its place (a distinct position, numbered in order of first appearance among the rows) and time. */
  readonly place: Int32Array;
  readonly t: Int32Array;
  /** Per grouped record: its row in the dataset. */
  readonly row: Int32Array;
  readonly placeX: Float32Array;
  readonly placeZ: Float32Array;
  readonly maxT: number;
}

/** The inverted index at one resolution: point → traces (CSR), and trace → points (CSR). */
export interface PointIndex {
  readonly traces: number;
  readonly points: number;
  readonly pointStart: Int32Array;
  readonly pointTraces: Int32Array;
  readonly traceStart: Int32Array;
  readonly tracePoints: Int32Array;
  /** The cell of a position at this resolution, or -1 when no record has it. */
  cellAt(x: number, z: number): number;
  /** The dense point of a cell and a time, or -1 when no trace has it. */
  pointAt(cell: number, t: number): number;
  /** The dense point of a place and time at this resolution, or -1 when no trace has it. */
  find(x: number, z: number, t: number): number;
}

export interface PointIndexOptions {
  /** Cells centred on multiples of the cell size (so two sensors either side of a junction share one), else starting there. */
  readonly centred?: boolean;
  /** The records grouped by trace, when the caller already has them (they do not depend on resolution). */
  readonly groups?: TraceGroups;
  /** Largest grid of points (cells × bins) indexed through a table; beyond it, point keys are sorted. */
  readonly tableLimit?: number;
  /**
   * Number points in order of (bin, cell) rather than (cell, bin): a trace's points, close in time,
   * are then close in the index too, which is what a pass over traces wants (the linkage).
   */
  readonly timeMajor?: boolean;
}

const TABLE_LIMIT = 1 << 22;
const HASH = 0x9e3779b1;

/**
 * An open-addressing table of `stride` ints a slot (keys, then the entry's number; -1 empty) at
 * twice the slots, each entry placed again from `home` (its first slot in the new table) by
 * linear probing, in the old table's order.
 */
function doubled(old: Int32Array, stride: number, home: (t: Int32Array, o: number) => number): Int32Array<ArrayBuffer> {
  const mask = (old.length / stride) * 2 - 1;
  const table = new Int32Array(old.length * 2).fill(-1);
  for (let o = 0; o < old.length; o += stride) {
    if (old[o + stride - 1] === -1) continue;
    let q = home(old, o);
    while (table[stride * q + stride - 1] !== -1) q = (q + 1) & mask;
    for (let j = 0; j < stride; j++) table[stride * q + j] = old[o + j]!;
  }
  return table;
}

/** The hash of a place's two coordinate keys (before the shift to a slot). */
const pairHash = (a: number, b: number): number => Math.imul(a ^ Math.imul(b, 0x85ebca6b), HASH);

/**
 * Dense trace numbers for pseudonyms, in order of first appearance. One open-addressing table of
 * interleaved (pseudonym, number) pairs: a look-up touches one cache line.
 */
export function denseTraces(pid: Uint32Array, n: number): { trace: Int32Array; count: number } {
  const trace = new Int32Array(n);
  let cap = 1 << 16;
  let shift = 16;
  let table = new Int32Array(cap * 2).fill(-1);
  let mask = cap - 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const key = pid[i]! | 0;
    let s = Math.imul(key, HASH) >>> shift;
    for (;;) {
      const v = table[2 * s + 1]!;
      if (v === -1) {
        table[2 * s] = key;
        table[2 * s + 1] = count;
        trace[i] = count++;
        if (count * 2 > cap) {
          cap *= 2;
          shift--;
          mask = cap - 1;
          table = doubled(table, 2, (t, o) => Math.imul(t[o]!, HASH) >>> shift);
        }
        break;
      }
      if (table[2 * s] === key) {
        trace[i] = v;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { trace, count };
}

/**
 * Numbers the distinct positions of the rows in order of first appearance (by the bits of their
 * coordinates: equal bits, equal place), writing each row's number into `out`; returns how many.
 */
function placeIds(x: Float32Array, z: Float32Array, n: number, out: Int32Array): number {
  const xb = new Int32Array(x.buffer, x.byteOffset, n);
  const zb = new Int32Array(z.buffer, z.byteOffset, n);
  let cap = 1 << 10;
  let shift = 22;
  let table = new Int32Array(cap * 3).fill(-1);
  let mask = cap - 1;
  let count = 0;
  let lastA = 0;
  let lastB = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const ka = xb[i]!;
    const kb = zb[i]!;
    if (ka === lastA && kb === lastB && last >= 0) {
      out[i] = last;
      continue;
    }
    lastA = ka;
    lastB = kb;
    let s = pairHash(ka, kb) >>> shift;
    for (;;) {
      const v = table[3 * s + 2]!;
      if (v === -1) {
        table[3 * s] = ka;
        table[3 * s + 1] = kb;
        table[3 * s + 2] = count;
        out[i] = last = count++;
        if (count * 2 > cap) {
          cap *= 2;
          shift--;
          mask = cap - 1;
          table = doubled(table, 3, (t, o) => pairHash(t[o]!, t[o + 1]!) >>> shift);
        }
        break;
      }
      if (table[3 * s] === ka && table[3 * s + 1] === kb) {
        out[i] = last = v;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return count;
}

/**
 * A released dataset's dense traces (and, once asked for, its groups), computed once per release:
 * the unicity and the linkage of one analysis may read the same one. A release is never changed
 * after it is made, so its identity stands for its contents.
 */
const prepared = new WeakMap<TracePoints, { trace: Int32Array; count: number; groups?: TraceGroups }>();

export function tracesOf(pts: TracePoints): { trace: Int32Array; count: number } {
  let e = prepared.get(pts);
  if (!e) prepared.set(pts, (e = denseTraces(pts.pid, pts.n)));
  return e;
}

export function groupsOf(pts: TracePoints): TraceGroups {
  tracesOf(pts);
  const e = prepared.get(pts)!;
  return (e.groups ??= groupByTrace(pts, e.trace, e.count));
}

/** Groups a dataset's records by trace (one stable counting sort) and numbers their places. */
export function groupByTrace(pts: TracePoints, trace: Int32Array, traces: number): TraceGroups {
  const n = pts.n;
  const placeOfRow = new Int32Array(n);
  const places = placeIds(pts.x, pts.z, n, placeOfRow);
  const placeX = new Float32Array(places);
  const placeZ = new Float32Array(places);
  for (let i = n - 1; i >= 0; i--) {
    placeX[placeOfRow[i]!] = pts.x[i]!;
    placeZ[placeOfRow[i]!] = pts.z[i]!;
  }
  const start = new Int32Array(traces + 1);
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    start[trace[i]! + 1]!++;
    if (pts.t[i]! > maxT) maxT = pts.t[i]!;
  }
  for (let k = 0; k < traces; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, traces);
  const place = new Int32Array(n);
  const t = new Int32Array(n);
  const row = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = fill[trace[i]!]!++;
    place[j] = placeOfRow[i]!;
    t[j] = pts.t[i]!;
    row[j] = i;
  }
  return { traces, start, place, t, row, placeX, placeZ, maxT };
}

/**
 * Builds the index: each observation becomes the point (cell of `spatialM` metres, bin of
 * `temporalS` seconds; spatialM 0 keeps exact positions), duplicates within a trace collapse.
 * Cells are numbered densely in order of first appearance and points in order of (cell, bin),
 * or (bin, cell) when `timeMajor`.
 */
export function buildPointIndex(
  pts: TracePoints,
  trace: Int32Array,
  traceCount: number,
  spatialM: number,
  temporalS: number,
  o: PointIndexOptions = {},
): PointIndex {
  const g = o.groups ?? groupByTrace(pts, trace, traceCount);
  const n = g.start[g.traces]!;
  const centred = o.centred ?? false;
  const cellM = spatialM > 0 ? spatialM : 1;
  const bin = Math.max(1, temporalS);
  const cellIds = new IntHash(1024);
  const cellOf = (x: number, z: number, add: boolean): number => {
    const cx = (centred ? Math.round(x / cellM) : Math.floor(x / cellM)) + 1024;
    const cz = (centred ? Math.round(z / cellM) : Math.floor(z / cellM)) + 1024;
    return cellIds.id((cx & 0x7fff) * 32768 + (cz & 0x7fff), add);
  };
  // Places in order of first appearance number the cells as the rows would.
  const cellOfPlace = new Int32Array(g.placeX.length);
  for (let pl = 0; pl < cellOfPlace.length; pl++) cellOfPlace[pl] = cellOf(g.placeX[pl]!, g.placeZ[pl]!, true);
  const BINS = Math.floor(g.maxT / bin) + 1;
  const CELLS = cellIds.size;
  const grid = CELLS * BINS;
  // Point keys: cell-major (points in order of cell, then bin), or time-major.
  const cellStride = o.timeMajor ? 1 : BINS;
  const binStride = o.timeMajor ? CELLS : 1;

  // Each grouped record's point: through a table of the grid, or by searching the sorted keys.
  const pointOf = new Int32Array(n);
  let table: Int32Array | null = null;
  let keys: Float64Array | null = null;
  let points = 0;
  if (grid <= (o.tableLimit ?? TABLE_LIMIT)) {
    table = new Int32Array(grid);
    for (let j = 0; j < n; j++) {
      const k = cellOfPlace[g.place[j]!]! * cellStride + Math.floor(g.t[j]! / bin) * binStride;
      pointOf[j] = k;
      table[k] = 1;
    }
    for (let k = 0; k < grid; k++) table[k] = table[k] ? points++ : -1;
    for (let j = 0; j < n; j++) pointOf[j] = table[pointOf[j]!]!;
  } else {
    const all = new Float64Array(n);
    for (let j = 0; j < n; j++) all[j] = cellOfPlace[g.place[j]!]! * cellStride + Math.floor(g.t[j]! / bin) * binStride;
    const sorted = all.slice();
    radixSortKeys(sorted);
    for (let j = 0; j < n; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[points++] = sorted[j]!;
    keys = sorted.slice(0, points);
    for (let j = 0; j < n; j++) pointOf[j] = lowerBound(keys, all[j]!);
  }

  // Trace → points: each trace's points sorted (they are few) and their duplicates collapsed.
  const traceStart = new Int32Array(traceCount + 1);
  const tracePoints = new Int32Array(n);
  const perPoint = new Int32Array(points + 1);
  let w = 0;
  for (let tr = 0; tr < traceCount; tr++) {
    const s = g.start[tr]!;
    const e = g.start[tr + 1]!;
    sortRange(pointOf, s, e);
    for (let j = s; j < e; j++) {
      const p = pointOf[j]!;
      if (j > s && p === pointOf[j - 1]) continue;
      tracePoints[w++] = p;
      perPoint[p + 1]!++;
    }
    traceStart[tr + 1] = w;
  }
  // Point → traces: filled in trace order, so each list is sorted.
  for (let p = 0; p < points; p++) perPoint[p + 1]! += perPoint[p]!;
  const pointStart = perPoint;
  const fill = perPoint.slice(0, points);
  const pointTraces = new Int32Array(w);
  for (let tr = 0; tr < traceCount; tr++) for (let k = traceStart[tr]!, e = traceStart[tr + 1]!; k < e; k++) pointTraces[fill[tracePoints[k]!]!++] = tr;

  let lastX = NaN;
  let lastZ = NaN;
  let lastCell = -1;
  const cellAt = (x: number, z: number): number => {
    // Look-ups come in runs from one place.
    if (x !== lastX || z !== lastZ) {
      lastX = x;
      lastZ = z;
      lastCell = cellOf(x, z, false);
    }
    return lastCell;
  };
  const pointAt = (c: number, t: number): number => {
    if (c < 0) return -1;
    const b = Math.floor(t / bin);
    if (b < 0 || b >= BINS) return -1;
    const key = c * cellStride + b * binStride;
    if (table) return table[key]!;
    const p = lowerBound(keys!, key);
    return p < points && keys![p] === key ? p : -1;
  };
  return {
    traces: traceCount,
    points,
    pointStart,
    pointTraces,
    traceStart,
    tracePoints: tracePoints.subarray(0, w),
    cellAt,
    pointAt,
    find: (x, z, t) => pointAt(cellAt(x, z), t),
  };
}

/** Sorts a[s..e) ascending: insertion sort for the short runs a trace has, the typed-array sort beyond. */
function sortRange(a: Int32Array, s: number, e: number): void {
  if (e - s > 32) {
    a.subarray(s, e).sort();
    return;
  }
  for (let i = s + 1; i < e; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= s && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * The first index in [lo, end) whose value is not below v (`a` ascending there): gallops from lo
 * in steps doubling from `step`, then bisects the last step. Cheap when the answer is near lo.
 */
export function gallopLowerBound(a: Int32Array | Float64Array, lo: number, end: number, v: number, step: number): number {
  let hi = lo;
  for (; hi < end && a[hi]! < v; step *= 2) {
    lo = hi + 1;
    hi += step;
  }
  if (hi > end) hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
