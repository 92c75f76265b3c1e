/**
 * Builds the static WorldView the page draws from, once per load. Building arrays are copied so
 * they can be transferred to the page without detaching anything the simulation still holds.
 */
import type { KpiDef, SimInput, water as simWater } from '../sim';
import { waterView } from './water-view';
import { cyberView } from './cyber-view';
import { approachView } from './approach-view';
import type { PowerView, TrafficView, WorldView } from './protocol';

/** The scenario description as the loader reports it. */
export interface ViewMeta {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly audience: readonly string[];
  readonly objectives: readonly string[];
}

export interface BuiltView {
  readonly view: WorldView;
  /** Buffers to pass as transferables with the 'loaded' message. */
  readonly transfer: ArrayBuffer[];
}

export function buildWorldView(
  meta: ViewMeta,
  input: SimInput,
  seed: number,
  kpis: readonly KpiDef[],
  water: simWater.WaterSubsystem | null = null,
): BuiltView {
  const b = input.city.buildings;
  const buildings = {
    count: b.count,
    x: b.x.slice(0, b.count),
    z: b.z.slice(0, b.count),
    w: b.w.slice(0, b.count),
    d: b.d.slice(0, b.count),
    h: b.h.slice(0, b.count),
    district: b.district.slice(0, b.count),
    use: b.use.slice(0, b.count),
    ...(b.outline ? { outline: { start: b.outline.start.slice(0, b.count + 1), xz: b.outline.xz.slice(0, 2 * b.outline.start[b.count]!) } } : {}),
  };
  const view: WorldView = {
    scenario: {
      id: meta.id,
      title: meta.title,
      summary: meta.summary,
      audience: [...meta.audience],
      objectives: [...meta.objectives],
      durationMs: input.durationMs,
    },
    seed,
    city: {
      name: input.city.name,
      sizeM: [input.city.sizeM[0], input.city.sizeM[1]],
      districts: input.city.districts,
      roads: input.city.roads,
      water: input.city.water,
      attribution: input.city.attribution,
      buildings,
    },
    assets: input.assets.map((a) => ({
      id: a.id,
      kind: a.kind,
      subsystem: a.subsystem,
      name: a.name,
      position: [a.position[0], a.position[1]] as const,
      vendor: a.vendor,
      remoteAccess: a.remoteAccess,
      firmware: a.firmware ?? null,
      district: a.district,
      population: a.population,
      critical: a.critical,
      synthetic: a.synthetic === true,
    })),
    edges: input.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      kind: e.kind,
      resource: e.resource,
      bufferMs: e.bufferMs,
      effect: e.effect,
      group: e.group,
      note: e.note,
    })),
    vendors: input.vendors,
    injects: input.injects.map((i) => ({ id: i.id, atMs: i.atMs, title: i.title, description: i.description, attack: i.attack })),
    kpis: [...kpis],
    power: powerView(input),
    traffic: trafficView(input),
    water: waterView(input, water),
    cyber: cyberView(input),
  };
  const arrays: ArrayBufferView[] = [buildings.x, buildings.z, buildings.w, buildings.d, buildings.h, buildings.district, buildings.use];
  if (buildings.outline) arrays.push(buildings.outline.start, buildings.outline.xz);
  const transfer = arrays.map((a) => a.buffer as ArrayBuffer);
  return { view, transfer };
}

/** The road network's links and signals, for the traffic layer. */
export function trafficView(input: SimInput): TrafficView | null {
  const t = input.traffic;
  if (!t) return null;
  const net = t.network;
  const links = new Float32Array(net.linkCount * 4);
  for (let l = 0; l < net.linkCount; l++) {
    links.set([net.nodeX[net.linkFrom[l]!]!, net.nodeZ[net.linkFrom[l]!]!, net.nodeX[net.linkTo[l]!]!, net.nodeZ[net.linkTo[l]!]!], l * 4);
  }
  const assetIndex = new Map(input.assets.map((a, i) => [a.id as string, i]));
  return {
    links,
    lanes: net.linkLanes.slice(),
    signals: t.signals.map((s) => ({
      asset: s.asset !== null ? (assetIndex.get(s.asset) ?? -1) : -1,
      x: net.nodeX[s.node]!,
      z: net.nodeZ[s.node]!,
      plan: s.plan,
    })),
    approaches: approachView(net, t.signals),
  };
}

/** The grid's buses (placed at their substations), lines with ratings, and generators. */
export function powerView(input: SimInput): PowerView | null {
  const p = input.power;
  if (!p) return null;
  const assetIndex = new Map(input.assets.map((a, i) => [a.id as string, i]));
  const { branches: L, gens: G } = p.network;
  return {
    buses: p.busIds.map((id, i) => {
      const a = p.busAsset[i] != null ? (assetIndex.get(p.busAsset[i]!) ?? -1) : -1;
      const pos = a >= 0 ? input.assets[a]!.position : null;
      return { id, asset: a, position: pos ? ([pos[0], pos[1]] as const) : null };
    }),
    branches: p.branchIds.map((id, k) => ({ id, from: L.from[k]!, to: L.to[k]!, ratingMW: L.rateMW[k]! })),
    generators: p.genIds.map((id, g) => ({ id, bus: G.bus[g]!, pmaxMW: G.pmaxMW[g]! })),
  };
}
