/**
 * KPI history kept for the sparklines. The worker resends the last point of each series with
 * every frame (the recorder may update it in place), so merging replaces a point with the same
 * time instead of appending a duplicate. Long runs are thinned to a bounded length.
 */
export type Point = readonly [number, number];

/** Most points kept per KPI; older history is thinned to every other point past this. */
export const HISTORY_CAP = 4000;

export function mergePoints(history: readonly Point[], incoming: readonly Point[]): Point[] {
  const out = history.slice();
  for (const p of incoming) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0]) out[out.length - 1] = [p[0], p[1]];
    else if (!last || p[0] > last[0]) out.push([p[0], p[1]]);
  }
  if (out.length > HISTORY_CAP) {
    // Keep the newest half as is and every other point of the older half, so steps stay visible.
    const half = Math.floor(out.length / 2);
    const older = out.slice(0, half).filter((_, i) => i % 2 === 0);
    return older.concat(out.slice(half));
  }
  return out;
}

/**
 * Reduces a series to at most `buckets` points for drawing, keeping each bucket's extreme values
 * so a short spike is not lost between samples.
 */
export function downsample(points: readonly Point[], buckets: number): Point[] {
  if (points.length <= buckets * 2) return points.slice();
  const out: Point[] = [];
  const t0 = points[0]![0];
  const t1 = points[points.length - 1]![0];
  const width = (t1 - t0) / buckets || 1;
  let i = 0;
  for (let b = 0; b < buckets && i < points.length; b++) {
    const end = b === buckets - 1 ? Infinity : t0 + (b + 1) * width;
    let lo: Point | null = null;
    let hi: Point | null = null;
    for (; i < points.length && points[i]![0] < end; i++) {
      const p = points[i]!;
      if (!lo || p[1] < lo[1]) lo = p;
      if (!hi || p[1] > hi[1]) hi = p;
    }
    if (lo && hi) {
      if (lo === hi) out.push(lo);
      else if (lo[0] <= hi[0]) out.push(lo, hi);
      else out.push(hi, lo);
    }
  }
  return out;
}
