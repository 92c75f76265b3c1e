/**
 * What cameras can see: a 2D line-of-sight model. Each camera casts rays across its field of view
 * out to its range; a ray stops at the first building footprint it meets: the building's real
 * outline where the city has one (OpenStreetMap), else its axis-aligned box; either way indexed
 * in a uniform grid by bounding box. The rays make a visibility fan,
 * rasterised into a coverage grid (how many cameras see each cell), from which street coverage,
 * building entrances seen, and blind spots are read. A building the camera is mounted on (its
 * position inside the footprint) does not block its own view.
 */
import type { BuildingTable, RoadSpec } from '../core';

export interface CameraGeometry {
  readonly count: number;
  readonly x: Float32Array;
  readonly z: Float32Array;
  /** Heading of the view axis, radians clockwise from +x (east) towards +z (south). */
  readonly heading: Float32Array;
  /** Full horizontal field of view, radians. */
  readonly fov: Float32Array;
  readonly range: Float32Array;
}

export interface CoverageOptions {
  readonly cellM: number;
  readonly rays: number;
  readonly sizeM: readonly [number, number];
}

export interface Coverage {
  readonly cellM: number;
  readonly cols: number;
  readonly rows: number;
  /** Cameras that see each cell (column-major: c * rows + r). */
  readonly seen: Uint16Array;
  /** Per camera and ray: how far the ray reaches before a building stops it, metres. */
  readonly reach: Float32Array;
  readonly rays: number;
}

const GRID_M = 50;

/** A uniform grid over building footprints for ray queries. */
export class BuildingGrid {
  readonly cols: number;
  readonly rows: number;
  readonly start: Int32Array;
  readonly items: Int32Array;
  /** Per building: the bounding box x0, x1, z0, z1 (the box itself when there is no outline). */
  private readonly bbox: Float64Array;

  constructor(
    readonly b: BuildingTable,
    sizeM: readonly [number, number],
  ) {
    this.cols = Math.max(1, Math.ceil(sizeM[0] / GRID_M));
    this.rows = Math.max(1, Math.ceil(sizeM[1] / GRID_M));
    this.bbox = boundingBoxes(b);
    const bb = this.bbox;
    const cells = this.cols * this.rows;
    const counts = new Int32Array(cells + 1);
    const each = (i: number, fn: (cell: number) => void) => {
      const c0 = this.col(bb[i * 4]!);
      const c1 = this.col(bb[i * 4 + 1]!);
      const r0 = this.row(bb[i * 4 + 2]!);
      const r1 = this.row(bb[i * 4 + 3]!);
      for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) fn(c * this.rows + r);
    };
    for (let i = 0; i < b.count; i++) each(i, (cell) => counts[cell + 1]!++);
    for (let k = 0; k < cells; k++) counts[k + 1]! += counts[k]!;
    this.start = counts;
    this.items = new Int32Array(counts[cells]!);
    const fill = counts.slice(0, cells);
    for (let i = 0; i < b.count; i++) each(i, (cell) => (this.items[fill[cell]!++] = i));
  }

  col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor(x / GRID_M)));
  }

  row(z: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor(z / GRID_M)));
  }

  /**
   * Distance along the ray from (x, z) in direction (dx, dz) (unit) to the first footprint hit,
   * up to `max`; footprints that contain the origin are ignored.
   */
  cast(x: number, z: number, dx: number, dz: number, max: number): number {
    const bb = this.bbox;
    const outline = this.b.outline;
    let best = max;
    // Walk the grid cells the ray crosses (Amanatides & Woo, 1987).
    let c = this.col(x);
    let r = this.row(z);
    const stepC = dx > 0 ? 1 : -1;
    const stepR = dz > 0 ? 1 : -1;
    const tDeltaC = dx !== 0 ? Math.abs(GRID_M / dx) : Infinity;
    const tDeltaR = dz !== 0 ? Math.abs(GRID_M / dz) : Infinity;
    let tMaxC = dx !== 0 ? ((dx > 0 ? (c + 1) * GRID_M : c * GRID_M) - x) / dx : Infinity;
    let tMaxR = dz !== 0 ? ((dz > 0 ? (r + 1) * GRID_M : r * GRID_M) - z) / dz : Infinity;
    let t = 0;
    while (t <= best) {
      const cell = c * this.rows + r;
      for (let k = this.start[cell]!; k < this.start[cell + 1]!; k++) {
        const i = this.items[k]!;
        const x0 = bb[i * 4]!;
        const x1 = bb[i * 4 + 1]!;
        const z0 = bb[i * 4 + 2]!;
        const z1 = bb[i * 4 + 3]!;
        if (!outline && x > x0 && x < x1 && z > z0 && z < z1) continue;
        // Slab test: the hit itself for a box, a cheap rejection for an outline.
        let tn = 0;
        let tf = best;
        if (dx !== 0) {
          const a = (x0 - x) / dx;
          const b1 = (x1 - x) / dx;
          tn = Math.max(tn, Math.min(a, b1));
          tf = Math.min(tf, Math.max(a, b1));
        } else if (x < x0 || x > x1) continue;
        if (dz !== 0) {
          const a = (z0 - z) / dz;
          const b1 = (z1 - z) / dz;
          tn = Math.max(tn, Math.min(a, b1));
          tf = Math.min(tf, Math.max(a, b1));
        } else if (z < z0 || z > z1) continue;
        if (tn > tf || tn >= best) continue;
        if (!outline) best = tn;
        else best = Math.min(best, rayRing(outline, i, x, z, dx, dz, best));
      }
      if (tMaxC < tMaxR) {
        t = tMaxC;
        tMaxC += tDeltaC;
        c += stepC;
        if (c < 0 || c >= this.cols) break;
      } else {
        t = tMaxR;
        tMaxR += tDeltaR;
        r += stepR;
        if (r < 0 || r >= this.rows) break;
      }
    }
    return best;
  }
}

function boundingBoxes(b: BuildingTable): Float64Array {
  const out = new Float64Array(b.count * 4);
  const o = b.outline;
  for (let i = 0; i < b.count; i++) {
    if (!o) {
      const hw = b.w[i]! / 2;
      const hd = b.d[i]! / 2;
      out.set([b.x[i]! - hw, b.x[i]! + hw, b.z[i]! - hd, b.z[i]! + hd], i * 4);
      continue;
    }
    let x0 = Infinity;
    let x1 = -Infinity;
    let z0 = Infinity;
    let z1 = -Infinity;
    for (let p = o.start[i]!; p < o.start[i + 1]!; p++) {
      x0 = Math.min(x0, o.xz[2 * p]!);
      x1 = Math.max(x1, o.xz[2 * p]!);
      z0 = Math.min(z0, o.xz[2 * p + 1]!);
      z1 = Math.max(z1, o.xz[2 * p + 1]!);
    }
    out.set([x0, x1, z0, z1], i * 4);
  }
  return out;
}

/**
 * Distance along the ray to the first edge of building i's outline, or `max` when it meets none
 * before that; also `max` when the origin lies inside the outline (a camera on its own building).
 */
function rayRing(o: NonNullable<BuildingTable['outline']>, i: number, x: number, z: number, dx: number, dz: number, max: number): number {
  const p0 = o.start[i]!;
  const p1 = o.start[i + 1]!;
  let best = max;
  let inside = false;
  for (let p = p0, q = p1 - 1; p < p1; q = p++) {
    const ax = o.xz[2 * q]!;
    const az = o.xz[2 * q + 1]!;
    const bx = o.xz[2 * p]!;
    const bz = o.xz[2 * p + 1]!;
    // Even–odd crossings of the line from the origin towards +x, for the inside test.
    if (az > z !== bz > z && x < ax + ((bx - ax) * (z - az)) / (bz - az)) inside = !inside;
    // Origin + t·dir = a + s·(b − a), solved by cross products.
    const ex = bx - ax;
    const ez = bz - az;
    const den = dx * ez - dz * ex;
    if (den === 0) continue;
    const wx = ax - x;
    const wz = az - z;
    const t = (wx * ez - wz * ex) / den;
    const s = (wx * dz - wz * dx) / den;
    if (t >= 0 && t < best && s >= 0 && s <= 1) best = t;
  }
  return inside ? max : best;
}

/** Casts every camera's rays and rasterises the fans into a coverage grid. */
export function computeCoverage(cams: CameraGeometry, grid: BuildingGrid, o: CoverageOptions, active?: Uint8Array): Coverage {
  const R = o.rays;
  const reach = new Float32Array(cams.count * R);
  for (let k = 0; k < cams.count; k++) {
    const half = cams.fov[k]! / 2;
    for (let j = 0; j < R; j++) {
      const a = cams.heading[k]! - half + (cams.fov[k]! * (j + 0.5)) / R;
      reach[k * R + j] = grid.cast(cams.x[k]!, cams.z[k]!, Math.cos(a), Math.sin(a), cams.range[k]!);
    }
  }
  return rasterise(cams, reach, o, active);
}

/**
 * The coverage grid of the cameras marked in `active` (all when absent) from rays already cast:
 * the buildings do not move, so when cameras go dark or come back only this step is redone.
 */
export function rasterise(cams: CameraGeometry, reach: Float32Array, o: CoverageOptions, active?: Uint8Array): Coverage {
  const cols = Math.ceil(o.sizeM[0] / o.cellM);
  const rows = Math.ceil(o.sizeM[1] / o.cellM);
  const seen = new Uint16Array(cols * rows);
  const R = o.rays;
  for (let k = 0; k < cams.count; k++) {
    const x = cams.x[k]!;
    const z = cams.z[k]!;
    const half = cams.fov[k]! / 2;
    if (active && !active[k]) continue;
    // Rasterise: a cell centre is seen when it lies within the fan and short of the ray that covers its bearing.
    const rg = cams.range[k]!;
    const c0 = Math.max(0, Math.floor((x - rg) / o.cellM));
    const c1 = Math.min(cols - 1, Math.floor((x + rg) / o.cellM));
    const r0 = Math.max(0, Math.floor((z - rg) / o.cellM));
    const r1 = Math.min(rows - 1, Math.floor((z + rg) / o.cellM));
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const px = (c + 0.5) * o.cellM - x;
        const pz = (r + 0.5) * o.cellM - z;
        const d = Math.hypot(px, pz);
        if (d > rg) continue;
        let rel = Math.atan2(pz, px) - (cams.heading[k]! - half);
        rel -= 2 * Math.PI * Math.floor(rel / (2 * Math.PI));
        if (rel > cams.fov[k]!) continue;
        const j = Math.min(R - 1, Math.floor((rel / cams.fov[k]!) * R));
        if (d <= reach[k * R + j]!) seen[c * rows + r]!++;
      }
    }
  }
  return { cellM: o.cellM, cols, rows, seen, reach, rays: R };
}

/** Whether a point is seen by at least one camera in the coverage grid. */
export function isSeen(cov: Coverage, x: number, z: number): boolean {
  const c = Math.floor(x / cov.cellM);
  const r = Math.floor(z / cov.cellM);
  if (c < 0 || r < 0 || c >= cov.cols || r >= cov.rows) return false;
  return cov.seen[c * cov.rows + r]! > 0;
}

/** Share of street length under a camera, sampled every `stepM` metres. */
export function streetCoverage(cov: Coverage, roads: readonly RoadSpec[], stepM = 10): number {
  let seen = 0;
  let total = 0;
  for (const rd of roads) {
    const len = Math.hypot(rd.b[0] - rd.a[0], rd.b[1] - rd.a[1]);
    const n = Math.max(1, Math.round(len / stepM));
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      total++;
      if (isSeen(cov, rd.a[0] + (rd.b[0] - rd.a[0]) * t, rd.a[1] + (rd.b[1] - rd.a[1]) * t)) seen++;
    }
  }
  return total > 0 ? seen / total : 0;
}

/**
 * Buildings with an entrance in view: any of the four face midpoints, stepped 1.5 m out from the
 * wall (the model does not know where doors are, so a seen face stands for a seen door).
 */
export function entrancesSeen(cov: Coverage, b: BuildingTable, out?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.count; i++) {
    const hw = b.w[i]! / 2 + 1.5;
    const hd = b.d[i]! / 2 + 1.5;
    const x = b.x[i]!;
    const z = b.z[i]!;
    const s = isSeen(cov, x + hw, z) || isSeen(cov, x - hw, z) || isSeen(cov, x, z + hd) || isSeen(cov, x, z - hd);
    if (out) out[i] = s ? 1 : 0;
    if (s) n++;
  }
  return n;
}

/**
 * Sites nobody watches: a site is a blind spot when no camera sees any stretch of pavement along
 * its building's faces (the footprint containing the site's position; a 20 m box when none does).
 */
export function blindSpots(cov: Coverage, b: BuildingTable, sites: readonly { readonly id: string; readonly x: number; readonly z: number }[]): string[] {
  return sites
    .filter(({ x, z }) => {
      let k = -1;
      for (let i = 0; i < b.count && k < 0; i++) if (Math.abs(b.x[i]! - x) <= b.w[i]! / 2 && Math.abs(b.z[i]! - z) <= b.d[i]! / 2) k = i;
      const hw = k >= 0 ? b.w[k]! / 2 + 2 : 10;
      const hd = k >= 0 ? b.d[k]! / 2 + 2 : 10;
      const cx = k >= 0 ? b.x[k]! : x;
      const cz = k >= 0 ? b.z[k]! : z;
      for (let t = -1; t <= 1; t += 0.25) {
        if (isSeen(cov, cx + hw, cz + t * hd) || isSeen(cov, cx - hw, cz + t * hd) || isSeen(cov, cx + t * hw, cz + hd) || isSeen(cov, cx + t * hw, cz - hd))
          return false;
      }
      return true;
    })
    .map((s) => s.id);
}
