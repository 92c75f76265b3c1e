/**
 * The list of subsystems a simulation is made of, and the joins between them. createSimulation
 * builds each entry whose part the scenario has, in list order, and treats them all alike through
 * the SimSubsystem contract (src/sim/core/subsystem.ts). A new subsystem is a folder of its own
 * plus one entry here.
 */
import type { SimContext, SimSubsystem } from './core';
import type { SimInput } from './input';
import { GridSubsystem } from './power';
import { WaterSubsystem, type WaterEngine } from './water';
import { TrafficSubsystem } from './traffic';
import { PopulationSubsystem } from './population';
import { Cyber } from './couplings/cyber-layer';
import { cameraHooks } from './couplings/camera-sightings';
import { NetworkTravel } from './couplings/network-travel';
import { DataLoss } from './couplings/data-loss';
import { TravelRefresh } from './couplings/travel-refresh';
import { DAY } from './core';

/** The subsystems built so far, found by class. */
export class Built {
  private readonly list: SimSubsystem[] = [];

  add(s: SimSubsystem): void {
    this.list.push(s);
  }

  of<T extends SimSubsystem>(cls: abstract new (...args: never[]) => T): T | null {
    for (const s of this.list) if (s instanceof cls) return s;
    return null;
  }

  all(): readonly SimSubsystem[] {
    return this.list;
  }
}

/** What a list entry may be handed beyond the scenario and the context. */
export interface BuildOptions {
  /** The loaded EPANET engine; defaults to the one `loadWaterEngine()` has loaded. */
  readonly waterEngine?: WaterEngine;
}

export interface SubsystemEntry {
  readonly name: string;
  /** Builds it when the scenario has its part, else null. `built` holds the entries made before it. */
  create(input: SimInput, ctx: SimContext, built: Built, options: BuildOptions): SimSubsystem | null;
}

/**
 * Built in this order: a later entry may be handed an earlier one (the residents' camera sightings
 * need the cameras, their trips the roads).
 */
export const SUBSYSTEMS: readonly SubsystemEntry[] = [
  { name: 'power', create: (input, ctx) => (input.power ? new GridSubsystem(input.power, ctx) : null) },
  {
    name: 'cyber',
    create: (input, ctx, built) => (input.cyber ? new Cyber(input.cyber, ctx, () => built.of(PopulationSubsystem)?.recordsTakenWhole() ?? 0) : null),
  },
  { name: 'water', create: (input, ctx, _built, o) => (input.water ? new WaterSubsystem(input.water, ctx, o.waterEngine) : null) },
  { name: 'traffic', create: (input, ctx) => (input.traffic ? new TrafficSubsystem(input.traffic, ctx) : null) },
  {
    name: 'population',
    create: (input, ctx, built) => {
      if (!input.population) return null;
      const cyber = built.of(Cyber);
      const traffic = built.of(TrafficSubsystem);
      const historyMs = input.population.historyDays * DAY;
      return new PopulationSubsystem(input.population, ctx, {
        hooks: cyber ? (sensors) => cameraHooks(cyber, sensors, ctx.bus, historyMs) : undefined,
        travel: traffic ? (sensors) => new NetworkTravel(traffic.model.net, sensors, ctx.city.sizeM, traffic.model.router.cost) : undefined,
        // The history runs in prepare(), after every part is built, so a caller can draw the city first.
        deferHistory: true,
      });
    },
  },
];

/**
 * Joins between subsystems, built after the exercise's injects and decision points (a decision
 * opened by an event hears it before a join does).
 */
export const COUPLINGS: readonly SubsystemEntry[] = [
  {
    name: 'population-travel',
    create: (_input, _ctx, built) => {
      const population = built.of(PopulationSubsystem);
      const traffic = built.of(TrafficSubsystem);
      return population && traffic && population.travel instanceof NetworkTravel ? new TravelRefresh(population.travel, traffic) : null;
    },
  },
  {
    name: 'data-loss',
    create: (_input, ctx, built) => {
      const population = built.of(PopulationSubsystem);
      return population ? new DataLoss(population, built.of(Cyber), ctx.bus) : null;
    },
  },
];

/** Stepped each tick in this order (then the KPI sampler); a subsystem not named here steps after these, in list order. */
export const STEP_ORDER: readonly string[] = ['power', 'water', 'traffic', 'population', 'population-travel', 'cyber'];

/**
 * Added to the run's hash in this order (kept from before the list, so golden hashes stay the
 * same); a subsystem not named here is hashed after these, in list order.
 */
export const HASH_ORDER: readonly string[] = ['cyber', 'power', 'water', 'traffic', 'population'];

/** `parts` in the order `names` gives, the rest after them in their own order. */
export function ordered<T extends { readonly name: string }>(parts: readonly T[], names: readonly string[]): T[] {
  const rank = (p: T) => {
    const i = names.indexOf(p.name);
    return i < 0 ? names.length : i;
  };
  return parts
    .map((p, i) => [p, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([p]) => p);
}
