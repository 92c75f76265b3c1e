/**
 * The infrastructure OpenStreetMap maps, read from its tags:
 *
 * - Cameras: `man_made=surveillance` (nodes and ways) of `surveillance:type` camera (the default)
 *   or ALPR. Heading from `camera:direction` or `direction` (degrees clockwise from north, a range
 *   such as "45-135", or compass words: N, NNE, north-east, …); type from `camera:type` (fixed,
 *   dome — sees all round — or panning); mount height from `height`, else `camera:mount` (wall,
 *   pole, street lamp, …); `surveillance=indoor` cameras are kept apart from the street cameras;
 *   `surveillance:type=ALPR` runs number-plate (ANPR) analytics. A camera with no direction looks
 *   at the nearest street; every default used is counted.
 * - Power: `power=substation` (a grid supply point at 132 kV and above or `substation=transmission`;
 *   a local one at 11 kV and below, `substation=minor_distribution`, or an unlabelled small one;
 *   else a primary substation), `transformer`, `plant`, `generator` (rooftop and sub-megawatt ones
 *   are only counted), `cabinet` and `box`, and `line`, `minor_line` and `cable` with `voltage`.
 * - Water: `man_made=water_tower|water_works|reservoir_covered|pumping_station` (not sewage),
 *   `pumping_station=water`, `man_made=storage_tank` with `content=water`.
 * - Comms: `man_made=street_cabinet` (`street_cabinet=telecom`, the default; `traffic_signals`;
 *   `power`), `telecom=exchange|data_center`, `man_made=mast|tower` with `tower:type=communication`.
 */
import type { Subsystem } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { mappedPlaces, type MappedPlace, type PlaceClass } from './osm-places';

type Pt = readonly [number, number];
type Tags = Readonly<Record<string, string>>;

const cls = (kind: string, name: string, subsystem: Subsystem, critical = false): PlaceClass => ({ kind, name, subsystem, critical });

/** Compass points, clockwise from north in steps of 22.5°. */
const COMPASS = ['n', 'nne', 'ne', 'ene', 'e', 'ese', 'se', 'sse', 's', 'ssw', 'sw', 'wsw', 'w', 'wnw', 'nw', 'nnw'];
const WORDS: Record<string, string> = { north: 'n', south: 's', east: 'e', west: 'w' };

/**
 * A direction tag as a compass bearing (degrees clockwise from north) and, for a range ("45-135"),
 * its width; null when it cannot be read.
 */
export function parseDirection(v: string | undefined): { bearing: number; spanDeg: number | null } | null {
  if (v === undefined) return null;
  const first = v.split(';')[0]!.trim().toLowerCase();
  if (first === '') return null;
  const num = (s: string) => (/^-?\d+(\.\d+)?\s*°?$/.test(s.trim()) ? Number(s.trim().replace('°', '')) : null);
  const range = /^(-?\d+(?:\.\d+)?)\s*°?\s*-\s*(-?\d+(?:\.\d+)?)\s*°?$/.exec(first);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    const span = (((b - a) % 360) + 360) % 360;
    return { bearing: norm(a + span / 2), spanDeg: span === 0 ? 360 : span };
  }
  const n = num(first);
  if (n !== null) return { bearing: norm(n), spanDeg: null };
  const word = first
    .split(/[\s_-]+/)
    .map((w) => WORDS[w] ?? w)
    .join('');
  const k = COMPASS.indexOf(word);
  return k >= 0 ? { bearing: k * 22.5, spanDeg: null } : null;
}

const norm = (deg: number) => ((deg % 360) + 360) % 360;

/** Mount height by `camera:mount`, metres. */
const MOUNT_M: Record<string, number> = { wall: 4, ceiling: 3, pole: 6, street_lamp: 8, lamppost: 8, traffic_signals: 5, building: 8, roof: 10 };
const DEFAULT_HEIGHT_M = 6;
/** Horizontal field of view by `camera:type`: a fixed lens, a panning camera's sweep, a dome all round. */
const FOV_DEG = { fixed: 90, panning: 180, dome: 360 } as const;

export type CameraType = keyof typeof FOV_DEG;

export interface OsmCamera {
  readonly place: MappedPlace;
  /** View axis as the simulation takes it: degrees clockwise from east (+x) towards south (+z). */
  readonly headingDeg: number;
  /** The compass bearing OSM gives, or null when it had none (the camera looks at the nearest street). */
  readonly bearingDeg: number | null;
  readonly type: CameraType;
  readonly fovDeg: number;
  readonly heightM: number;
  readonly anpr: boolean;
  readonly indoor: boolean;
}

export interface CameraCounts {
  readonly street: number;
  readonly indoor: number;
  readonly anpr: number;
  /** Cameras that took a default: no readable direction, no type, no height or mount. */
  readonly defaultHeading: number;
  readonly unreadableDirection: number;
  readonly defaultType: number;
  readonly defaultHeight: number;
  /** Surveillance that is not a camera (guards, …): not imported. */
  readonly notCameras: number;
  /** Cameras outside the imported area. */
  readonly outside: number;
}

/** Bearing (clockwise from north) → the simulation's heading (clockwise from east). */
export const headingFromBearing = (bearing: number): number => norm(bearing - 90);

/** Cameras inside the area; a camera with no direction looks at the nearest point of `streets`. */
export function readCameras(
  osm: OsmData,
  project: (n: OsmNode) => [number, number],
  inside: (p: Pt) => boolean,
  streets: readonly { a: Pt; b: Pt }[],
): { cameras: OsmCamera[]; counts: CameraCounts } {
  const all = mappedPlaces(
    osm,
    (t) => {
      if (t.man_made !== 'surveillance') return null;
      const type = (t['surveillance:type'] ?? 'camera').toLowerCase();
      if (type !== 'camera' && type !== 'alpr') return null;
      return t.surveillance === 'indoor' ? cls('indoor-camera', 'Indoor camera', 'cctv') : cls('camera', type === 'alpr' ? 'ANPR camera' : 'Camera', 'cctv');
    },
    project,
    () => true,
  );
  const outside = all.filter((p) => !inside(p.at)).length;
  const places = all.filter((p) => inside(p.at));
  let defaultHeading = 0;
  let unreadable = 0;
  let defaultType = 0;
  let defaultHeight = 0;
  const cameras = places.map((place): OsmCamera => {
    const t = place.tags;
    const rawDir = t['camera:direction'] ?? t.direction;
    const dir = parseDirection(rawDir);
    // Defaults are counted for street cameras: an indoor one's view is not modelled.
    const street = place.kind !== 'indoor-camera';
    if (!dir && street) {
      defaultHeading++;
      if (rawDir !== undefined) unreadable++;
    }
    const typeTag = (t['camera:type'] ?? '').toLowerCase();
    const type: CameraType = typeTag === 'dome' ? 'dome' : typeTag === 'panning' || typeTag === 'ptz' ? 'panning' : 'fixed';
    if (typeTag === '' && street) defaultType++;
    const h = /^\s*(\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(t.height ?? '');
    const mount = MOUNT_M[(t['camera:mount'] ?? '').toLowerCase()];
    const heightM = h ? Math.max(1, Number(h[1])) : (mount ?? DEFAULT_HEIGHT_M);
    if (!h && mount === undefined && street) defaultHeight++;
    const fov = type === 'fixed' && dir?.spanDeg ? Math.min(360, dir.spanDeg) : FOV_DEG[type];
    const headingDeg = dir ? headingFromBearing(dir.bearing) : towardsStreet(place.at, streets);
    return {
      place,
      headingDeg: Math.round(headingDeg * 10) / 10,
      bearingDeg: dir ? dir.bearing : null,
      type,
      fovDeg: fov,
      heightM,
      anpr: (t['surveillance:type'] ?? '').toLowerCase() === 'alpr',
      indoor: place.kind === 'indoor-camera',
    };
  });
  return {
    cameras,
    counts: {
      street: cameras.filter((c) => !c.indoor).length,
      indoor: cameras.filter((c) => c.indoor).length,
      anpr: cameras.filter((c) => c.anpr && !c.indoor).length,
      defaultHeading,
      unreadableDirection: unreadable,
      defaultType,
      defaultHeight,
      notCameras: countNotCameras(osm),
      outside,
    },
  };
}

function countNotCameras(osm: OsmData): number {
  const is = (t: Tags | null) => t?.man_made === 'surveillance' && !['camera', 'alpr'].includes((t['surveillance:type'] ?? 'camera').toLowerCase());
  let n = 0;
  for (const node of osm.nodes.values()) if (is(node.tags)) n++;
  for (const w of osm.ways) if (is(w.tags)) n++;
  return n;
}

/** The heading from `p` to the nearest point of the nearest street (east when there are none). */
function towardsStreet(p: Pt, streets: readonly { a: Pt; b: Pt }[]): number {
  let best: Pt | null = null;
  let along: Pt = [1, 0];
  let bd = Infinity;
  for (const s of streets) {
    const dx = s.b[0] - s.a[0];
    const dz = s.b[1] - s.a[1];
    const len2 = dx * dx + dz * dz;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - s.a[0]) * dx + (p[1] - s.a[1]) * dz) / len2)) : 0;
    const q: Pt = [s.a[0] + t * dx, s.a[1] + t * dz];
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bd) [best, bd, along] = [q, d, [dx, dz]];
  }
  if (!best) return 0;
  // A camera standing on the street's line looks along it.
  const [vx, vz] = bd < 1 ? along : [best[0] - p[0], best[1] - p[1]];
  return norm((Math.atan2(vz, vx) * 180) / Math.PI);
}

/** The highest voltage a `voltage` tag gives ("275000;132000"), in kV; null when it has none. */
export function parseVoltageKv(v: string | undefined): number | null {
  if (!v) return null;
  const vs = v
    .split(';')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isFinite(x) && x > 0);
  return vs.length > 0 ? Math.max(...vs) / 1000 : null;
}

/** An output tag ("5 MW", "500 kW", "2.5") in MW; null when it cannot be read. */
export function parseOutputMW(v: string | undefined): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gw|mw|kw|w)?\s*$/i.exec(v ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'mw').toLowerCase();
  return unit === 'gw' ? n * 1000 : unit === 'kw' ? n / 1000 : unit === 'w' ? n / 1e6 : n;
}

/** A substation's footprint above this many m² is a primary one when its tags do not say. */
const PRIMARY_AREA_M2 = 400;

/** Power, water and comms sites, by their tags. Substations are told apart by `substationClass` once their size is known. */
export function infrastructureClass(t: Tags): PlaceClass | null {
  const power = t.power;
  if (power === 'substation') return cls('substation', 'Substation', 'power', true);
  if (power === 'transformer') return cls('secondary-substation', 'Transformer', 'power');
  if (power === 'plant') return cls('power-plant', 'Power station', 'power', true);
  if (power === 'generator') return cls('generator', 'Generator', 'power');
  if (power === 'cabinet' || power === 'box') return cls('power-cabinet', 'Power cabinet', 'power');
  const mm = t.man_made;
  if (mm === 'street_cabinet') {
    const sc = t.street_cabinet ?? 'telecom';
    if (sc === 'power') return cls('power-cabinet', 'Power cabinet', 'power');
    if (sc === 'traffic_signals') return cls('signal-controller', 'Signal controller cabinet', 'traffic');
    if (sc === 'telecom') return cls('access-switch', 'Street cabinet', 'comms');
    return null;
  }
  if (mm === 'water_tower') return cls('water-tower', 'Water tower', 'water');
  if (mm === 'water_works') return cls('water-treatment', 'Water treatment works', 'water', true);
  if (mm === 'reservoir_covered') return cls('reservoir', 'Covered reservoir', 'water', true);
  if (mm === 'storage_tank' && (t.content === 'water' || t.substance === 'water')) return cls('water-tank', 'Water tank', 'water');
  const ps = t.pumping_station ?? t.substance;
  if ((mm === 'pumping_station' && (ps === undefined || ps === 'water' || ps === 'drinking_water')) || (mm === undefined && t.pumping_station === 'water'))
    return cls('pumping-station', 'Pumping station', 'water', true);
  if (t.telecom === 'exchange') return cls('comms-aggregation', 'Telephone exchange', 'comms');
  if (t.telecom === 'data_center' || t.telecom === 'data_centre') return cls('data-centre', 'Data centre', 'civic', true);
  if ((mm === 'mast' || mm === 'tower') && t['tower:type'] === 'communication') return cls('comms-mast', 'Communications mast', 'comms');
  return null;
}

export type SubstationLevel = 'grid-supply-point' | 'substation' | 'secondary-substation';

/** Which level of the grid a mapped substation is, from its tags and footprint. */
export function substationLevel(p: MappedPlace): SubstationLevel {
  const t = p.tags;
  const kv = parseVoltageKv(t.voltage);
  const s = t.substation;
  if (s === 'transmission' || s === 'supply' || (kv !== null && kv >= 132)) return 'grid-supply-point';
  if (s === 'minor_distribution' || (kv !== null && kv <= 20)) return 'secondary-substation';
  if (s === 'distribution' || s === 'primary' || (kv !== null && kv > 20)) return 'substation';
  const area = p.ring ? ringAreaM2(p.ring) : 0;
  return area >= PRIMARY_AREA_M2 ? 'substation' : 'secondary-substation';
}

function ringAreaM2(r: readonly Pt[]): number {
  let a2 = 0;
  for (let i = 0; i < r.length; i++) {
    const [xa, za] = r[i]!;
    const [xb, zb] = r[(i + 1) % r.length]!;
    a2 += xa * zb - xb * za;
  }
  return Math.abs(a2) / 2;
}

/** A rooftop or sub-megawatt generator is counted, not imported. */
export function smallGenerator(t: Tags): boolean {
  const place = t['generator:place'] ?? t.location;
  const mw = parseOutputMW(t['generator:output:electricity'] ?? t['plant:output:electricity']);
  return place === 'roof' || place === 'rooftop' || (mw !== null && mw < 1);
}

export interface OsmLine {
  readonly way: string;
  readonly kind: string;
  readonly kv: number | null;
  /** Node ids in order; nodes missing from the extract are left out. */
  readonly refs: readonly string[];
}

/** Power lines, minor lines and cables. */
export function readLines(osm: OsmData): OsmLine[] {
  return osm.ways
    .filter((w) => w.tags.power === 'line' || w.tags.power === 'minor_line' || w.tags.power === 'cable')
    .map((w) => ({ way: w.id, kind: w.tags.power!, kv: parseVoltageKv(w.tags.voltage), refs: w.refs.filter((r) => osm.nodes.has(r)) }));
}
