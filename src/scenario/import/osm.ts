/**
 * An OpenStreetMap XML (.osm) reader: nodes with coordinates and tags, ways with their node
 * references and tags, and the outer rings of multipolygon buildings and amenities (as closed
 * ways) — all the city needs. Parsed with patterns over the text (no XML library):
 * OSM XML is regular, attributes may come in any order, and entities in tag values are decoded.
 * Problems are values with a path and a hint, never exceptions.
 */
import { signedArea2 } from '../city/osm-buildings';
import { issue, type ScenarioIssue } from '../issues';

export interface OsmNode {
  readonly lat: number;
  readonly lon: number;
  readonly tags: Readonly<Record<string, string>> | null;
}

export interface OsmWay {
  readonly id: string;
  readonly refs: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Set on an outer ring of a multipolygon relation (a building or amenity mapped as a relation):
   * the relation's id. Such a ring is closed, joined from the relation's outer member ways, and
   * carries the relation's tags; its id is "r<relation>" (".2", ".3" … for further rings).
   */
  readonly relation?: string;
}

export interface OsmData {
  readonly nodes: ReadonlyMap<string, OsmNode>;
  readonly ways: readonly OsmWay[];
  readonly bounds: { minLat: number; minLon: number; maxLat: number; maxLon: number } | null;
}

const ATTR = /([\w:-]+)="([^"]*)"/g;
const TAG = /<tag\s+k="([^"]*)"\s+v="([^"]*)"\s*\/>/g;
const ND = /<nd\s+ref="(\d+)"\s*\/>/g;

const decode = (s: string) =>
  s.includes('&') ? s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e] ?? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))) : s;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = decode(m[2]!);
  return out;
}

function tags(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(TAG)) out[decode(m[1]!)] = decode(m[2]!);
  return out;
}

export function parseOsm(text: string, path: string): { ok: true; data: OsmData } | { ok: false; issues: ScenarioIssue[] } {
  if (!/<osm[\s>]/.test(text)) return { ok: false, issues: [issue(path, 'is not an OpenStreetMap XML file (no <osm> element)', 'export the area as .osm XML, e.g. from openstreetmap.org "Export" or the Overpass API with "out meta;"')] };
  const nodes = new Map<string, OsmNode>();
  // Self-closing nodes, and nodes with tag children.
  for (const m of text.matchAll(/<node\b([^>]*?)(\/>|>([\s\S]*?)<\/node>)/g)) {
    const a = attrs(m[1]!);
    const lat = Number(a.lat);
    const lon = Number(a.lon);
    if (!a.id || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    if (a.visible === 'false' || a.action === 'delete') continue;
    nodes.set(a.id, { lat, lon, tags: m[3] ? tags(m[3]) : null });
  }
  const ways: OsmWay[] = [];
  // Self-closing ways (an id-only export) and ways with children.
  for (const m of text.matchAll(/<way\b([^>]*?)(\/>|>([\s\S]*?)<\/way>)/g)) {
    const a = attrs(m[1]!);
    if (!a.id || a.visible === 'false' || a.action === 'delete') continue;
    const body = m[3] ?? '';
    const refs = [...body.matchAll(ND)].map((x) => x[1]!);
    ways.push({ id: a.id, refs, tags: tags(body) });
  }
  ways.push(...multipolygonRings(text, ways, nodes));
  const b = /<bounds\b([^>]*)\/>/.exec(text);
  const ba = b ? attrs(b[1]!) : null;
  const bounds = ba && ba.minlat !== undefined ? { minLat: Number(ba.minlat), minLon: Number(ba.minlon), maxLat: Number(ba.maxlat), maxLon: Number(ba.maxlon) } : null;
  if (nodes.size === 0) return { ok: false, issues: [issue(path, 'holds no nodes with coordinates', 'the export may be empty or cut short; export the area again')] };
  return { ok: true, data: { nodes, ways, bounds } };
}

/**
 * Buildings and amenities mapped as multipolygon relations, as closed ways: each relation's outer
 * members (role "outer", or none) joined end to end into rings. Inner rings (courtyards) are not
 * cut out: the footprint is the outer ring. A ring that cannot be closed — a member missing from
 * the extract — is dropped. What a single outer way is already tagged as (old-style tagging) is
 * not counted again. A relation is one place: its amenity goes on its largest ring only.
 */
function multipolygonRings(text: string, ways: readonly OsmWay[], nodes: ReadonlyMap<string, OsmNode>): OsmWay[] {
  const out: OsmWay[] = [];
  let byId: Map<string, OsmWay> | null = null;
  for (const m of text.matchAll(/<relation\b([^>]*?)(\/>|>([\s\S]*?)<\/relation>)/g)) {
    const a = attrs(m[1]!);
    const body = m[3] ?? '';
    if (!a.id || a.visible === 'false' || a.action === 'delete') continue;
    const t = tags(body);
    if (t.type !== 'multipolygon' || !((t.building && t.building !== 'no') || t.amenity)) continue;
    byId ??= new Map(ways.map((w) => [w.id, w]));
    const members: OsmWay[] = [];
    for (const mm of body.matchAll(/<member\b([^>]*?)\/>/g)) {
      const ma = attrs(mm[1]!);
      if (ma.type !== 'way' || (ma.role !== 'outer' && ma.role !== '' && ma.role !== undefined)) continue;
      const w = byId.get(ma.ref ?? '');
      if (w && w.refs.length >= 2) members.push(w);
    }
    const rings = joinRings(members);
    const largest = rings.reduce((best, r, k) => (ringSize(r.refs, nodes) > ringSize(rings[best]!.refs, nodes) ? k : best), 0);
    rings.forEach((ring, k) => {
      const own: Record<string, string> = { ...t };
      if (k !== largest) delete own.amenity;
      const single = ring.members.length === 1 ? ring.members[0]!.tags : null;
      if (single?.building && single.building !== 'no') delete own.building;
      if (single?.amenity && single.amenity === own.amenity) delete own.amenity;
      if (!((own.building && own.building !== 'no') || own.amenity)) return;
      out.push({ id: k === 0 ? `r${a.id}` : `r${a.id}.${k + 1}`, refs: ring.refs, tags: own, relation: a.id });
    });
  }
  return out;
}

/** A ring's size in degrees (enough to tell which of a relation's rings is largest); 0 when a node is missing. */
function ringSize(refs: readonly string[], nodes: ReadonlyMap<string, OsmNode>): number {
  const pts: [number, number][] = [];
  for (const r of refs.slice(0, -1)) {
    const n = nodes.get(r);
    if (!n) return 0;
    pts.push([n.lon, n.lat]);
  }
  return Math.abs(signedArea2(pts));
}

/** Chains ways end to end (either direction) into closed rings; unclosable chains are dropped. */
function joinRings(ways: readonly OsmWay[]): { refs: string[]; members: OsmWay[] }[] {
  const left = [...ways];
  const rings: { refs: string[]; members: OsmWay[] }[] = [];
  while (left.length > 0) {
    const first = left.shift()!;
    const refs = [...first.refs];
    const members = [first];
    while (refs[0] !== refs[refs.length - 1]) {
      const end = refs[refs.length - 1]!;
      const i = left.findIndex((w) => w.refs[0] === end || w.refs[w.refs.length - 1] === end);
      if (i < 0) break;
      const w = left.splice(i, 1)[0]!;
      const next = w.refs[0] === end ? w.refs : [...w.refs].reverse();
      refs.push(...next.slice(1));
      members.push(w);
    }
    if (refs.length >= 4 && refs[0] === refs[refs.length - 1]) rings.push({ refs, members });
  }
  return rings;
}
