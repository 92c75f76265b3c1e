/**
 * OpenStreetMap buildings: each closed building way becomes a box (its footprint's centroid, area
 * and bounding-box proportions) and keeps its real outline; heights from height, else
 * building:levels × 3 m, else a default; uses (home, work, industry, civic) from the building tag.
 */
import type { BuildingTable } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { centroid, signedArea2 } from './geometry';

const DEFAULT_HEIGHT_M = 7;

const HOME = new Set(['yes', 'house', 'residential', 'terrace', 'semidetached_house', 'detached', 'apartments', 'bungalow', 'dormitory', 'flats']);
const CIVIC = new Set([
  'school',
  'church',
  'mosque',
  'synagogue',
  'temple',
  'hospital',
  'public',
  'civic',
  'university',
  'college',
  'kindergarten',
  'library',
  'government',
  'fire_station',
  'police',
]);
const INDUSTRY = new Set(['industrial', 'warehouse', 'factory', 'garages', 'manufacture']);

export function parseHeight(tags: Readonly<Record<string, string>>): number {
  const h = /^\s*(\d+(?:\.\d+)?)\s*(m)?\s*$/.exec(tags.height ?? '');
  if (h) return Math.max(2, Number(h[1]));
  const levels = Number((tags['building:levels'] ?? '').trim());
  if (tags['building:levels'] && Number.isFinite(levels) && levels > 0) return levels * 3;
  return DEFAULT_HEIGHT_M;
}

export function makeBuildings(
  osm: OsmData,
  ways: OsmData['ways'],
  project: (n: OsmNode) => [number, number],
  inside: (p: readonly [number, number]) => boolean,
): BuildingTable {
  const rows: number[][] = [];
  const start: number[] = [0];
  const xz: number[] = [];
  for (const w of ways) {
    if (w.refs.length < 4 || w.refs[0] !== w.refs[w.refs.length - 1]) continue;
    const pts = footprintRing(osm, w.refs, project);
    if (!pts) continue;
    // Shoelace area and centroid; the box keeps the footprint's bounding-box proportions and its area.
    const a2 = signedArea2(pts);
    const area = Math.abs(a2) / 2;
    if (area < 4) continue;
    const c = centroid(pts);
    if (!inside(c)) continue;
    const xs = pts.map((p) => p[0]);
    const zs = pts.map((p) => p[1]);
    const [x0, x1, z0, z1] = [Math.min(...xs), Math.max(...xs), Math.min(...zs), Math.max(...zs)];
    const s = Math.sqrt(area / Math.max(1e-6, (x1 - x0) * (z1 - z0)));
    const kind = w.tags.building!;
    const use = CIVIC.has(kind) || CIVIC.has(w.tags.amenity ?? '') ? 3 : INDUSTRY.has(kind) ? 2 : HOME.has(kind) ? 0 : 1;
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
export function footprintRing(osm: OsmData, refs: readonly string[], project: (n: OsmNode) => [number, number]): [number, number][] | null {
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
