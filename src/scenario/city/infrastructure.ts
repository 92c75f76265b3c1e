/**
 * The city's infrastructure as assets and dependency edges: the grid (a grid supply point feeding
 * one primary substation per district), water (treatment works, reservoir, pumping stations,
 * towers), comms (core in the data centre, an aggregation node per district, street-cabinet access
 * switches), traffic signals at junctions, cameras, civic sites and neighbourhoods of residents.
 * Buffers are typical backup durations; each edge carries a note saying what it is.
 *
 * These are the rules, apart from where things stand: the caller gives a plan (districts, sites,
 * switches, aggregation nodes, junctions, buildings) and the rules say what depends on what. The
 * generated city plans on its own street grid (generate.ts); a town from OpenStreetMap plans on its
 * real streets with what OSM maps, and synthesises the rest (osm-infrastructure.ts).
 */
import { assetId, backupBufferMs, edgeId, HOUR, MINUTE, SECOND, type AssetSpec, type BackupSpec, type BuildingTable, type EdgeSpec } from '../../sim';
import type { DistrictSpec, EdgeKind, Resource, Subsystem } from '../../sim';
import { nearestIndex, round1, type Pt } from './geometry';
import { USE_HOME } from './buildings';

/** Asset before a vendor is assigned: the scenario's vendors decide who supplies each kind. */
export type GeneratedAsset = Omit<AssetSpec, 'vendor' | 'remoteAccess'>;

/** The access-switch cell: one street cabinet per 800 m square, and one neighbourhood per district and square. */
export const CELL_M = 800;
const FLOOR_M = 3;

export interface InfraDistrict extends Pick<DistrictSpec, 'id' | 'name' | 'kind'> {
  /** The district's seed (its centre): assets belong to the district whose seed is nearest. */
  readonly seed: Pt;
}

/** A site or other asset the plan places; `synthetic` when an importer laid it out where its source had nothing. */
export interface InfraSite {
  readonly id: string;
  readonly kind: string;
  readonly subsystem: Subsystem;
  readonly name: string;
  readonly position: Pt;
  readonly district: string;
  readonly critical: boolean;
  readonly synthetic?: boolean;
}

export interface InfraPoint {
  readonly id: string;
  readonly name: string;
  readonly position: Pt;
  readonly synthetic?: boolean;
}

export interface InfraJunction {
  readonly position: Pt;
  /** How cameras there are named: "Camera 3 (junction 4/8)". */
  readonly label: string;
  /** The junction's signals, if it has them. */
  readonly signal: InfraPoint | null;
  /** Cameras to put there: 0, 1 (one just off the junction) or 2 (one off each corner). */
  readonly cameras: number;
}

export interface InfraPlan {
  readonly districts: readonly InfraDistrict[];
  /** Sites first: substations, water plant, civic places, the data centre. */
  readonly sites: readonly InfraSite[];
  /** An aggregation node per district: street cabinets uplink to their own district's. */
  readonly aggregation: readonly (InfraPoint & { readonly district: string })[];
  readonly switches: readonly InfraPoint[];
  readonly junctions: readonly InfraJunction[];
  /** A camera off the corner of each civic site. */
  readonly siteCameras: boolean;
  readonly buildings: BuildingTable;
  /** Residents to share among the homes by floor area. */
  readonly populationTarget: number;
  readonly remoteVendors: readonly string[];
  /** Further assets from the source, wired by kind after the rest (see EXTRA). */
  readonly extra?: readonly InfraSite[];
  /** Mark what the rules add themselves (core, gateways, recorders, cameras) as synthesised. */
  readonly synthetic?: boolean;
}

/** What a camera the rules place is for: number plates off a junction, faces off its other corner, faces at a site. */
export type CameraRole = 'junction-anpr' | 'junction-face' | 'site';

export interface Infrastructure {
  readonly assets: GeneratedAsset[];
  readonly edges: EdgeSpec[];
  readonly cameraRoles: Map<string, CameraRole>;
  readonly population: number;
  readonly districtPopulation: number[];
}

interface EdgeOpts {
  readonly bufferMin?: number;
  /** Backup power: UPS minutes, and a generator's start delay (s) and fuel (h). */
  readonly backup?: { readonly upsMin: number; readonly startS?: number; readonly fuelH?: number };
  readonly effect?: 'down' | 'degraded';
  readonly note?: string;
}

const backupOf = (b: { upsMin: number; startS?: number; fuelH?: number }): BackupSpec => ({
  upsMs: Math.round(b.upsMin * MINUTE),
  generatorStartMs: b.startS !== undefined ? Math.round(b.startS * SECOND) : null,
  fuelMs: b.fuelH !== undefined ? Math.round(b.fuelH * HOUR) : null,
});

const KIND_OF: Record<Resource, EdgeKind> = { power: 'physical', water: 'physical', comms: 'cyber', control: 'cyber', data: 'logical', service: 'geographic' };

/** Street-cabinet switches, one per 800 m cell of the area, named A1, A2, … by column and row; cells `skip` says are served already get none. */
export function cellSwitches(sizeM: readonly [number, number], skip: (cell: readonly [number, number]) => boolean = () => false): InfraPoint[] {
  const [w, h] = sizeM;
  const out: InfraPoint[] = [];
  for (let cx = 0; cx * CELL_M < w; cx++) {
    for (let cz = 0; cz * CELL_M < h; cz++) {
      if (skip([cx, cz])) continue;
      const pos: Pt = [Math.min(w - 10, cx * CELL_M + CELL_M / 2 + 12), Math.min(h - 10, cz * CELL_M + CELL_M / 2 + 12)];
      out.push({ id: `switch-${cx}-${cz}`, name: `Street Cabinet ${String.fromCharCode(65 + cx)}${cz + 1}`, position: pos });
    }
  }
  return out;
}

/** An aggregation node per district, beside its seed. */
export const districtAggregation = (d: InfraDistrict): InfraPoint & { readonly district: string } => ({
  district: d.id,
  id: `agg-${d.id}`,
  name: `${d.name} Aggregation Node`,
  position: [d.seed[0] + 20, d.seed[1] + 20],
});

/** Cameras at a junction: two in the centre and on the waterfront, one elsewhere. */
export const junctionCameras = (kind: DistrictSpec['kind']): number => (kind === 'centre' || kind === 'waterfront' ? 2 : 1);

/** Dependencies of further assets by kind: [resource, supplier, options]. */
type Supplier = 'substation' | 'switch' | 'aggregation' | 'pump' | 'signal';
const EXTRA: Record<string, readonly (readonly [Resource, Supplier, EdgeOpts])[]> = {
  camera: [['comms', 'switch', { note: 'PoE: power and network over the access switch' }]],
  'indoor-camera': [['power', 'substation', { note: "the building's mains; not on the street network" }]],
  'secondary-substation': [['power', 'substation', { note: '11 kV feeder from the primary substation' }]],
  'power-cabinet': [['power', 'substation', { note: 'low-voltage feeder pillar on the local network' }]],
  'power-plant': [],
  generator: [],
  'comms-mast': [
    ['power', 'substation', { bufferMin: 60, note: 'site batteries, about 1 h' }],
    ['comms', 'aggregation', { note: 'fibre backhaul to the aggregation node' }],
  ],
  'signal-controller': [
    ['power', 'substation', { note: 'no battery: the controller goes dark' }],
    ['control', 'switch', { effect: 'degraded', note: 'urban traffic control link; falls back to fixed time' }],
  ],
  'water-tank': [['water', 'pump', { bufferMin: 240, note: 'tank storage, about 4 h' }]],
};

export function makeInfrastructure(plan: InfraPlan): Infrastructure {
  const { districts, sites } = plan;
  const seeds = districts.map((d) => d.seed);
  const mark = plan.synthetic ? { synthetic: true } : {};
  const assets: GeneratedAsset[] = [];
  const edges: EdgeSpec[] = [];
  const add = (id: string, kind: string, subsystem: Subsystem, name: string, position: Pt, extra: Partial<GeneratedAsset> = {}) => {
    const district = districts[nearestIndex(seeds, position)]!.id;
    assets.push({
      id: assetId(id),
      kind,
      subsystem,
      name,
      position: [round1(position[0]), round1(position[1])],
      district,
      population: 0,
      critical: false,
      ...extra,
    });
    return id;
  };
  const dep = (from: string, to: string, resource: Resource, o: EdgeOpts = {}) => {
    edges.push({
      id: edgeId(`${to}<-${from}`),
      from: assetId(from),
      to: assetId(to),
      kind: KIND_OF[resource],
      resource,
      bufferMs: o.backup ? backupBufferMs(backupOf(o.backup)) : Math.round((o.bufferMin ?? 0) * MINUTE),
      backup: o.backup ? backupOf(o.backup) : null,
      effect: o.effect ?? 'down',
      group: null,
      note: o.note ?? null,
    });
  };
  const own = (s: { synthetic?: boolean }) => (s.synthetic !== undefined ? { synthetic: s.synthetic } : {});
  const nearest = <T extends { position: Pt }>(list: readonly T[], p: Pt): T =>
    list[
      nearestIndex(
        list.map((s) => s.position),
        p,
      )
    ]!;

  for (const s of sites) add(s.id, s.kind, s.subsystem, s.name, s.position, { critical: s.critical, district: s.district, ...own(s) });
  const site = (kind: string) => sites.find((s) => s.kind === kind);
  const sitesOf = (kind: string) => sites.filter((s) => s.kind === kind);
  const substations = sitesOf('substation');
  const substationFor = (p: Pt): string => {
    const di = nearestIndex(seeds, p);
    const ownSub = substations.find((s) => s.district === districts[di]!.id);
    return ownSub ? ownSub.id : nearest(substations, p).id;
  };
  const waterSources = [...sitesOf('pumping-station'), ...sitesOf('water-tower')];
  const waterFor = (p: Pt) => nearest(waterSources, p).id;
  const pumpFor = (p: Pt) => nearest(sitesOf('pumping-station'), p).id;

  // Power: the grid supply point feeds every primary substation.
  const gsp = site('grid-supply-point')!;
  for (const s of substations) dep(gsp.id, s.id, 'power', { note: '33 kV feeder from the grid supply point' });

  // Comms: core in the data centre, aggregation per district, access switches per 800 m cell.
  const dc = site('data-centre')!;
  const core = add('comms-core', 'comms-core', 'comms', 'City Network Core', [dc.position[0] + 30, dc.position[1]], { critical: true, ...mark });
  dep(dc.id, core, 'service', { note: 'housed in the data centre' });
  dep(substationFor(dc.position), dc.id, 'power', {
    backup: { upsMin: 10, startS: 30, fuelH: 48 },
    note: 'UPS, then standby diesel generators with 48 h of fuel',
  });
  const aggs: { id: string; position: Pt; district: string }[] = [];
  for (const a of plan.aggregation) {
    const id = add(a.id, 'comms-aggregation', 'comms', a.name, a.position, own(a));
    dep(substationFor(a.position), id, 'power', { bufferMin: 4 * 60, note: 'exchange batteries, 4 h' });
    dep(core, id, 'comms', { note: 'fibre backhaul to the core' });
    aggs.push({ id, position: a.position, district: a.district });
  }
  const aggregationFor = (p: Pt) => aggs.find((a) => a.district === districts[nearestIndex(seeds, p)]!.id)?.id ?? nearest(aggs, p).id;
  const switches: { id: string; position: Pt }[] = [];
  for (const s of plan.switches) {
    const id = add(s.id, 'access-switch', 'comms', s.name, s.position, own(s));
    dep(substationFor(s.position), id, 'power', { bufferMin: 15, note: 'street-cabinet UPS, 15 min' });
    dep(aggregationFor(s.position), id, 'comms', { note: 'uplink to the aggregation node' });
    switches.push({ id, position: s.position });
  }
  const switchFor = (p: Pt) => nearest(switches, p).id;

  // Vendors' remote-maintenance gateways sit in the data centre.
  plan.remoteVendors.forEach((v, i) => {
    const id = add(`gateway-${v}`, 'vendor-gateway', 'comms', `Remote-maintenance gateway (${v})`, [dc.position[0] - 30, dc.position[1] - 25 + i * 15], mark);
    dep(core, id, 'comms', { note: 'VPN terminates on the core' });
  });

  // Water.
  const reservoir = site('reservoir');
  for (const treatment of sitesOf('water-treatment')) {
    dep(substationFor(treatment.position), treatment.id, 'power', {
      backup: { upsMin: 5, startS: 120, fuelH: 6 },
      note: 'UPS, then a standby generator with 6 h of fuel',
    });
    dep(switchFor(treatment.position), treatment.id, 'control', { effect: 'degraded', note: 'SCADA link; without it the works runs on local control' });
    if (reservoir && treatment === site('water-treatment'))
      for (const r of sitesOf('reservoir')) dep(treatment.id, r.id, 'water', { bufferMin: 12 * 60, note: 'service reservoir storage, about 12 h' });
  }
  for (const p of sitesOf('pumping-station')) {
    dep(substationFor(p.position), p.id, 'power', { backup: { upsMin: 20 }, note: 'UPS and standby battery, 20 min; no generator' });
    dep(switchFor(p.position), p.id, 'control', { effect: 'degraded', note: 'PLC telemetry; without it the PLC keeps local rules' });
    if (reservoir) dep(nearest(sitesOf('reservoir'), p.position).id, p.id, 'water', { bufferMin: 120, note: 'wet well, about 2 h' });
  }
  for (const t of sitesOf('water-tower')) dep(pumpFor(t.position), t.id, 'water', { bufferMin: 180, note: 'tower storage, about 3 h' });

  // Traffic signals at junctions; cameras at junctions and sites.
  let cam = 0;
  const cameraRoles = new Map<string, CameraRole>();
  const camera = (pos: Pt, where: string, role: CameraRole) => {
    const id = add(`camera-${String(++cam).padStart(3, '0')}`, 'camera', 'cctv', `Camera ${cam} (${where})`, pos, mark);
    dep(switchFor(pos), id, 'comms', { note: 'PoE: power and network over the access switch' });
    cameraRoles.set(id, role);
  };
  for (const j of plan.junctions) {
    const p = j.position;
    if (j.signal) {
      const id = add(j.signal.id, 'traffic-signal', 'traffic', j.signal.name, p, own(j.signal));
      dep(substationFor(p), id, 'power', { note: 'no battery: the junction goes dark' });
      dep(switchFor(p), id, 'control', { effect: 'degraded', note: 'urban traffic control link; falls back to fixed time' });
    }
    if (j.cameras >= 1) camera([p[0] + 9, p[1] + 9], j.label, 'junction-anpr');
    if (j.cameras >= 2) camera([p[0] - 9, p[1] - 9], j.label, 'junction-face');
  }

  // Civic sites.
  const civic: Record<string, { backup: { upsMin: number; startS?: number; fuelH?: number }; note: string }> = {
    hospital: { backup: { upsMin: 15, startS: 15, fuelH: 24 }, note: 'UPS, then backup generators with 24 h of fuel' },
    'police-hq': { backup: { upsMin: 30, startS: 60, fuelH: 12 }, note: 'UPS, then a standby generator with 12 h of fuel' },
    'council-office': { backup: { upsMin: 30 }, note: 'UPS, 30 min' },
    'transit-hub': { backup: { upsMin: 15 }, note: 'UPS for signalling, 15 min' },
  };
  for (const s of sites.filter((x) => x.subsystem === 'civic' && x.kind !== 'data-centre')) {
    const backup = civic[s.kind];
    dep(substationFor(s.position), s.id, 'power', backup ? { backup: backup.backup, note: backup.note } : { note: 'no backup supply' });
    dep(switchFor(s.position), s.id, 'comms', { effect: 'degraded', note: 'council network' });
    if (s.kind === 'hospital') dep(pumpFor(s.position), s.id, 'water', { bufferMin: 45, note: 'on-site storage, about 45 min at present draw' });
    else dep(waterFor(s.position), s.id, 'water', { bufferMin: 60, effect: 'degraded', note: 'mains storage, about 1 h' });
    if (plan.siteCameras) camera([s.position[0] + 40, s.position[1] - 40], s.name, 'site');
  }
  // Video recorders in the police and council buildings; where there are none, in the data centre.
  const recorderSites = sitesOf('police-hq').concat(sitesOf('council-office'));
  for (const [i, s] of (recorderSites.length > 0 ? recorderSites : [dc]).entries()) {
    const id = add(`nvr-${i + 1}`, 'nvr', 'cctv', `Video Recorder at ${s.name}`, [s.position[0] - 25, s.position[1] + 25], mark);
    dep(s.id, id, 'service', { note: 'racked in the building' });
    dep(core, id, 'comms', { note: 'streams arrive over the core' });
  }

  // Neighbourhoods: homes grouped by 800 m cell and district; residents by floor area.
  const { population, districtPopulation } = neighbourhoods(plan, (id, name, pos, people, district) => {
    const nid = add(id, 'neighbourhood', 'population', name, pos, { population: people, district, ...(plan.synthetic ? { synthetic: false } : {}) });
    dep(substationFor(pos), nid, 'power', { note: '11 kV feeders and local transformers' });
    dep(waterFor(pos), nid, 'water', { bufferMin: 60, note: 'mains storage and pressure, about 1 h' });
  });

  // Further assets from the source, by kind.
  const suppliers: Record<Supplier, (p: Pt) => string | null> = {
    substation: substationFor,
    switch: switchFor,
    aggregation: aggregationFor,
    pump: pumpFor,
    signal: (p) => {
      const signals = assets.filter((a) => a.kind === 'traffic-signal');
      return signals.length > 0 ? nearest(signals, p).id : null;
    },
  };
  for (const x of plan.extra ?? []) {
    add(x.id, x.kind, x.subsystem, x.name, x.position, { critical: x.critical, district: x.district, ...own(x) });
    for (const [resource, supplier, o] of EXTRA[x.kind] ?? []) {
      const from = suppliers[supplier](x.position);
      if (from) dep(from, x.id, resource, o);
    }
    // A signal controller's cabinet stands at its junction: the nearest signals within 60 m run from it.
    if (x.kind === 'signal-controller') {
      const s = suppliers.signal(x.position);
      const at = s ? assets.find((a) => a.id === s)! : null;
      if (at && Math.hypot(at.position[0] - x.position[0], at.position[1] - x.position[1]) <= 60)
        dep(x.id, at.id, 'control', { effect: 'degraded', note: 'signal controller in the street cabinet' });
    }
  }
  return { assets, edges, cameraRoles, population, districtPopulation };
}

/** Groups homes by district and 800 m cell and shares the residents among them by floor area (groups under 50 people are left out). */
function neighbourhoods(
  plan: InfraPlan,
  place: (id: string, name: string, pos: Pt, people: number, district: string) => void,
): { population: number; districtPopulation: number[] } {
  const { buildings, districts } = plan;
  const groups = new Map<string, { sum: number; x: number; z: number; district: number; cx: number; cz: number }>();
  let totalArea = 0;
  for (let b = 0; b < buildings.count; b++) {
    if (buildings.use[b] !== USE_HOME) continue;
    const area = floorArea(buildings, b);
    const cx = Math.floor(buildings.x[b]! / CELL_M);
    const cz = Math.floor(buildings.z[b]! / CELL_M);
    const key = `${buildings.district[b]}:${cx}:${cz}`;
    const g = groups.get(key) ?? { sum: 0, x: 0, z: 0, district: buildings.district[b]!, cx, cz };
    g.sum += area;
    g.x += buildings.x[b]! * area;
    g.z += buildings.z[b]! * area;
    groups.set(key, g);
    totalArea += area;
  }
  const districtPopulation = districts.map(() => 0);
  let population = 0;
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const g = groups.get(key)!;
    const people = Math.round((plan.populationTarget * g.sum) / totalArea);
    if (people < 50) continue;
    const d = districts[g.district]!;
    place(`nbhd-${d.id}-${g.cx}-${g.cz}`, `${d.name} ${String.fromCharCode(65 + g.cx)}${g.cz + 1}`, [g.x / g.sum, g.z / g.sum], people, d.id);
    districtPopulation[g.district]! += people;
    population += people;
  }
  return { population, districtPopulation };
}

/** Floor area of a building in m² (footprint × storeys of 3 m), as the neighbourhood rule counts it. */
export const floorArea = (b: BuildingTable, i: number): number => b.w[i]! * b.d[i]! * Math.max(1, Math.round(b.h[i]! / FLOOR_M));
