/**
 * An OpenStreetMap XML (.osm) reader: nodes with coordinates and tags, ways with their node
 * references and tags, and the outer rings of multipolygon buildings and amenities (as closed
 * ways) — all the city needs. Parsed in one linear pass over the text (no XML library): OSM XML
 * is regular, attributes may come in any order, and entities in tag values are decoded; a damaged
 * file (unclosed elements, a reference to no character) costs no more than a sound one.
 * Problems are values with a path and a hint, never exceptions.
 */
import { signedArea2 } from '../city/geometry';
import { issue, lineCol, quote, type ScenarioIssue } from '../issues';

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

/**
 * An attribute: the lookbehind starts a name only where one can start, so a long run of name
 * characters with no `="` after it is scanned once, not once from each of its characters.
 */
const ATTR = /(?<![\w:-])([\w:-]+)="([^"]*)"/g;
const TAG = /<tag\s+k="([^"]*)"\s+v="([^"]*)"\s*\/>/g;
const ND = /<nd\s+ref="(\d+)"\s*\/>/g;
const MEMBER = /<member\b([^<>]*?)\/>/g;
/** The starts and ends of the elements the city needs; everything else lies inside their bodies. */
const ELEMENT = /<(\/?)(node|way|relation)\b/g;
const ENTITY = /&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** A multipolygon building or amenity relation: its tags and its members' attributes. */
interface Relation {
  readonly id: string;
  readonly tags: Record<string, string>;
  readonly members: readonly Record<string, string>[];
}

/** One node, way or relation: its attributes' text, and its body (null when self-closing). */
interface OsmElement {
  readonly name: 'node' | 'way' | 'relation';
  readonly attrs: string;
  readonly attrsAt: number;
  readonly body: string | null;
  readonly bodyAt: number;
}

/**
 * The text's nodes, ways and relations in one pass, in linear time. Patterns that looked for each
 * element's closing tag from its start (`<node …>[\s\S]*?</node>`) scanned to the end of the text
 * for every unclosed element: a 5 MB file of unclosed <node> elements took 24 s. Here an element's
 * body ends where the next element starts or ends, so an unclosed one keeps its own tags and
 * swallows nothing; and the searches for '>' and '<' only ever move forward.
 */
function elements(text: string): OsmElement[] {
  const marks: { at: number; closing: boolean; name: OsmElement['name'] }[] = [];
  for (const m of text.matchAll(ELEMENT)) marks.push({ at: m.index, closing: m[1] === '/', name: m[2] as OsmElement['name'] });
  const out: OsmElement[] = [];
  let gt = -1;
  let lt = -1;
  for (let k = 0; k < marks.length; k++) {
    const { at, closing, name } = marks[k]!;
    if (closing) continue;
    if (gt !== -2 && gt < at) gt = text.indexOf('>', at);
    if (gt === -1) gt = -2; // no '>' anywhere after this: none further on either
    if (lt !== -2 && lt <= at) lt = text.indexOf('<', at + 1);
    if (lt === -1) lt = -2;
    // A start tag that runs into the next '<' is broken: attributes cannot hold '<'.
    if (gt < 0 || (lt >= 0 && lt < gt)) continue;
    const attrsAt = at + 1 + name.length;
    const selfClosing = text.charCodeAt(gt - 1) === 47; // '/'
    const end = marks[k + 1]?.at ?? text.length;
    out.push({
      name,
      attrs: text.slice(attrsAt, selfClosing ? gt - 1 : gt),
      attrsAt,
      body: selfClosing ? null : text.slice(gt + 1, Math.max(gt + 1, end)),
      bodyAt: gt + 1,
    });
  }
  return out;
}

export function parseOsm(text: string, path: string): { ok: true; data: OsmData } | { ok: false; issues: ScenarioIssue[] } {
  if (!/<osm[\s>]/.test(text))
    return {
      ok: false,
      issues: [
        issue(
          path,
          'is not an OpenStreetMap XML file (no <osm> element)',
          'export the area as .osm XML, e.g. from openstreetmap.org "Export" or the Overpass API with "out meta;"',
        ),
      ],
    };
  // The first character reference that names no character (&#x110000;, &#0;, a surrogate), and where.
  let badRef: { ref: string; at: number } | null = null;
  const decode = (s: string, at: number) =>
    s.includes('&')
      ? s.replace(ENTITY, (whole: string, e: string, offset: number) => {
          const named = NAMED[e.toLowerCase()];
          if (named !== undefined) return named;
          const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          if (isXmlChar(code)) return String.fromCodePoint(code);
          badRef ??= { ref: whole, at: at + offset };
          return '\uFFFD';
        })
      : s;
  const attrs = (s: string, at: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const m of s.matchAll(ATTR)) out[m[1]!] = decode(m[2]!, at + m.index);
    return out;
  };
  const tags = (body: string, at: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const m of body.matchAll(TAG)) out[decode(m[1]!, at + m.index)] = decode(m[2]!, at + m.index);
    return out;
  };

  const all = elements(text);
  const nodes = new Map<string, OsmNode>();
  const ways: OsmWay[] = [];
  const relations: Relation[] = [];
  for (const el of all) {
    const a = attrs(el.attrs, el.attrsAt);
    if (!a.id || a.visible === 'false' || a.action === 'delete') continue;
    const body = el.body ?? '';
    if (el.name === 'node') {
      const lat = Number(a.lat);
      const lon = Number(a.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      nodes.set(a.id, { lat, lon, tags: body ? tags(body, el.bodyAt) : null });
    } else if (el.name === 'way') {
      // Self-closing ways (an id-only export) and ways with children.
      ways.push({ id: a.id, refs: [...body.matchAll(ND)].map((x) => x[1]!), tags: tags(body, el.bodyAt) });
    } else {
      const t = tags(body, el.bodyAt);
      if (t.type !== 'multipolygon' || !((t.building && t.building !== 'no') || t.amenity)) continue;
      relations.push({ id: a.id, tags: t, members: [...body.matchAll(MEMBER)].map((m) => attrs(m[1]!, el.bodyAt + m.index)) });
    }
  }
  // (Assigned inside `decode`, which TypeScript's narrowing cannot see.)
  const ref = badRef as { ref: string; at: number } | null;
  if (ref) {
    const { line } = lineCol(text, ref.at);
    return {
      ok: false,
      issues: [
        issue(
          `${path} line ${line}`,
          `${quote(ref.ref, 24)} is not a valid character reference`,
          'a character reference must name a Unicode character: &#x9;, &#xA;, &#xD;, or &#x20; to &#x10FFFF; but not a surrogate (&#xD800; to &#xDFFF;), &#xFFFE; or &#xFFFF;; fix or remove it',
        ),
      ],
    };
  }
  ways.push(...multipolygonRings(relations, ways, nodes));
  const b = /<bounds\b([^<>]*)\/>/.exec(text);
  const ba = b ? attrs(b[1]!, b.index) : null;
  const bounds =
    ba && ba.minlat !== undefined ? { minLat: Number(ba.minlat), minLon: Number(ba.minlon), maxLat: Number(ba.maxlat), maxLon: Number(ba.maxlon) } : null;
  if (nodes.size === 0)
    return { ok: false, issues: [issue(path, 'holds no nodes with coordinates', 'the export may be empty or cut short; export the area again')] };
  return { ok: true, data: { nodes, ways, bounds } };
}

/** XML 1.0's Char production: what a character reference may name. */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/**
 * Buildings and amenities mapped as multipolygon relations, as closed ways: each relation's outer
 * members (role "outer", or none) joined end to end into rings. Inner rings (courtyards) are not
 * cut out: the footprint is the outer ring. A ring that cannot be closed — a member missing from
 * the extract — is dropped. What a single outer way is already tagged as (old-style tagging) is
 * not counted again. A relation is one place: its amenity goes on its largest ring only.
 */
function multipolygonRings(relations: readonly Relation[], ways: readonly OsmWay[], nodes: ReadonlyMap<string, OsmNode>): OsmWay[] {
  const out: OsmWay[] = [];
  let byId: Map<string, OsmWay> | null = null;
  for (const { id, tags: t, members: all } of relations) {
    byId ??= new Map(ways.map((w) => [w.id, w]));
    const members: OsmWay[] = [];
    for (const ma of all) {
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
      out.push({ id: k === 0 ? `r${id}` : `r${id}.${k + 1}`, refs: ring.refs, tags: own, relation: id });
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
