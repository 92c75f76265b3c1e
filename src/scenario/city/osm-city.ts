/**
 * A city from OpenStreetMap: buildings with footprints and heights, drivable roads with lanes,
 * speed limits and one-way rules, junctions, and traffic-signal assets where OSM maps signals.
 *
 * Real extracts are untidy, so: ways that leave the extract (missing nodes) are split at the gap;
 * roads are cut only at junctions, and junctions closer than MERGE_M (a dual carriageway's two
 * halves, a mapping slip) are merged so no link is too short to hold a car; repeated nodes and
 * zero-length pieces are dropped; only the largest part of the network in which every junction
 * can reach every other is kept, so every trip has a route. Missing tags take UK urban defaults.
 */
import { assetId, type AssetSpec, type BuildingTable, type CityModel, type RoadSpec } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';

export interface OsmRoad {
  readonly id: string;
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly lanes: number;
  readonly speedMps: number;
  readonly oneway: boolean;
  readonly rank: number;
  readonly lengthM: number;
}

export interface OsmCity {
  readonly city: CityModel;
  readonly roads: OsmRoad[];
  readonly signals: Omit<AssetSpec, 'vendor' | 'remoteAccess'>[];
  readonly stats: { buildings: number; roadWays: number; links: number; droppedDisconnected: number; mergedJunctions: number; waysCut: number };
}

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';
const R_EARTH = 6_371_008.8;
const MERGE_M = 8;
const MARGIN_M = 100;
const DEFAULT_HEIGHT_M = 7;
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

const HOME = new Set(['yes', 'house', 'residential', 'terrace', 'semidetached_house', 'detached', 'apartments', 'bungalow', 'dormitory', 'flats']);
const CIVIC = new Set(['school', 'church', 'mosque', 'synagogue', 'temple', 'hospital', 'public', 'civic', 'university', 'college', 'kindergarten', 'library', 'government', 'fire_station', 'police']);
const INDUSTRY = new Set(['industrial', 'warehouse', 'factory', 'garages', 'manufacture']);

export function parseSpeed(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] && m[2].toLowerCase() === 'mph' ? n * MPH : n / 3.6;
}

export function parseHeight(tags: Readonly<Record<string, string>>): number {
  const h = /^\s*(\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(tags.height ?? '');
  if (h) return Math.max(2, Number(h[1]));
  const levels = Number((tags['building:levels'] ?? '').trim());
  if (tags['building:levels'] && Number.isFinite(levels) && levels > 0) return levels * 3;
  return DEFAULT_HEIGHT_M;
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

  const buildings = makeBuildings(osm, buildingWays, project, inside);

  // Roads: count how many drivable ways use each node; cut ways at shared nodes and at gaps.
  const roadWays = osm.ways.filter((w) => ROAD_CLASS[w.tags.highway ?? ''] !== undefined || /_link$/.test(w.tags.highway ?? ''));
  const drivable = roadWays.filter((w) => w.tags.area !== 'yes' && w.tags.access !== 'no' && w.tags.access !== 'private' && w.tags.motor_vehicle !== 'no');
  const uses = new Map<string, number>();
  for (const w of drivable) {
    const seen = new Set<string>();
    w.refs.forEach((r, i) => {
      const end = i === 0 || i === w.refs.length - 1;
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
    for (const r of w.refs) {
      const n = osm.nodes.get(r);
      if (!n) {
        // The way leaves the extract here: end the piece at the last node we have.
        if (start !== null && prev && len > 0) raw.push({ a: start, b: lastRef(w.refs, r), len, way: w, k: k++ });
        waysCut++;
        start = null;
        prev = null;
        len = 0;
        continue;
      }
      if (prev) len += dist(project(prev), project(n));
      prev = n;
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
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra];
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
    });
  }
  const keep = largestStrongComponent(segs);
  const roads = segs.filter((s) => keep.has(s.na) && keep.has(s.nb));

  // Signals: OSM marks them on a node at or just before the junction; one asset per junction.
  const degree = new Map<string, number>();
  for (const s of roads) for (const n of [s.na, s.nb]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const junctions = [...degree.entries()].filter(([, d]) => d >= 3).map(([n]) => ({ n, p: project(osm.nodes.get(n)!) }));
  const signalAt = new Map<string, string>();
  const signalIds = [...osm.nodes.entries()].filter(([, n]) => n.tags?.highway === 'traffic_signals').map(([id]) => id).sort((a, b) => Number(a) - Number(b));
  for (const id of signalIds) {
    const p = project(osm.nodes.get(id)!);
    let best: string | null = null;
    let bd = 30;
    for (const j of junctions) {
      const d = dist(p, j.p);
      if (d < bd) {
        bd = d;
        best = j.n;
      }
    }
    if (best && !signalAt.has(best)) signalAt.set(best, id);
  }
  const signals = [...signalAt.entries()].map(([junction, id]) => {
    const p = project(osm.nodes.get(junction)!);
    return { id: assetId(`signal-osm-${id}`), kind: 'traffic-signal', subsystem: 'traffic' as const, name: `Signals at OSM node ${id}`, position: [round1(p[0]), round1(p[1])] as const, district: 'osm-area', population: 0, critical: false };
  });

  const roadSpecs: RoadSpec[] = roads.map((r) => ({ id: r.id, a: r.a, b: r.b, lanes: r.lanes, cls: r.rank >= 2 ? 'arterial' : 'street' }));
  const city: CityModel = {
    name,
    sizeM: size,
    districts: [{ id: 'osm-area', name, kind: 'residential', polygon: [[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], population: 0 }],
    buildings,
    roads: roadSpecs,
    water: [],
    attribution: OSM_ATTRIBUTION,
  };
  return {
    city,
    roads: roads.map(({ na: _a, nb: _b, ...r }) => r),
    signals,
    stats: { buildings: buildings.count, roadWays: drivable.length, links: roads.length, droppedDisconnected: segs.length - roads.length, mergedJunctions, waysCut },
  };
}

const dist = (a: readonly [number, number], b: readonly [number, number]) => Math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);
const round1 = (x: number) => Math.round(x * 10) / 10;

function lastRef(refs: readonly string[], missing: string): string {
  return refs[refs.indexOf(missing) - 1]!;
}

function makeBuildings(osm: OsmData, ways: OsmData['ways'], project: (n: OsmNode) => [number, number], inside: (p: readonly [number, number]) => boolean): BuildingTable {
  const rows: number[][] = [];
  const start: number[] = [0];
  const xz: number[] = [];
  for (const w of ways) {
    if (w.refs.length < 4 || w.refs[0] !== w.refs[w.refs.length - 1]) continue;
    const pts = footprintRing(osm, w.refs, project);
    if (!pts) continue;
    // Shoelace area and centroid; the box keeps the footprint's bounding-box proportions and its area.
    let a2 = 0;
    let cx = 0;
    let cz = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    let z0 = Infinity;
    let z1 = -Infinity;
    for (let i = 0; i < pts.length; i++) {
      const [xa, za] = pts[i]!;
      const [xb, zb] = pts[(i + 1) % pts.length]!;
      const c = xa * zb - xb * za;
      a2 += c;
      cx += (xa + xb) * c;
      cz += (za + zb) * c;
      x0 = Math.min(x0, xa);
      x1 = Math.max(x1, xa);
      z0 = Math.min(z0, za);
      z1 = Math.max(z1, za);
    }
    const area = Math.abs(a2) / 2;
    if (area < 4) continue;
    const c: [number, number] = [cx / (3 * a2), cz / (3 * a2)];
    if (!inside(c)) continue;
    const s = Math.sqrt(area / Math.max(1e-6, (x1 - x0) * (z1 - z0)));
    const kind = w.tags.building!;
    const use = CIVIC.has(kind) || w.tags.amenity === 'school' ? 3 : INDUSTRY.has(kind) ? 2 : HOME.has(kind) ? 0 : 1;
    rows.push([c[0], c[1], (x1 - x0) * s, (z1 - z0) * s, parseHeight(w.tags), use]);
    // One winding for every ring (positive shoelace sum), so walls and roofs face the same way.
    if (a2 < 0) pts.reverse();
    for (const p of pts) xz.push(p[0], p[1]);
    start.push(xz.length / 2);
  }
  return {
    count: rows.length,
    x: Float32Array.from(rows, (r) => r[0]!),
    z: Float32Array.from(rows, (r) => r[1]!),
    w: Float32Array.from(rows, (r) => r[2]!),
    d: Float32Array.from(rows, (r) => r[3]!),
    h: Float32Array.from(rows, (r) => r[4]!),
    district: new Uint16Array(rows.length),
    use: Uint8Array.from(rows, (r) => r[5]!),
    outline: { start: Uint32Array.from(start), xz: Float32Array.from(xz) },
  };
}

/**
 * A closed way's ring in ground coordinates, without its closing point or repeated points (the
 * same node twice in a row, or two nodes at one spot); null when a node is missing from the
 * extract or fewer than 3 distinct points remain.
 */
function footprintRing(osm: OsmData, refs: readonly string[], project: (n: OsmNode) => [number, number]): [number, number][] | null {
  const pts: [number, number][] = [];
  for (const r of refs.slice(0, -1)) {
    const n = osm.nodes.get(r);
    if (!n) return null;
    const p = project(n);
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  while (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
  return pts.length >= 3 ? pts : null;
}

/** Nodes of the largest strongly connected part of the directed road graph (iterative Tarjan). */
function largestStrongComponent(segs: readonly { na: string; nb: string; oneway: boolean }[]): Set<string> {
  const ids = [...new Set(segs.flatMap((s) => [s.na, s.nb]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map(() => []);
  for (const s of segs) {
    adj[index.get(s.na)!]!.push(index.get(s.nb)!);
    if (!s.oneway) adj[index.get(s.nb)!]!.push(index.get(s.na)!);
  }
  const n = ids.length;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const on = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let best: number[] = [];
  for (let root = 0; root < n; root++) {
    if (idx[root]! >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, k] = top;
      if (k === 0) {
        idx[v] = low[v] = counter++;
        stack.push(v);
        on[v] = 1;
      }
      if (k < adj[v]!.length) {
        top[1] = k + 1;
        const w = adj[v]![k]!;
        if (idx[w]! < 0) work.push([w, 0]);
        else if (on[w]) low[v] = Math.min(low[v]!, idx[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === idx[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          on[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > best.length) best = comp;
      }
    }
  }
  return new Set(best.map((i) => ids[i]!));
}
