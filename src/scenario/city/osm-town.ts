/**
 * A whole town from OpenStreetMap: what OSM maps (cameras, substations, lines, water plant, street
 * cabinets, exchanges, masts, civic and sensitive places, signals) becomes assets, and — unless
 * told not to — what OSM lacks is laid out on the town's real streets by the generated city's own
 * rules (infrastructure.ts): districts (osm-districts.ts) each with a primary substation and an
 * aggregation node, a grid supply point where the main road leaves town, a water treatment works
 * and service reservoir at the edge, a pumping station for every three districts and a tower for
 * every two stations, a data centre beside the grid supply point, a street-cabinet switch in every
 * 800 m square without a mapped one, and — when OSM maps no street camera — cameras at the major
 * junctions (where two named main roads meet, or signals stand) and at civic sites. Everything so
 * laid out is marked `synthetic`. Residents come from the homes' floor area (45 m² each, gross),
 * or the total the scenario gives.
 */
import { assetId, type BuildingTable, type CityModel, type EdgeSpec } from '../../sim';
import type { OsmData } from '../import/osm';
import type { Pt } from './geometry';
import { USE_CIVIC, USE_HOME, USE_INDUSTRY, USE_WORK } from './buildings';
import { cellSwitches, CELL_M, districtAggregation, floorArea, junctionCameras, makeInfrastructure } from './infrastructure';
import type { CameraRole, GeneratedAsset, InfraDistrict, InfraJunction, InfraPlan, InfraPoint, InfraSite } from './infrastructure';
import type { GridOptions } from './grid';
import { infrastructureClass, readCameras, readLines, smallGenerator, substationLevel, parseOutputMW, type CameraCounts, type OsmLine } from './osm-assets';
import { townDistricts } from './osm-districts';
import type { OsmCity, OsmRoad } from './osm-city';
import { contains, mappedPlaces, round1, type MappedPlace } from './osm-places';
import { byOsmId } from './osm-graph';

/** Gross floor area per resident: 94 m² per dwelling (English Housing Survey 2019–20) for 2.4 people, plus walls and stairs. */
export const M2_PER_RESIDENT = 45;
/** Industrial and commercial load per m² of floor area, W (about 130 and 90 kWh/m² a year). */
const INDUSTRY_W_M2 = 15;
const WORK_W_M2 = 10;
/** Major junctions closer than this share their cameras. */
const JUNCTION_SPACING_M = 200;
/** A line's end joins a substation mapped as a node within this distance. */
const LINE_REACH_M = 60;

export interface TownOptions {
  readonly name: string;
  /** Lay out what OSM lacks (default true). */
  readonly infrastructure: boolean;
  /** Residents in all; default from floor area. */
  readonly residents?: number;
  /** Vendors holding remote-maintenance access: each gets a gateway in the data centre. */
  readonly remoteVendors: readonly string[];
}

/** How a mapped camera looks, for the CCTV model. */
export interface CameraView {
  readonly headingDeg: number;
  readonly fovDeg: number;
  readonly heightM: number;
  /** The analytics it runs: ANPR cameras read plates, the others faces; all count. */
  readonly analytics: readonly ('plate' | 'face' | 'count')[];
}

export interface KindCount {
  readonly kind: string;
  readonly osm: number;
  readonly synthesised: number;
}

export interface OsmTown {
  readonly city: CityModel;
  readonly assets: GeneratedAsset[];
  readonly edges: EdgeSpec[];
  readonly population: number;
  readonly cameraViews: ReadonlyMap<string, CameraView>;
  /** Which cameras count as ANPR and face sensors for the population. */
  readonly cameraRoles: ReadonlyMap<string, CameraRole>;
  readonly grid: GridOptions;
  readonly streets: readonly OsmRoad[];
  readonly report: TownReport;
}

export interface TownReport {
  readonly counts: KindCount[];
  readonly cameras: CameraCounts;
  readonly lines: { readonly ways: number; readonly branches: number; readonly waysUsed: number };
  readonly smallGenerators: number;
  readonly districts: { readonly count: number; readonly from: 'places' | 'clusters' };
  readonly residents: { readonly count: number; readonly from: 'floor area' | 'scenario' };
  readonly synthesised: boolean;
}

export function buildOsmTown(osm: OsmData, built: OsmCity, opts: TownOptions): OsmTown {
  const { project, inside } = built.frame;
  const b = built.city.buildings;
  const size = built.city.sizeM;
  const streets = new StreetIndex(built.roads, size);

  // Civic places stand in their buildings: those become civic (not homes), for the population's sites.
  markCivic(b, built.places);
  let homeArea = 0;
  for (let i = 0; i < b.count; i++) if (b.use[i] === USE_HOME) homeArea += floorArea(b, i);
  const residents = opts.residents ?? Math.round(homeArea / M2_PER_RESIDENT);
  const td = townDistricts(osm, project, inside, b, size, opts.name, streets.points(), residents);
  const { districts } = td;
  const seeds = districts.map((d) => d.seed);
  const districtOf = (p: Pt) => districts[nearestIdx(seeds, p)]!;

  // What OSM maps.
  const cams = readCameras(osm, project, inside, built.roads);
  const mapped = mappedPlaces(osm, infrastructureClass, project, inside);
  const place = (m: MappedPlace, kind = m.kind): InfraSite => ({
    id: assetId(`${kind}-osm-${m.ref}`),
    kind,
    subsystem: m.subsystem,
    name: m.name,
    position: [round1(m.at[0]), round1(m.at[1])],
    district: districtOf(m.at).id,
    critical: m.critical,
    synthetic: false,
  });
  const levels = mapped.map((m) => (m.kind === 'substation' ? substationLevel(m) : null));
  const ofKind = (k: string) => mapped.filter((m) => m.kind === k);
  const transmission = mapped.filter((_, i) => levels[i] === 'grid-supply-point');
  const primaries = mapped.filter((_, i) => levels[i] === 'substation');
  const secondaries = mapped.filter((_, i) => levels[i] === 'secondary-substation');
  const generators = [...ofKind('power-plant'), ...ofKind('generator')];
  const smallGenerators = generators.filter((g) => smallGenerator(g.tags)).length;

  const sites: InfraSite[] = [];
  const extra: InfraSite[] = [];
  const taken = new Set<string>();
  const synth = (id: string, kind: string, subsystem: InfraSite['subsystem'], name: string, target: Pt, critical = true): InfraSite => {
    const position = streets.beside(target, taken);
    return { id, kind, subsystem, name, position, district: districtOf(position).id, critical, synthetic: true };
  };
  const centre: Pt = [size[0] / 2, size[1] / 2];
  const toward = (from: Pt, to: Pt, m: number): Pt => {
    const d = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
    return [from[0] + ((to[0] - from[0]) * m) / d, from[1] + ((to[1] - from[1]) * m) / d];
  };

  // Power: the grid supply point and a primary substation per district.
  const gspSites = transmission.map((m, i) => place(m, i === 0 ? 'grid-supply-point' : 'substation'));
  const primarySites = primaries.map((m) => place(m, 'substation'));
  if (opts.infrastructure) {
    const industrial = districts.find((d) => d.kind === 'industrial');
    if (gspSites.length === 0)
      sites.push(synth('grid-supply-point', 'grid-supply-point', 'power', 'Grid Supply Point', industrial ? industrial.seed : streets.mainRoadExit()));
    else sites.push(gspSites[0]!);
    sites.push(...gspSites.slice(1), ...primarySites);
    for (const d of districts) {
      if (!sites.some((s) => s.kind === 'substation' && s.district === d.id))
        sites.push(synth(`substation-${d.id}`, 'substation', 'power', `${d.name} Primary Substation`, d.seed));
    }
  } else sites.push(...gspSites, ...primarySites);
  const gsp = sites.find((s) => s.kind === 'grid-supply-point');

  // Water: the works and reservoir at the edge, a pumping station for every three districts, a tower for every two stations.
  const waterSites = (k: string) => ofKind(k).map((m) => place(m));
  const works = waterSites('water-treatment');
  const reservoirs = waterSites('reservoir');
  const stations = waterSites('pumping-station');
  const towers = waterSites('water-tower');
  if (opts.infrastructure) {
    if (works.length === 0) {
      const edge = streets.edgeFarthestFrom(gsp ? gsp.position : centre);
      works.push(synth('water-treatment', 'water-treatment', 'water', 'Water Treatment Works', edge));
    }
    if (reservoirs.length === 0) reservoirs.push(synth('reservoir', 'reservoir', 'water', 'Service Reservoir', toward(works[0]!.position, centre, 250)));
    const wantStations = Math.ceil(districts.length / 3);
    const order = farthestFirst(
      districts,
      stations.map((s) => s.position),
      centre,
    );
    for (const d of order) {
      if (stations.length >= wantStations) break;
      stations.push(synth(`pumping-station-${d.id}`, 'pumping-station', 'water', `${d.name} Pumping Station`, d.seed));
    }
    const wantTowers = Math.ceil(stations.length / 2);
    for (const st of stations) {
      if (towers.length >= wantTowers) break;
      if (
        towers.some(
          (t) =>
            nearestIdx(
              stations.map((s) => s.position),
              t.position,
            ) === stations.indexOf(st),
        )
      )
        continue;
      // At the district this station serves that lies farthest from it, else out towards the edge.
      const served = districts.filter(
        (d) =>
          nearestIdx(
            stations.map((s) => s.position),
            d.seed,
          ) === stations.indexOf(st),
      );
      const far = served.reduce<InfraDistrict | null>((best, d) => (!best || dist(d.seed, st.position) > dist(best.seed, st.position) ? d : best), null);
      const target = far && dist(far.seed, st.position) > 300 ? far.seed : toward(st.position, centre, -500);
      const d = districtOf(target);
      const id = towers.some((t) => t.id === `water-tower-${d.id}`) ? `water-tower-${st.district}` : `water-tower-${d.id}`;
      towers.push(synth(id, 'water-tower', 'water', `${d.name} Water Tower`, target, false));
    }
  }
  sites.push(...works, ...reservoirs, ...stations, ...towers);

  // The data centre (the comms core and control room), beside the grid supply point.
  const dcs = ofKind('data-centre').map((m) => place(m));
  if (dcs.length > 0) sites.push(dcs[0]!);
  else if (opts.infrastructure)
    sites.push(synth('data-centre', 'data-centre', 'civic', `${opts.name} Data Centre`, toward(gsp ? gsp.position : centre, centre, 250)));
  extra.push(...dcs.slice(1));
  sites.push(...built.places.map((p): InfraSite => ({ ...p, position: p.position as Pt, district: districtOf(p.position as Pt).id, synthetic: false })));

  // Comms: mapped exchanges are their districts' aggregation nodes; mapped telecom cabinets are switches.
  const exchanges = ofKind('comms-aggregation').map((m) => ({ ...place(m), district: districtOf(m.at).id }));
  const aggregation: (InfraPoint & { district: string })[] = [...exchanges];
  if (opts.infrastructure)
    for (const d of districts) if (!exchanges.some((e) => e.district === d.id)) aggregation.push({ ...districtAggregation(d), synthetic: true });
  const cabinets: InfraPoint[] = ofKind('access-switch').map((m) => place(m));
  const cellOf = (p: Pt) => `${Math.floor(p[0] / CELL_M)},${Math.floor(p[1] / CELL_M)}`;
  const served = new Set(cabinets.map((c) => cellOf(c.position)));
  const switches: InfraPoint[] = [...cabinets];
  if (opts.infrastructure)
    for (const s of cellSwitches(size, ([cx, cz]) => served.has(`${cx},${cz}`) || !streets.inCell(cx, cz)))
      switches.push({ ...s, position: streets.beside(s.position, taken), synthetic: true });

  // Junctions: the signals OSM maps, and — when it maps no street camera — cameras at the major junctions.
  const streetCameras = cams.cameras.filter((c) => !c.indoor);
  const synthCameras = opts.infrastructure && streetCameras.length === 0;
  const junctions: InfraJunction[] = [];
  const bySpot = new Map<string, InfraJunction>();
  for (const s of built.signals) {
    const j: InfraJunction = {
      position: s.position as Pt,
      label: s.name,
      signal: { id: s.id, name: s.name, position: s.position as Pt, synthetic: false },
      cameras: 0,
    };
    bySpot.set(`${s.position[0]},${s.position[1]}`, j);
    junctions.push(j);
  }
  if (synthCameras) {
    for (const m of streets.majorJunctions(built.signals.map((s) => s.position as Pt))) {
      const key = `${round1(m.position[0])},${round1(m.position[1])}`;
      const cameras = junctionCameras(districtOf(m.position).kind);
      const had = bySpot.get(key);
      if (had) junctions[junctions.indexOf(had)] = { ...had, cameras, label: m.label };
      else junctions.push({ position: m.position, label: m.label, signal: null, cameras });
    }
  }

  // Everything else OSM maps: cameras, local substations, cabinets, power stations, masts, tanks.
  const views = new Map<string, CameraView>();
  const roles = new Map<string, CameraRole>();
  for (const c of cams.cameras) {
    const s = place(c.place);
    extra.push(s);
    if (c.indoor) continue;
    views.set(s.id, { headingDeg: c.headingDeg, fovDeg: c.fovDeg, heightM: c.heightM, analytics: c.anpr ? ['plate', 'count'] : ['face', 'count'] });
    roles.set(s.id, c.anpr ? 'junction-anpr' : 'site');
  }
  extra.push(...secondaries.map((m) => place(m, 'secondary-substation')));
  for (const k of ['secondary-substation', 'power-cabinet', 'signal-controller', 'comms-mast', 'water-tank']) extra.push(...ofKind(k).map((m) => place(m)));
  const bigGenerators = generators.filter((g) => !smallGenerator(g.tags)).map((m) => place(m));
  extra.push(...bigGenerators);

  let infra: ReturnType<typeof makeInfrastructure>;
  if (opts.infrastructure) {
    const plan: InfraPlan = {
      districts,
      sites,
      aggregation,
      switches,
      junctions,
      siteCameras: synthCameras,
      buildings: b,
      populationTarget: residents,
      remoteVendors: opts.remoteVendors,
      extra,
      synthetic: true,
    };
    infra = makeInfrastructure(plan);
  } else {
    // Only what OSM maps, on its own: nothing to depend on.
    const own = (x: InfraPoint, kind: string, subsystem: InfraSite['subsystem']): InfraSite => ({
      ...x,
      kind,
      subsystem,
      district: districtOf(x.position).id,
      critical: false,
      synthetic: false,
    });
    const all: InfraSite[] = [
      ...sites,
      ...aggregation.map((a) => own(a, 'comms-aggregation', 'comms')),
      ...switches.map((a) => own(a, 'access-switch', 'comms')),
      ...junctions.flatMap((j) => (j.signal ? [own(j.signal, 'traffic-signal', 'traffic')] : [])),
      ...extra,
    ];
    infra = {
      assets: all.map((s) => ({
        id: assetId(s.id),
        kind: s.kind,
        subsystem: s.subsystem,
        name: s.name,
        position: [round1(s.position[0]), round1(s.position[1])],
        district: s.district,
        population: 0,
        critical: s.critical,
        synthetic: false,
      })),
      edges: [],
      cameraRoles: new Map(),
      population: 0,
      districtPopulation: districts.map(() => 0),
    };
  }
  for (const [id, r] of infra.cameraRoles) roles.set(id, r);

  const population = opts.infrastructure ? infra.population : residents;
  const city: CityModel = { ...built.city, districts: td.specs.map((d, i) => ({ ...d, population: infra.districtPopulation[i] ?? 0 })) };
  const grid = gridOptions(infra.assets, readLines(osm), osm, project, b, districts, mapped);
  const counts = countKinds(infra.assets);
  return {
    city,
    assets: infra.assets,
    edges: infra.edges,
    population,
    cameraViews: views,
    cameraRoles: roles,
    grid: grid.options,
    streets: built.roads,
    report: {
      counts,
      cameras: cams.counts,
      lines: grid.lines,
      smallGenerators,
      districts: { count: districts.length, from: td.from },
      residents: { count: population, from: opts.residents !== undefined ? 'scenario' : 'floor area' },
      synthesised: opts.infrastructure,
    },
  };
}

const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function nearestIdx(points: readonly Pt[], p: Pt): number {
  let best = 0;
  let bd = Infinity;
  points.forEach((q, i) => {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bd) [best, bd] = [i, d];
  });
  return best;
}

/** Districts in the order stations should go: farthest from those already placed first (the one nearest the centre when there are none). */
function farthestFirst(districts: readonly InfraDistrict[], placed: readonly Pt[], centre: Pt): InfraDistrict[] {
  const left = [...districts];
  const at = [...placed];
  const out: InfraDistrict[] = [];
  while (left.length > 0) {
    let k = 0;
    let best = at.length === 0 ? Infinity : -Infinity;
    left.forEach((d, i) => {
      const score = at.length === 0 ? dist(d.seed, centre) : Math.min(...at.map((p) => dist(p, d.seed)));
      if (at.length === 0 ? score < best : score > best) [k, best] = [i, score];
    });
    const d = left.splice(k, 1)[0]!;
    out.push(d);
    at.push(d.seed);
  }
  return out;
}

/** Buildings a civic place stands in become civic buildings. */
function markCivic(b: BuildingTable, places: readonly { position: readonly [number, number] }[]): void {
  const o = b.outline;
  if (!o) return;
  for (const p of places) {
    for (let i = 0; i < b.count; i++) {
      if (Math.abs(b.x[i]! - p.position[0]) > b.w[i]! + b.d[i]! || Math.abs(b.z[i]! - p.position[1]) > b.w[i]! + b.d[i]!) continue;
      const ring: Pt[] = [];
      for (let k = o.start[i]!; k < o.start[i + 1]!; k++) ring.push([o.xz[2 * k]!, o.xz[2 * k + 1]!]);
      if (contains(ring, p.position)) {
        b.use[i] = USE_CIVIC;
        break;
      }
    }
  }
}

function countKinds(assets: readonly GeneratedAsset[]): KindCount[] {
  const m = new Map<string, { osm: number; synthesised: number }>();
  for (const a of assets) {
    const c = m.get(a.kind) ?? { osm: 0, synthesised: 0 };
    if (a.synthetic) c.synthesised++;
    else c.osm++;
    m.set(a.kind, c);
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, c]) => ({ kind, ...c }));
}

/**
 * The grid's mapped parts: lines joining two bus substations (the grid supply point and primaries)
 * as branches — followed through towers and joints, node to node, from one substation until another
 * is reached — industrial and commercial load on each district's substation, and power stations.
 */
function gridOptions(
  assets: readonly GeneratedAsset[],
  lines: readonly OsmLine[],
  osm: OsmData,
  project: (n: NonNullable<ReturnType<OsmData['nodes']['get']>>) => [number, number],
  b: BuildingTable,
  districts: readonly InfraDistrict[],
  mapped: readonly MappedPlace[],
): { options: GridOptions; lines: TownReport['lines'] } {
  const buses = assets.filter((a) => a.kind === 'grid-supply-point' || a.kind === 'substation');
  const busPlace = new Map<string, MappedPlace>();
  for (const m of mapped) {
    const a = buses.find((x) => x.id === `grid-supply-point-osm-${m.ref}` || x.id === `substation-osm-${m.ref}`);
    if (a) busPlace.set(a.id, m);
  }
  // Which line nodes lie in which mapped bus substation.
  const member = new Map<string, string>();
  const lineNodes = [...new Set(lines.flatMap((l) => l.refs))].sort(byOsmId);
  for (const id of lineNodes) {
    const p = project(osm.nodes.get(id)!);
    for (const [bus, m] of busPlace) {
      if (m.ring ? contains(m.ring, p) || dist(m.at, p) <= 15 : dist(m.at, p) <= LINE_REACH_M) {
        member.set(id, bus);
        break;
      }
    }
  }
  const adj = new Map<string, { to: string; way: string; m: number }[]>();
  for (const l of lines) {
    for (let k = 1; k < l.refs.length; k++) {
      const [a, c] = [l.refs[k - 1]!, l.refs[k]!];
      const m = dist(project(osm.nodes.get(a)!), project(osm.nodes.get(c)!));
      (adj.get(a) ?? adj.set(a, []).get(a)!).push({ to: c, way: l.way, m });
      (adj.get(c) ?? adj.set(c, []).get(c)!).push({ to: a, way: l.way, m });
    }
  }
  const branches: { id: string; from: string; to: string; km: number }[] = [];
  const waysUsed = new Set<string>();
  const seenPair = new Set<string>();
  for (const bus of [...busPlace.keys()].sort()) {
    // Breadth-first along the lines from the substation's own nodes, stopping at any other substation.
    const starts = lineNodes.filter((n) => member.get(n) === bus);
    const prev = new Map<string, { from: string; way: string; m: number } | null>(starts.map((s) => [s, null]));
    const queue = [...starts];
    while (queue.length > 0) {
      const v = queue.shift()!;
      const other = member.get(v);
      if (other !== undefined && other !== bus) {
        const pair = bus < other ? `${bus}|${other}` : `${other}|${bus}`;
        let m = 0;
        const ways: string[] = [];
        for (let at = prev.get(v); at; at = prev.get(at.from)!) {
          m += at.m;
          ways.push(at.way);
        }
        if (!seenPair.has(pair)) {
          seenPair.add(pair);
          branches.push({ id: `line-osm-${ways[ways.length - 1] ?? ways[0]}`, from: bus, to: other, km: m / 1000 });
        }
        for (const w of ways) waysUsed.add(w);
        continue;
      }
      for (const e of adj.get(v) ?? []) {
        if (prev.has(e.to)) continue;
        prev.set(e.to, { from: v, way: e.way, m: e.m });
        queue.push(e.to);
      }
    }
  }
  // Industry and commerce on the substation of the district they stand in.
  const seeds = districts.map((d) => d.seed);
  const subs = assets.filter((a) => a.kind === 'substation');
  const industryMW: Record<string, number> = {};
  if (subs.length > 0) {
    for (let i = 0; i < b.count; i++) {
      const u = b.use[i];
      if (u !== USE_WORK && u !== USE_INDUSTRY) continue;
      const p: Pt = [b.x[i]!, b.z[i]!];
      const d = districts[nearestIdx(seeds, p)]!.id;
      const sub =
        subs.find((s) => s.district === d) ??
        subs[
          nearestIdx(
            subs.map((s) => s.position),
            p,
          )
        ]!;
      industryMW[sub.id] = (industryMW[sub.id] ?? 0) + (floorArea(b, i) * (u === USE_INDUSTRY ? INDUSTRY_W_M2 : WORK_W_M2)) / 1e6;
    }
  }
  for (const k of Object.keys(industryMW)) industryMW[k] = Math.round(industryMW[k]! * 100) / 100;
  const generators = assets
    .filter((a) => (a.kind === 'power-plant' || a.kind === 'generator') && buses.length > 0)
    .flatMap((a) => {
      const m = mapped.find((x) => `${x.kind}-osm-${x.ref}` === a.id);
      const mw = m ? parseOutputMW(m.tags['plant:output:electricity'] ?? m.tags['generator:output:electricity']) : null;
      return mw !== null && mw >= 1
        ? [
            {
              id: a.id,
              bus: buses[
                nearestIdx(
                  buses.map((x) => x.position),
                  a.position,
                )
              ]!.id,
              pmaxMW: mw,
            },
          ]
        : [];
    });
  return { options: { lines: branches, industryMW, generators }, lines: { ways: lines.length, branches: branches.length, waysUsed: waysUsed.size } };
}

/**
 * The town's streets as places to stand: their nodes, a spot beside a street near any point, where
 * the main road leaves the area, the street nodes at the edge, and the major junctions.
 */
class StreetIndex {
  private readonly nodes: { p: Pt; key: string; dir: Pt; rank: number; names: Set<string>; degree: Set<string> }[] = [];

  constructor(
    roads: readonly OsmRoad[],
    private readonly size: readonly [number, number],
  ) {
    const at = new Map<string, (typeof this.nodes)[number]>();
    const touch = (p: Pt, q: Pt, r: OsmRoad) => {
      const key = `${p[0]},${p[1]}`;
      let n = at.get(key);
      if (!n) {
        const d = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
        n = { p, key, dir: [(q[0] - p[0]) / d, (q[1] - p[1]) / d], rank: 0, names: new Set(), degree: new Set() };
        at.set(key, n);
        this.nodes.push(n);
      }
      n.rank = Math.max(n.rank, r.rank);
      if (r.rank >= 1) n.names.add(r.street ?? r.id);
      n.degree.add(`${q[0]},${q[1]}`);
    };
    for (const r of roads) {
      touch(r.a, r.b, r);
      touch(r.b, r.a, r);
    }
  }

  points(): Pt[] {
    return this.nodes.map((n) => n.p);
  }

  inCell(cx: number, cz: number): boolean {
    return this.nodes.some((n) => Math.floor(n.p[0] / CELL_M) === cx && Math.floor(n.p[1] / CELL_M) === cz);
  }

  /** A spot 15 m to the side of the street node nearest `target` that no other site has taken. */
  beside(target: Pt, taken: Set<string>): Pt {
    let best: (typeof this.nodes)[number] | null = null;
    let bd = Infinity;
    for (const n of this.nodes) {
      if (taken.has(n.key)) continue;
      const d = (n.p[0] - target[0]) ** 2 + (n.p[1] - target[1]) ** 2;
      if (d < bd) [best, bd] = [n, d];
    }
    if (!best) return [round1(Math.min(this.size[0], Math.max(0, target[0]))), round1(Math.min(this.size[1], Math.max(0, target[1])))];
    taken.add(best.key);
    const x = best.p[0] - best.dir[1] * 15;
    const z = best.p[1] + best.dir[0] * 15;
    return [round1(Math.min(this.size[0], Math.max(0, x))), round1(Math.min(this.size[1], Math.max(0, z)))];
  }

  private edgeDistance(p: Pt): number {
    return Math.min(p[0], p[1], this.size[0] - p[0], this.size[1] - p[1]);
  }

  /** Where the most important road meets the edge of the area. */
  mainRoadExit(): Pt {
    const top = Math.max(...this.nodes.map((n) => n.rank));
    const main = this.nodes.filter((n) => n.rank === top);
    return main.reduce((best, n) => (this.edgeDistance(n.p) < this.edgeDistance(best.p) ? n : best), main[0]!).p;
  }

  /** The street node near the edge of the area that lies farthest from `p`. */
  edgeFarthestFrom(p: Pt): Pt {
    const margin = Math.min(...this.nodes.map((n) => this.edgeDistance(n.p))) + 200;
    const edge = this.nodes.filter((n) => this.edgeDistance(n.p) <= margin);
    return edge.reduce((best, n) => (dist(n.p, p) > dist(best.p, p) ? n : best), edge[0]!).p;
  }

  /**
   * Major junctions: where main roads (tertiary and above) of two names meet, and where signals
   * stand; the more important first, none within 200 m of another.
   */
  majorJunctions(signals: readonly Pt[]): { position: Pt; label: string }[] {
    const signalled = new Set(signals.map((p) => `${p[0]},${p[1]}`));
    const candidates = this.nodes
      .filter((n) => n.degree.size >= 3 && (n.names.size >= 2 || signalled.has(`${round1(n.p[0])},${round1(n.p[1])}`)))
      .map((n) => ({ n, score: (signalled.has(`${round1(n.p[0])},${round1(n.p[1])}`) ? 10 : 0) + n.rank * 2 + n.names.size }))
      .sort((a, b) => b.score - a.score || a.n.p[0] - b.n.p[0] || a.n.p[1] - b.n.p[1]);
    const kept: { position: Pt; label: string }[] = [];
    for (const { n } of candidates) {
      if (kept.some((k) => dist(k.position, n.p) < JUNCTION_SPACING_M)) continue;
      const names = [...n.names].sort();
      kept.push({ position: n.p, label: names.length >= 2 ? `${names[0]} / ${names[1]}` : names[0] ? `${names[0]} junction` : 'junction' });
    }
    return kept;
  }
}
