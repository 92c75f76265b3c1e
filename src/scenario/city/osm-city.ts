/**
 * A city from OpenStreetMap: buildings with footprints and heights, drivable roads with lanes,
 * speed limits and one-way rules, junctions, and traffic-signal assets where OSM maps signals.
 *
 * Civic places (hospitals, police and fire stations, schools) become assets too (osm-places.ts).
 *
 * Real extracts are untidy, so: road nodes within SNAP_M of each other (two ids at one spot, where
 * a way was drawn across another without sharing a node) are snapped together; ways that leave
 * the extract (missing nodes) are split at the gap; roads are cut only at junctions, and
 * junctions closer than MERGE_M (a dual carriageway's two halves, a mapping slip) are merged so
 * no link is too short to hold a car; repeated nodes and zero-length pieces are dropped; only the
 * largest part of the network in which every junction can reach every other is kept, so every
 * trip has a route. Missing tags take UK urban defaults.
 */
import type { CityModel, RoadSpec } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { landUses, makeBuildings } from './osm-buildings';
import { byOsmId, largestStrongComponent, snapDuplicateNodes } from './osm-graph';
import { civicPlaces, type OsmPlace } from './osm-places';
import { placeSignals, type OsmSignal, type SignalNode } from './osm-signals';

export { parseHeight } from './osm-buildings';

export interface OsmRoad {
  readonly id: string;
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly lanes: number;
  readonly speedMps: number;
  readonly oneway: boolean;
  readonly rank: number;
  readonly lengthM: number;
  /** The way's name (else its ref, such as "A6"), when it has one. */
  readonly street?: string;
}

export interface OsmCity {
  readonly city: CityModel;
  readonly roads: OsmRoad[];
  readonly signals: OsmSignal[];
  /** Hospitals, police and fire stations, schools. */
  readonly places: OsmPlace[];
  /** What became of every highway=traffic_signals node, and why. */
  readonly signalNodes: SignalNode[];
  /** Ground coordinates of an OSM node, and whether a point lies in the imported area. */
  readonly frame: { readonly project: (n: OsmNode) => [number, number]; readonly inside: (p: readonly [number, number]) => boolean };
  readonly stats: {
    buildings: number;
    roadWays: number;
    links: number;
    droppedDisconnected: number;
    mergedJunctions: number;
    waysCut: number;
    /** Road nodes snapped onto another node at the same spot. */
    duplicateNodes: number;
  };
}

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
const R_EARTH = 6_371_008.8;
const MERGE_M = 8;
const MARGIN_M = 100;
const MPH = 0.44704;

/** Drivable highway classes → [rank, default lanes per direction, default speed m/s]. */
const ROAD_CLASS: Record<string, [number, number, number]> = {
  motorway: [2, 2, 70 * MPH],
  trunk: [2, 2, 40 * MPH],
  primary: [2, 1, 30 * MPH],
  secondary: [1, 1, 30 * MPH],
  tertiary: [1, 1, 30 * MPH],
  unclassified: [0, 1, 30 * MPH],
  residential: [0, 1, 20 * MPH],
  living_street: [0, 1, 10 * MPH],
  service: [0, 1, 10 * MPH],
};

export function parseSpeed(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] && m[2].toLowerCase() === 'mph' ? n * MPH : n / 3.6;
}

export function buildOsmCity(osm: OsmData, name: string): OsmCity {
  // The area: the file's bounds, else the buildings' extent (Overpass exports carry whole ways that
  // run far outside the area asked for), else every node.
  const buildingWays = osm.ways.filter((w) => w.tags.building && w.tags.building !== 'no');
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  const grow = (n: OsmNode) => {
    minLat = Math.min(minLat, n.lat);
    maxLat = Math.max(maxLat, n.lat);
    minLon = Math.min(minLon, n.lon);
    maxLon = Math.max(maxLon, n.lon);
  };
  if (osm.bounds) ({ minLat, maxLat, minLon, maxLon } = osm.bounds);
  else {
    for (const w of buildingWays) for (const r of w.refs) osm.nodes.get(r) && grow(osm.nodes.get(r)!);
    if (!Number.isFinite(minLat)) for (const n of osm.nodes.values()) grow(n);
  }
  const lat0 = (minLat + maxLat) / 2;
  const kx = (Math.cos((lat0 * Math.PI) / 180) * R_EARTH * Math.PI) / 180;
  const kz = (R_EARTH * Math.PI) / 180;
  const project = (n: OsmNode): [number, number] => [(n.lon - minLon) * kx + MARGIN_M, (maxLat - n.lat) * kz + MARGIN_M];
  const size: [number, number] = [Math.round((maxLon - minLon) * kx + 2 * MARGIN_M), Math.round((maxLat - minLat) * kz + 2 * MARGIN_M)];
  const inside = (p: readonly [number, number]) => p[0] >= 0 && p[1] >= 0 && p[0] <= size[0] && p[1] <= size[1];

  const buildings = makeBuildings(osm, buildingWays, project, inside, landUses(osm, project));

  // Roads: count how many drivable ways use each node; cut ways at shared nodes and at gaps.
  const roadWays = osm.ways.filter((w) => ROAD_CLASS[w.tags.highway ?? ''] !== undefined || /_link$/.test(w.tags.highway ?? ''));
  const drivable = roadWays.filter((w) => w.tags.area !== 'yes' && w.tags.access !== 'no' && w.tags.access !== 'private' && w.tags.motor_vehicle !== 'no');
  // Duplicate nodes: each way's nodes as the snapped ids, without a node repeated in a row.
  const moved = snapDuplicateNodes(
    drivable.flatMap((w) => w.refs.filter((r) => osm.nodes.has(r))),
    (id) => project(osm.nodes.get(id)!),
  );
  const refsOf = new Map(drivable.map((w) => [w, w.refs.map((r) => moved.get(r) ?? r).filter((r, i, a) => i === 0 || r !== a[i - 1])]));
  const uses = new Map<string, number>();
  for (const w of drivable) {
    const seen = new Set<string>();
    const refs = refsOf.get(w)!;
    refs.forEach((r, i) => {
      const end = i === 0 || i === refs.length - 1;
      uses.set(r, (uses.get(r) ?? 0) + (seen.has(r) ? 2 : end ? 2 : 1));
      seen.add(r);
    });
  }
  let waysCut = 0;
  const raw: { a: string; b: string; len: number; way: (typeof drivable)[number]; k: number }[] = [];
  for (const w of drivable) {
    let start: string | null = null;
    let len = 0;
    let k = 0;
    let prev: OsmNode | null = null;
    let prevRef = '';
    for (const r of refsOf.get(w)!) {
      const n = osm.nodes.get(r);
      if (!n) {
        // The way leaves the extract here: end the piece at the last node we have.
        if (start !== null && prev && len > 0) raw.push({ a: start, b: prevRef, len, way: w, k: k++ });
        waysCut++;
        start = null;
        prev = null;
        len = 0;
        continue;
      }
      if (prev) len += dist(project(prev), project(n));
      prev = n;
      prevRef = r;
      if (start === null) {
        start = r;
        len = 0;
        continue;
      }
      if ((uses.get(r) ?? 0) >= 2 && r !== start) {
        raw.push({ a: start, b: r, len, way: w, k: k++ });
        start = r;
        len = 0;
      }
    }
  }
  // Merge junctions joined by a very short piece (union–find, lowest id as the representative).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  let mergedJunctions = 0;
  for (const s of raw) {
    if (s.len >= MERGE_M) continue;
    const ra = find(s.a);
    const rb = find(s.b);
    if (ra === rb) continue;
    const [lo, hi] = byOsmId(ra, rb) < 0 ? [ra, rb] : [rb, ra];
    parent.set(hi, lo);
    mergedJunctions++;
  }
  const segs: (OsmRoad & { na: string; nb: string })[] = [];
  for (const s of raw) {
    const na = find(s.a);
    const nb = find(s.b);
    if (na === nb) continue;
    const A = project(osm.nodes.get(na)!);
    const B = project(osm.nodes.get(nb)!);
    if (!inside(A) && !inside(B)) continue;
    const t = s.way.tags;
    const hw = (t.highway ?? '').replace(/_link$/, '');
    const [rank, defLanes, defSpeed] = ROAD_CLASS[hw] ?? [0, 1, 30 * MPH];
    const ow = t.oneway ?? (t.junction === 'roundabout' || t.junction === 'circular' || hw === 'motorway' ? 'yes' : 'no');
    const oneway = ow === 'yes' || ow === 'true' || ow === '1' || ow === '-1';
    const reverse = ow === '-1';
    const total = Number(t.lanes);
    const perDir = Number.isFinite(total) && total > 0 ? (oneway ? total : Math.max(1, Math.floor(total / 2))) : defLanes;
    segs.push({
      id: `osm-${s.way.id}-${s.k}`,
      a: reverse ? B : A,
      b: reverse ? A : B,
      na: reverse ? nb : na,
      nb: reverse ? na : nb,
      lanes: Math.min(4, Math.max(1, Math.round(perDir))),
      speedMps: parseSpeed(t.maxspeed) ?? defSpeed,
      oneway,
      rank,
      lengthM: Math.max(s.len, dist(A, B)),
      ...(street(t) ? { street: street(t)! } : {}),
    });
  }
  const keep = largestStrongComponent(segs);
  const roads = segs.filter((s) => keep.has(s.na) && keep.has(s.nb));

  const { signals, nodes: signalNodes } = placeSignals(osm, roads, project, inside, 'osm-area');
  const places = civicPlaces(osm, project, inside, 'osm-area');

  const roadSpecs: RoadSpec[] = roads.map((r) => ({
    id: r.id,
    a: r.a,
    b: r.b,
    lanes: r.lanes,
    cls: r.rank >= 2 ? 'arterial' : 'street',
    ...(r.street ? { street: r.street } : {}),
  }));
  const city: CityModel = {
    name,
    sizeM: size,
    districts: [
      {
        id: 'osm-area',
        name,
        kind: 'residential',
        polygon: [
          [0, 0],
          [size[0], 0],
          [size[0], size[1]],
          [0, size[1]],
        ],
        population: 0,
      },
    ],
    buildings,
    roads: roadSpecs,
    water: [],
    attribution: OSM_ATTRIBUTION,
  };
  return {
    city,
    roads: roads.map(({ na: _a, nb: _b, ...r }) => r),
    signals,
    places,
    signalNodes,
    frame: { project, inside },
    stats: {
      buildings: buildings.count,
      roadWays: drivable.length,
      links: roads.length,
      droppedDisconnected: segs.length - roads.length,
      mergedJunctions,
      waysCut,
      duplicateNodes: moved.size,
    },
  };
}

const dist = (a: readonly [number, number], b: readonly [number, number]) => Math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);

/** A road's name for people: its name, else its ref (such as "A6"); blank tags count as none. */
function street(t: Readonly<Record<string, string>>): string | null {
  return t.name?.trim() || t.ref?.trim() || null;
}
