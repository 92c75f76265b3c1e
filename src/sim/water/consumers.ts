/**
 * Consumers: the demand nodes that stand for assets' water (a neighbourhood, the hospital). Their
 * service (delivered / required under pressure-driven analysis) holds the asset degraded below
 * 80% and down below 20% — after its on-site storage, if it has any — and gives the KPI's people
 * without water and the time left before a consumer loses water, the number a briefer is asked
 * for first.
 */
import type { EventBus, EventId, Scheduler, SimMs, TimerHandle, World } from '../core';
import { MINUTE } from '../core';
import type { WaterModel } from './model';

/** A demand node that stands for an asset's supply: its service decides the asset's water status. */
export interface WaterConsumer {
  readonly node: string;
  readonly asset: string;
  /** Minutes of on-site storage the asset rides through once service is lost (the hospital's tanks). */
  readonly storageMin: number;
  /** Tanks it draws from, for the time left before service is lost. */
  readonly tanks: readonly string[];
  /** Pumps that supply it (link ids): while one runs on backup power, its time counts too. */
  readonly pumps?: readonly string[];
}

/** Service thresholds: below 80% a consumer is degraded (low pressure), below 20% it has no water. */
export const SERVICE_DEGRADED = 0.8;
export const SERVICE_LOST = 0.2;

export class Consumers {
  readonly asset: Int32Array;
  readonly node: Int32Array;
  /** Per consumer: delivered / required, 0..1. */
  readonly service: Float64Array;
  private readonly state: Uint8Array;
  private readonly storageTimer: (TimerHandle | null)[];
  private modelled: Set<number> | null = null;
  private nodes: Set<number> | null = null;
  /** The KPI is read every simulated minute but changes only with a solve: kept until the next. */
  private people: number | null = null;

  constructor(
    readonly specs: readonly WaterConsumer[],
    private readonly model: WaterModel,
    private readonly world: World,
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
  ) {
    this.asset = Int32Array.from(specs, (c) => (world.has(c.asset) ? world.indexOf(c.asset) : -1));
    this.node = Int32Array.from(specs, (c) => model.nodeOf(c.node) ?? -1);
    this.service = new Float64Array(specs.length).fill(1);
    this.state = new Uint8Array(specs.length);
    this.storageTimer = specs.map(() => null);
  }

  /** After a solve: each consumer's service, and events and holds where its band changed. */
  update(causes: (node: number) => EventId[]): void {
    const m = this.model;
    this.people = null;
    for (let c = 0; c < this.service.length; c++) {
      const i = this.node[c]!;
      if (i < 0) continue;
      const req = m.requiredLps[i]!;
      const s = req > 1e-9 ? Math.min(1, Math.max(0, m.deliveredLps[i]! / req)) : m.pressureM[i]! > 0 ? 1 : 0;
      this.service[c] = s;
      const state = s < SERVICE_LOST ? 2 : s < SERVICE_DEGRADED ? 1 : 0;
      if (state !== this.state[c]) this.changed(c, state, s, causes(i));
    }
  }

  private changed(c: number, state: number, s: number, causes: EventId[]): void {
    const ai = this.asset[c]!;
    const spec = this.specs[c]!;
    const prev = this.state[c]!;
    this.state[c] = state;
    const src = ai >= 0 ? this.world.assets[ai]!.id : null;
    const pct = Math.round(s * 1000) / 10;
    const ev = this.bus.emit(
      state === 2 ? 'water.service.lost' : state === 1 ? (prev === 2 ? 'water.service.restored' : 'water.service.degraded') : 'water.service.restored',
      src,
      { node: spec.node, servicePct: pct },
      causes,
    );
    this.storageTimer[c]?.cancel();
    this.storageTimer[c] = null;
    if (ai < 0) return;
    if (state === 0) return this.world.release(ai, 'water', ev.id, `water service back (${pct}%)`);
    const storage = spec.storageMin * MINUTE;
    if (state === 2 && storage > 0) {
      // On-site storage carries the site (degraded) until it is spent.
      this.world.hold(ai, 'water', ev.id, 'degraded', `mains water lost; on on-site storage for ${spec.storageMin} min`);
      this.storageTimer[c] = this.scheduler.at(this.now() + storage, () => {
        this.storageTimer[c] = null;
        const id = this.world.assets[ai]!.id;
        const ex = this.bus.emit('dependency.buffer.exhausted', id, { edge: `${id}<-water-network` as never, supplier: id, resource: 'water' }, [ev.id]);
        this.world.hold(ai, 'water', ex.id, 'down', 'on-site water storage spent');
      });
      return;
    }
    this.world.hold(
      ai,
      'water',
      ev.id,
      state === 2 ? 'down' : 'degraded',
      state === 2 ? `no water (${pct}% of demand delivered)` : `low water pressure (${pct}% of demand delivered)`,
    );
  }

  /**
   * Residents without water: each consumer's residents times the share of its demand not
   * delivered; with `litresPerPersonDay`, also the residents behind every other junction (its base
   * demand at that use per person) times its share not delivered.
   */
  peopleWithoutWater(litresPerPersonDay: number | null): number {
    if (this.people !== null) return this.people;
    let s = 0;
    for (let c = 0; c < this.service.length; c++) {
      const ai = this.asset[c]!;
      if (ai >= 0) s += this.world.assets[ai]!.population * (1 - this.service[c]!);
    }
    if (litresPerPersonDay) {
      const m = this.model;
      const perLps = 86_400 / litresPerPersonDay;
      this.nodes ??= new Set(this.node);
      for (let i = 0; i < m.nodeIds.length; i++) {
        const base = m.baseDemandLps[i]!;
        const req = m.requiredLps[i]!;
        if (base <= 0 || req <= 1e-9 || this.nodes.has(i)) continue;
        s += base * perLps * (1 - Math.min(1, Math.max(0, m.deliveredLps[i]! / req)));
      }
    }
    this.people = s;
    return s;
  }

  /** Assets whose residents the hydraulic model accounts for. */
  assets(): ReadonlySet<number> {
    this.modelled ??= new Set([...this.asset].filter((i) => i >= 0));
    return this.modelled;
  }

  /**
   * Seconds before consumer c loses service at the present rates. Once mains service is lost: the
   * on-site storage left. Before: the sooner of its tanks running dry at the present rate, and its
   * pumps stopping (`pumpPowerLeftS`: the backup power left on their stations) plus what its tanks
   * then hold at the zone's present demand; then its own storage.
   */
  timeLeftS(c: number, pumpPowerLeftS: (link: string) => number): number {
    const spec = this.specs[c]!;
    if (this.state[c] === 2) {
      const t = this.storageTimer[c];
      return t ? Math.max(0, (t.tMs - this.now()) / 1000) : 0;
    }
    const m = this.model;
    let tankLeft = Infinity;
    let volumeM3 = 0;
    for (const id of spec.tanks) {
      const i = m.nodeOf(id);
      if (i === undefined) continue;
      tankLeft = Math.min(tankLeft, m.tankTimeLeftS(i));
      volumeM3 += Math.max(0, m.tankVolumeM3[i]! - m.tankMinVolM3[i]!);
    }
    let pumpLeft = Infinity;
    for (const id of spec.pumps ?? []) pumpLeft = Math.min(pumpLeft, pumpPowerLeftS(id));
    let zoneLps = 0;
    for (let j = 0; j < this.specs.length; j++) {
      const i = this.node[j]!;
      if (i >= 0 && (j === c || this.specs[j]!.tanks.some((t) => spec.tanks.includes(t)))) zoneLps += m.requiredLps[i]!;
    }
    const afterPumps = pumpLeft + (zoneLps > 1e-9 ? (volumeM3 * 1000) / zoneLps : 0);
    return Math.min(tankLeft, afterPumps) + spec.storageMin * 60;
  }
}

/** Seconds of backup power left for an asset: Infinity while supplied, 0 once lost or down. */
export function powerLeftS(world: World, ai: number): number {
  if (world.status[ai] === 2) return 0;
  let left = Infinity;
  for (const e of world.suppliersOf(world.assets[ai]!.id)) {
    if (e.resource !== 'power') continue;
    const ei = world.edges.indexOf(e);
    if (world.edgeState[ei] === 1) left = Math.min(left, world.bufferRemaining(ei) / 1000);
    else if (world.edgeState[ei] === 2) left = 0;
  }
  return left;
}
