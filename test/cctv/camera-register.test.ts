/**
 * The camera register importer on a real council's register (Trafford, 163 cameras, OGL v3, in
 * ../shared/data/cctv), in both CSV and GeoJSON, and its errors as values with line numbers.
 */
import { describe, expect, it } from 'vitest';
import { parseCameraCsv, parseCameraGeoJson, placeCameras } from '../../src/scenario/import/camera-register';
import { itWithSharedData, sharedText } from '../power/shared-data';

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

  it('names the missing column when the header has no latitude', () => {
    const r = parseCameraCsv('id,name,easting,northing\n1,a,1,2\n', 'cctv.register');
    expect(r.cameras).toEqual([]);
    expect(r.issues[0]!.message).toMatch(/latitude/);
  });
});
