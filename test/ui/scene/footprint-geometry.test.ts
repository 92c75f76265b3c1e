/**
 * The merged footprint mesh: walls and an ear-cut roof per building, faces turned outwards and
 * up, a map from each triangle back to its building, and colours that follow the box shading.
 */
import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import { buildFootprintGeometry, paintFootprints, SHADE } from '../../../src/ui/scene/footprint-geometry';

// Building 0: an L (6 points, positive winding); building 1: no ring, so it stands as its 10 × 20 box.
const L = [150, 150, 190, 150, 190, 170, 170, 170, 170, 200, 150, 200];
const b = {
  count: 2,
  x: Float32Array.of(165, 300),
  z: Float32Array.of(170, 300),
  w: Float32Array.of(37, 10),
  d: Float32Array.of(38, 20),
  h: Float32Array.of(9, 12),
  district: new Uint16Array(2),
  use: new Uint8Array(2),
  outline: { start: Uint32Array.of(0, 6, 6), xz: Float32Array.from(L) },
};
const rgb = Float32Array.of(0.5, 0.4, 0.3, 0.2, 0.6, 1);

function inside(ring: readonly number[], x: number, z: number): boolean {
  let c = false;
  for (let p = 0, q = ring.length / 2 - 1; p < ring.length / 2; q = p++) {
    const [ax, az, bx, bz] = [ring[2 * q]!, ring[2 * q + 1]!, ring[2 * p]!, ring[2 * p + 1]!];
    if (az > z !== bz > z && x < ax + ((bx - ax) * (z - az)) / (bz - az)) c = !c;
  }
  return c;
}

describe('footprint geometry', () => {
  const f = buildFootprintGeometry(b, rgb);
  const pos = f.geometry.getAttribute('position');
  const idx = f.geometry.getIndex()!;
  const tri = (t: number) => [0, 1, 2].map((k) => new Vector3().fromBufferAttribute(pos, idx.getX(t * 3 + k)));

  it('has two wall triangles an edge and n − 2 roof triangles, each mapped to its building', () => {
    expect(f.triangleBuilding.length).toBe(6 * 2 + 4 + (4 * 2 + 2));
    expect(idx.count).toBe(f.triangleBuilding.length * 3);
    expect([...f.triangleBuilding]).toEqual([...Array(16).fill(0), ...Array(10).fill(1)]);
    expect(pos.count).toBe(f.vertexBuilding.length);
    for (let t = 0; t < f.triangleBuilding.length; t++) for (const k of [0, 1, 2]) expect(f.vertexBuilding[idx.getX(t * 3 + k)]).toBe(f.triangleBuilding[t]);
  });

  it('turns roofs up and walls outwards, at each building’s height', () => {
    const box = [295, 290, 305, 290, 305, 310, 295, 310];
    for (let t = 0; t < f.triangleBuilding.length; t++) {
      const [a, c, d] = tri(t);
      const normal = new Vector3().subVectors(c!, a!).cross(new Vector3().subVectors(d!, a!)).normalize();
      const h = f.triangleBuilding[t] === 0 ? 9 : 12;
      expect(Math.max(a!.y, c!.y, d!.y)).toBe(h);
      if (a!.y === h && c!.y === h && d!.y === h) {
        expect(normal.y).toBeCloseTo(1, 6);
        continue;
      }
      expect(normal.y).toBeCloseTo(0, 6);
      // Half a metre out from the middle of the wall lies outside the footprint; half a metre in, inside.
      const mid = new Vector3().add(a!).add(c!).add(d!).divideScalar(3);
      const ring = f.triangleBuilding[t] === 0 ? L : box;
      expect(inside(ring, mid.x + normal.x * 0.5, mid.z + normal.z * 0.5)).toBe(false);
      expect(inside(ring, mid.x - normal.x * 0.5, mid.z - normal.z * 0.5)).toBe(true);
    }
  });

  it('colours each vertex by its building and the way its face points, and repaints', () => {
    const col = f.geometry.getAttribute('color');
    const roof = idx.getX(12 * 3); // the L's first roof triangle
    expect(col.getX(roof)).toBeCloseTo(0.5 * SHADE.roof, 6);
    // The L's first wall runs east along z = 150, so it faces north.
    expect(col.getY(idx.getX(0))).toBeCloseTo(0.4 * SHADE.north, 6);
    paintFootprints(f, Float32Array.of(0, 0, 0, 1, 1, 1));
    expect(col.getX(roof)).toBe(0);
    expect(col.getX(pos.count - 1)).toBeCloseTo(SHADE.roof, 6);
  });
});
