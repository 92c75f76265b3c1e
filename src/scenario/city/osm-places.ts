/**
 * Civic places from OpenStreetMap: amenity=hospital, police, fire_station and school, mapped as a
 * node or as a closed way (a building or the grounds), become assets of the kinds the generated
 * city uses — `hospital` (ambulances set out from the first), `police-hq` (police), `school`
 * (school trips) — plus `fire-station`. One place is often mapped twice (a node inside its grounds,
 * a building inside a campus tagged the same): an element inside another of the same kind is the
 * same place, and the outer one stands for it.
 */
import { assetId, type AssetSpec } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { centroid, signedArea2 } from './geometry';
import { footprintRing } from './osm-buildings';
import { byOsmId } from './osm-graph';

type Pt = readonly [number, number];

/** OSM amenity → [asset kind, name when the element has none, critical as the generated city has it]. */
const PLACE_KIND: Record<string, readonly [string, string, boolean]> = {
  hospital: ['hospital', 'Hospital', true],
  police: ['police-hq', 'Police station', true],
  fire_station: ['fire-station', 'Fire station', true],
  school: ['school', 'School', false],
};

export type OsmPlace = Omit<AssetSpec, 'vendor' | 'remoteAccess'>;

interface Found {
  readonly ref: string;
  readonly kind: string;
  readonly name: string;
  readonly critical: boolean;
  readonly at: Pt;
  readonly ring: Pt[] | null;
}

export function civicPlaces(osm: OsmData, project: (n: OsmNode) => [number, number], inside: (p: Pt) => boolean, district: string): OsmPlace[] {
  const found: Found[] = [];
  const take = (ref: string, tags: Readonly<Record<string, string>>, at: Pt | null, ring: Pt[] | null) => {
    const k = PLACE_KIND[tags.amenity ?? ''];
    if (!k || !at || !inside(at)) return;
    found.push({ ref, kind: k[0], name: tags.name?.trim() || k[1], critical: k[2], at, ring });
  };
  const nodeIds = [...osm.nodes.keys()].filter((id) => osm.nodes.get(id)!.tags?.amenity !== undefined).sort(byOsmId);
  for (const id of nodeIds) {
    const n = osm.nodes.get(id)!;
    take(`n${id}`, n.tags!, project(n), null);
  }
  for (const w of [...osm.ways].sort((a, b) => byOsmId(a.id, b.id))) {
    if (!PLACE_KIND[w.tags.amenity ?? '']) continue;
    const closed = w.refs.length >= 4 && w.refs[0] === w.refs[w.refs.length - 1];
    const ring = closed ? footprintRing(osm, w.refs, project) : null;
    // A multipolygon's ring already carries its relation's id ("r123").
    const ref = w.relation ? w.id : `w${w.id}`;
    if (ring) take(ref, w.tags, centroid(ring), ring);
    else {
      // An open way, or a ring with nodes outside the extract: the mean of the nodes we have.
      const pts = w.refs.flatMap((r) => (osm.nodes.has(r) ? [project(osm.nodes.get(r)!)] : []));
      take(ref, w.tags, pts.length > 0 ? [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length] : null, null);
    }
  }
  const counted = found.filter(
    (f) =>
      !found.some((o) => o !== f && o.kind === f.kind && o.ring !== null && contains(o.ring, f.at) && (f.ring === null || ringArea(o.ring) > ringArea(f.ring))),
  );
  return counted.map((f) => ({
    id: assetId(`${f.kind}-osm-${f.ref}`),
    kind: f.kind,
    subsystem: 'civic' as const,
    name: f.name,
    position: [round1(f.at[0]), round1(f.at[1])] as const,
    district,
    population: 0,
    critical: f.critical,
  }));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Even–odd point in polygon. */
function contains(r: readonly Pt[], p: Pt): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, zi] = r[i]!;
    const [xj, zj] = r[j]!;
    if (zi > p[1] !== zj > p[1] && p[0] < ((xj - xi) * (p[1] - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

const ringArea = (r: readonly Pt[]) => Math.abs(signedArea2(r)) / 2;
