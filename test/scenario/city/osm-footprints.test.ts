/**
 * The OpenStreetMap importer keeps each building's real footprint beside its box: rings without
 * their closing or repeated points, wound one way, with the same area as the box.
 */
import { describe, expect, it } from 'vitest';
import { buildOsmCity, parseOsm } from '../../../src/scenario';
import type { BuildingTable } from '../../../src/sim';
import { itWithSharedData } from '../../support/shared-data';

const R_EARTH = 6_371_008.8;
const B = { minLat: 53.449, minLon: -2.202, maxLat: 53.451, maxLon: -2.198 };
const KX = (Math.cos((((B.minLat + B.maxLat) / 2) * Math.PI) / 180) * R_EARTH * Math.PI) / 180;
const KZ = (R_EARTH * Math.PI) / 180;

/** An extract whose ways are given in ground metres (the importer's x east, z south, 100 m margin). */
function extract(ways: { pts: [number, number][]; refs?: number[]; tags?: string }[]): string {
  let id = 1;
  const nodes: string[] = [];
  const body = ways.map((w, k) => {
    const ids = w.pts.map(([x, z]) => {
      nodes.push(`<node id="${id}" lat="${B.maxLat - (z - 100) / KZ}" lon="${B.minLon + (x - 100) / KX}"/>`);
      return id++;
    });
    const refs = (w.refs ?? [...ids.keys(), 0]).map((i) => `<nd ref="${ids[i]}"/>`).join('');
    return `<way id="${500 + k}">${refs}${w.tags ?? '<tag k="building" v="yes"/>'}</way>`;
  });
  return `<?xml version="1.0"?><osm version="0.6"><bounds minlat="${B.minLat}" minlon="${B.minLon}" maxlat="${B.maxLat}" maxlon="${B.maxLon}"/>${nodes.join('')}${body.join('')}</osm>`;
}

function buildings(text: string): BuildingTable {
  const p = parseOsm(text, 'city.osm');
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return buildOsmCity(p.data, 'T').city.buildings;
}

function ring(b: BuildingTable, i: number): [number, number][] {
  const o = b.outline!;
  const out: [number, number][] = [];
  for (let p = o.start[i]!; p < o.start[i + 1]!; p++) out.push([o.xz[2 * p]!, o.xz[2 * p + 1]!]);
  return out;
}

/** Twice the signed area: Σ x_k z_k+1 − x_k+1 z_k. */
function shoelace2(r: readonly [number, number][]): number {
  let s = 0;
  for (let k = 0; k < r.length; k++) s += r[k]![0] * r[(k + 1) % r.length]![1] - r[(k + 1) % r.length]![0] * r[k]![1];
  return s;
}

/** Whether `actual` is `expected` (within 1 cm) read from some starting point, in the same direction. */
function sameRing(actual: [number, number][], expected: [number, number][]): boolean {
  if (actual.length !== expected.length) return false;
  const n = expected.length;
  const near = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
  for (let s = 0; s < n; s++) if (expected.every((e, k) => near(actual[(s + k) % n]!, e))) return true;
  return false;
}

describe('OpenStreetMap building footprints', () => {
  // An L wound the negative way round, with a node repeated and a second node on the same spot.
  const L: [number, number][] = [
    [150, 150],
    [150, 200],
    [170, 200],
    [170, 170],
    [190, 170],
    [190, 150],
  ];
  // A 40 m × 4 m block turned 45°, centred at (300, 300).
  const c = Math.SQRT1_2;
  const slab = (
    [
      [-20, -2],
      [20, -2],
      [20, 2],
      [-20, 2],
    ] as const
  ).map(([u, v]) => [300 + u * c - v * c, 300 + u * c + v * c] as [number, number]);

  it('keeps an L-shaped and a turned footprint point for point, wound one way, without repeated points', () => {
    const b = buildings(extract([{ pts: [...L, L[2]!], refs: [0, 1, 1, 2, 6, 3, 4, 5, 0] }, { pts: slab }]));
    expect(b.count).toBe(2);
    expect(b.outline!.start).toEqual(Uint32Array.of(0, 6, 10));
    expect(sameRing(ring(b, 0), [...L].reverse())).toBe(true);
    expect(sameRing(ring(b, 1), slab)).toBe(true);
    for (let i = 0; i < 2; i++) expect(shoelace2(ring(b, i))).toBeGreaterThan(0);
    // The boxes are as before: centroid, and the bounding box's proportions at the footprint's area.
    expect(b.w[0]! * b.d[0]!).toBeCloseTo(1400, 0);
    expect(b.x[1]).toBeCloseTo(300, 2);
    expect(b.z[1]).toBeCloseTo(300, 2);
    expect(b.w[1]).toBeCloseTo(Math.sqrt(160), 2);
    expect(b.d[1]).toBeCloseTo(Math.sqrt(160), 2);
  });

  it('skips rings with fewer than 3 distinct points, as before', () => {
    const b = buildings(
      extract([
        {
          pts: [
            [150, 150],
            [160, 150],
          ],
          refs: [0, 1, 1, 0],
        },
        { pts: slab },
      ]),
    );
    expect(b.count).toBe(1);
    expect(b.outline!.start).toEqual(Uint32Array.of(0, 4));
  });

  itWithSharedData('gives every Levenshulme building a ring with the area of its box', 'osm/levenshulme.osm', (text) => {
    const b = buildings(text);
    const o = b.outline!;
    expect(b.count).toBeGreaterThan(800);
    expect(o.start.length).toBe(b.count + 1);
    expect(o.xz.length).toBe(2 * o.start[b.count]!);
    let turned = 0;
    for (let i = 0; i < b.count; i++) {
      const r = ring(b, i);
      expect(r.length).toBeGreaterThanOrEqual(3);
      const area = shoelace2(r) / 2;
      expect(area).toBeGreaterThan(0);
      expect(Math.abs(area - b.w[i]! * b.d[i]!) / area).toBeLessThan(0.01);
      if (r.length > 4 || r.some((p, k) => Math.abs(p[0] - r[(k + 1) % r.length]![0]) > 0.5 && Math.abs(p[1] - r[(k + 1) % r.length]![1]) > 0.5)) turned++;
    }
    // Most of the district is not axis-aligned boxes: that is why outlines are kept.
    expect(turned).toBeGreaterThan(b.count / 2);
  });
});
