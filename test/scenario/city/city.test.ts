import { describe, expect, it } from 'vitest';
import { generateCity, type CityParams } from '../../../src/scenario';

const params = (over: Partial<CityParams> = {}): CityParams => ({
  name: 'T',
  seed: 7,
  buildings: 8000,
  population: 100_000,
  sizeM: [4800, 4000],
  infrastructure: true,
  ...over,
});

describe('procedural city', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateCity(params(), ['acme']);
    const b = generateCity(params(), ['acme']);
    const c = generateCity(params({ seed: 8 }), ['acme']);
    expect(Buffer.from(a.city.buildings.h.buffer).equals(Buffer.from(b.city.buildings.h.buffer))).toBe(true);
    expect(JSON.stringify(a.assets)).toBe(JSON.stringify(b.assets));
    expect(JSON.stringify(a.edges)).toBe(JSON.stringify(b.edges));
    expect(Buffer.from(a.city.buildings.x.buffer).equals(Buffer.from(c.city.buildings.x.buffer))).toBe(false);
  });

  it.each([5000, 8000, 20000])('builds exactly %i buildings with plausible heights', (n) => {
    const g = generateCity(params({ buildings: n }), []);
    const b = g.city.buildings;
    expect(b.count).toBe(n);
    let tall = 0;
    for (let i = 0; i < n; i++) {
      expect(b.h[i]!).toBeGreaterThan(2);
      expect(b.h[i]!).toBeLessThanOrEqual(160);
      expect(b.w[i]! > 0 && b.d[i]! > 0).toBe(true);
      if (b.h[i]! > 40) tall++;
    }
    expect(tall).toBeGreaterThan(10);
  });

  it('has districts of every kind, a river, and the sites that matter', () => {
    const g = generateCity(params(), ['acme']);
    expect(new Set(g.city.districts.map((d) => d.kind))).toEqual(new Set(['centre', 'residential', 'industrial', 'waterfront', 'parkland']));
    expect(g.city.water.length).toBe(1);
    const kinds = new Set(g.assets.map((a) => a.kind));
    for (const k of [
      'hospital',
      'police-hq',
      'water-treatment',
      'pumping-station',
      'substation',
      'data-centre',
      'transit-hub',
      'school',
      'council-office',
      'clinic',
      'place-of-worship',
      'job-centre',
      'traffic-signal',
      'camera',
      'access-switch',
      'vendor-gateway',
      'neighbourhood',
    ]) {
      expect(kinds, k).toContain(k);
    }
    expect(g.population).toBeGreaterThan(99_000);
    expect(g.population).toBeLessThan(101_000);
  });

  it('joins every subsystem into one dependency graph', () => {
    const g = generateCity(params(), []);
    const ids = new Set(g.assets.map((a) => a.id));
    for (const e of g.edges) {
      expect(ids.has(e.from), e.id).toBe(true);
      expect(ids.has(e.to), e.id).toBe(true);
    }
    const suppliersOf = (id: string) => g.edges.filter((e) => e.to === id);
    const kindOf = new Map(g.assets.map((a) => [a.id as string, a.kind]));
    const pump = g.assets.find((a) => a.kind === 'pumping-station')!;
    expect(suppliersOf(pump.id).map((e) => kindOf.get(e.from))).toContain('substation');
    const signal = g.assets.find((a) => a.kind === 'traffic-signal')!;
    expect(
      suppliersOf(signal.id)
        .map((e) => kindOf.get(e.from))
        .sort(),
    ).toEqual(['access-switch', 'substation']);
    const camera = g.assets.find((a) => a.kind === 'camera')!;
    expect(suppliersOf(camera.id).map((e) => kindOf.get(e.from))).toEqual(['access-switch']);
    // Every plant or device depends on something, except the grid supply point.
    const roots = g.assets.filter((a) => suppliersOf(a.id).length === 0).map((a) => a.kind);
    expect(roots).toEqual(['grid-supply-point']);
  });
});
