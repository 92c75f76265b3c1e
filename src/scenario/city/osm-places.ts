/**
 * Places from OpenStreetMap: each node or way whose tags a classifier recognises, at the node or at
 * the way's centroid. One place is often mapped twice (a node inside its grounds, a building inside
 * a campus tagged the same): an element inside another of the same kind is the same place, and the
 * outer one stands for it.
 *
 * Civic places become assets of the kinds the generated city uses — `hospital` (ambulances set out
 * from the first), `police-hq` (police), `school` (school trips), `council-office` (town halls),
 * `transit-hub` (railway stations) — plus `fire-station`, `community-centre`, and the sensitive
 * sites the privacy analysis and exercises use: `clinic` (clinics and doctors), `place-of-worship`,
 * `support-centre` (social facilities) and `job-centre`.
 */
import { assetId, type AssetSpec, type Subsystem } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { centroid, signedArea2 } from './geometry';
import { footprintRing } from './osm-buildings';
import { byOsmId } from './osm-graph';

type Pt = readonly [number, number];
type Tags = Readonly<Record<string, string>>;

/** What a classifier makes of an element: its asset kind, the name when it has none, and whether it is critical. */
export interface PlaceClass {
  readonly kind: string;
  readonly name: string;
  readonly critical: boolean;
  readonly subsystem: Subsystem;
}

export interface MappedPlace extends PlaceClass {
  /** "n123" for a node, "w123" for a way, "r123" for a multipolygon. */
  readonly ref: string;
  readonly at: Pt;
  readonly ring: Pt[] | null;
  readonly tags: Tags;
}

const civic = (kind: string, name: string, critical = false): PlaceClass => ({ kind, name, critical, subsystem: 'civic' });

/** OSM amenity → the civic place it is. */
const AMENITY: Record<string, PlaceClass> = {
  hospital: civic('hospital', 'Hospital', true),
  police: civic('police-hq', 'Police station', true),
  fire_station: civic('fire-station', 'Fire station', true),
  school: civic('school', 'School'),
  clinic: civic('clinic', 'Clinic'),
  doctors: civic('clinic', 'Doctors'),
  place_of_worship: civic('place-of-worship', 'Place of worship'),
  social_facility: civic('support-centre', 'Social facility'),
  townhall: civic('council-office', 'Town hall'),
  community_centre: civic('community-centre', 'Community centre'),
};

/** Civic and sensitive places by their tags; null for anything else. */
export function civicClass(t: Tags): PlaceClass | null {
  const a = AMENITY[t.amenity ?? ''];
  if (a) return a;
  if (t.amenity === undefined && (t.healthcare === 'clinic' || t.healthcare === 'doctor')) return AMENITY.clinic!;
  if (t.office === 'employment_agency' || /\bjob ?centre\b/i.test(t.name ?? '')) return civic('job-centre', 'Job centre');
  if (t.railway === 'station' && t.station !== 'subway' && t.station !== 'light_rail') return civic('transit-hub', 'Railway station', true);
  return null;
}

export type OsmPlace = Omit<AssetSpec, 'vendor' | 'remoteAccess'>;

/** Every node and way the classifier recognises inside the area, nested duplicates of one kind counted once. */
export function mappedPlaces(
  osm: OsmData,
  classify: (t: Tags) => PlaceClass | null,
  project: (n: OsmNode) => [number, number],
  inside: (p: Pt) => boolean,
): MappedPlace[] {
  const found: MappedPlace[] = [];
  const take = (ref: string, tags: Tags, at: Pt | null, ring: Pt[] | null) => {
    const k = classify(tags);
    if (!k || !at || !inside(at)) return;
    found.push({ ...k, ref, name: tags.name?.trim() || k.name, at, ring, tags });
  };
  const nodeIds = [...osm.nodes.keys()].filter((id) => osm.nodes.get(id)!.tags !== null).sort(byOsmId);
  for (const id of nodeIds) {
    const n = osm.nodes.get(id)!;
    take(`n${id}`, n.tags!, project(n), null);
  }
  for (const w of [...osm.ways].sort((a, b) => byOsmId(a.id, b.id))) {
    if (!classify(w.tags)) continue;
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
  const rings = found.filter((f) => f.ring !== null);
  return found.filter(
    (f) => !rings.some((o) => o !== f && o.kind === f.kind && contains(o.ring!, f.at) && (f.ring === null || ringArea(o.ring!) > ringArea(f.ring))),
  );
}

export function civicPlaces(osm: OsmData, project: (n: OsmNode) => [number, number], inside: (p: Pt) => boolean, district: string): OsmPlace[] {
  return mappedPlaces(osm, civicClass, project, inside).map((f) => ({
    id: assetId(`${f.kind}-osm-${f.ref}`),
    kind: f.kind,
    subsystem: f.subsystem,
    name: f.name,
    position: [round1(f.at[0]), round1(f.at[1])] as const,
    district,
    population: 0,
    critical: f.critical,
  }));
}

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Even–odd point in polygon. */
export function contains(r: readonly Pt[], p: Pt): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, zi] = r[i]!;
    const [xj, zj] = r[j]!;
    if (zi > p[1] !== zj > p[1] && p[0] < ((xj - xi) * (p[1] - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

const ringArea = (r: readonly Pt[]) => Math.abs(signedArea2(r)) / 2;
