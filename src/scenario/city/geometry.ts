/** Small plane-geometry helpers for the city generator and the OpenStreetMap import: points are [x, z] in metres. */
export type Pt = readonly [number, number];

export const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Clips a convex polygon to the half-plane of points closer to `a` than to `b` (Sutherland–Hodgman). */
export function clipCloser(poly: Pt[], a: Pt, b: Pt): Pt[] {
  const nx = b[0] - a[0];
  const nz = b[1] - a[1];
  const c = (b[0] * b[0] + b[1] * b[1] - a[0] * a[0] - a[1] * a[1]) / 2;
  const inside = (p: Pt) => p[0] * nx + p[1] * nz <= c;
  const out: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    const pin = inside(p);
    const qin = inside(q);
    if (pin) out.push(p);
    if (pin !== qin) {
      const dp = p[0] * nx + p[1] * nz - c;
      const dq = q[0] * nx + q[1] * nz - c;
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of seeds[i] inside the rectangle [0,w]×[0,h]. */
export function voronoiCell(seeds: readonly Pt[], i: number, w: number, h: number): Pt[] {
  let poly: Pt[] = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  seeds.forEach((s, j) => {
    if (j !== i) poly = clipCloser(poly, seeds[i]!, s);
  });
  return poly;
}

export function nearestIndex(points: readonly Pt[], p: Pt): number {
  let best = 0;
  let bestD = Infinity;
  points.forEach((q, i) => {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

export const round1 = (v: number) => Math.round(v * 10) / 10;

/** Twice the ring's signed area (shoelace; positive when it winds from +x towards +z). */
export function signedArea2(r: readonly Pt[]): number {
  let a2 = 0;
  for (let i = 0; i < r.length; i++) {
    const [xa, za] = r[i]!;
    const [xb, zb] = r[(i + 1) % r.length]!;
    a2 += xa * zb - xb * za;
  }
  return a2;
}

/** The ring's area centroid (its vertices' mean when it has no area). */
export function centroid(r: readonly Pt[]): [number, number] {
  let a2 = 0;
  let cx = 0;
  let cz = 0;
  for (let i = 0; i < r.length; i++) {
    const [xa, za] = r[i]!;
    const [xb, zb] = r[(i + 1) % r.length]!;
    const c = xa * zb - xb * za;
    a2 += c;
    cx += (xa + xb) * c;
    cz += (za + zb) * c;
  }
  if (Math.abs(a2) < 1e-9) return [r.reduce((s, p) => s + p[0], 0) / r.length, r.reduce((s, p) => s + p[1], 0) / r.length];
  return [cx / (3 * a2), cz / (3 * a2)];
}
