/**
 * The power grid as a running subsystem: it owns a copy of the network whose breakers open and
 * close, re-solves the DC power flow after every change and each minute, lets protection trip
 * overloaded lines on the inverse-time curve (each trip an event caused by the change that
 * overloaded the line, so a cascade explains itself step by step), holds substation assets down
 * when their bus is de-energised, and keeps what SCADA reports apart from what is physically true.
 */
import type { Actor, AssetId, Command, EventBus, EventId, Hasher, KpiValues, Scheduler, SimContext, SimMs, SimSubsystem, TimerHandle, World } from '../core';
import { commandsHandledBy, MINUTE } from '../core';
import { solveDc, type DcResult } from './dcpf';
import { cloneNetwork, type PowerNetwork } from './network';
import { advanceRelays, createRelays, DEFAULT_RELAY, nextTrip, relaysDue, type RelayState } from './protection';
import { powerFinal, type PowerFinal } from './final';
import type { PowerInput } from './input';
import type { PowerSnapshot } from './snapshot';

type PowerCommand = Extract<Command, { type: `power.${string}` }>;

const EPS_MW = 1e-6;

export class GridSubsystem implements SimSubsystem<PowerSnapshot, PowerFinal> {
  readonly name = 'power';
  readonly periodMs = MINUTE;
  readonly commands = commandsHandledBy('power');
  readonly net: PowerNetwork;
  result: DcResult;
  /** What SCADA shows operators: equal to the truth unless telemetry is spoofed. */
  readonly reportedFlowMW: Float64Array;
  readonly spoofMode: Uint8Array; // 0 true, 1 frozen, 2 scaled
  readonly spoofFactor: Float64Array;
  readonly protectionOn: Uint8Array;
  /** Per bus: the share of its load disconnected remotely (smart meters). */
  readonly disconnected: Float64Array;
  private readonly basePd: Float64Array;
  private readonly baseCritical: Float64Array;
  private readonly baseDeferrable: Float64Array;
  private readonly relays: RelayState;
  private readonly relayLoading: Float64Array;
  private readonly relayCause: (EventId | null)[];
  private readonly overSince: Float64Array;
  private readonly busIndex = new Map<string, number>();
  private readonly branchIndex = new Map<string, number>();
  private readonly genIndex = new Map<string, number>();
  private readonly assetBus = new Map<string, number>();
  private readonly wasEnergized: Uint8Array;
  private readonly wasShed: Uint8Array;
  private lastMs = 0;
  private tripTimer: TimerHandle | null = null;
  private dirty: EventId[] | null = null;

  private readonly world: World;
  private readonly bus: EventBus;
  private readonly scheduler: Scheduler;
  private readonly now: () => SimMs;

  constructor(
    readonly input: PowerInput,
    ctx: SimContext,
  ) {
    const { world, bus } = ctx;
    this.world = world;
    this.bus = bus;
    this.scheduler = ctx.scheduler;
    this.now = ctx.now;
    this.net = cloneNetwork(input.network);
    const n = this.net.buses.count;
    const m = this.net.branches.count;
    input.busIds.forEach((id, i) => this.busIndex.set(id, i));
    input.branchIds.forEach((id, k) => this.branchIndex.set(id, k));
    input.genIds.forEach((id, g) => this.genIndex.set(id, g));
    input.busAsset.forEach((a, i) => a !== null && this.assetBus.set(a, i));
    this.basePd = this.net.buses.pdMW.slice();
    this.baseCritical = this.net.buses.criticalMW.slice();
    this.baseDeferrable = this.net.buses.deferrableMW.slice();
    this.disconnected = new Float64Array(n);
    this.relays = createRelays(m);
    this.relayLoading = new Float64Array(m);
    this.relayCause = new Array<EventId | null>(m).fill(null);
    this.overSince = new Float64Array(m);
    this.protectionOn = new Uint8Array(m).fill(input.protection ? 1 : 0);
    this.reportedFlowMW = new Float64Array(m);
    this.spoofMode = new Uint8Array(m);
    this.spoofFactor = new Float64Array(m).fill(1);
    this.wasEnergized = new Uint8Array(n).fill(1);
    this.wasShed = new Uint8Array(n);
    this.result = solveDc(this.net);
    this.afterSolve([]);
    // Attacks and repairs on substation assets act on their breakers.
    bus.on('asset.disabled', (e) => {
      const i = e.source ? this.assetBus.get(e.source) : undefined;
      if (i !== undefined) this.switchBus(i, 'open', e.data.actor, e.data.reason, e.id);
    });
    bus.on('asset.restored', (e) => {
      const i = e.source ? this.assetBus.get(e.source) : undefined;
      if (i !== undefined) this.switchBus(i, 'close', e.data.actor, e.data.reason, e.id);
    });
  }

  busOfAsset(id: string): number | undefined {
    return this.assetBus.get(id);
  }

  /** Share of a bus's load not served now (shed or de-energised), 0..1. */
  unservedShare(i: number): number {
    const pd = this.net.buses.pdMW[i]! + this.basePd[i]! * this.disconnected[i]!;
    return pd > EPS_MW ? Math.min(1, this.result.shedMW[i]! / pd) : this.result.energized[i] ? 0 : 1;
  }

  totalUnservedMW(): number {
    let s = 0;
    for (let i = 0; i < this.net.buses.count; i++) s += this.result.shedMW[i]!;
    return s;
  }

  step(now: SimMs): void {
    this.advance(now);
    if (this.dirty) this.solve(this.dirty);
    this.updateTelemetry();
  }

  snapshot(): PowerSnapshot {
    return {
      flowMW: Float32Array.from(this.result.flowMW),
      reportedFlowMW: Float32Array.from(this.reportedFlowMW),
      loading: Float32Array.from(this.result.loading),
      branchStatus: this.net.branches.status.slice(),
      energized: this.result.energized.slice(),
      servedMW: Float32Array.from(this.result.servedMW),
      shedMW: Float32Array.from(this.result.shedMW),
    };
  }

  kpis(): KpiValues {
    return { mwShed: Math.round(this.totalUnservedMW() * 10) / 10 };
  }

  final(): PowerFinal {
    return powerFinal(this);
  }

  hashInto(h: Hasher): void {
    h.bytes(this.net.branches.status);
    for (const f of this.result.flowMW) h.num(Math.round(f * 1000));
  }

  dispose(): void {}

  /** Applies a power command; the caller has logged it and passes its root event. */
  handle(command: Command, cause: EventId): void {
    const c = command as PowerCommand;
    this.advance(this.now());
    switch (c.type) {
      case 'power.breaker': {
        for (const k of this.branchesOf(c.branches, c.substations))
          this.setBranch(k, c.action, c.actor ?? 'attacker', c.reason ?? `${c.action === 'open' ? 'opened' : 'closed'} remotely`, cause);
        break;
      }
      case 'power.protection': {
        const ks = this.branchesOf(c.branches, c.substations, true);
        for (const k of ks) this.protectionOn[k] = c.enabled ? 1 : 0;
        this.bus.emit('power.protection.changed', null, { branches: ks.length, enabled: c.enabled, actor: c.actor ?? 'attacker' }, [cause]);
        this.dirty = [...(this.dirty ?? []), cause];
        break;
      }
      case 'power.telemetry': {
        const ks = this.branchesOf(c.branches, c.substations, true);
        const mode = c.mode === 'freeze' ? 1 : c.mode === 'scale' ? 2 : 0;
        for (const k of ks) {
          this.spoofMode[k] = mode;
          this.spoofFactor[k] = c.factor ?? 1;
        }
        this.bus.emit('power.telemetry.spoofed', null, { branches: ks.length, mode: c.mode, factor: c.factor ?? 1 }, [cause]);
        this.updateTelemetry(); // operators see the spoofed values from now, not from the next minute's solve
        break;
      }
      case 'power.load.disconnect': {
        const buses = this.busesOf(c.buses, c.substations);
        for (const i of buses) this.disconnected[i] = Math.min(1, Math.max(0, c.share));
        this.applyDisconnection();
        const ev = this.bus.emit('power.load.disconnected', null, { buses: buses.length, share: c.share, actor: c.actor ?? 'attacker' }, [cause]);
        this.dirty = [...(this.dirty ?? []), ev.id];
        break;
      }
      case 'power.generator.trip': {
        const evs: EventId[] = [];
        for (const id of c.generators) {
          const g = this.genIndex.get(id);
          if (g === undefined || this.net.gens.status[g] === 0) continue;
          this.net.gens.status[g] = 0;
          evs.push(this.bus.emit('power.generator.tripped', null, { generator: id, actor: c.actor ?? 'attacker' }, [cause]).id);
        }
        if (evs.length) this.dirty = [...(this.dirty ?? []), ...evs];
        break;
      }
      case 'power.crew.dispatch': {
        for (const id of c.substations) {
          const i = this.assetBus.get(id);
          if (i === undefined) continue;
          const ai = this.world.indexOf(id);
          // Without trusted SCADA (the substation is compromised) the crew drives out and switches by hand.
          const manual = this.world.compromise[ai] !== null;
          const eta = (manual ? this.input.manualRestoreMin : this.input.remoteRestoreMin) * MINUTE;
          const ev = this.bus.emit('power.crew.dispatched', id as AssetId, { substation: id as AssetId, etaS: eta / 1000, manual }, [cause]);
          this.scheduler.at(this.now() + eta, () => {
            this.advance(this.now());
            if (this.world.isDisabled(ai)) {
              const r = this.bus.emit(
                'asset.restored',
                id as AssetId,
                { actor: 'operator', reason: manual ? 'crew switched by hand' : 'operator re-closed remotely' },
                [ev.id],
              );
              this.world.restore(ai, r.id); // the asset.restored listener closes the breakers
            } else this.switchBus(i, 'close', 'operator', manual ? 'crew switched by hand' : 'operator re-closed remotely', ev.id);
            if (this.dirty) this.solve(this.dirty);
          });
        }
        break;
      }
      default: {
        const never: never = c;
        return never;
      }
    }
    if (this.dirty) this.solve(this.dirty);
  }

  // --- internals ------------------------------------------------------------------------

  private switchBus(i: number, action: 'open' | 'close', actor: Actor, reason: string, cause: EventId): void {
    this.advance(this.now());
    const L = this.net.branches;
    for (let k = 0; k < L.count; k++) if (L.from[k] === i || L.to[k] === i) this.setBranch(k, action, actor, reason, cause);
    if (this.dirty) this.solve(this.dirty);
  }

  private setBranch(k: number, action: 'open' | 'close', actor: Actor, reason: string, cause: EventId): void {
    const L = this.net.branches;
    const want = action === 'open' ? 0 : 1;
    if (L.status[k] === want) return;
    L.status[k] = want;
    const src = this.input.busAsset[L.from[k]!] ?? this.input.busAsset[L.to[k]!] ?? null;
    const ev = this.bus.emit(
      action === 'open' ? 'power.breaker.opened' : 'power.breaker.closed',
      src as AssetId | null,
      { branch: this.input.branchIds[k]!, actor, reason },
      [cause],
    );
    this.dirty = [...(this.dirty ?? []), ev.id];
  }

  /** Moves relay integration forward to `now` at the loadings of the last solve. */
  private advance(now: SimMs): void {
    const dt = now - this.lastMs;
    if (dt > 0) advanceRelays(this.relays, this.relayLoading, dt, this.input.relay);
    this.lastMs = now;
  }

  private solve(causes: EventId[]): void {
    this.dirty = null;
    this.result = solveDc(this.net, this.result);
    this.afterSolve(causes);
  }

  private afterSolve(causes: EventId[]): void {
    const r = this.result;
    const L = this.net.branches;
    const now = this.now();
    for (let k = 0; k < L.count; k++) {
      const load = this.protectionOn[k] && L.status[k] ? r.loading[k]! : 0;
      const over = load > this.input.relay.pickup;
      if (over && this.relayCause[k] === null) {
        this.relayCause[k] = causes[causes.length - 1] ?? null;
        this.overSince[k] = now;
      } else if (!over) this.relayCause[k] = null;
      this.relayLoading[k] = load;
    }
    this.reportBuses(causes);
    this.updateTelemetry();
    this.scheduleTrip();
  }

  private reportBuses(causes: EventId[]): void {
    const r = this.result;
    const B = this.net.buses;
    for (let i = 0; i < B.count; i++) {
      const asset = this.input.busAsset[i] ?? null;
      const ai = asset !== null ? this.world.indexOf(asset) : -1;
      const id = this.input.busIds[i]!;
      if (r.energized[i] !== this.wasEnergized[i]) {
        this.wasEnergized[i] = r.energized[i]!;
        if (r.energized[i]) {
          const ev = this.bus.emit('power.bus.energized', asset as AssetId | null, { bus: id }, causes);
          if (ai >= 0) this.world.release(ai, 'power', ev.id, `bus ${id} energised again`);
        } else {
          const ev = this.bus.emit('power.bus.deenergized', asset as AssetId | null, { bus: id, island: r.island[i]! }, causes);
          if (ai >= 0) this.world.hold(ai, 'power', ev.id, 'down', `bus ${id} de-energised`);
        }
      }
      if (!r.energized[i]) continue;
      const shed = r.shedMW[i]! > EPS_MW ? 1 : 0;
      if (shed && !this.wasShed[i]) {
        const ev = this.bus.emit('power.load.shed', asset as AssetId | null, { bus: id, shedMW: r.shedMW[i]!, loadMW: B.pdMW[i]! }, causes);
        if (ai >= 0)
          this.world.hold(ai, 'power', ev.id, r.shedMW[i]! >= B.pdMW[i]! - EPS_MW ? 'down' : 'degraded', `${r.shedMW[i]!.toFixed(1)} MW of load shed`);
      } else if (!shed && this.wasShed[i]) {
        const ev = this.bus.emit('power.load.restored', asset as AssetId | null, { bus: id, loadMW: B.pdMW[i]! }, causes);
        if (ai >= 0) this.world.release(ai, 'power', ev.id, 'all load served again');
      }
      this.wasShed[i] = shed;
    }
  }

  private scheduleTrip(): void {
    this.tripTimer?.cancel();
    this.tripTimer = null;
    const next = nextTrip(this.relays, this.relayLoading, this.input.relay);
    if (!next) return;
    this.tripTimer = this.scheduler.at(this.now() + Math.max(1, Math.ceil(next.inMs)), () => this.onTripTimer());
  }

  private onTripTimer(): void {
    this.tripTimer = null;
    this.advance(this.now());
    const due = relaysDue(this.relays);
    if (due.length === 0) return this.scheduleTrip();
    const L = this.net.branches;
    const events: EventId[] = [];
    for (const k of due) {
      if (!L.status[k]) continue;
      L.status[k] = 0;
      this.relays.progress[k] = 0;
      const src = this.input.busAsset[L.from[k]!] ?? this.input.busAsset[L.to[k]!] ?? null;
      const ev = this.bus.emit(
        'power.branch.tripped',
        src as AssetId | null,
        { branch: this.input.branchIds[k]!, loadingPct: this.relayLoading[k]! * 100, overloadS: (this.now() - this.overSince[k]!) / 1000 },
        this.relayCause[k] ? [this.relayCause[k]!] : [],
      );
      this.relayCause[k] = null;
      events.push(ev.id);
    }
    this.solve(events);
  }

  private applyDisconnection(): void {
    const B = this.net.buses;
    for (let i = 0; i < B.count; i++) {
      const keep = 1 - this.disconnected[i]!;
      B.pdMW[i] = this.basePd[i]! * keep;
      B.criticalMW[i] = this.baseCritical[i]!; // critical sites are not on remotely switchable meters
      B.deferrableMW[i] = this.baseDeferrable[i]! * keep;
      if (B.criticalMW[i]! > B.pdMW[i]!) B.criticalMW[i] = B.pdMW[i]!;
    }
  }

  private updateTelemetry(): void {
    const f = this.result.flowMW;
    for (let k = 0; k < f.length; k++) {
      const mode = this.spoofMode[k];
      if (mode === 0) this.reportedFlowMW[k] = f[k]!;
      else if (mode === 2) this.reportedFlowMW[k] = f[k]! * this.spoofFactor[k]!;
      // mode 1 (frozen): keep the last value reported before the spoof
    }
  }

  private branchesOf(branches: readonly string[] | undefined, substations: readonly string[] | undefined, allWhenEmpty = false): number[] {
    const out = new Set<number>();
    for (const id of branches ?? []) {
      const k = this.branchIndex.get(id);
      if (k !== undefined) out.add(k);
    }
    const L = this.net.branches;
    for (const s of substations ?? []) {
      const i = this.assetBus.get(s);
      if (i === undefined) continue;
      for (let k = 0; k < L.count; k++) if (L.from[k] === i || L.to[k] === i) out.add(k);
    }
    if (allWhenEmpty && !branches?.length && !substations?.length) for (let k = 0; k < L.count; k++) out.add(k);
    return [...out].sort((a, b) => a - b);
  }

  private busesOf(buses: readonly string[] | undefined, substations: readonly string[] | undefined): number[] {
    const out = new Set<number>();
    for (const id of buses ?? []) {
      const i = this.busIndex.get(id);
      if (i !== undefined) out.add(i);
    }
    for (const s of substations ?? []) {
      const i = this.assetBus.get(s);
      if (i !== undefined) out.add(i);
    }
    if (!buses?.length && !substations?.length) for (let i = 0; i < this.net.buses.count; i++) out.add(i);
    return [...out].sort((a, b) => a - b);
  }
}
