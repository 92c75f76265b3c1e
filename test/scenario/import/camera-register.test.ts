/**
 * The camera register importer on a real council's register (Trafford, 163 cameras, OGL v3, in
 * ../shared/data/cctv), in both CSV and GeoJSON, and its errors as values with line numbers.
 */
import { describe, expect, it } from 'vitest';
import { parseCameraCsv, parseCameraGeoJson, placeCameras } from '../../../src/scenario/import/camera-register';
import { VENDORS } from '../../support/scenarios';
import { itWithSharedData, sharedText } from '../../support/shared-data';
import { loadScenarioText } from '../../../src/scenario';

describe('camera register import', () => {
  itWithSharedData('reads the Trafford register from CSV: 163 cameras, 18 wards, all in Trafford', 'cctv/trafford_cctv_cameras.csv', (text) => {
    const r = parseCameraCsv(text, 'cctv.register');
    expect(r.issues).toEqual([]);
    expect(r.cameras).toHaveLength(163);
    expect(new Set(r.cameras.map((c) => c.area)).size).toBe(18);
    for (const c of r.cameras) {
      expect(c.lat).toBeGreaterThan(53.37);
      expect(c.lat).toBeLessThan(53.48);
      expect(c.lon).toBeGreaterThan(-2.45);
      expect(c.lon).toBeLessThan(-2.25);
    }
  });

  itWithSharedData('reads the same cameras from GeoJSON, at the same places', 'cctv/trafford_cctv_cameras.geojson', (text) => {
    const g = parseCameraGeoJson(text, 'cctv.register');
    const csv = sharedText('cctv/trafford_cctv_cameras.csv');
    expect(g.issues).toEqual([]);
    expect(g.cameras).toHaveLength(163);
    if (csv === null) return;
    const c = parseCameraCsv(csv, 'x').cameras;
    const byRef = new Map(c.map((x) => [x.ref, x]));
    for (const cam of g.cameras) {
      const twin = byRef.get(cam.ref);
      expect(twin, `camera ${cam.ref}`).toBeDefined();
      expect(cam.lat).toBeCloseTo(twin!.lat, 6);
      expect(cam.lon).toBeCloseTo(twin!.lon, 6);
    }
  });

  itWithSharedData('places the register in local metres: about 12 by 10 km, north up', 'cctv/trafford_cctv_cameras.csv', (text) => {
    const { cameras, extentM } = placeCameras(parseCameraCsv(text, 'x').cameras, [6000, 5000]);
    // bbox lon −2.440728..−2.260186, lat 53.376644..53.470163 (SOURCE.txt): 0.1805° × cos 53.42° × 111.2 km, 0.0935° × 111.2 km.
    expect(extentM[0]).toBeGreaterThan(11_800);
    expect(extentM[0]).toBeLessThan(12_100);
    expect(extentM[1]).toBeGreaterThan(10_300);
    expect(extentM[1]).toBeLessThan(10_500);
    const north = cameras.reduce((a, b) => (b.lat > a.lat ? b : a));
    const south = cameras.reduce((a, b) => (b.lat < a.lat ? b : a));
    expect(north.position[1]).toBeLessThan(south.position[1]);
  });

  it('reports bad rows with their line and a hint, and keeps the good ones', () => {
    const r = parseCameraCsv('camera_id,location,lat,lon\n1,High St,53.4,-2.3\n2,Nowhere,abc,-2.3\n3,Pole,95,-2.3\n', 'cctv.register');
    expect(r.cameras.map((c) => c.ref)).toEqual(['1']);
    expect(r.issues.map((i) => i.path)).toEqual(['cctv.register line 3', 'cctv.register line 4']);
    expect(r.issues[0]!.hint).toMatch(/decimal degrees/);
  });

  it('reports a GeoJSON feature that is not an object, or a document that is not one, instead of failing', () => {
    const r = parseCameraGeoJson(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [null, 7, { type: 'Feature', properties: 'x', geometry: { type: 'Point', coordinates: [-2.28, 53.46] } }],
      }),
      'cams.geojson',
    );
    expect(r.cameras).toHaveLength(1);
    expect(r.issues.map((i) => i.path)).toEqual(['cams.geojson features[0]', 'cams.geojson features[1]']);
    expect(parseCameraGeoJson('null', 'cams.geojson').issues[0]!.message).toBe('no "features" array');
  });

  it('names the missing column when the header has no latitude', () => {
    const r = parseCameraCsv('id,name,easting,northing\n1,a,1,2\n', 'cctv.register');
    expect(r.cameras).toEqual([]);
    expect(r.issues[0]!.message).toMatch(/latitude/);
  });
});

describe('a scenario with an imported register', () => {
  const scenario = (register: string, sizeM: [number, number]) =>
    JSON.stringify({
      version: 1,
      meta: { id: 'trafford', title: 'Trafford cameras' },
      city: { generator: { buildings: 2000, population: 10000, sizeM } },
      vendors: [VENDORS.kestrel],
      cctv: {
        register,
        registerVendor: 'kestrel',
        generated: false,
        registerAttribution: 'Contains public sector information licensed under the Open Government Licence v3.0 (Trafford Council)',
      },
    });

  itWithSharedData(
    'puts all 163 Trafford cameras on the network, each fed by a street cabinet, with the attribution kept',
    'cctv/trafford_cctv_cameras.csv',
    (text) => {
      const r = loadScenarioText(scenario('trafford.csv', [12_500, 10_800]), { readFile: (p) => (p === 'trafford.csv' ? text : null) });
      expect(r.ok ? [] : r.issues).toEqual([]);
      if (!r.ok) return;
      const cams = r.input.assets.filter((a) => a.kind === 'camera');
      expect(cams).toHaveLength(163);
      expect(cams.every((a) => a.vendor === 'kestrel' && a.id.startsWith('camera-r'))).toBe(true);
      const fed = new Set(r.input.edges.filter((e) => e.resource === 'comms').map((e) => e.to as string));
      expect(cams.every((a) => fed.has(a.id))).toBe(true);
      expect(r.input.cyber?.cctv.cameras).toHaveLength(163);
      expect(r.input.cyber?.cctv.attribution).toMatch(/Open Government Licence/);
    },
  );

  itWithSharedData('says how big the city must be when the register does not fit', 'cctv/trafford_cctv_cameras.csv', (text) => {
    const r = loadScenarioText(scenario('trafford.csv', [4800, 4000]), { readFile: () => text });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const i = r.issues.find((x) => x.path === 'cctv.register');
    expect(i?.hint).toMatch(/sizeM to at least \[12/);
  });
});
