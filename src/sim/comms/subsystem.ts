/**
 * The comms network as a running subsystem. Each second it reads which nodes have power (the
 * dependency graph already takes a cabinet down when its UPS runs out), blocks flows whose path is
 * cut or whose zones the firewall keeps apart, shares link bandwidth among what is left, and checks
 * every control flow against its deadline. A device whose control traffic keeps missing it has
 * lost comms — an event caused by the congestion (itself caused by whatever started the flood) —
 * and is held degraded until its traffic gets through again.
 */
import type { Actor, Command, CommandOf, EventBus, EventId, SimContext, SimMs, World } from '../core';
import { SECOND, vendorId, type Hasher } from '../core';
import { buildNetwork, emptyFlows, FLOW_KINDS, treePath, type CommsFlowSpec, type CommsInput, type CommsNetwork, type FlowKind } from './network';
import { shareMaxMin, shareProportional, SharingWorkspace, type FlowArrays } from './sharing';
import { ZoneFirewall } from './zones';
import { blockCauses, congestionCauses, downCauses, lossCauses, pathDown, type CauseState } from './loss-causes';

/** Steps of missed deadlines before a device counts as having lost comms (and of met ones to regain it). */
const GRACE_STEPS = 3;
/** Loss above which a control exchange fails (polls retried and timed out). */
const CONTROL_LOSS_LIMIT = 0.2;
const HOP_MS = 0.2;
/** Nominal per-hop service time for the M/M/1 queueing delay below saturation. */
const SERVICE_MS = 0.5;

export type CommsCommand = CommandOf<'comms.isolate'> | CommandOf<'comms.vendor-access'>;

export class CommsSubsystem {
  readonly name = 'comms';
  readonly periodMs = SECOND;
  readonly net: CommsNetwork;
  readonly firewall: ZoneFirewall;
  readonly flows: FlowArrays & { src: Int32Array; dst: Int32Array; kind: Uint8Array; demand: Float64Array; deadlineMs: Float64Array; delayMs: Float64Array };
  /** Per flow: the event that started it (null for the city's own traffic). */
  readonly flowCause: (EventId | null)[] = [];
  readonly linkUp: Uint8Array;
  readonly nodeUp: Uint8Array;
  /** Nodes held down from outside the dependency graph (a server encrypted by ransomware), with the event. */
  private readonly forced = new Map<number, EventId>();
  readonly congested: Uint8Array;
  readonly vendorAccess = new Map<string, boolean>();
  /** Zones a vendor's VPN was extended into during the run: where its new kit went (a ban's replacement). */
  readonly grantedZones = new Map<string, Set<string>>();
  /** Device kinds run by hand on site (null entry: every kind), with the event that put them there. */
  private manual: { kinds: ReadonlySet<string> | null; cause: EventId } | null = null;
  sharing: 'max-min' | 'proportional';
  private ws: SharingWorkspace;
  private readonly nodeAsset: Int32Array;
  private readonly congestedEvent: (EventId | null)[];
  private missCount: Int32Array;
  private okCount: Int32Array;
  private lost: Uint8Array;
  private readonly zoneEvent: (EventId | null)[];
  private sortDirty = true;
  private readonly pathScratch: number[] = [];
  private readonly causeState: CauseState;

  private readonly world: World;
  private readonly bus: EventBus;
  private readonly now: () => SimMs;

  constructor(
    readonly input: CommsInput,
    ctx: Pick<SimContext, 'world' | 'bus' | 'now'>,
    segmented: boolean,
  ) {
    const { world, bus } = ctx;
    this.world = world;
    this.bus = bus;
    this.now = ctx.now;
    this.net = buildNetwork(input);
    this.firewall = new ZoneFirewall(input, segmented);
    this.sharing = input.sharing;
    this.nodeAsset = Int32Array.from(input.nodes, (n) => (n.asset !== null && world.has(n.asset) ? world.indexOf(n.asset) : -1));
    this.linkUp = new Uint8Array(this.net.linkCount).fill(1);
    this.nodeUp = new Uint8Array(this.net.nodeCount).fill(1);
    this.congested = new Uint8Array(this.net.linkCount);
    this.congestedEvent = new Array<EventId | null>(this.net.linkCount).fill(null);
    this.zoneEvent = input.zones.map(() => null);
    for (const v of input.vendorAccess) this.vendorAccess.set(v.vendor, true);
    this.flows = emptyFlows(0, 0);
    this.missCount = new Int32Array(0);
    this.okCount = new Int32Array(0);
    this.lost = new Uint8Array(0);
    this.rebuildFlows(input.flows.map((f) => ({ spec: f, cause: null })));
    this.ws = new SharingWorkspace(this.net.linkCount, this.flows);
    const { net, flows, linkUp, nodeUp, nodeAsset, forced, congestedEvent, zoneEvent } = this;
    this.causeState = { world, net, flows, linkUp, nodeUp, nodeAsset, forced, congestedEvent, zoneEvent };
  }

  // --- flows -----------------------------------------------------------------------------------

  /** Adds a flow (an exfiltration, a flood); returns its index. Rebuilds the flow arrays: not per step. */
  addFlow(spec: CommsFlowSpec, cause: EventId | null): number {
    return this.addFlows([spec], cause);
  }

  /** Adds flows at once (one rebuild); returns the index of the first. */
  addFlows(added: readonly CommsFlowSpec[], cause: EventId | null): number {
    const first = this.flows.count;
    const specs: { spec: CommsFlowSpec; cause: EventId | null }[] = [];
    for (let f = 0; f < this.flows.count; f++) {
      specs.push({
        spec: {
          src: this.net.nodeIds[this.flows.src[f]!]!,
          dst: this.net.nodeIds[this.flows.dst[f]!]!,
          kind: FLOW_KINDS[this.flows.kind[f]!]!,
          demandMbps: this.flows.demand[f]! / 1e6,
          deadlineMs: this.flows.deadlineMs[f]! > 0 ? this.flows.deadlineMs[f]! : null,
        },
        cause: this.flowCause[f] ?? null,
      });
    }
    for (const spec of added) specs.push({ spec, cause });
    const lost = this.lost;
    const miss = this.missCount;
    this.rebuildFlows(specs);
    this.lost.set(lost);
    this.missCount.set(miss);
    this.ws = new SharingWorkspace(this.net.linkCount, this.flows);
    return first;
  }

  /** Changes what a flow asks for (0 stops it), with the event that changed it. */
  setDemand(f: number, mbps: number, cause: EventId | null): void {
    this.flows.demand[f] = mbps * 1e6;
    if (cause !== null) this.flowCause[f] = cause;
    this.sortDirty = true;
  }

  /** The rate a flow got in the last step, bit/s. */
  rateOf(f: number): number {
    return this.flows.rate[f]!;
  }

  nodeOf(id: string): number | undefined {
    return this.net.nodeIndex.get(id);
  }

  zoneOfNode(n: number): string {
    return this.firewall.zones[this.net.nodeZone[n]!]!;
  }

  /** The network zone of an asset, or null when it is not on the modelled network. */
  zoneOfAsset(assetId: string): string | null {
    const n = this.net.nodeIndex.get(assetId);
    return n === undefined ? null : this.firewall.zones[this.net.nodeZone[n]!]!;
  }

  private rebuildFlows(specs: readonly { spec: CommsFlowSpec; cause: EventId | null }[]): void {
    const paths: number[] = [];
    const n = specs.length;
    const f = emptyFlows(n, 0);
    specs.forEach(({ spec, cause }, i) => {
      const a = this.net.nodeIndex.get(spec.src);
      const b = this.net.nodeIndex.get(spec.dst);
      if (a === undefined || b === undefined) throw new Error(`flow ${spec.src} → ${spec.dst}: unknown node`);
      f.src[i] = a;
      f.dst[i] = b;
      f.kind[i] = FLOW_KINDS.indexOf(spec.kind);
      f.demand[i] = spec.demandMbps * 1e6;
      f.deadlineMs[i] = spec.deadlineMs ?? 0;
      f.pathStart[i] = paths.length;
      this.pathScratch.length = 0;
      treePath(this.net, a, b, this.pathScratch);
      paths.push(...this.pathScratch);
      f.pathLen[i] = this.pathScratch.length;
      this.flowCause[i] = cause;
    });
    f.pathLinks = Int32Array.from(paths);
    Object.assign(this.flows, f);
    this.flowCause.length = n;
    this.missCount = new Int32Array(n);
    this.okCount = new Int32Array(n);
    this.lost = new Uint8Array(n);
    this.sortDirty = true;
  }

  // --- the step --------------------------------------------------------------------------------

  step(_nowMs: SimMs): void {
    const { net, flows, world } = this;
    for (let n = 0; n < net.nodeCount; n++) {
      const a = this.nodeAsset[n]!;
      this.nodeUp[n] = (a < 0 || world.status[a] !== 2) && !this.forced.has(n) ? 1 : 0;
    }
    for (let l = 0; l < net.linkCount; l++) this.linkUp[l] = this.nodeUp[net.linkA[l]!]! & this.nodeUp[net.linkB[l]!]!;
    const fw = this.firewall;
    for (let f = 0; f < flows.count; f++) {
      let d = flows.demand[f]!;
      if (d > 0 && !fw.allows(net.nodeZone[flows.src[f]!]!, net.nodeZone[flows.dst[f]!]!)) d = 0;
      if (d > 0) {
        const s = flows.pathStart[f]!;
        for (let p = 0; p < flows.pathLen[f]!; p++) if (!this.linkUp[flows.pathLinks[s + p]!]) d = 0;
      }
      flows.offered[f] = d;
    }
    if (this.sortDirty) {
      // Sorting by demand (not the blocked/offered value) keeps the order valid while links come and go.
      const o = flows.offered;
      flows.offered = flows.demand;
      this.ws.sortFlows(flows);
      flows.offered = o;
      this.sortDirty = false;
    }
    if (this.sharing === 'max-min') shareMaxMin(net.capacity, flows, this.ws);
    else shareProportional(net.capacity, flows, this.ws);
    this.measure();
    this.detectCongestion();
    this.checkDeadlines();
  }

  /** Offered load per link (into ws.offeredAt) and each flow's delay. */
  private measure(): void {
    const { net, flows, ws } = this;
    ws.offeredAt.fill(0);
    for (let f = 0; f < flows.count; f++) {
      const d = flows.offered[f]!;
      if (d <= 0) continue;
      const s = flows.pathStart[f]!;
      for (let p = 0; p < flows.pathLen[f]!; p++) ws.offeredAt[flows.pathLinks[s + p]!]! += d;
    }
    const buf = this.input.bufferMs;
    // Reuse ws.rem as the per-link queueing delay (ms) after sharing is done with it.
    for (let l = 0; l < net.linkCount; l++) {
      const u = ws.offeredAt[l]! / net.capacity[l]!;
      ws.rem[l] = u >= 1 ? buf : Math.min(buf, (SERVICE_MS * u) / (1 - u));
    }
    // Fair queueing gives each flow its own queue (Demers, Keshav & Shenker, SIGCOMM 1989): a flow
    // within its fair share waits about one service time per hop, whatever the others send.
    const fair = this.sharing === 'max-min';
    for (let f = 0; f < flows.count; f++) {
      const within = fair && flows.rate[f]! >= flows.offered[f]! * (1 - 1e-9);
      let delay = 0;
      const s = flows.pathStart[f]!;
      for (let p = 0; p < flows.pathLen[f]!; p++)
        delay += HOP_MS + (within ? Math.min(SERVICE_MS, ws.rem[flows.pathLinks[s + p]!]!) : ws.rem[flows.pathLinks[s + p]!]!);
      flows.delayMs[f] = delay;
    }
  }

  private detectCongestion(): void {
    const { net, ws, flows } = this;
    for (let l = 0; l < net.linkCount; l++) {
      const u = ws.offeredAt[l]! / net.capacity[l]!;
      if (!this.congested[l] && u > 1) {
        const causes: EventId[] = [];
        for (let k = ws.linkFlowStart[l]!; k < ws.linkFlowStart[l + 1]! && causes.length < 4; k++) {
          const c = this.flowCause[ws.linkFlows[k]!];
          if (c && flows.offered[ws.linkFlows[k]!]! > 0 && !causes.includes(c)) causes.push(c);
        }
        this.congested[l] = 1;
        this.congestedEvent[l] = this.bus.emit(
          'comms.link.congested',
          null,
          { link: net.linkIds[l]!, utilisationPct: Math.round(u * 100), congested: true },
          causes,
        ).id;
      } else if (this.congested[l] && u < 0.9) {
        this.congested[l] = 0;
        this.bus.emit(
          'comms.link.congested',
          null,
          { link: net.linkIds[l]!, utilisationPct: Math.round(u * 100), congested: false },
          this.congestedEvent[l] ? [this.congestedEvent[l]!] : [],
        );
        this.congestedEvent[l] = null;
      }
    }
  }

  private checkDeadlines(): void {
    const { flows, world } = this;
    const control = FLOW_KINDS.indexOf('control');
    for (let f = 0; f < flows.count; f++) {
      if (flows.kind[f] !== control || flows.demand[f]! <= 0) continue;
      const a = this.nodeAsset[flows.src[f]!]!;
      if (a < 0) continue;
      // Loss of the device's own supply is the dependency graph's business (it already degrades
      // the device, with its cause); a cut further along — the control room dark — is ours.
      if (world.status[a] === 2 || world.hasLost(a, 'comms') || world.hasLost(a, 'control')) continue;
      if (this.manual && (this.manual.kinds === null || this.manual.kinds.has(world.assets[a]!.kind))) {
        // Run by hand on site: lost comms no longer matter to it.
        if (this.lost[f]) {
          this.lost[f] = 0;
          world.release(a, 'comms', this.manual.cause, 'operated by hand on site');
        }
        this.missCount[f] = 0;
        continue;
      }
      const down = pathDown(this.causeState, f);
      const blocked = !down && flows.offered[f] === 0;
      const loss = flows.offered[f]! > 0 ? 1 - flows.rate[f]! / flows.offered[f]! : 1;
      const miss = down || blocked || loss > CONTROL_LOSS_LIMIT || flows.delayMs[f]! > flows.deadlineMs[f]!;
      if (miss) {
        this.okCount[f] = 0;
        if (++this.missCount[f]! >= GRACE_STEPS && !this.lost[f]) {
          this.lost[f] = 1;
          const causes = down ? downCauses(this.causeState, f) : blocked ? blockCauses(this.causeState, f) : congestionCauses(this.causeState, f);
          const ev = this.bus.emit(
            'comms.device.lost',
            world.assets[a]!.id,
            { reason: down ? 'unreachable' : blocked ? 'blocked' : 'congestion', lossPct: Math.round(loss * 100), delayMs: Math.round(flows.delayMs[f]!) },
            causes,
          );
          world.hold(
            a,
            'comms',
            ev.id,
            'degraded',
            down
              ? 'lost comms: its control room cannot be reached'
              : blocked
                ? 'lost comms: control traffic blocked by the firewall'
                : 'lost comms: control traffic misses its deadline',
          );
        }
      } else {
        this.missCount[f] = 0;
        if (this.lost[f] && ++this.okCount[f]! >= GRACE_STEPS) {
          this.lost[f] = 0;
          const ev = this.bus.emit(
            'comms.device.restored',
            world.assets[a]!.id,
            { lossPct: Math.round(loss * 100), delayMs: Math.round(flows.delayMs[f]!) },
            congestionCauses(this.causeState, f),
          );
          world.release(a, 'comms', ev.id, 'comms restored');
        }
      }
    }
  }

  /** Whether flow f has no way through at all: a link on its path down, or blocked by a firewall or isolation. */
  cutOff(f: number): boolean {
    return this.flows.demand[f]! > 0 && this.flows.offered[f] === 0;
  }

  /** Why flow f is not getting through now (see loss-causes.ts). */
  lossCauses(f: number): EventId[] {
    return lossCauses(this.causeState, f);
  }

  // --- commands and policies -------------------------------------------------------------------

  handle(c: CommsCommand, cause: EventId): void {
    if (c.type === 'comms.isolate') this.isolate(c.zone, c.isolated, c.actor ?? 'operator', cause);
    else this.setVendorAccess(c.vendor, c.enabled, c.actor ?? 'operator', cause);
  }

  isolate(zone: string, isolated: boolean, actor: Actor, cause: EventId): EventId | null {
    const z = this.firewall.index.get(zone);
    if (z === undefined) return null;
    this.firewall.isolated[z] = isolated ? 1 : 0;
    this.firewall.refresh();
    const ev = this.bus.emit('comms.zone.isolated', null, { zone, isolated, actor }, [cause]);
    this.zoneEvent[z] = isolated ? ev.id : null;
    return ev.id;
  }

  setVendorAccess(vendor: string, enabled: boolean, actor: Actor, cause: EventId): EventId {
    this.vendorAccess.set(vendor, enabled);
    return this.bus.emit('comms.vendor.access', null, { vendor: vendorId(vendor), enabled, actor }, [cause]).id;
  }

  /** Puts device kinds under manual operation on site (or hands them back to remote control). */
  setManual(kinds: readonly string[] | null, enabled: boolean, cause: EventId): void {
    this.manual = enabled ? { kinds: kinds ? new Set(kinds) : null, cause } : null;
  }

  /** Holds a node off the network (or lets it back), with the event that did it. */
  forceDown(id: string, cause: EventId | null): void {
    const n = this.net.nodeIndex.get(id);
    if (n === undefined) return;
    if (cause) this.forced.set(n, cause);
    else this.forced.delete(n);
  }

  setSegmentation(on: boolean): void {
    this.firewall.segmented = on;
    this.firewall.refresh();
  }

  /** Zones a vendor's VPN reaches now: none when its access is cut; every zone on a flat network. */
  vendorZones(vendor: string): Set<number> {
    const spec = this.input.vendorAccess.find((v) => v.vendor === vendor);
    if (!spec || this.vendorAccess.get(vendor) === false) return new Set();
    const gw = this.net.nodeIndex.get(spec.gateway);
    if (gw === undefined || !this.nodeUp[gw]) return new Set();
    const from = this.net.nodeZone[gw]!;
    const out = new Set<number>();
    const listed = new Set(
      [...spec.zones, ...(this.grantedZones.get(vendor) ?? [])].map((z) => this.firewall.index.get(z)).filter((z): z is number => z !== undefined),
    );
    for (let z = 0; z < this.firewall.zones.length; z++) {
      if (this.firewall.zones[z] === 'internet' || this.firewall.isolated[z]) continue;
      if (!this.firewall.segmented || listed.has(z) || z === from) out.add(z);
    }
    return out;
  }

  /** Whether an attacker inside `zones` can reach an asset (assets off the modelled network: yes). */
  reachable(zones: ReadonlySet<number>, assetIndex: number): boolean {
    const n = this.net.nodeIndex.get(this.world.assets[assetIndex]!.id);
    return n === undefined || zones.has(this.net.nodeZone[n]!);
  }

  /** Whether a device accepts connections from the internet (T0883 internet accessible device). */
  internetExposed(assetIndex: number): boolean {
    const n = this.net.nodeIndex.get(this.world.assets[assetIndex]!.id);
    const inet = this.firewall.index.get('internet');
    return n !== undefined && inet !== undefined && this.firewall.allows(inet, this.net.nodeZone[n]!) && this.nodeUp[n] === 1;
  }

  // --- reading -------------------------------------------------------------------------------

  /** Per link: carried load over capacity, 0..1. */
  utilisation(out: Float32Array = new Float32Array(this.net.linkCount)): Float32Array {
    for (let l = 0; l < this.net.linkCount; l++) out[l] = this.linkUp[l] ? this.ws.load[l]! / this.net.capacity[l]! : 0;
    return out;
  }

  offeredAt(l: number): number {
    return this.ws.offeredAt[l]!;
  }

  devicesWithoutComms(): number {
    let n = 0;
    for (let f = 0; f < this.flows.count; f++) n += this.lost[f]!;
    return n;
  }

  hashInto(h: Hasher): void {
    h.bytes(this.linkUp).bytes(this.congested).bytes(this.lost);
    for (let l = 0; l < this.net.linkCount; l++) h.num(Math.round(this.ws.load[l]! / 1000));
  }
}

export type { FlowKind };
