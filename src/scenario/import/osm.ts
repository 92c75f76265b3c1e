/**
 * An OpenStreetMap XML (.osm) reader: nodes with coordinates and tags, and ways with their node
 * references and tags — all the city needs. Parsed with patterns over the text (no XML library):
 * OSM XML is regular, attributes may come in any order, and entities in tag values are decoded.
 * Problems are values with a path and a hint, never exceptions.
 */
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
  for (const m of text.matchAll(/<way\b([^>]*?)>([\s\S]*?)<\/way>/g)) {
    const a = attrs(m[1]!);
    if (!a.id || a.visible === 'false' || a.action === 'delete') continue;
    const refs = [...m[2]!.matchAll(ND)].map((x) => x[1]!);
    ways.push({ id: a.id, refs, tags: tags(m[2]!) });
  }
  const b = /<bounds\b([^>]*)\/>/.exec(text);
  const ba = b ? attrs(b[1]!) : null;
  const bounds = ba && ba.minlat !== undefined ? { minLat: Number(ba.minlat), minLon: Number(ba.minlon), maxLat: Number(ba.maxlat), maxLon: Number(ba.maxlon) } : null;
  if (nodes.size === 0) return { ok: false, issues: [issue(path, 'holds no nodes with coordinates', 'the export may be empty or cut short; export the area again')] };
  return { ok: true, data: { nodes, ways, bounds } };
}
