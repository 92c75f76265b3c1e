/**
 * Imports a council's camera register — CSV with latitude and longitude columns, or GeoJSON points
 * (RFC 7946, longitude first) — and places the cameras in the city's local metres: x east, z south
 * of the origin. On an imported OpenStreetMap town, by the town's own projection, so each camera
 * stands where it really is; on a generated city, by an equirectangular projection about the
 * register's centre (error well under a metre across a borough), shifted so that centre sits at
 * the city's centre.
 *
 * Problems come back as values with the line (CSV) or feature (GeoJSON) and a hint. Registers
 * published under the Open Government Licence need their attribution kept: the caller passes it on.
 */
import { clip, issue, quote, type ScenarioIssue } from '../issues';
import { jsonSyntaxIssue } from '../json-error';

export interface RegisterCamera {
  /** The register's own id, e.g. "1001". */
  readonly ref: string;
  readonly name: string;
  readonly area: string | null;
  readonly lat: number;
  readonly lon: number;
}

export interface PlacedCamera extends RegisterCamera {
  readonly position: readonly [number, number];
}

const EARTH_R = 6_371_008.8;
const LAT_NAMES = ['lat', 'latitude', 'y'];
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x'];
const ID_NAMES = ['camera_id', 'id', 'ref', 'camera', 'asset_id'];
const NAME_NAMES = ['location', 'name', 'description', 'site'];
const AREA_NAMES = ['area_name', 'ward', 'area', 'district'];

/** Splits one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export function parseCameraCsv(text: string, path: string): { cameras: RegisterCamera[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = csvFields(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const iLat = col(LAT_NAMES);
  const iLon = col(LON_NAMES);
  if (iLat < 0 || iLon < 0) {
    issues.push(
      issue(
        `${path} line 1`,
        `no ${iLat < 0 ? 'latitude' : 'longitude'} column among the header's ${header.length} column(s)`,
        `name the columns "lat" and "lon" (or latitude/longitude)`,
      ),
    );
    return { cameras: [], issues };
  }
  const iId = col(ID_NAMES);
  const iName = col(NAME_NAMES);
  const iArea = col(AREA_NAMES);
  const cameras: RegisterCamera[] = [];
  for (let n = 1; n < lines.length; n++) {
    if (lines[n]!.trim() === '') continue;
    const f = csvFields(lines[n]!);
    const lat = Number(f[iLat]);
    const lon = Number(f[iLon]);
    const ref = iId >= 0 && f[iId] ? f[iId]! : String(n);
    const err = checkLatLon(lat, lon);
    if (err) {
      issues.push(issue(`${path} line ${n + 1}`, `camera ${clip(ref, 40)}: ${err}`, 'give decimal degrees (WGS84), latitude -90..90 and longitude -180..180'));
      continue;
    }
    cameras.push({ ref: cleanRef(ref), name: iName >= 0 && f[iName] ? f[iName]! : `Camera ${ref}`, area: iArea >= 0 && f[iArea] ? f[iArea]! : null, lat, lon });
  }
  return { cameras, issues };
}

export function parseCameraGeoJson(text: string, path: string): { cameras: RegisterCamera[]; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    issues.push(jsonSyntaxIssue(text, path, 'check the file is GeoJSON'));
    return { cameras: [], issues };
  }
  const features = doc !== null && typeof doc === 'object' ? (doc as { features?: unknown }).features : undefined;
  if (!Array.isArray(features)) {
    issues.push(issue(path, 'no "features" array', 'give a GeoJSON FeatureCollection of Point features'));
    return { cameras: [], issues };
  }
  const cameras: RegisterCamera[] = [];
  features.forEach((item: unknown, k) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push(issue(`${path} features[${k}]`, 'not a GeoJSON Feature', 'each camera must be a Feature with a Point geometry and properties'));
      return;
    }
    const ft = item as { geometry?: { type?: string; coordinates?: unknown } | null; properties?: unknown };
    const p: Record<string, unknown> =
      ft.properties !== null && typeof ft.properties === 'object' && !Array.isArray(ft.properties) ? (ft.properties as Record<string, unknown>) : {};
    const pick = (names: readonly string[]) => {
      const key = Object.keys(p).find((x) => names.includes(x.toLowerCase()));
      return key !== undefined && p[key] !== null && p[key] !== undefined ? String(p[key]) : null;
    };
    const ref = cleanRef(pick(ID_NAMES) ?? String(k + 1));
    const c = ft.geometry?.coordinates;
    if (ft.geometry?.type !== 'Point' || !Array.isArray(c) || c.length < 2) {
      issues.push(
        issue(`${path} features[${k}].geometry`, `camera ${clip(ref, 40)}: not a Point`, 'each camera must be a GeoJSON Point [longitude, latitude]'),
      );
      return;
    }
    const lon = Number(c[0]);
    const lat = Number(c[1]);
    const err = checkLatLon(lat, lon);
    if (err) {
      issues.push(
        issue(`${path} features[${k}].geometry.coordinates`, `camera ${clip(ref, 40)}: ${err}`, 'GeoJSON puts longitude first: [lon, lat] in decimal degrees'),
      );
      return;
    }
    cameras.push({ ref, name: pick(NAME_NAMES) ?? `Camera ${ref}`, area: pick(AREA_NAMES), lat, lon });
  });
  return { cameras, issues };
}

/** "1001.0" (GeoJSON numbers) and "1001" are the same camera. */
const cleanRef = (s: string) => s.replace(/\.0+$/, '').trim();

function checkLatLon(lat: number, lon: number): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return 'latitude or longitude is not a number';
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return `(${lat}, ${lon}) is not a place on Earth`;
  return null;
}

/**
 * Places cameras in local metres: by `project` when the city has a geographic frame (an imported
 * OpenStreetMap town: each camera where it really is), else with the register's bounding-box
 * centre at `centre`.
 */
export function placeCameras(
  cameras: readonly RegisterCamera[],
  centre: readonly [number, number],
  project?: (lat: number, lon: number) => readonly [number, number],
): { cameras: PlacedCamera[]; extentM: [number, number] } {
  if (cameras.length === 0) return { cameras: [], extentM: [0, 0] };
  const lats = cameras.map((c) => c.lat);
  const lons = cameras.map((c) => c.lon);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const k = (Math.PI / 180) * EARTH_R;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  const at = (c: RegisterCamera): readonly [number, number] => {
    if (!project) return [centre[0] + (c.lon - lon0) * k * cos0, centre[1] - (c.lat - lat0) * k];
    return project(c.lat, c.lon);
  };
  const placed = cameras.map((c) => {
    const [x, z] = at(c);
    return { ...c, position: [Math.round(x * 10) / 10, Math.round(z * 10) / 10] as const };
  });
  const extentM: [number, number] = [(Math.max(...lons) - Math.min(...lons)) * k * cos0, (Math.max(...lats) - Math.min(...lats)) * k];
  return { cameras: placed, extentM };
}

/** Reads a register by its file extension. */
export function parseCameraRegister(text: string, file: string, path: string): { cameras: RegisterCamera[]; issues: ScenarioIssue[] } {
  if (/\.(geo)?json$/i.test(file)) return parseCameraGeoJson(text, path);
  if (/\.csv$/i.test(file)) return parseCameraCsv(text, path);
  return {
    cameras: [],
    issues: [issue(path, `cannot tell the format of ${quote(file)}`, 'use a .csv file with lat/lon columns or a .geojson file of points')],
  };
}
