/**
 * A camera register on an imported OpenStreetMap town puts each camera where it really is, by the
 * town's own projection; on a generated city the register is still centred on the city.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario';
import { buildOsmCity } from '../../../src/scenario/city/osm-city';
import { parseOsm } from '../../../src/scenario/import/osm';
import { importOsm } from '../../../src/scenario/osm-import';

const OSM = readFileSync(new URL('../../fixtures/eastbridge.osm', import.meta.url), 'utf8');
/** Metres per degree of latitude on the sphere the importers use. */
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
// Two cameras 200 m apart north–south and one 150 m east of the first, inside the extract's bounds.
const LAT = 52.205;
const LON = 0.128;
const COS = Math.cos((((52.201_016_9 + 52.21) / 2) * Math.PI) / 180);
const CSV = [
  'camera_id,location,lat,lon',
  `1,North,${LAT},${LON}`,
  `2,South,${LAT - 200 / M_PER_DEG},${LON}`,
  `3,East,${LAT},${LON + 150 / (M_PER_DEG * COS)}`,
].join('\n');

function osmScenario(register: string): string {
  const imported = importOsm(OSM, { fileName: 'eastbridge.osm', osmPath: 'eastbridge.osm' });
  if (!imported.ok) throw new Error('the fixture must import');
  const s = imported.scenario as { cctv?: Record<string, unknown>; vendors: { id: string }[] };
  return JSON.stringify({ ...s, cctv: { ...(s.cctv ?? {}), register, registerVendor: 'kestrel' } });
}

const cam = (assets: readonly { id: string; position: readonly [number, number] }[], ref: string) => assets.find((a) => a.id === `camera-r${ref}`)!.position;

describe('a camera register on an imported town', () => {
  it('places each camera at its latitude and longitude by the extract’s projection', () => {
    const r = loadScenarioText(osmScenario('cams.csv'), { readFile: (p) => (p === 'eastbridge.osm' ? OSM : p === 'cams.csv' ? CSV : null) });
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const parsed = parseOsm(OSM, 'x');
    if (!parsed.ok) throw new Error('fixture');
    const frame = buildOsmCity(parsed.data, 'eastbridge').frame;
    const north = cam(r.input.assets, '1');
    const [x, z] = frame.project({ lat: LAT, lon: LON, tags: null });
    expect(north[0]).toBeCloseTo(x, 0);
    expect(north[1]).toBeCloseTo(z, 0);
    // Distances on the ground are the real ones (x east, z south).
    const south = cam(r.input.assets, '2');
    const east = cam(r.input.assets, '3');
    expect(south[0] - north[0]).toBeCloseTo(0, 0);
    expect(south[1] - north[1]).toBeGreaterThan(199.5);
    expect(south[1] - north[1]).toBeLessThan(200.5);
    expect(east[0] - north[0]).toBeGreaterThan(149.5);
    expect(east[0] - north[0]).toBeLessThan(150.5);
    // Not where centring the register on the city would have put it.
    const [w, h] = r.input.city.sizeM;
    const centreOfRegister = [(north[0] + east[0]) / 2, (north[1] + south[1]) / 2];
    expect(Math.hypot(centreOfRegister[0]! - w / 2, centreOfRegister[1]! - h / 2)).toBeGreaterThan(50);
  });

  it('names cameras outside the imported area', () => {
    const far = `${CSV}\n9,Far away,52.3,0.2`;
    const r = loadScenarioText(osmScenario('cams.csv'), { readFile: (p) => (p === 'eastbridge.osm' ? OSM : p === 'cams.csv' ? far : null) });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues).toContainEqual(
        expect.objectContaining({ path: 'cctv.register', message: expect.stringMatching(/1 camera\(s\) lie outside the imported area \(9\)/) }),
      );
  });

  it('still centres a register on a generated city', () => {
    const text = JSON.stringify({
      version: 1,
      meta: { id: 'gen', title: 'Generated' },
      city: { generator: { buildings: 500, population: 2000, sizeM: [2000, 2000] } },
      cctv: { register: 'cams.csv', generated: false },
    });
    const r = loadScenarioText(text, { readFile: (p) => (p === 'cams.csv' ? CSV : null) });
    expect(r.ok ? [] : r.issues).toEqual([]);
    if (!r.ok) return;
    const north = cam(r.input.assets, '1');
    const south = cam(r.input.assets, '2');
    const east = cam(r.input.assets, '3');
    expect((north[0] + east[0]) / 2).toBeCloseTo(1000, 0);
    expect((north[1] + south[1]) / 2).toBeCloseTo(1000, 0);
  });
});
