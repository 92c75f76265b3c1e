/**
 * Line of sight against real footprints: where a city has building outlines, rays stop at the
 * outline's walls, not at the area-preserving box the table also holds.
 */
import { describe, expect, it } from 'vitest';
import type { BuildingTable } from '../../../src/sim';
import { BuildingGrid } from '../../../src/sim/cctv';

// A 60 m × 2 m wall turned 45°, centred at (200, 200): along u = (1, 1)/√2, across n = (1, −1)/√2.
const S = Math.SQRT1_2;
const u = [S, S] as const;
const n = [S, -S] as const;
const at = (a: number, b: number): [number, number] => [200 + a * u[0] + b * n[0], 200 + a * u[1] + b * n[1]];
const corners = [at(-30, 1), at(30, 1), at(30, -1), at(-30, -1)];
const side = Math.sqrt(120); // the box of the same area over a square bounding box

function table(withOutline: boolean): BuildingTable {
  return {
    count: 1,
    x: Float32Array.of(200),
    z: Float32Array.of(200),
    w: Float32Array.of(side),
    d: Float32Array.of(side),
    h: Float32Array.of(10),
    district: new Uint16Array(1),
    use: new Uint8Array(1),
    ...(withOutline ? { outline: { start: Uint32Array.of(0, 4), xz: Float32Array.from(corners.flat()) } } : {}),
  };
}

describe('line of sight against footprints', () => {
  const poly = new BuildingGrid(table(true), [400, 400]);
  const box = new BuildingGrid(table(false), [400, 400]);

  it('stops a ray at a turned wall that its box would miss', () => {
    // Due east along z = 215: the wall's centre line crosses it at x = 215, its near face 1.41 m before.
    const want = 115 - Math.SQRT2;
    expect(poly.cast(100, 215, 1, 0, 200)).toBeCloseTo(want, 3);
    expect(box.cast(100, 215, 1, 0, 200)).toBe(200);
  });

  it('lets a ray pass beside the wall through where its box would stand', () => {
    const [x, z] = at(-60, 4);
    expect(poly.cast(x, z, u[0], u[1], 120)).toBe(120);
    expect(box.cast(x, z, u[0], u[1], 120)).toBeLessThan(120);
  });

  it('ignores the building a camera stands in, and sees a wall from either side', () => {
    expect(poly.cast(200, 200, u[0], u[1], 100)).toBe(100);
    expect(poly.cast(200, 200, n[0], n[1], 100)).toBe(100);
    const [x, z] = at(10, 20);
    expect(poly.cast(x, z, -n[0], -n[1], 100)).toBeCloseTo(19, 3);
    const [x2, z2] = at(10, -20);
    expect(poly.cast(x2, z2, n[0], n[1], 100)).toBeCloseTo(19, 3);
  });
});
