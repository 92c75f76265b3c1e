/**
 * Camera coverage by 2D line of sight: rays stop at the first building footprint, the field of view
 * and range bound the fan, and street and entrance coverage follow from the grid.
 */
import { describe, expect, it } from 'vitest';
import type { BuildingTable } from '../../../src/sim';
import { BuildingGrid, computeCoverage, entrancesSeen, isSeen, streetCoverage, type CameraGeometry } from '../../../src/sim/cctv';

function buildings(list: [number, number, number, number][]): BuildingTable {
  return {
    count: list.length,
    x: Float32Array.from(list, (b) => b[0]),
    z: Float32Array.from(list, (b) => b[1]),
    w: Float32Array.from(list, (b) => b[2]),
    d: Float32Array.from(list, (b) => b[3]),
    h: new Float32Array(list.length).fill(10),
    district: new Uint16Array(list.length),
    use: new Uint8Array(list.length),
  };
}

const cam = (x: number, z: number, headingDeg: number, fovDeg: number, range: number): CameraGeometry => ({
  count: 1,
  x: Float32Array.of(x),
  z: Float32Array.of(z),
  heading: Float32Array.of((headingDeg * Math.PI) / 180),
  fov: Float32Array.of((fovDeg * Math.PI) / 180),
  range: Float32Array.of(range),
});

describe('line of sight', () => {
  it('stops a ray at the first wall and ignores the building the camera is mounted in', () => {
    // A 20 m wide block whose near face is at x = 140; the camera at x = 100 looks east.
    const b = buildings([
      [150, 100, 20, 20],
      [100, 100, 4, 4],
    ]);
    const g = new BuildingGrid(b, [400, 400]);
    expect(g.cast(100, 100, 1, 0, 200)).toBeCloseTo(40, 5);
    expect(g.cast(100, 100, -1, 0, 200)).toBe(200);
    // Diagonal, passing above the block: unobstructed to the range.
    expect(g.cast(100, 100, Math.SQRT1_2, -Math.SQRT1_2, 60)).toBe(60);
  });

  it('sees what is in the fan and in range, not what is behind a building or outside the field of view', () => {
    const b = buildings([[150, 100, 20, 20]]);
    const g = new BuildingGrid(b, [400, 400]);
    const cov = computeCoverage(cam(100, 100, 0, 60, 100), g, { cellM: 2, rays: 90, sizeM: [400, 400] });
    expect(isSeen(cov, 120, 100)).toBe(true); // in front of the wall
    expect(isSeen(cov, 180, 100)).toBe(false); // behind the building
    expect(isSeen(cov, 100, 150)).toBe(false); // 90° off the axis
    expect(isSeen(cov, 195, 140)).toBe(false); // beyond the range
    expect(isSeen(cov, 150, 125)).toBe(true); // past the building's corner, inside the fan
  });

  it('measures street coverage and seen entrances from the grid', () => {
    const b = buildings([[150, 100, 20, 20]]);
    const g = new BuildingGrid(b, [400, 400]);
    const cov = computeCoverage(cam(100, 100, 0, 60, 100), g, { cellM: 2, rays: 90, sizeM: [400, 400] });
    const road = [{ id: 'r', a: [0, 100] as const, b: [400, 100] as const, lanes: 1, cls: 'street' as const }];
    const share = streetCoverage(cov, road, 2);
    // From x = 100 to the wall at 140 of a 400 m street: about a tenth.
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.13);
    const seen = new Uint8Array(1);
    expect(entrancesSeen(cov, b, seen)).toBe(1);
    const away = computeCoverage(cam(100, 100, 180, 60, 100), g, { cellM: 2, rays: 90, sizeM: [400, 400] });
    expect(entrancesSeen(away, b)).toBe(0);
  });
});
