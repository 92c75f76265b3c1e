/**
 * The world: every asset in the city and the typed dependency graph between them. When a supplier
 * goes down each dependent rides through on its buffer (UPS minutes, generator fuel, tank storage)
 * and goes down when the buffer runs out; each step is an event caused by the one before, and
 * restoration flows back the same way.
 */
import type { EventBus } from './bus';
import type { AssetStatus, EventOf, Resource } from './events';
import type { AssetId, EventId, VendorId } from './ids';
import type { AssetSpec, EdgeSpec } from './model';
import type { Scheduler, TimerHandle } from './scheduler';
import type { SimMs } from './time';
import { formatDuration } from './time';

/** Edge supply states, as stored in `World.edgeState`. */
export const SUPPLIED = 0;
export const ON_BUFFER = 1;
export const LOST = 2;

/** Asset status codes in snapshots. */
export const STATUS_CODE: Record<AssetStatus, number> = { ok: 0, degraded: 1, down: 2 };
export const STATUS_OF_CODE: readonly AssetStatus[] = ['ok', 'degraded', 'down'];

/** A buffer spent while on backup refills at this fraction of real time once supply returns. */
const RECHARGE_RATE = 0.25;

export interface Compromise {
  readonly vendor: VendorId | null;
  readonly technique: string;
  readonly event: EventId;
  readonly sinceMs: SimMs;
}

export class World {
  readonly assets: readonly AssetSpec[];
  readonly edges: readonly EdgeSpec[];
  readonly status: Uint8Array;
  readonly edgeState: Uint8Array;
  readonly compromise: (Compromise | null)[];
  /** Assets given other firmware during the run, in the order first changed. */
  readonly firmwareChanged = new Set<number>();
  /** Event that set the asset's present status (for "why?"). */
  readonly statusEvent: (EventId | null)[];
  private readonly index = new Map<string, number>();
  private readonly outEdges: number[][];
  private readonly inEdges: number[][];
  /** Reasons an asset is held down or degraded from within (a command, a dead bus), each with its cause. */
  private readonly holds: Map<string, { cause: EventId; effect: 'down' | 'degraded' }>[];
  private readonly edgeEvent: (EventId | null)[];
  private readonly bufferLeft: Float64Array;
  private readonly bufferSince: Float64Array;
  private readonly timers: (TimerHandle | null)[];

  constructor(
    assets: readonly AssetSpec[],
    edges: readonly EdgeSpec[],
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
  ) {
    // A copy: a vendor ban swaps kit during a run, and the scenario's own list must stay as loaded.
    this.assets = [...assets];
    this.edges = edges;
    assets.forEach((a, i) => this.index.set(a.id, i));
    this.status = new Uint8Array(assets.length);
    this.edgeState = new Uint8Array(edges.length);
    this.compromise = assets.map(() => null);
    this.statusEvent = assets.map(() => null);
    this.holds = assets.map(() => new Map());
    this.outEdges = assets.map(() => []);
    this.inEdges = assets.map(() => []);
    this.edgeEvent = edges.map(() => null);
    this.bufferLeft = Float64Array.from(edges, (e) => e.bufferMs);
    this.bufferSince = new Float64Array(edges.length);
    this.timers = edges.map(() => null);
    edges.forEach((e, i) => {
      this.outEdges[this.indexOf(e.from)]!.push(i);
      this.inEdges[this.indexOf(e.to)]!.push(i);
    });
    bus.on('asset.status.changed', (e) => this.onStatusChanged(e));
  }

  indexOf(id: AssetId | string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`unknown asset ${id}`);
    return i;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  get(id: AssetId | string): AssetSpec {
    return this.assets[this.indexOf(id)]!;
  }

  statusOf(id: AssetId | string): AssetStatus {
    return STATUS_OF_CODE[this.status[this.indexOf(id)]!]!;
  }

  suppliersOf(id: AssetId | string): readonly EdgeSpec[] {
    return this.inEdges[this.indexOf(id)]!.map((i) => this.edges[i]!);
  }

  dependentsOf(id: AssetId | string): readonly EdgeSpec[] {
    return this.outEdges[this.indexOf(id)]!.map((i) => this.edges[i]!);
  }

  /** Milliseconds of buffer left on an edge now (counting down while on backup). */
  bufferRemaining(edgeIndex: number): SimMs {
    const left = this.bufferLeft[edgeIndex]!;
    const since = this.bufferSince[edgeIndex]!;
    const full = this.edges[edgeIndex]!.bufferMs;
    const dt = this.now() - since;
    switch (this.edgeState[edgeIndex]) {
      case ON_BUFFER:
        return Math.max(0, left - dt);
      case LOST:
        return 0;
      default:
        return Math.min(full, left + dt * RECHARGE_RATE);
    }
  }

  /**
   * Which backup an asset is on for an edge now: its UPS until the generator has started, then the
   * generator; null when the edge is supplied, lost, or has no backup power.
   */
  backupPhase(edgeIndex: number): 'ups' | 'generator' | null {
    const b = this.edges[edgeIndex]!.backup;
    if (!b || this.edgeState[edgeIndex] !== ON_BUFFER) return null;
    const used = this.bufferLeft[edgeIndex]! - this.bufferRemaining(edgeIndex);
    const full = this.edges[edgeIndex]!.bufferMs;
    const spentBefore = full - this.bufferLeft[edgeIndex]!;
    if (b.generatorStartMs === null || b.fuelMs === null) return 'ups';
    return used < b.generatorStartMs && spentBefore + used < b.upsMs ? 'ups' : 'generator';
  }

  /** Whether the asset has lost a resource outright (every edge of some group for it is lost). */
  hasLost(assetIndex: number, resource: Resource): boolean {
    const groups = new Map<string, boolean>();
    for (const ei of this.inEdges[assetIndex]!) {
      const e = this.edges[ei]!;
      if (e.resource !== resource) continue;
      const key = e.group ?? e.id;
      const lost = this.edgeState[ei] === LOST;
      groups.set(key, (groups.get(key) ?? true) && lost);
    }
    for (const lost of groups.values()) if (lost) return true;
    return false;
  }

  // --- actions (called by the engine when applying commands) --------------------------------

  setCompromised(i: number, c: Compromise | null): void {
    this.compromise[i] = c;
  }

  /**
   * New kit from another supplier (a vendor ban): the asset keeps its place, kind and dependencies,
   * only who supplied it and whether that vendor can reach it by remote maintenance change.
   */
  resupply(i: number, vendor: VendorId | null, remoteAccess: boolean, firmware: string | null = null): void {
    (this.assets as AssetSpec[])[i] = { ...this.assets[i]!, vendor, remoteAccess, firmware };
    this.firmwareChanged.add(i);
  }

  /** New firmware on an asset (a reflash with a verified image). */
  setFirmware(i: number, firmware: string | null): void {
    (this.assets as AssetSpec[])[i] = { ...this.assets[i]!, firmware };
    this.firmwareChanged.add(i);
  }

  /** Takes an asset out of service (breaker opened, device bricked, plant shut down). */
  disable(i: number, cause: EventId): void {
    this.hold(i, 'disabled', cause, 'down', 'taken out of service');
  }

  /** Returns an asset to service; it is up again only if its supplies and other holds allow. */
  restore(i: number, cause: EventId): void {
    this.release(i, 'disabled', cause, 'returned to service');
  }

  isDisabled(i: number): boolean {
    return this.holds[i]!.has('disabled');
  }

  /**
   * Holds an asset down (or degraded) for a named reason, such as "power" when a subsystem finds
   * its bus de-energised. Holds stack: the asset recovers only when every hold is released.
   */
  hold(i: number, reason: string, cause: EventId, effect: 'down' | 'degraded', text: string): void {
    const h = this.holds[i]!;
    const had = h.get(reason);
    if (had && had.effect === effect) return;
    h.set(reason, { cause, effect });
    this.recompute(i, [cause], text);
  }

  release(i: number, reason: string, cause: EventId, text: string): void {
    if (!this.holds[i]!.delete(reason)) return;
    this.recompute(i, [cause], text);
  }

  isHeld(i: number, reason: string): boolean {
    return this.holds[i]!.has(reason);
  }

  // --- propagation ------------------------------------------------------------------------

  private onStatusChanged(e: EventOf<'asset.status.changed'>): void {
    const i = this.indexOf(e.source!);
    const supplierDown = e.data.to === 'down';
    for (const ei of this.outEdges[i]!) {
      if (supplierDown && this.edgeState[ei] === SUPPLIED) this.loseSupply(ei, e.id);
      else if (!supplierDown && this.edgeState[ei] !== SUPPLIED) this.regainSupply(ei, e.id);
    }
  }

  private loseSupply(ei: number, cause: EventId): void {
    const edge = this.edges[ei]!;
    const buffer = Math.floor(this.bufferRemaining(ei));
    const lost = this.bus.emit('dependency.supply.lost', edge.to, { edge: edge.id, supplier: edge.from, resource: edge.resource, bufferMs: buffer }, [cause]);
    this.edgeEvent[ei] = lost.id;
    this.bufferLeft[ei] = buffer;
    this.bufferSince[ei] = this.now();
    if (buffer > 0) {
      this.edgeState[ei] = ON_BUFFER;
      this.timers[ei] = this.scheduler.at(this.now() + buffer, () => this.exhaust(ei));
      this.recompute(this.indexOf(edge.to), [lost.id], `lost ${edge.resource} from ${this.nameOf(edge.from)}; on backup for ${formatDuration(buffer)}`);
    } else {
      this.edgeState[ei] = LOST;
      this.recompute(this.indexOf(edge.to), [lost.id], `lost ${edge.resource} from ${this.nameOf(edge.from)}`);
    }
  }

  private exhaust(ei: number): void {
    if (this.edgeState[ei] !== ON_BUFFER) return;
    const edge = this.edges[ei]!;
    this.timers[ei] = null;
    this.edgeState[ei] = LOST;
    this.bufferLeft[ei] = 0;
    this.bufferSince[ei] = this.now();
    const ex = this.bus.emit('dependency.buffer.exhausted', edge.to, { edge: edge.id, supplier: edge.from, resource: edge.resource }, [this.edgeEvent[ei]!]);
    this.edgeEvent[ei] = ex.id;
    this.recompute(this.indexOf(edge.to), [ex.id], `backup for ${edge.resource} exhausted`);
  }

  private regainSupply(ei: number, cause: EventId): void {
    const edge = this.edges[ei]!;
    this.bufferLeft[ei] = this.bufferRemaining(ei);
    this.bufferSince[ei] = this.now();
    this.timers[ei]?.cancel();
    this.timers[ei] = null;
    this.edgeState[ei] = SUPPLIED;
    const back = this.bus.emit('dependency.supply.restored', edge.to, { edge: edge.id, supplier: edge.from, resource: edge.resource }, [cause]);
    this.edgeEvent[ei] = back.id;
    this.recompute(this.indexOf(edge.to), [back.id], `${edge.resource} restored from ${this.nameOf(edge.from)}`);
  }

  /** Derives an asset's status from whether it is disabled and the state of its supplies. */
  private derive(i: number): AssetStatus {
    let held: AssetStatus = 'ok';
    for (const h of this.holds[i]!.values()) {
      if (h.effect === 'down') return 'down';
      held = 'degraded';
    }
    const groups = new Map<string, { state: number; effect: 'down' | 'degraded' }>();
    for (const ei of this.inEdges[i]!) {
      const e = this.edges[ei]!;
      const key = e.group ?? e.id;
      const st = this.edgeState[ei]!;
      const g = groups.get(key);
      // A group is as good as its best edge.
      if (!g) groups.set(key, { state: st, effect: e.effect });
      else if (st < g.state) g.state = st;
    }
    let status: AssetStatus = held;
    for (const g of groups.values()) {
      if (g.state === LOST && g.effect === 'down') return 'down';
      if (g.state !== SUPPLIED) status = 'degraded';
    }
    return status;
  }

  private recompute(i: number, causes: EventId[], reason: string): void {
    const next = this.derive(i);
    const prev = STATUS_OF_CODE[this.status[i]!]!;
    if (next === prev) return;
    this.status[i] = STATUS_CODE[next];
    const ev = this.bus.emit('asset.status.changed', this.assets[i]!.id, { from: prev, to: next, reason }, causes);
    this.statusEvent[i] = ev.id;
  }

  private nameOf(id: AssetId): string {
    return this.assets[this.indexOf(id)]!.name;
  }
}
