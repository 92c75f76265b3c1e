/**
 * The one shape every subsystem has. Each is built as `new X(input, ctx)` from its own part of the
 * scenario and the shared context below; the simulation holds a list of them (src/sim/subsystems.ts)
 * and steps, routes commands to, snapshots, samples, reports, hashes and tears down each the same
 * way, so a new subsystem is its own folder plus one entry in that list.
 */
import { EventBus } from './bus';
import type { Command, CommandType } from './commands';
import type { EventId } from './ids';
import type { Hasher } from './hash';
import type { CityInput, CityModel } from './model';
import { Rng } from './rng';
import { Scheduler } from './scheduler';
import type { SimMs } from './time';
import { World } from './world';

/** What every subsystem is given: the shared world and its clock, never another subsystem. */
export interface SimContext {
  readonly world: World;
  readonly bus: EventBus;
  readonly scheduler: Scheduler;
  /** The simulation clock. */
  readonly now: () => SimMs;
  /** A random stream of the subsystem's own: the same name gives the same stream whatever else the run holds. */
  rng(name: string): Rng;
  /** The city's buildings, roads and extent. */
  readonly city: Pick<CityModel, 'buildings' | 'roads' | 'sizeM'>;
  /** How long the scenario runs. */
  readonly durationMs: SimMs;
}

/** A KPI's value now; null while it has nothing to measure (no emergency call yet): shown as "—", never 0. */
export type KpiValues = Record<string, number | null>;

/** The part of the model a KPI measures; a scenario without it leaves the KPI out. */
export type KpiNeed = 'grid' | 'cyber' | 'traffic' | 'population' | 'data';

export interface KpiDef {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly description: string;
  /**
   * Which way is good: 'higher' for cameras working, coverage, speed and trips (the rest are
   * harms, where any value above 0 is bad). A comparison of two runs and the strip's alert read it.
   */
  readonly better?: 'higher';
  /** For a 'higher' indicator that only falls through an incident: alert once it is below its peak. */
  readonly alertBelowPeak?: true;
  /** The part of the model it measures; a scenario without it leaves the KPI out. Absent: always shown. */
  readonly needs?: KpiNeed;
}

export interface SimSubsystem<Snapshot = unknown, Final = unknown> {
  /** Stable name: the key of its snapshot, its final report section and its KPIs' `needs`. */
  readonly name: string;
  /** How often it steps; a whole number of base ticks. */
  readonly periodMs: SimMs;
  /** Its first step (default: the first tick). */
  readonly firstStepMs?: SimMs;
  /** The command types it handles (`commandsHandledBy(...)` from the command table). */
  readonly commands: readonly CommandType[];
  /** KPIs it measures that the city-wide table (src/sim/analysis/kpis.ts) does not define. */
  readonly kpiDefs?: readonly KpiDef[];
  /**
   * Work before the run starts that takes long (the residents' recorded history), in pieces: the
   * simulation runs it to the end once every part is built, in list order, before the joins and the
   * exercise; each value yielded is the fraction done (0..1). A caller that has to stay responsive
   * (the worker, which draws the city first) steps it between other work; the run is the same.
   */
  prepare?(): Iterator<number, void, void>;
  step(nowMs: SimMs): void;
  /** Applies one of its commands; the simulation has logged it, and `cause` is that log entry's event. */
  handle(c: Command, cause: EventId): void;
  /** Plain data for the page, arrays copied so the worker can transfer them. */
  snapshot(): Snapshot;
  kpis(): KpiValues;
  /** Its section of the run report. */
  final(): Final;
  /** Adds its state to the run's hash: the same scenario, seed and commands give the same bytes. */
  hashInto(h: Hasher): void;
  /** Frees what it holds outside the JavaScript heap (EPANET's project); called once, last. */
  dispose(): void;
}

/**
 * A context for running one subsystem on its own (tests, benchmarks): a fresh bus, scheduler and
 * world of the input's assets on the given clock, with random streams forked from `seed` as a
 * simulation forks them.
 */
export function standaloneContext(input: CityInput, seed: number, now: () => SimMs): SimContext {
  const bus = new EventBus(now);
  const scheduler = new Scheduler();
  const world = new World(input.assets, input.edges, bus, scheduler, now);
  const rng = new Rng(seed);
  return { world, bus, scheduler, now, rng: (name) => rng.fork(name), city: input.city, durationMs: input.durationMs };
}
