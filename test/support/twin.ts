/**
 * The test harness: one object made from a small scenario, with chainable steps and expectations
 * (after tldraw's TestEditor). It drives a simulation through the public API only — what
 * `createSimulation` returns — so a test reads as what happens and what must follow:
 *
 *   twin(compile(scenario))
 *     .apply({ type: 'asset.disable', targets: { ids: ['sub'] } })
 *     .run('20m')
 *     .expectStatus('pump', 'down')
 *     .expectKpi('peopleWithoutWater', (v) => v! > 0)
 *     .expectRoots('hospital', ['command.applied']);
 *
 * Durations are milliseconds or the scenario forms ('30s', '20m', '1h30m', '2d'). A subject of a
 * causal question is an asset id (why it has its status now), an event type (its first event, or
 * its first from `source`), or an event itself.
 */
import { expect } from 'vitest';
import {
  createSimulation,
  formatClock,
  parseDuration,
  type AssetStatus,
  type CausalChain,
  type Command,
  type EventOf,
  type EventType,
  type SimEvent,
  type SimInput,
  type Simulation,
  type SimulationOptions,
} from '../../src/sim';
import { compile, type Scenario } from './scenarios';

export type Duration = number | string;

/** What a causal question is about: an asset, the first event of a type (from a source), or an event. */
export type Subject = string | SimEvent | { readonly type: EventType; readonly source?: string; readonly which?: 'first' | 'last' };

/** Milliseconds from a number of milliseconds or a duration as a scenario writes it. */
export function ms(d: Duration): number {
  if (typeof d === 'number') return d;
  const v = parseDuration(d);
  if (v === null) throw new Error(`not a duration: "${d}"`);
  return v;
}

export class Twin {
  readonly sim: Simulation;

  constructor(source: SimInput | Scenario, options: SimulationOptions = {}) {
    this.sim = createSimulation('durationMs' in source ? (source as SimInput) : compile(source as Scenario), options);
  }

  // ——— steps ———

  /** Applies commands now, in order. */
  apply(...commands: Command[]): this {
    for (const c of commands) this.sim.apply(c);
    return this;
  }

  /** Runs for a duration from now. */
  run(d: Duration): this {
    this.sim.runUntil(this.sim.nowMs + ms(d));
    return this;
  }

  /** Runs to a time from the start. */
  until(t: Duration): this {
    this.sim.runUntil(ms(t));
    return this;
  }

  /** One step of the simulation's own (a tick's remainder carries over, as the engine does). */
  step(d: Duration): this {
    this.sim.step(ms(d));
    return this;
  }

  /** Runs `body` with the twin (for expectations of its own), and carries on. */
  tap(body: (t: this) => void): this {
    body(this);
    return this;
  }

  // ——— reading ———

  get now(): number {
    return this.sim.nowMs;
  }

  status(asset: string): AssetStatus {
    return this.sim.world.statusOf(asset);
  }

  kpi(name: string): number | null {
    const kpis = this.sim.kpis();
    if (!(name in kpis)) throw new Error(`no KPI "${name}": the run has ${Object.keys(kpis).join(', ')}`);
    return kpis[name]!;
  }

  /** The events of a type so far, from `source` if given, in order. */
  events<K extends EventType>(type: K, source?: string): EventOf<K>[] {
    return this.sim.events.filter((e): e is EventOf<K> => e.type === type && (source === undefined || e.source === source));
  }

  first<K extends EventType>(type: K, source?: string): EventOf<K> | undefined {
    return this.events(type, source)[0];
  }

  last<K extends EventType>(type: K, source?: string): EventOf<K> | undefined {
    return this.events(type, source).at(-1);
  }

  /** Whether an asset is held by the attacker now. */
  compromised(asset: string): boolean {
    return this.sim.world.compromise[this.sim.world.indexOf(asset)] !== null;
  }

  /** The ids of every asset the attacker holds now. */
  held(): string[] {
    const w = this.sim.world;
    return w.assets.filter((_, i) => w.compromise[i] !== null).map((a) => a.id);
  }

  /** The causal chain of a subject: an asset's status now, or an event. */
  why(subject: Subject): CausalChain {
    if (typeof subject === 'string' && this.sim.world.has(subject)) {
      const chain = this.sim.whyStatus(subject);
      if (!chain) throw new Error(`${subject} is ${this.status(subject)} at ${this.clock()}: nothing to explain`);
      return chain;
    }
    return this.sim.explain(this.event(subject).id);
  }

  // ——— expectations ———

  expectStatus(asset: string, status: AssetStatus): this {
    expect(this.status(asset), `status of ${asset} at ${this.clock()}`).toBe(status);
    return this;
  }

  expectStatuses(statuses: Readonly<Record<string, AssetStatus>>): this {
    const now = Object.fromEntries(Object.keys(statuses).map((id) => [id, this.status(id)]));
    expect(now, `statuses at ${this.clock()}`).toEqual(statuses);
    return this;
  }

  /**
   * A KPI equals a value, or is a number that passes a check: a predicate returning false fails,
   * and one that uses `expect` itself may return nothing.
   */
  expectKpi(name: string, want: number | null | ((value: number) => boolean | void)): this {
    const v = this.kpi(name);
    if (typeof want === 'function') {
      if (v === null) expect.fail(`KPI ${name} is null at ${this.clock()}: no value to check`);
      if (want(v) === false) expect.fail(`KPI ${name} is ${v} at ${this.clock()}, which fails ${want.toString()}`);
    } else expect(v, `KPI ${name} at ${this.clock()}`).toBe(want);
    return this;
  }

  expectKpis(kpis: Readonly<Record<string, number | null>>): this {
    expect(this.sim.kpis(), `KPIs at ${this.clock()}`).toMatchObject(kpis);
    return this;
  }

  /** How many events of a type there have been (from `source` if given). */
  expectCount(type: EventType, n: number, source?: string): this {
    expect(this.events(type, source), `${type}${source ? ` from ${source}` : ''} by ${this.clock()}`).toHaveLength(n);
    return this;
  }

  expectEvent(type: EventType, source?: string): this {
    expect(this.events(type, source).length, `${type}${source ? ` from ${source}` : ''} by ${this.clock()}`).toBeGreaterThan(0);
    return this;
  }

  expectNoEvent(type: EventType, source?: string): this {
    return this.expectCount(type, 0, source);
  }

  /** One of the subject's causal roots is of this type. */
  expectRoot(subject: Subject, rootType: EventType): this {
    this.causes(subject, 'roots').toContain(rootType);
    return this;
  }

  /** The subject's causal roots are exactly these, in order. */
  expectRoots(subject: Subject, rootTypes: readonly EventType[]): this {
    this.causes(subject, 'roots').toEqual(rootTypes);
    return this;
  }

  /** The subject's causal chain holds these event types (any order, others besides). */
  expectChain(subject: Subject, types: readonly EventType[]): this {
    this.causes(subject, 'chain').toEqual(expect.arrayContaining([...types]));
    return this;
  }

  // ——— internals ———

  /** An expectation on the event types of a subject's causal roots or whole chain. */
  private causes(subject: Subject, part: 'roots' | 'chain') {
    return expect(
      this.why(subject)[part].map((e) => e.type),
      `${part} of ${describe(subject)}`,
    );
  }

  private clock(): string {
    return formatClock(this.sim.nowMs);
  }

  private event(subject: Subject): SimEvent {
    if (typeof subject === 'object' && 'id' in subject) return subject;
    const { type, source, which } = typeof subject === 'string' ? { type: subject as EventType, source: undefined, which: 'first' } : subject;
    const e = which === 'last' ? this.last(type, source) : this.first(type, source);
    if (!e) throw new Error(`no ${type} event${source ? ` from ${source}` : ''} by ${this.clock()}`);
    return e;
  }
}

function describe(s: Subject): string {
  if (typeof s === 'string') return s;
  if ('id' in s) return `${s.type} ${s.id}`;
  return `${s.type}${s.source ? ` from ${s.source}` : ''}`;
}

/** A twin of a compiled input or of a scenario object (compiled with `compile`). */
export function twin(source: SimInput | Scenario, options: SimulationOptions = {}): Twin {
  return new Twin(source, options);
}
