/**
 * The city's infrastructure as assets and dependency edges: the grid (a grid supply point feeding
 * one primary substation per district), water (treatment works, reservoir, pumping stations,
 * towers), comms (core in the data centre, an aggregation node per district, street-cabinet access
 * switches), traffic signals at arterial junctions, cameras, civic sites and neighbourhoods of
 * residents. Buffers are typical backup durations; each edge carries a note saying what it is.
 */
import { assetId, backupBufferMs, edgeId, HOUR, MINUTE, SECOND, type AssetSpec, type BackupSpec, type BuildingTable, type EdgeSpec } from '../../sim';
import type { EdgeKind, Resource, Subsystem } from '../../sim';
import { DISTRICT_SEEDS, type Layout } from './layout';
import { nearestIndex, round1, type Pt } from './geometry';
import type { Site } from './sites';
import { USE_HOME } from './buildings';

/** Asset before a vendor is assigned: the scenario's vendors decide who supplies each kind. */
export type GeneratedAsset = Omit<AssetSpec, 'vendor' | 'remoteAccess'>;

const CELL_M = 800;
const FLOOR_M = 3;

export interface Infrastructure {
  readonly assets: GeneratedAsset[];
  readonly edges: EdgeSpec[];
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

export function makeInfrastructure(
  layout: Layout,
  sites: readonly Site[],
  buildings: BuildingTable,
  populationTarget: number,
  remoteVendors: readonly string[],
): Infrastructure {
  const assets: GeneratedAsset[] = [];
  const edges: EdgeSpec[] = [];
  const add = (id: string, kind: string, subsystem: Subsystem, name: string, position: Pt, extra: Partial<GeneratedAsset> = {}) => {
    const district = DISTRICT_SEEDS[nearestIndex(layout.districtSeeds, position)]!.id;
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

  for (const s of sites)
    add(s.id, s.type.kind, s.type.subsystem === 'comms' ? 'comms' : s.type.subsystem, s.name, s.position, { critical: s.type.critical, district: s.district });
  const site = (kind: string) => sites.find((s) => s.type.kind === kind);
  const sitesOf = (kind: string) => sites.filter((s) => s.type.kind === kind);
  const substations = sitesOf('substation');
  const substationFor = (p: Pt): string => {
    const di = nearestIndex(layout.districtSeeds, p);
    const own = substations.find((s) => s.district === DISTRICT_SEEDS[di]!.id);
    return own
      ? own.id
      : substations[
          nearestIndex(
            substations.map((s) => s.position),
            p,
          )
        ]!.id;
  };
  const waterSources = [...sitesOf('pumping-station'), ...sitesOf('water-tower')];
  const waterFor = (p: Pt) =>
    waterSources[
      nearestIndex(
        waterSources.map((s) => s.position),
        p,
      )
    ]!.id;
  const pumpFor = (p: Pt) => {
    const pumps = sitesOf('pumping-station');
    return pumps[
      nearestIndex(
        pumps.map((s) => s.position),
        p,
      )
    ]!.id;
  };

  // Power: the grid supply point feeds every primary substation.
  const gsp = site('grid-supply-point')!;
  for (const s of substations) dep(gsp.id, s.id, 'power', { note: '33 kV feeder from the grid supply point' });

  // Comms: core in the data centre, aggregation per district, access switches per 800 m cell.
  const dc = site('data-centre')!;
  const core = add('comms-core', 'comms-core', 'comms', 'City Network Core', [dc.position[0] + 30, dc.position[1]], { critical: true });
  dep(dc.id, core, 'service', { note: 'housed in the data centre' });
  dep(substationFor(dc.position), dc.id, 'power', {
    backup: { upsMin: 10, startS: 30, fuelH: 48 },
    note: 'UPS, then standby diesel generators with 48 h of fuel',
  });
  const aggs: { id: string; pos: Pt }[] = [];
  DISTRICT_SEEDS.forEach((d, i) => {
    const pos = layout.districtSeeds[i]!;
    const id = add(`agg-${d.id}`, 'comms-aggregation', 'comms', `${d.name} Aggregation Node`, [pos[0] + 20, pos[1] + 20]);
    dep(substationFor(pos), id, 'power', { bufferMin: 4 * 60, note: 'exchange batteries, 4 h' });
    dep(core, id, 'comms', { note: 'fibre backhaul to the core' });
    aggs.push({ id, pos });
  });
  const [w, h] = layout.sizeM;
  const switches: { id: string; pos: Pt }[] = [];
  for (let cx = 0; cx * CELL_M < w; cx++) {
    for (let cz = 0; cz * CELL_M < h; cz++) {
      const pos: Pt = [Math.min(w - 10, cx * CELL_M + CELL_M / 2 + 12), Math.min(h - 10, cz * CELL_M + CELL_M / 2 + 12)];
      const id = add(`switch-${cx}-${cz}`, 'access-switch', 'comms', `Street Cabinet ${String.fromCharCode(65 + cx)}${cz + 1}`, pos);
      dep(substationFor(pos), id, 'power', { bufferMin: 15, note: 'street-cabinet UPS, 15 min' });
      dep(
        aggs[
          nearestIndex(
            aggs.map((a) => a.pos),
            pos,
          )
        ]!.id,
        id,
        'comms',
        { note: 'uplink to the aggregation node' },
      );
      switches.push({ id, pos });
    }
  }
  const switchFor = (p: Pt) =>
    switches[
      nearestIndex(
        switches.map((s) => s.pos),
        p,
      )
    ]!.id;

  // Vendors' remote-maintenance gateways sit in the data centre.
  remoteVendors.forEach((v, i) => {
    const id = add(`gateway-${v}`, 'vendor-gateway', 'comms', `Remote-maintenance gateway (${v})`, [dc.position[0] - 30, dc.position[1] - 25 + i * 15]);
    dep(core, id, 'comms', { note: 'VPN terminates on the core' });
  });

  // Water.
  const treatment = site('water-treatment')!;
  const reservoir = site('reservoir')!;
  dep(substationFor(treatment.position), treatment.id, 'power', {
    backup: { upsMin: 5, startS: 120, fuelH: 6 },
    note: 'UPS, then a standby generator with 6 h of fuel',
  });
  dep(switchFor(treatment.position), treatment.id, 'control', { effect: 'degraded', note: 'SCADA link; without it the works runs on local control' });
  dep(treatment.id, reservoir.id, 'water', { bufferMin: 12 * 60, note: 'service reservoir storage, about 12 h' });
  for (const p of sitesOf('pumping-station')) {
    dep(substationFor(p.position), p.id, 'power', { backup: { upsMin: 20 }, note: 'UPS and standby battery, 20 min; no generator' });
    dep(switchFor(p.position), p.id, 'control', { effect: 'degraded', note: 'PLC telemetry; without it the PLC keeps local rules' });
    dep(reservoir.id, p.id, 'water', { bufferMin: 120, note: 'wet well, about 2 h' });
  }
  for (const t of sitesOf('water-tower')) dep(pumpFor(t.position), t.id, 'water', { bufferMin: 180, note: 'tower storage, about 3 h' });

  // Traffic signals at arterial junctions; cameras at junctions and sites.
  let cam = 0;
  const camera = (pos: Pt, where: string) => {
    const id = add(`camera-${String(++cam).padStart(3, '0')}`, 'camera', 'cctv', `Camera ${cam} (${where})`, pos);
    dep(switchFor(pos), id, 'comms', { note: 'PoE: power and network over the access switch' });
  };
  for (const j of layout.junctions) {
    const c = Math.round(j[0] / 100);
    const r = Math.round(j[1] / 100);
    const id = add(`signal-${c}-${r}`, 'traffic-signal', 'traffic', `Signals at junction ${c}/${r}`, j);
    dep(substationFor(j), id, 'power', { note: 'no battery: the junction goes dark' });
    dep(switchFor(j), id, 'control', { effect: 'degraded', note: 'urban traffic control link; falls back to fixed time' });
    const kind = DISTRICT_SEEDS[nearestIndex(layout.districtSeeds, j)]!.kind;
    camera([j[0] + 9, j[1] + 9], `junction ${c}/${r}`);
    if (kind === 'centre' || kind === 'waterfront') camera([j[0] - 9, j[1] - 9], `junction ${c}/${r}`);
  }

  // Civic sites.
  const civic: Record<string, { backup: { upsMin: number; startS?: number; fuelH?: number }; note: string }> = {
    hospital: { backup: { upsMin: 15, startS: 15, fuelH: 24 }, note: 'UPS, then backup generators with 24 h of fuel' },
    'police-hq': { backup: { upsMin: 30, startS: 60, fuelH: 12 }, note: 'UPS, then a standby generator with 12 h of fuel' },
    'council-office': { backup: { upsMin: 30 }, note: 'UPS, 30 min' },
    'transit-hub': { backup: { upsMin: 15 }, note: 'UPS for signalling, 15 min' },
  };
  for (const s of sites.filter((x) => x.type.subsystem === 'civic' && x.type.kind !== 'data-centre')) {
    const backup = civic[s.type.kind];
    dep(substationFor(s.position), s.id, 'power', backup ? { backup: backup.backup, note: backup.note } : { note: 'no backup supply' });
    dep(switchFor(s.position), s.id, 'comms', { effect: 'degraded', note: 'council network' });
    if (s.type.kind === 'hospital') dep(pumpFor(s.position), s.id, 'water', { bufferMin: 45, note: 'on-site storage, about 45 min at present draw' });
    else dep(waterFor(s.position), s.id, 'water', { bufferMin: 60, effect: 'degraded', note: 'mains storage, about 1 h' });
    camera([s.position[0] + 40, s.position[1] - 40], s.name);
  }
  for (const [i, s] of sitesOf('police-hq').concat(sitesOf('council-office')).entries()) {
    const id = add(`nvr-${i + 1}`, 'nvr', 'cctv', `Video Recorder at ${s.name}`, [s.position[0] - 25, s.position[1] + 25]);
    dep(s.id, id, 'service', { note: 'racked in the building' });
    dep(core, id, 'comms', { note: 'streams arrive over the core' });
  }

  // Neighbourhoods: homes grouped by 800 m cell and district; residents by floor area.
  const groups = new Map<string, { sum: number; x: number; z: number; district: number; cx: number; cz: number }>();
  let totalArea = 0;
  for (let b = 0; b < buildings.count; b++) {
    if (buildings.use[b] !== USE_HOME) continue;
    const area = buildings.w[b]! * buildings.d[b]! * Math.max(1, Math.round(buildings.h[b]! / FLOOR_M));
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
  const districtPopulation = DISTRICT_SEEDS.map(() => 0);
  let population = 0;
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const g = groups.get(key)!;
    const people = Math.round((populationTarget * g.sum) / totalArea);
    if (people < 50) continue;
    const d = DISTRICT_SEEDS[g.district]!;
    const pos: Pt = [g.x / g.sum, g.z / g.sum];
    const id = add(`nbhd-${d.id}-${g.cx}-${g.cz}`, 'neighbourhood', 'population', `${d.name} ${String.fromCharCode(65 + g.cx)}${g.cz + 1}`, pos, {
      population: people,
      district: d.id,
    });
    dep(substationFor(pos), id, 'power', { note: '11 kV feeders and local transformers' });
    dep(waterFor(pos), id, 'water', { bufferMin: 60, note: 'mains storage and pressure, about 1 h' });
    districtPopulation[g.district]! += people;
    population += people;
  }
  return { assets, edges, population, districtPopulation };
}
