/**
 * createSimulation wires the core engine, the world, injects, attacker/operator commands and KPIs
 * into one object. The run is fully given by the input, the seed and the command log.
 */
import {
  Engine,
  Hasher,
  World,
  canonicalJson,
  explain,
  STATUS_OF_CODE,
  type AssetStatus,
  type CausalChain,
  type Command,
  type EventId,
  type LoggedCommand,
  type SimEvent,
  type SimMs,
  MINUTE,
  DAY,
  describeCommand,
} from './core';
import { cameraHooks, storeLoss } from './couplings/camera-sightings';
import { NetworkTravel } from './couplings/network-travel';
import { InjectPlayer, DecisionBoard, applyExerciseCommand, isExerciseCommand, evaluate, type Evaluation } from './exercise';
import { applyAssetCommand, isAssetCommand } from './threats';
import { kpiDefsFor, KpiRecorder, readKpis, powerFinal, type KpiDef, type KpiValues, type PowerFinal } from './analysis';
import { readTrafficKpis, trafficFinal, type TrafficFinal } from './analysis';
import { SignalApproaches, TrafficSubsystem } from './traffic';
import { PopulationSubsystem } from './population';
import { populationKpis, privacyAnalysis, recordsTaken, type PrivacyFinal, type PrivacyOptions } from './analysis';
import { GridSubsystem } from './power';
import { waterFinal, type WaterFinal } from './analysis';
import { ENGINE_NOT_LOADED, loadedWaterEngine, waterSnapshot, WaterSubsystem, type WaterEngine, type WaterSnapshot } from './water';
import type { SimInput } from './input';
import { createCyber, cyberKpis, type Cyber, type CyberFinal, type CyberSnapshot } from './couplings/cyber-layer';

export const BASE_TICK_MS = 500;

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** A command log to replay at the times it was applied. */
  readonly commands?: readonly LoggedCommand[];
  /** The loaded EPANET engine; defaults to the one `loadWaterEngine()` has loaded. Needed only with a water network. */
  readonly waterEngine?: WaterEngine;
}

/** Plain data the UI draws from; arrays are copies the worker can transfer. */
export interface SimSnapshot {
  readonly tMs: SimMs;
  /** Per asset, in input order: 0 ok, 1 degraded, 2 down. */
  readonly status: Uint8Array;
  /** Per asset: 1 when an attacker controls it. */
  readonly compromised: Uint8Array;
  /** Assets whose firmware changed during the run (a reflash, new kit), with what they run now. */
  readonly firmwareChanged: readonly { readonly asset: string; readonly firmware: string | null }[];
  /** Per edge: 0 supplied, 1 on buffer, 2 lost. */
  readonly edgeState: Uint8Array;
  readonly kpis: KpiValues;
  readonly eventCount: number;
  /** The grid, when the scenario has one: per branch and per bus, in the network's order. */
  readonly power: PowerSnapshot | null;
  /** Traffic, when the scenario has it. */
  readonly traffic: TrafficSnapshot | null;
  /** The water network, when the scenario has one: per node and per link, in the model's order. */
  readonly water: WaterSnapshot | null;
  /** The comms network and cameras, when the scenario has them. */
  readonly cyber: CyberSnapshot | null;
}

export interface TrafficSnapshot {
  /** Per vehicle on the road: x, z (m) and heading (rad). */
  readonly vehicles: Float32Array;
  /** Per vehicle: why it waits (see WAIT_REASONS) | kind << 4 (1 = emergency). */
  readonly vehicleState: Uint8Array;
  /** Per vehicle: its slot, for asking the worker about one vehicle. */
  readonly vehicleSlot: Int32Array;
  /** Per signal (input order): aspect of group 0 | group 1 << 2 | mode << 4. */
  readonly signals: Uint8Array;
  /**
   * Per signal approach (SignalApproaches order: the view's), three aspects — left, ahead, right —
   * each RED, AMBER, GREEN, DARK or GREEN_YIELD, or NO_SIGNAL where it has no such movement.
   */
  readonly approaches: Uint8Array;
  /** Per link: mean speed over the speed limit at the last cost refresh, 0..1. */
  readonly congestion: Float32Array;
}

export interface PowerSnapshot {
  /** True flow, MW, from → to. */
  readonly flowMW: Float32Array;
  /** What SCADA shows operators (differs from flowMW when telemetry is spoofed). */
  readonly reportedFlowMW: Float32Array;
  readonly loading: Float32Array;
  readonly branchStatus: Uint8Array;
  readonly energized: Uint8Array;
  readonly servedMW: Float32Array;
  readonly shedMW: Float32Array;
}

export interface FinalAsset {
  readonly id: string;
  readonly kind: string;
  readonly subsystem: string;
  readonly vendor: string | null;
  readonly status: AssetStatus;
  readonly compromised: boolean;
  /** Synthesised by an importer where its source had nothing (see AssetSpec.synthetic). */
  readonly synthetic: boolean;
}

export interface Simulation {
  readonly input: SimInput;
  readonly seed: number;
  readonly nowMs: SimMs;
  readonly events: readonly SimEvent[];
  readonly commandLog: readonly LoggedCommand[];
  readonly kpiDefs: readonly KpiDef[];
  readonly kpiSeries: Readonly<Record<string, readonly [number, number][]>>;
  readonly world: World;
  readonly power: GridSubsystem | null;
  readonly traffic: TrafficSubsystem | null;
  readonly population: PopulationSubsystem | null;
  readonly water: WaterSubsystem | null;
  step(ms: SimMs): void;
  runUntil(tMs: SimMs): void;
  apply(command: Command): void;
  snapshot(): SimSnapshot;
  explain(id: EventId | string): CausalChain;
  /** The causal chain behind an asset's present status, or null when it has never changed. */
  whyStatus(assetId: string): CausalChain | null;
  kpis(): KpiValues;
  finalAssets(): FinalAsset[];
  finalPower(): PowerFinal | null;
  /** The comms network, CCTV and cyber layer, when the scenario has them. */
  readonly cyber: Cyber | null;
  finalCyber(): CyberFinal | null;
  /** The exercise's injects and decision points, and evaluation against expected actions. */
  readonly exercise: { readonly injects: InjectPlayer; readonly decisions: DecisionBoard };
  evaluate(): Evaluation;
  finalTraffic(): TrafficFinal | null;
  finalWater(): WaterFinal | null;
  /** The privacy analysis of what the attacker holds now (on demand: it costs seconds at city scale). */
  finalPrivacy(options?: PrivacyOptions): PrivacyFinal | null;
  hash(): string;
}

const isPowerCommand = (c: Command): c is Extract<Command, { type: `power.${string}` }> => c.type.startsWith('power.');
const isWaterCommand = (c: Command): c is Extract<Command, { type: `water.${string}` }> => c.type.startsWith('water.');
const isTrafficCommand = (c: Command): c is Extract<Command, { type: `traffic.${string}` }> => c.type.startsWith('traffic.');
const isPrivacyCommand = (c: Command): c is Extract<Command, { type: `privacy.${string}` }> => c.type.startsWith('privacy.');

/** The vendor panel shows the one count of records taken that the KPI and the report use. */
function withRecordsTaken(c: CyberSnapshot, population: PopulationSubsystem | null): CyberSnapshot {
  return { ...c, recordsExfiltrated: recordsTaken(c.recordsExfiltrated, population) };
}

export function createSimulation(input: SimInput, options: SimulationOptions = {}): Simulation {
  const seed = (options.seed ?? input.seed) >>> 0;
  const engine = new Engine(seed, BASE_TICK_MS);
  const { bus } = engine;
  const world = new World(input.assets, input.edges, bus, engine.scheduler, () => engine.nowMs);
  const power = input.power ? new GridSubsystem(input.power, world, bus, engine.scheduler, () => engine.nowMs) : null;
  // The cyber layer's systems (comms, cctv, threats) step after the physical subsystems, before KPIs.
  const cyberSystems: { name: string; periodMs: SimMs; step: (t: SimMs) => void }[] = [];
  const cyber: Cyber | null = input.cyber
    ? createCyber(
        input.cyber,
        { world, bus, scheduler: engine.scheduler, now: () => engine.nowMs, rng: engine.rng.fork('threats'), city: input.city },
        (name, periodMs, step) => cyberSystems.push({ name, periodMs, step }),
      )
    : null;
  let water: WaterSubsystem | null = null;
  if (input.water) {
    const eng = options.waterEngine ?? loadedWaterEngine();
    if (!eng) throw new Error(ENGINE_NOT_LOADED);
    water = new WaterSubsystem(input.water, eng, world, bus, engine.scheduler, () => engine.nowMs, input.durationMs);
  }
  const traffic = input.traffic ? new TrafficSubsystem(input.traffic, world, bus, engine.rng.fork('traffic'), () => engine.nowMs) : null;
  const approaches = input.traffic
    ? new SignalApproaches(
        input.traffic.network,
        input.traffic.signals.map((s) => s.node),
      )
    : null;
  let travel: NetworkTravel | null = null;
  const population = input.population
    ? new PopulationSubsystem(input.population, input.city.buildings, input.city.sizeM, engine.rng.fork('population'), bus, () => engine.nowMs, {
        hooks: cyber ? (sensors) => cameraHooks(cyber, sensors, bus, input.population!.historyDays * DAY) : undefined,
        travel: traffic ? (sensors) => (travel = new NetworkTravel(traffic.model.net, sensors, input.city.sizeM, traffic.model.router.cost)) : undefined,
      })
    : null;
  const run = (c: Command, cause: EventId) => {
    if (cyber?.handles(c)) return cyber.handle(c, cause);
    if (isPowerCommand(c)) power?.handle(c, cause);
    else if (isWaterCommand(c)) water?.handle(c, cause);
    else if (isTrafficCommand(c)) traffic?.handle(c, cause);
    else if (isPrivacyCommand(c)) population?.handle(c, cause);
    else if (isAssetCommand(c)) applyAssetCommand(world, bus, c, cause, cyber ? (v, i) => cyber.vendorReaches(v, i) : undefined);
    else if (isExerciseCommand(c)) applyExerciseCommand(c, cause, { injects, decisions, bus, nowMs: engine.nowMs });
  };
  const injects = new InjectPlayer(input.injects, bus, engine.scheduler, run);
  const decisions = new DecisionBoard(input.decisions ?? [], bus, engine.scheduler, () => engine.nowMs, injects, run);
  const allKpis = (): KpiValues => {
    const c = cyberKpis(cyber);
    return {
      ...readKpis(world, power, water),
      ...readTrafficKpis(traffic),
      ...c,
      recordsExfiltrated: recordsTaken(c.recordsExfiltrated, population),
      ...populationKpis(population),
    };
  };
  const kpis = new KpiRecorder(allKpis);

  engine.setCommandHandler((c) => {
    if (c.type === 'inject.fire') {
      injects.fire(c.inject, true);
      return;
    }
    const operator =
      /^(policy\.|comms\.|threat\.reflash)/.test(c.type) ||
      c.type === 'asset.restore' ||
      c.type === 'asset.secure' ||
      c.type === 'power.crew.dispatch' ||
      c.type === 'traffic.link' ||
      c.type === 'traffic.emergency.dispatch' ||
      c.type === 'privacy.anonymise';
    const root = bus.emit(
      'command.applied',
      null,
      { command: describeCommand(c), actor: 'actor' in c && c.actor ? c.actor : operator ? 'operator' : 'attacker' },
      [],
    );
    run(c, root.id);
  });
  // Subsystems step in one fixed order; KPIs last. KPIs are also sampled whenever a status changes.
  if (power) engine.addSystem({ name: 'power', periodMs: power.periodMs, step: (t) => power.step(t) });
  if (water) {
    const w = water;
    // Every second from 1 s: EPANET solves on its hydraulic steps (a 24 h run ends with the 24:00
    // solution) and at the second anything changes what it models.
    engine.addSystem({ name: 'water', periodMs: w.periodMs, step: (t) => w.step(t) }, w.periodMs);
  }
  if (traffic) engine.addSystem({ name: 'traffic', periodMs: traffic.periodMs, step: (t) => traffic.step(t) });
  if (population) engine.addSystem({ name: 'population', periodMs: population.periodMs, step: (t) => population.step(t) });
  // Residents' trips follow the traffic model's travel times: re-solved when the roads have changed.
  if (travel && traffic)
    engine.addSystem({
      name: 'population-travel',
      periodMs: 15 * MINUTE,
      step: () => void travel!.refreshIfChanged(traffic.model.router.cost, traffic.model.router.closed),
    });
  if (population) {
    // Datasets the comms/CCTV side loses (stolen, or disclosed under a legal order) reach the attacker's holdings.
    // What such a store held: the records of the cameras that feed it, as many as have left it.
    const loss = (name: string) => (cyber ? storeLoss(cyber, population.sensors, name) : undefined);
    bus.on('data.exfiltrated', (e) => population.acquireNamed(e.data.dataset, 'exfiltrated', e.id, loss(e.data.dataset)));
    bus.on('data.disclosed', (e) => void (e.data.withheld === null && population.acquireNamed(e.data.dataset, 'compelled', e.id, loss(e.data.dataset))));
  }
  for (const s of cyberSystems) engine.addSystem(s);
  engine.addSystem({ name: 'kpi', periodMs: MINUTE, step: (t) => void kpis.sample(t) });
  bus.on('power.load.shed', (e) => void kpis.sample(e.tMs));
  bus.on('power.load.restored', (e) => void kpis.sample(e.tMs));
  bus.on('asset.status.changed', (e) => void kpis.sample(e.tMs));
  bus.on('asset.compromised', (e) => void kpis.sample(e.tMs));
  bus.on('asset.secured', (e) => void kpis.sample(e.tMs));
  bus.on('privacy.dataset.acquired', (e) => void kpis.sample(e.tMs));

  bus.emit('sim.started', null, { scenarioId: input.id, seed });
  kpis.sample(0);
  if (options.commands) engine.scheduleReplay(options.commands);

  const sim: Simulation = {
    input,
    seed,
    get nowMs() {
      return engine.nowMs;
    },
    get events() {
      return bus.events;
    },
    get commandLog() {
      return engine.commandLog;
    },
    kpiDefs: kpiDefsFor({ grid: power !== null, cyber: cyber !== null, traffic: traffic !== null, population: population !== null }),
    kpiSeries: kpis.series,
    world,
    power,
    traffic,
    population,
    water,
    step: (ms) => engine.step(ms),
    runUntil: (t) => engine.runUntil(t),
    apply: (c) => engine.apply(c),
    snapshot: () => ({
      tMs: engine.nowMs,
      status: world.status.slice(),
      compromised: Uint8Array.from(world.compromise, (c) => (c ? 1 : 0)),
      firmwareChanged: [...world.firmwareChanged].map((i) => ({ asset: world.assets[i]!.id as string, firmware: world.assets[i]!.firmware ?? null })),
      edgeState: world.edgeState.slice(),
      kpis: allKpis(),
      eventCount: bus.events.length,
      power: power
        ? {
            flowMW: Float32Array.from(power.result.flowMW),
            reportedFlowMW: Float32Array.from(power.reportedFlowMW),
            loading: Float32Array.from(power.result.loading),
            branchStatus: power.net.branches.status.slice(),
            energized: power.result.energized.slice(),
            servedMW: Float32Array.from(power.result.servedMW),
            shedMW: Float32Array.from(power.result.shedMW),
          }
        : null,
      traffic: traffic ? trafficSnapshot(traffic, approaches!) : null,
      water: water ? waterSnapshot(water) : null,
      cyber: cyber ? withRecordsTaken(cyber.snapshot(), population) : null,
    }),
    explain: (id) => explain((x) => bus.get(x), id as EventId),
    whyStatus: (assetId) => {
      const ev = world.statusEvent[world.indexOf(assetId)];
      return ev ? explain((x) => bus.get(x), ev) : null;
    },
    kpis: allKpis,
    finalPower: () => (power ? powerFinal(power) : null),
    cyber,
    finalCyber: () => (cyber ? cyber.final() : null),
    exercise: { injects, decisions },
    evaluate: () => evaluate(input.injects, bus.events, engine.commandLog, input.decisions ?? []),
    finalTraffic: () => (traffic ? trafficFinal(traffic) : null),
    finalWater: () => (water ? waterFinal(water) : null),
    finalPrivacy: (o) => (population ? privacyAnalysis(population, population.clockS(), o) : null),
    finalAssets: () =>
      world.assets.map((a, i) => ({
        id: a.id,
        kind: a.kind,
        subsystem: a.subsystem,
        vendor: a.vendor,
        status: STATUS_OF_CODE[world.status[i]!]!,
        compromised: world.compromise[i] !== null,
        synthetic: a.synthetic === true,
      })),
    hash: () => {
      const h = new Hasher().num(seed).num(engine.nowMs);
      for (const e of bus.events)
        h.str(e.id)
          .num(e.tMs)
          .str(e.type)
          .str(e.source ?? '')
          .str(e.causes.join(','))
          .str(canonicalJson(e.data));
      h.bytes(world.status).bytes(world.edgeState);
      cyber?.hashInto(h);
      if (power) {
        h.bytes(power.net.branches.status);
        for (const f of power.result.flowMW) h.num(Math.round(f * 1000));
      }
      if (water) {
        water.model.readAll();
        h.bytes(water.model.linkOpen);
        for (const p of water.model.pressureM) h.num(Math.round(p * 1000));
      }
      if (traffic) {
        const m = traffic.model;
        h.num(m.tripsStarted).num(m.tripsCompleted).num(m.vehicleUpdates).num(Math.round(m.distanceM)).num(m.conflicts);
      }
      if (population) {
        const L = population.logs;
        h.num(population.movement.trips).num(L.anpr.count).num(L.face.count).num(L.smartcard.count).num(L.wifi.count).num(L.visits.count);
      }
      for (const c of engine.commandLog) h.num(c.tMs).str(canonicalJson(c.command));
      return h.digest();
    },
  };
  return sim;
}

function trafficSnapshot(t: TrafficSubsystem, approaches: SignalApproaches): TrafficSnapshot {
  const b = t.vehicleBuffers();
  const m = t.model;
  const signals = new Uint8Array(m.signals.count);
  for (let s = 0; s < m.signals.count; s++) signals[s] = m.signals.packed(s);
  const net = t.input.network;
  const congestion = new Float32Array(net.linkCount);
  for (let l = 0; l < net.linkCount; l++) congestion[l] = Math.min(1, m.linkMeanSpeed[l]! / net.linkSpeed[l]!);
  return { vehicles: b.xzh, vehicleState: b.state, vehicleSlot: b.slot, signals, approaches: approaches.aspects(m.signals, m.junctions.mv.kind), congestion };
}
