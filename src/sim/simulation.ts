/**
 * createSimulation wires the core engine, the world, the subsystems of src/sim/subsystems.ts,
 * injects and decision points, commands and KPIs into one object. The run is fully given by the
 * input, the seed and the command log. buildSimulation does the same in steps, for a caller that
 * draws the city while the slow part (the residents' history) is still running: it is the same
 * work in the same order, so both give the same run.
 */
import {
  Engine,
  Hasher,
  World,
  canonicalJson,
  explain,
  STATUS_OF_CODE,
  COMMANDS,
  commandActor,
  describeCommand,
  MINUTE,
  type AssetStatus,
  type CausalChain,
  type Command,
  type CommandType,
  type EventId,
  type KpiDef,
  type KpiValues,
  type LoggedCommand,
  type SimContext,
  type SimMs,
  type SimSubsystem,
} from './core';
import { InjectPlayer, DecisionBoard, applyExerciseCommand, evaluate, type Evaluation, type ExerciseCommand } from './exercise';
import { applyAssetCommand, type AssetCommand } from './threats';
import { kpiDefsFor, KpiRecorder, readKpis, privacyAnalysis, type PrivacyFinal, type PrivacyOptions, type ReportSource } from './analysis';
import { GridSubsystem, type PowerFinal, type PowerSnapshot } from './power';
import { TrafficSubsystem, type TrafficFinal, type TrafficSnapshot } from './traffic';
import { PopulationSubsystem } from './population';
import { WaterSubsystem, type WaterEngine, type WaterFinal, type WaterSnapshot } from './water';
import { Cyber, type CyberFinal, type CyberSnapshot } from './couplings/cyber-layer';
import { Built, COUPLINGS, HASH_ORDER, ordered, STEP_ORDER, SUBSYSTEMS, type SubsystemEntry } from './subsystems';
import type { SimInput } from './input';

export type { PowerSnapshot, TrafficSnapshot };

export const BASE_TICK_MS = 500;

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** A command log to replay at the times it was applied. */
  readonly commands?: readonly LoggedCommand[];
  /** The loaded EPANET engine; defaults to the one `loadWaterEngine()` has loaded. Needed only with a water network. */
  readonly waterEngine?: WaterEngine;
  /** The subsystems to build, in order (default: src/sim/subsystems.ts); a test adds one here. */
  readonly subsystems?: readonly SubsystemEntry[];
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
  /** Every other subsystem's snapshot, by its name (null when the scenario lacks it). */
  readonly [subsystem: string]: unknown;
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

/** A run: what a report reads of it (seed, clock, event and command logs, KPI series, world, finals, hash), and the parts and controls beside. */
export interface Simulation extends ReportSource {
  readonly input: SimInput;
  readonly power: GridSubsystem | null;
  readonly traffic: TrafficSubsystem | null;
  readonly population: PopulationSubsystem | null;
  readonly water: WaterSubsystem | null;
  /** Every subsystem and join the run is made of, in the order they were built. */
  readonly subsystems: readonly SimSubsystem[];
  step(ms: SimMs): void;
  runUntil(tMs: SimMs): void;
  apply(command: Command): void;
  /**
   * Queues a command for the tick that starts at `tMs` (a whole number of base ticks, not before
   * now): how a hosted exercise's seats apply the host's ordered log at the same tick.
   */
  applyAt(tMs: SimMs, command: Command): void;
  snapshot(): SimSnapshot;
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
  /** Frees what the subsystems hold outside the heap (EPANET); the simulation is not used after. */
  dispose(): void;
}

/** The scenario's parts, built in list order, each with the shared context. */
function buildParts(entries: readonly SubsystemEntry[], input: SimInput, ctx: SimContext, built: Built, options: SimulationOptions): void {
  for (const e of entries) {
    const s = e.create(input, ctx, built, options);
    if (s) built.add(s);
  }
}

/**
 * Where buildSimulation has got to: the page's share of the parts built (what it needs to draw the
 * city), then pieces of the parts' preparation.
 */
export type BuildStep =
  | {
      readonly kind: 'drawable';
      readonly seed: number;
      /** The city-wide KPIs for the scenario's parts, and the own KPIs of the parts built so far. */
      readonly kpiDefs: readonly KpiDef[];
      /** The water part, whose EPANET model alone knows the network's element order. */
      readonly water: WaterSubsystem | null;
    }
  /** A piece of a part's preparation done (SimSubsystem.prepare): `fraction` of it so far. */
  | { readonly kind: 'prepare'; readonly part: string; readonly fraction: number };

export function createSimulation(input: SimInput, options: SimulationOptions = {}): Simulation {
  const build = buildSimulation(input, options);
  for (;;) {
    const r = build.next();
    if (r.done) return r.value;
  }
}

/**
 * The simulation, built in steps: it yields once the page can draw the city, then after each piece
 * of the parts' preparation (an hour of the residents' history), and returns the simulation. Dropped before
 * the end (`return()`), it frees what the parts built so far hold.
 */
export function* buildSimulation(input: SimInput, options: SimulationOptions = {}): Generator<BuildStep, Simulation, void> {
  const seed = (options.seed ?? input.seed) >>> 0;
  const engine = new Engine(seed, BASE_TICK_MS);
  const { bus, scheduler } = engine;
  const now = () => engine.nowMs;
  const world = new World(input.assets, input.edges, bus, scheduler, now);
  const ctx: SimContext = { world, bus, scheduler, now, rng: (name) => engine.rng.fork(name), city: input.city, durationMs: input.durationMs };
  const built = new Built();
  const entries = options.subsystems ?? SUBSYSTEMS;
  let finished = false;
  try {
    yield* buildPartsInSteps(entries, input, ctx, built, options, seed);
    yield* prepareParts(built);
    finished = true;
  } finally {
    if (!finished) for (const p of built.all()) p.dispose();
  }
  return assemble(input, options, seed, engine, ctx, built, entries);
}

/**
 * The scenario's parts, built in list order as buildParts does, with the drawable step as soon as the
 * page has what it draws from (the water part, when there is one): the parts after it (traffic's
 * routes, the residents) are built while the page draws.
 */
function* buildPartsInSteps(
  entries: readonly SubsystemEntry[],
  input: SimInput,
  ctx: SimContext,
  built: Built,
  options: SimulationOptions,
  seed: number,
): Generator<BuildStep, void, void> {
  // Each part of the list is built exactly when the scenario has its section.
  const has = { grid: !!input.power, cyber: !!input.cyber, traffic: !!input.traffic, population: !!input.population };
  const drawable = (): BuildStep => ({ kind: 'drawable', seed, kpiDefs: partKpiDefs(built.all(), has), water: built.of(WaterSubsystem) });
  let sent = !input.water;
  if (sent) yield drawable();
  for (const e of entries) {
    const s = e.create(input, ctx, built, options);
    if (s) built.add(s);
    if (!sent && built.of(WaterSubsystem)) {
      sent = true;
      yield drawable();
    }
  }
  if (!sent) yield drawable();
}

/** Runs each part's preparation in list order, once every part is built. */
function* prepareParts(built: Built): Generator<BuildStep, void, void> {
  for (const p of built.all()) {
    const steps = p.prepare?.();
    if (!steps) continue;
    for (let r = steps.next(); !r.done; r = steps.next()) yield { kind: 'prepare', part: p.name, fraction: r.value };
  }
}

/** The KPIs a simulation of these parts measures: the city-wide table's that apply, then the parts' own. */
function partKpiDefs(parts: readonly SimSubsystem[], has: Parameters<typeof kpiDefsFor>[0]): KpiDef[] {
  return [...kpiDefsFor(has), ...parts.flatMap((p) => p.kpiDefs ?? [])];
}

/** The rest of createSimulation once the parts are built and prepared: the exercise, the joins, KPIs and the facade. */
function assemble(
  input: SimInput,
  options: SimulationOptions,
  seed: number,
  engine: Engine,
  ctx: SimContext,
  built: Built,
  entries: readonly SubsystemEntry[],
): Simulation {
  const { world } = ctx;
  const { bus, scheduler } = engine;
  const now = ctx.now;
  const power = built.of(GridSubsystem);
  const water = built.of(WaterSubsystem);
  const traffic = built.of(TrafficSubsystem);
  const population = built.of(PopulationSubsystem);
  const cyber = built.of(Cyber);

  // Commands go to the part whose list names them; asset and exercise commands act on the world and the exercise.
  const handlerOf = new Map<CommandType, SimSubsystem>();
  const run = (c: Command, cause: EventId) => {
    const part = handlerOf.get(c.type);
    if (part) return part.handle(c, cause);
    const { handler } = COMMANDS[c.type];
    if (handler === 'world') applyAssetCommand(world, bus, c as AssetCommand, cause, cyber ? (v, i) => cyber.vendorReaches(v, i) : undefined);
    else if (handler === 'exercise') applyExerciseCommand(c as ExerciseCommand, cause, { injects, decisions, bus, nowMs: engine.nowMs });
  };
  const injects = new InjectPlayer(input.injects, bus, scheduler, run);
  const decisions = new DecisionBoard(input.decisions ?? [], bus, scheduler, now, injects, run);
  buildParts(COUPLINGS, input, ctx, built, options);
  const parts = built.all();
  for (const p of parts) for (const t of p.commands) handlerOf.set(t, p);
  const stepped = ordered(parts, STEP_ORDER);

  const allKpis = (): KpiValues => {
    const v: KpiValues = readKpis(world, power, water);
    for (const p of stepped) Object.assign(v, p.kpis());
    return v;
  };
  const kpiDefs: KpiDef[] = partKpiDefs(parts, { grid: power !== null, cyber: cyber !== null, traffic: traffic !== null, population: population !== null });
  const kpis = new KpiRecorder(allKpis, kpiDefs);

  engine.setCommandHandler((c) => {
    if (c.type === 'inject.fire') {
      injects.fire(c.inject, true);
      return;
    }
    const root = bus.emit('command.applied', null, { command: describeCommand(c), actor: commandActor(c) }, []);
    run(c, root.id);
  });
  // Parts step in one fixed order; KPIs last. KPIs are also sampled whenever a status changes.
  for (const p of stepped) if (p.periodMs > 0) engine.addSystem({ name: p.name, periodMs: p.periodMs, step: (t) => p.step(t) }, p.firstStepMs ?? engine.nowMs);
  engine.addSystem({ name: 'kpi', periodMs: MINUTE, step: (t) => void kpis.sample(t) });
  for (const type of [
    'power.load.shed',
    'power.load.restored',
    'asset.status.changed',
    'asset.compromised',
    'asset.secured',
    'privacy.dataset.acquired',
  ] as const)
    bus.on(type, (e) => void kpis.sample(e.tMs));

  bus.emit('sim.started', null, { scenarioId: input.id, seed });
  kpis.sample(0);
  if (options.commands) engine.scheduleReplay(options.commands);

  const finals = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const p of stepped) {
      const f = p.final();
      if (f !== null) out[p.name] = f;
    }
    return out;
  };
  let disposed = false;

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
    kpiDefs,
    kpiSeries: kpis.series,
    world,
    power,
    traffic,
    population,
    water,
    subsystems: parts,
    step: (ms) => engine.step(ms),
    runUntil: (t) => engine.runUntil(t),
    apply: (c) => engine.apply(c),
    applyAt: (t, c) => engine.applyAt(t, c),
    snapshot: () => {
      const snap: Record<string, unknown> = {
        tMs: engine.nowMs,
        status: world.status.slice(),
        compromised: Uint8Array.from(world.compromise, (c) => (c ? 1 : 0)),
        firmwareChanged: [...world.firmwareChanged].map((i) => ({ asset: world.assets[i]!.id as string, firmware: world.assets[i]!.firmware ?? null })),
        edgeState: world.edgeState.slice(),
        kpis: allKpis(),
        eventCount: bus.events.length,
      };
      for (const e of entries) snap[e.name] = null;
      for (const p of parts) {
        const x = p.snapshot();
        if (x !== null) snap[p.name] = x;
      }
      return snap as SimSnapshot;
    },
    explain: (id) => explain((x) => bus.get(x), id as EventId),
    whyStatus: (assetId) => {
      const ev = world.statusEvent[world.indexOf(assetId)];
      return ev ? explain((x) => bus.get(x), ev) : null;
    },
    kpis: allKpis,
    finalPower: () => (power ? power.final() : null),
    cyber,
    finalCyber: () => (cyber ? cyber.final() : null),
    exercise: { injects, decisions },
    evaluate: () => evaluate(input.injects, bus.events, engine.commandLog, input.decisions ?? []),
    finalTraffic: () => (traffic ? traffic.final() : null),
    finalWater: () => (water ? water.final() : null),
    finalPrivacy: (o) => (population ? privacyAnalysis(population, population.clockS(), o) : null),
    finals,
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
      for (const p of ordered(parts, HASH_ORDER)) p.hashInto(h);
      for (const c of engine.commandLog) h.num(c.tMs).str(canonicalJson(c.command));
      return h.digest();
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const p of parts) p.dispose();
    },
  };
  return sim;
}
