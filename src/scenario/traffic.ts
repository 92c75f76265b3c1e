/**
 * The scenario's traffic: the road network (a benchmark grid, OpenStreetMap roads, or the
 * generated city's streets and arterials), its signal controllers (the city's `traffic-signal`
 * assets at the junctions they stand on), and demand (random trips, or daily trips between the
 * city's homes, workplaces, schools and services, weighted by floor area).
 */
import { traffic, type AssetSpec, type CityModel, type TrafficInput } from '../sim';
import { issue, type ScenarioIssue } from './issues';
import type { ReadFile } from './referenced-file';
import { compileSumo } from './sumo-traffic';
import type { Scenario } from './schema';

/** UK urban limits: 30 mph on arterials, 20 mph on residential streets. */
const ARTERIAL_MPS = 13.41;
const STREET_MPS = 8.94;
const FLOOR_M = 3;

export interface TrafficContext {
  readonly assets: readonly AssetSpec[];
  readonly city: CityModel;
  readonly issues: ScenarioIssue[];
  /** Road segments from an OpenStreetMap extract, when the city comes from one. */
  readonly osmRoads?: readonly (traffic.RoadSegment & { readonly id: string; readonly street?: string })[] | null;
  /** Reads files the scenario references (a SUMO network and demand). */
  readonly readFile?: ReadFile | undefined;
}

export function compileTraffic(s: Scenario, ctx: TrafficContext): TrafficInput | null {
  const t = s.traffic;
  if (t?.enabled === false) return null;
  // A city's controllers are demand-actuated while linked to the control centre (the fallback on
  // losing that link is fixed time); the benchmark grid runs fixed time unless told otherwise.
  const plan = signalPlan(t?.signals, t?.grid || t?.sumo ? 'fixed' : 'actuated');
  let network: traffic.TrafficNetwork;
  let linkIds: string[];
  /** Per link, the street it is part of, for people (null when unnamed, and on the benchmark grid). */
  let linkStreets: (string | null)[] | null = null;
  let signals: traffic.SignalSpec[];
  let sumoExtra: Pick<TrafficInput, 'trips' | 'idm'> = {};
  if (t?.sumo) {
    if (t.grid) ctx.issues.push(issue('traffic.sumo', 'traffic is either a benchmark grid or a SUMO network, not both', 'remove "grid" or "sumo"'));
    const built = compileSumo(t.sumo, plan, ctx.readFile, ctx.issues);
    if (!built) return null;
    network = built.input.network;
    linkIds = [...built.input.linkIds];
    signals = [...built.input.signals];
    sumoExtra = { trips: built.input.trips ?? null, ...(built.input.idm ? { idm: built.input.idm } : {}) };
  } else if (t?.grid) {
    const g = t.grid;
    const built = traffic.gridNetwork({ rows: g.rows, cols: g.cols, blockLengthM: g.blockLengthM, lanes: g.lanes, signals: g.signals ?? true });
    network = built.net;
    linkIds = linkNames(
      network,
      (l) =>
        `grid-${Math.round(network.nodeX[network.linkFrom[l]!]!)}-${Math.round(network.nodeZ[network.linkFrom[l]!]!)}-${Math.round(network.nodeX[network.linkTo[l]!]!)}-${Math.round(network.nodeZ[network.linkTo[l]!]!)}`,
    );
    signals = built.signalNodes.map((node) => ({ node, asset: null, plan }));
  } else {
    const segs =
      ctx.osmRoads ??
      ctx.city.roads.map((r) => ({
        id: r.id,
        a: r.a,
        b: r.b,
        lanes: r.cls === 'arterial' ? Math.max(1, Math.floor(r.lanes)) : 1,
        speedMps: r.cls === 'arterial' ? ARTERIAL_MPS : STREET_MPS,
        oneway: false,
        rank: r.cls === 'arterial' ? 2 : 0,
        name: r.id,
        street: r.street,
      }));
    if (segs.length === 0) {
      if (t)
        ctx.issues.push(
          issue(
            'traffic',
            'there are no roads to drive on',
            'add "city": { "generator": {} } or "city": { "osm": "FILE.osm" }, or give "traffic": { "grid": { ... } }',
          ),
        );
      return null;
    }
    network = traffic.buildNetwork(segs.map((x) => ({ ...x, name: x.id })));
    linkIds = linkNames(network, (l) => network.linkName[l]!);
    const streetOf = new Map(segs.map((x) => [x.id, x.street]));
    linkStreets = network.linkName.map((n) => streetOf.get(n) ?? null);
    signals = [];
    const nodeAt = new Map<string, number>();
    for (let n = 0; n < network.nodeCount; n++) nodeAt.set(`${Math.round(network.nodeX[n]!)},${Math.round(network.nodeZ[n]!)}`, n);
    for (const a of ctx.assets) {
      if (a.kind !== 'traffic-signal') continue;
      let node = nodeAt.get(`${Math.round(a.position[0])},${Math.round(a.position[1])}`);
      if (node === undefined) node = nearestNode(network, a.position[0], a.position[1], 30);
      if (node === undefined || network.inStart[node + 1]! - network.inStart[node]! < 3) continue;
      if (signals.some((x) => x.node === node)) continue;
      signals.push({ node, asset: a.id, plan });
    }
  }
  const d = t?.demand;
  let randomTrips: traffic.RandomTripsSpec | null = null;
  if (d?.randomTrips) randomTrips = { periodS: d.randomTrips.periodS, untilS: d.randomTrips.untilS, fromS: d.randomTrips.fromS ?? 0 };
  let city: traffic.CityDemandSpec | null = null;
  const wantCity = d?.city !== undefined || (!t?.grid && !t?.sumo && !d?.randomTrips && ctx.city.buildings.count > 0);
  if (wantCity && !t?.grid && !t?.sumo) city = cityDemand(network, ctx, d?.city?.peakTripsPerHour ?? 1500, parseClock(d?.city?.startClock ?? '07:00'));
  // Every station of a kind can send a unit; the simulation picks the quickest for each incident.
  const ambulanceStations = ctx.assets.filter((a) => a.kind === 'hospital').map((a) => a.id);
  const policeStations = ctx.assets.filter((a) => a.kind === 'police-hq').map((a) => a.id);
  return { network, linkIds, linkStreets, signals, randomTrips, city, rerouteS: (t?.rerouteMin ?? 3) * 60, ambulanceStations, policeStations, ...sumoExtra };
}

function signalPlan(p: NonNullable<Scenario['traffic']>['signals'], kind: traffic.SignalPlan['kind']): traffic.SignalPlan {
  const d = traffic.DEFAULT_PLAN;
  return {
    kind: p?.plan ?? kind,
    greenS: p?.greenS ?? d.greenS,
    amberS: p?.amberS ?? d.amberS,
    allRedS: p?.allRedS ?? d.allRedS,
    minGreenS: p?.minGreenS ?? d.minGreenS,
    maxGreenS: p?.maxGreenS ?? d.maxGreenS,
    passageS: p?.passageS ?? d.passageS,
  };
}

/** Link ids from road ids: the first direction keeps the road's id, the other gets ":r". */
function linkNames(net: traffic.TrafficNetwork, road: (l: number) => string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let l = 0; l < net.linkCount; l++) {
    const r = net.linkReverse[l]!;
    let id = r >= 0 && r < l ? `${ids[r]!}:r` : road(l);
    for (let k = 2; seen.has(id); k++) id = `${road(l)}#${k}`;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

function nearestNode(net: traffic.TrafficNetwork, x: number, z: number, maxM: number): number | undefined {
  let best: number | undefined;
  let bd = maxM;
  for (let n = 0; n < net.nodeCount; n++) {
    const d = Math.hypot(net.nodeX[n]! - x, net.nodeZ[n]! - z);
    if (d < bd) {
      bd = d;
      best = n;
    }
  }
  return best;
}

export function parseClock(s: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  return m ? Number(m[1]) + Number(m[2]) / 60 : 7;
}

/** Zones from buildings: each building's floor area goes to the link nearest it (a bucketed search). */
function cityDemand(net: traffic.TrafficNetwork, ctx: TrafficContext, peak: number, startHour: number): traffic.CityDemandSpec {
  const B = ctx.city.buildings;
  const cell = 200;
  const buckets = new Map<string, number[]>();
  for (let l = 0; l < net.linkCount; l++) {
    const mx = (net.nodeX[net.linkFrom[l]!]! + net.nodeX[net.linkTo[l]!]!) / 2;
    const mz = (net.nodeZ[net.linkFrom[l]!]! + net.nodeZ[net.linkTo[l]!]!) / 2;
    const k = `${Math.floor(mx / cell)},${Math.floor(mz / cell)}`;
    const list = buckets.get(k) ?? [];
    list.push(l);
    buckets.set(k, list);
  }
  const near = (x: number, z: number) => {
    const cx = Math.floor(x / cell);
    const cz = Math.floor(z / cell);
    let best = -1;
    let bd = Infinity;
    for (let r = 1; r <= 3 && best < 0; r++) {
      for (let i = cx - r; i <= cx + r; i++) {
        for (let j = cz - r; j <= cz + r; j++) {
          for (const l of buckets.get(`${i},${j}`) ?? []) {
            const d = traffic.distToLink(net, l, x, z);
            if (d < bd) {
              bd = d;
              best = l;
            }
          }
        }
      }
    }
    return best >= 0 ? best : traffic.nearestLink(net, x, z);
  };
  const acc = { homes: new Map<number, number>(), work: new Map<number, number>(), services: new Map<number, number>(), schools: new Map<number, number>() };
  const add = (m: Map<number, number>, l: number, w: number) => m.set(l, (m.get(l) ?? 0) + w);
  for (let b = 0; b < B.count; b++) {
    const area = B.w[b]! * B.d[b]! * Math.max(1, Math.round(B.h[b]! / FLOOR_M));
    const l = near(B.x[b]!, B.z[b]!);
    if (l < 0) continue;
    const use = B.use[b];
    if (use === 0) add(acc.homes, l, area);
    else if (use === 1) {
      add(acc.work, l, area);
      add(acc.services, l, area);
    } else if (use === 2) add(acc.work, l, area);
    else add(acc.services, l, area);
  }
  for (const a of ctx.assets) if (a.kind === 'school') add(acc.schools, near(a.position[0], a.position[1]), 1);
  const zone = (m: Map<number, number>): traffic.Zone => {
    const keys = [...m.keys()].sort((x, y) => x - y);
    return { links: Int32Array.from(keys), weights: Float64Array.from(keys, (k) => m.get(k)!) };
  };
  return { homes: zone(acc.homes), work: zone(acc.work), schools: zone(acc.schools), services: zone(acc.services), peakTripsPerHour: peak, startHour };
}
