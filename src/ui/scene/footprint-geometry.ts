/**
 * Real building footprints (OpenStreetMap cities) as one merged geometry: every outline extruded
 * to its height as walls plus a flat ear-cut roof, lit like the instanced boxes (light baked into
 * vertex colours by the way each face points), with maps from vertices and triangles back to the
 * building they belong to, for repainting and for reading a raycast's faceIndex.
 */
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, ShapeUtils, Vector2 } from 'three';
import type { WorldView } from '../../worker/protocol';

type BuildingArrays = WorldView['city']['buildings'];

/** Baked light by the way a face points: the roof, and walls facing east, west, south (+z), north. */
export const SHADE = { roof: 1, east: 0.78, west: 0.62, south: 0.88, north: 0.55, floor: 0.3 } as const;

/** The light on a wall whose outward normal is (nx, nz), blending the box faces' shades. */
export function wallShade(nx: number, nz: number): number {
  return nx * nx * (nx > 0 ? SHADE.east : SHADE.west) + nz * nz * (nz > 0 ? SHADE.south : SHADE.north);
}

export interface FootprintGeometry {
  readonly geometry: BufferGeometry;
  /** The building each vertex belongs to. */
  readonly vertexBuilding: Uint32Array;
  /** The building each triangle belongs to: what a raycast's faceIndex picks. */
  readonly triangleBuilding: Uint32Array;
  /** Each vertex's baked light, multiplied by its building's colour when painting. */
  readonly shade: Float32Array;
}

/**
 * Walls and roofs of every building, with each building's colour (`rgb`, three floats a building)
 * painted in. A building whose ring has fewer than 3 points stands as its box.
 */
export function buildFootprintGeometry(b: BuildingArrays, rgb: Float32Array): FootprintGeometry {
  const rings: Float32Array[] = [];
  const roofs: number[][][] = [];
  let verts = 0;
  let tris = 0;
  for (let i = 0; i < b.count; i++) {
    const ring = ringOf(b, i);
    const n = ring.length / 2;
    const contour: Vector2[] = [];
    for (let p = 0; p < n; p++) contour.push(new Vector2(ring[2 * p]!, ring[2 * p + 1]!));
    const roof = ShapeUtils.triangulateShape(contour, []);
    rings.push(ring);
    roofs.push(roof);
    verts += 5 * n;
    tris += 2 * n + roof.length;
  }
  const pos = new Float32Array(verts * 3);
  const shade = new Float32Array(verts);
  const vertexBuilding = new Uint32Array(verts);
  const index = new Uint32Array(tris * 3);
  const triangleBuilding = new Uint32Array(tris);
  let v = 0;
  let t = 0;
  const vertex = (x: number, y: number, z: number, s: number, i: number) => {
    pos[v * 3] = x;
    pos[v * 3 + 1] = y;
    pos[v * 3 + 2] = z;
    shade[v] = s;
    vertexBuilding[v] = i;
    return v++;
  };
  const triangle = (a: number, c: number, d: number, i: number) => {
    index[t * 3] = a;
    index[t * 3 + 1] = c;
    index[t * 3 + 2] = d;
    triangleBuilding[t++] = i;
  };
  for (let i = 0; i < b.count; i++) {
    const ring = rings[i]!;
    const n = ring.length / 2;
    const h = Math.max(1, b.h[i]!);
    // Walls: a quad per edge with its own vertices, so each wall keeps one flat shade. Rings wind
    // with a positive shoelace sum, so (dz, −dx) points out of the building.
    for (let p = 0; p < n; p++) {
      const ax = ring[2 * p]!;
      const az = ring[2 * p + 1]!;
      const bx = ring[(2 * p + 2) % (2 * n)]!;
      const bz = ring[(2 * p + 3) % (2 * n)]!;
      const len = Math.hypot(bx - ax, bz - az) || 1;
      const s = wallShade((bz - az) / len, -(bx - ax) / len);
      const a0 = vertex(ax, 0, az, s, i);
      const b0 = vertex(bx, 0, bz, s, i);
      const b1 = vertex(bx, h, bz, s, i);
      const a1 = vertex(ax, h, az, s, i);
      triangle(a0, a1, b1, i);
      triangle(a0, b1, b0, i);
    }
    // Roof: the ear-cut triangles, each turned to face up (negative signed area in x, z).
    const r0 = v;
    for (let p = 0; p < n; p++) vertex(ring[2 * p]!, h, ring[2 * p + 1]!, SHADE.roof, i);
    for (const [a = 0, c = 0, d = 0] of roofs[i]!) {
      const ux = ring[2 * c]! - ring[2 * a]!;
      const uz = ring[2 * c + 1]! - ring[2 * a + 1]!;
      const wx = ring[2 * d]! - ring[2 * a]!;
      const wz = ring[2 * d + 1]! - ring[2 * a + 1]!;
      if (ux * wz - uz * wx > 0) triangle(r0 + a, r0 + d, r0 + c, i);
      else triangle(r0 + a, r0 + c, r0 + d, i);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(pos, 3));
  // Repainted when a neighbourhood's power comes and goes.
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(verts * 3), 3).setUsage(DynamicDrawUsage));
  geometry.setIndex(new BufferAttribute(index, 1));
  geometry.computeBoundingSphere();
  const out = { geometry, vertexBuilding, triangleBuilding, shade };
  paintFootprints(out, rgb);
  return out;
}

/** Writes each vertex's colour: its shade times its building's colour in `rgb`. */
export function paintFootprints(f: FootprintGeometry, rgb: Float32Array): void {
  const attr = f.geometry.getAttribute('color') as BufferAttribute;
  const col = attr.array as Float32Array;
  for (let v = 0; v < f.shade.length; v++) {
    const k = f.vertexBuilding[v]! * 3;
    const s = f.shade[v]!;
    col[v * 3] = rgb[k]! * s;
    col[v * 3 + 1] = rgb[k + 1]! * s;
    col[v * 3 + 2] = rgb[k + 2]! * s;
  }
  attr.needsUpdate = true;
}

/** Building i's ring as x, z pairs: its outline, else its box (wound the same way). */
function ringOf(b: BuildingArrays, i: number): Float32Array {
  const o = b.outline;
  if (o && o.start[i + 1]! - o.start[i]! >= 3) return o.xz.subarray(2 * o.start[i]!, 2 * o.start[i + 1]!);
  const [x, z, hw, hd] = [b.x[i]!, b.z[i]!, Math.max(1, b.w[i]!) / 2, Math.max(1, b.d[i]!) / 2];
  return Float32Array.of(x - hw, z - hd, x + hw, z - hd, x + hw, z + hd, x - hw, z + hd);
}
