/**
 * Districts of a town from OpenStreetMap, each served by its own primary substation, aggregation
 * node and share of the water network: the named places OSM maps (`place=suburb|quarter|
 * neighbourhood|village|town|hamlet`) when there are at least two, else clusters of buildings
 * (k-means on footprints weighted by floor area, about one district per 9,000 residents as in the
 * generated city, at least two). A district's centre stands on the street nearest it; its outline
 * is the Voronoi cell of the centres; its kind comes from its buildings' floor area (industrial
 * where industry holds most of it, a centre where workplaces hold much of it, else residential).
 */
import type { BuildingTable, DistrictSpec } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { nearestIndex, round1, voronoiCell, type Pt } from './geometry';
import { byOsmId } from './osm-graph';
import { floorArea, type InfraDistrict } from './infrastructure';
import { USE_HOME, USE_INDUSTRY, USE_WORK } from './buildings';

const PLACE_RANK: Record<string, number> = { town: 0, village: 1, suburb: 2, quarter: 3, neighbourhood: 4, hamlet: 5 };
/** Residents per primary substation in the generated city: 100,000 across 11 districts. */
export const RESIDENTS_PER_DISTRICT = 9000;
const MERGE_PLACES_M = 300;
const NAME_REACH_M = 1200;

export interface TownDistricts {
  readonly districts: InfraDistrict[];
  readonly specs: DistrictSpec[];
  readonly from: 'places' | 'clusters';
}

interface NamedPlace {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly at: Pt;
}

export function townDistricts(
  osm: OsmData,
  project: (n: OsmNode) => [number, number],
  inside: (p: Pt) => boolean,
  buildings: BuildingTable,
  sizeM: readonly [number, number],
  town: string,
  streetNodes: readonly Pt[],
  residents: number,
): TownDistricts {
  const want = Math.max(2, Math.min(40, Math.round(residents / RESIDENTS_PER_DISTRICT)));
  const named: NamedPlace[] = [];
  for (const id of [...osm.nodes.keys()].sort(byOsmId)) {
    const n = osm.nodes.get(id)!;
    const t = n.tags;
    const rank = PLACE_RANK[t?.place ?? ''];
    if (rank === undefined || !t?.name?.trim()) continue;
    const at = project(n);
    if (inside(at)) named.push({ id, name: t.name.trim(), rank, at });
  }
  // One district per named place, the more important of two close ones standing for both.
  const places: NamedPlace[] = [];
  for (const p of [...named].sort((a, b) => a.rank - b.rank || byOsmId(a.id, b.id))) {
    if (places.length < 2 * want && !places.some((q) => Math.hypot(q.at[0] - p.at[0], q.at[1] - p.at[1]) < MERGE_PLACES_M)) places.push(p);
  }
  const fromPlaces = places.length >= 2;
  let centres: Pt[] = fromPlaces ? places.map((p) => p.at) : clusters(buildings, want);
  if (centres.length === 0) centres = [[sizeM[0] / 2, sizeM[1] / 2]];
  if (centres.length === 1) centres.push([Math.min(sizeM[0], centres[0]![0] + 400), centres[0]![1]]);
  // Centres stand on streets.
  if (streetNodes.length > 0) centres = centres.map((c) => streetNodes[nearestIndex(streetNodes, c)]!);
  centres = centres.filter((c, i) => centres.findIndex((d) => d[0] === c[0] && d[1] === c[1]) === i);

  for (let b = 0; b < buildings.count; b++) buildings.district[b] = nearestIndex(centres, [buildings.x[b]!, buildings.z[b]!]);
  const area = centres.map(() => [0, 0, 0]);
  for (let b = 0; b < buildings.count; b++) {
    const u = buildings.use[b]!;
    const k = u === USE_HOME ? 0 : u === USE_WORK ? 1 : u === USE_INDUSTRY ? 2 : -1;
    if (k >= 0) area[buildings.district[b]!]![k]! += floorArea(buildings, b);
  }
  const used = new Set<string>();
  const ids = new Set<string>();
  const districts: InfraDistrict[] = centres.map((c, i) => {
    const [home, work, industry] = area[i]!;
    const total = home! + work! + industry!;
    const kind: DistrictSpec['kind'] =
      total > 0 && industry! / total > 0.5 ? 'industrial' : total > 0 && (work! + industry!) / total > 0.45 ? 'centre' : 'residential';
    const name = districtName(c, fromPlaces ? places[i]!.name : null, named, used, sizeM, town);
    used.add(name);
    let id = slug(name);
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    return { id, name, kind, seed: [round1(c[0]), round1(c[1])] };
  });
  const specs: DistrictSpec[] = districts.map((d, i) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    polygon: voronoiCell(
      districts.map((x) => x.seed),
      i,
      sizeM[0],
      sizeM[1],
    ).map(([x, z]) => [round1(x), round1(z)] as const),
    population: 0,
  }));
  return { districts, specs, from: fromPlaces ? 'places' : 'clusters' };
}

/** k centres of the buildings, weighted by floor area: farthest-point start, then Lloyd's iterations. */
function clusters(b: BuildingTable, k: number): Pt[] {
  const n = b.count;
  if (n === 0) return [];
  const w = new Float64Array(n);
  let sw = 0;
  let sx = 0;
  let sz = 0;
  for (let i = 0; i < n; i++) {
    w[i] = Math.max(1, floorArea(b, i));
    sw += w[i]!;
    sx += w[i]! * b.x[i]!;
    sz += w[i]! * b.z[i]!;
  }
  const centres: Pt[] = [];
  const d2 = new Float64Array(n).fill(Infinity);
  const pick = (i: number) => {
    centres.push([b.x[i]!, b.z[i]!]);
    for (let j = 0; j < n; j++) d2[j] = Math.min(d2[j]!, (b.x[j]! - b.x[i]!) ** 2 + (b.z[j]! - b.z[i]!) ** 2);
  };
  pick(nearestBuilding(b, [sx / sw, sz / sw]));
  while (centres.length < Math.min(k, n)) {
    let far = 0;
    for (let j = 1; j < n; j++) if (d2[j]! > d2[far]!) far = j;
    if (d2[far] === 0) break;
    pick(far);
  }
  const of = new Int32Array(n);
  for (let iter = 0; iter < 12; iter++) {
    for (let i = 0; i < n; i++) of[i] = nearestIndex(centres, [b.x[i]!, b.z[i]!]);
    const acc = centres.map(() => [0, 0, 0]);
    for (let i = 0; i < n; i++) {
      const a = acc[of[i]!]!;
      a[0]! += w[i]!;
      a[1]! += w[i]! * b.x[i]!;
      a[2]! += w[i]! * b.z[i]!;
    }
    centres.forEach((c, j) => {
      const a = acc[j]!;
      if (a[0]! > 0) centres[j] = [a[1]! / a[0]!, a[2]! / a[0]!];
    });
  }
  return centres;
}

function nearestBuilding(b: BuildingTable, p: Pt): number {
  let best = 0;
  let bd = Infinity;
  for (let i = 0; i < b.count; i++) {
    const d = (b.x[i]! - p[0]) ** 2 + (b.z[i]! - p[1]) ** 2;
    if (d < bd) [best, bd] = [i, d];
  }
  return best;
}

const COMPASS_NAMES = ['East', 'South-east', 'South', 'South-west', 'West', 'North-west', 'North', 'North-east'];

/** A district's own place name, else the nearest named place not taken, else the town and a compass point. */
function districtName(
  c: Pt,
  own: string | null,
  named: readonly NamedPlace[],
  used: ReadonlySet<string>,
  sizeM: readonly [number, number],
  town: string,
): string {
  if (own && !used.has(own)) return own;
  let best: NamedPlace | null = null;
  let bd = NAME_REACH_M;
  for (const p of named) {
    const d = Math.hypot(p.at[0] - c[0], p.at[1] - c[1]);
    if (d < bd && !used.has(p.name)) [best, bd] = [p, d];
  }
  if (best) return best.name;
  const dx = c[0] - sizeM[0] / 2;
  const dz = c[1] - sizeM[1] / 2;
  let name =
    Math.hypot(dx, dz) < 0.12 * Math.max(sizeM[0], sizeM[1])
      ? `${town} Centre`
      : `${town} ${COMPASS_NAMES[(Math.round(Math.atan2(dz, dx) / (Math.PI / 4)) + 8) % 8]}`;
  for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
  return name;
}

export const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'district';
