/**
 * The cyber layer: the comms network, CCTV and the attacker/responder, stepping in that order each
 * second. Subsystems may not import one another, so the joins live here — which camera's stream is
 * which comms flow, and whether it gets through.
 */
import {
  commandsHandledBy,
  SECOND,
  type Command,
  type EventId,
  type Hasher,
  type SimContext,
  type SimMs,
  type SimSubsystem,
  type VendorSpec,
  type World,
} from '../core';
import { CAMERA_STATES, CctvSubsystem, type CctvInput } from '../cctv';
import { CommsSubsystem, FLOW_KINDS, LINK_CLASSES, type CommsInput } from '../comms';
import { CyberThreats, type BanProgramme, type CyberCommand, type LedgerEntry, type PolicyName, type Resupplied } from '../threats';

export interface CyberInput {
  readonly comms: CommsInput;
  readonly cctv: CctvInput;
  readonly attackerNode: string;
  /** Cloud node per vendor that runs one. */
  readonly cloudNodes: Readonly<Record<string, string>>;
  readonly controlRoom: string | null;
  readonly policies: Readonly<Record<PolicyName, boolean>>;
  readonly homeJurisdiction: string;
  /** The scenario's vendors, for a ban issued during the run (who takes over, with what access and cloud). */
  readonly vendors?: readonly VendorSpec[];
}

export interface CyberFinal {
  comms: Record<string, unknown>;
  cctv: Record<string, unknown>;
  data: { exfiltrated: LedgerEntry[]; detected: string[]; policies: Record<string, boolean> };
}

/** Per-frame cyber state for the page: arrays are fresh copies the worker can transfer. */
export interface CyberSnapshot {
  /** Per comms link (input order): carried load over capacity, 0..1 (0 when down). */
  readonly linkUtil: Float32Array;
  /** Per link: 1 up, 0 down; 2 congested. */
  readonly linkState: Uint8Array;
  /** Per camera (CCTV input order): index into CAMERA_STATES. */
  readonly cameraState: Uint8Array;
  /** Per link: 1 when it lies on the attacker's path (from its way in to a device it holds). */
  readonly attackPath: Uint8Array;
  /** Per link: comms node of the vendor cloud whose device data (camera video and analytics) it carries most of, -1 none. */
  readonly linkCloud: Int32Array;
  /** Per running exfiltration: source node, destination node, Mb/s now — triples. */
  readonly exfil: Float32Array;
  readonly recordsExfiltrated: number;
  /** Per zone (CommsInput order): 1 when isolated. */
  readonly zoneIsolated: Uint8Array;
  /** Policies in force now. */
  readonly policies: Readonly<Record<string, boolean>>;
  /** Assets given new kit from another supplier during the run (vendor bans), in the order done. */
  readonly resupplied: readonly Resupplied[];
  /** Vendor bans issued during the run: units done of all, and when the last is back in service. */
  readonly bans: readonly BanProgramme[];
  /** Datasets made during the run (where a ban's new kit sends camera data). */
  readonly datasetsAdded: readonly { readonly id: string; readonly kind: string; readonly jurisdiction: string; readonly cloudVendor: string | null }[];
  /** Per vendor with a remote-maintenance VPN: whether its access is on, and the zones it reaches now (segmentation, isolation, a dead gateway). */
  readonly vendorReach: readonly { readonly vendor: string; readonly enabled: boolean; readonly zones: readonly string[] }[];
}

/** The cyber layer's KPIs. */
export type CyberKpis = { recordsExfiltrated: number; devicesWithoutComms: number; camerasWorking: number; streetCoverage: number };

/**
 * The cyber layer as one subsystem: the comms network, CCTV and the attacker/responder, stepping
 * in that order each second, with the join between them (which camera's stream is which comms flow).
 */
export class Cyber implements SimSubsystem<CyberSnapshot, CyberFinal> {
  readonly name = 'cyber';
  readonly periodMs = SECOND;
  readonly commands = commandsHandledBy('cyber');
  readonly comms: CommsSubsystem;
  readonly cctv: CctvSubsystem;
  readonly threats: CyberThreats;
  /** Each camera's video flow: the one its stream rides (-1 none). */
  private readonly camFlow: Int32Array;
  private readonly cloudNodes: number[];
  private readonly world: World;

  /** `recordsHeldElsewhere`: records taken that the comms side does not see leave (datasets copied whole; the population's holdings). */
  constructor(
    readonly input: CyberInput,
    ctx: SimContext,
    private readonly recordsHeldElsewhere: () => number = () => 0,
  ) {
    const { world, bus } = ctx;
    this.world = world;
    const comms = (this.comms = new CommsSubsystem(input.comms, ctx, input.policies.segmentation));
    // Coverage is computed once at load (its wall time is a bench figure).
    const cctv = (this.cctv = new CctvSubsystem(input.cctv, ctx));
    const video = FLOW_KINDS.indexOf('video');
    const camFlow = (this.camFlow = new Int32Array(cctv.geometry.count).fill(-1));
    for (let f = 0; f < comms.flows.count; f++) {
      if (comms.flows.kind[f] !== video) continue;
      const k = cctv.cameraIndex(comms.net.nodeIds[comms.flows.src[f]!]!);
      if (k >= 0 && camFlow[k] === -1) camFlow[k] = f;
    }
    // New kit streams somewhere else: the old flow stops, a new one starts (a rebuild, once a camera).
    const rerouteVideo = (k: number, node: string, cause: EventId) => {
      const old = camFlow[k]!;
      if (old >= 0 && comms.net.nodeIds[comms.flows.dst[old]!] === node) return;
      if (old >= 0) comms.setDemand(old, 0, cause);
      const cam = cctv.input.cameras[k]!;
      camFlow[k] = comms.addFlow({ src: cam.asset, dst: node, kind: 'video', demandMbps: cam.videoMbps, deadlineMs: null }, cause);
    };
    this.cloudNodes = Object.keys(input.cloudNodes)
      .sort()
      .map((v) => comms.net.nodeIndex.get(input.cloudNodes[v]!) ?? -1)
      .filter((n) => n >= 0);
    this.threats = new CyberThreats(world, bus, ctx.scheduler, ctx.now, ctx.rng('threats'), comms, cctv, {
      attackerNode: input.attackerNode,
      cloudNode: (v) => input.cloudNodes[v] ?? null,
      controlRoom: input.controlRoom,
      policies: input.policies,
      vendors: input.vendors ?? [],
      homeJurisdiction: input.homeJurisdiction,
      rerouteVideo,
    });
  }

  step(t: SimMs): void {
    const { comms, cctv, camFlow } = this;
    comms.step(t);
    for (let k = 0; k < camFlow.length; k++) {
      const f = camFlow[k]!;
      if (f < 0) continue;
      const off = comms.flows.offered[f]!;
      const ok = off > 0 && comms.flows.rate[f]! >= 0.5 * off ? 1 : 0;
      const cut = ok ? 0 : comms.cutOff(f) ? 1 : 0;
      // The cause is taken when the stream is lost, and again when a starved stream is cut off altogether.
      if (!ok && (cctv.networkOk[k] || cut > cctv.networkCut[k]!)) cctv.networkCause[k] = comms.lossCauses(f)[0] ?? null;
      cctv.networkOk[k] = ok;
      cctv.networkCut[k] = cut;
    }
    cctv.step(t);
    this.threats.step(t);
  }

  handle(c: Command, cause: EventId): void {
    this.threats.handle(c as CyberCommand, cause);
  }

  /** Whether a vendor's remote access reaches asset i now (segmentation, cut VPNs). */
  vendorReaches(vendor: string, i: number): boolean {
    return this.threats.vendorReaches(vendor, i);
  }

  hashInto(h: Hasher): void {
    const { comms, cctv, threats } = this;
    comms.hashInto(h);
    h.bytes(cctv.state);
    for (let d = 0; d < cctv.stored.length; d++) h.num(Math.floor(cctv.stored[d]!));
    for (const e of threats.exfil.ledger()) h.str(e.dataset).num(e.records).num(e.bytes).str(e.destinationJurisdiction);
  }

  /** Records taken: what the comms side saw leave its stores, plus what was copied whole elsewhere. */
  recordsTaken(): number {
    return this.threats.exfil.totalRecords() + this.recordsHeldElsewhere();
  }

  kpis(): CyberKpis {
    return {
      recordsExfiltrated: this.recordsTaken(),
      devicesWithoutComms: this.comms.devicesWithoutComms(),
      camerasWorking: this.cctv.countByState().ok,
      streetCoverage: this.cctv.streetCoverageNowPct(),
    };
  }

  final(): CyberFinal {
    return finalOf(this.input, this.comms, this.cctv, this.threats);
  }

  snapshot(): CyberSnapshot {
    const { comms, cctv, threats, input } = this;
    const jobs = threats.exfil.jobs.filter((j) => !j.stopped);
    const exfil = new Float32Array(jobs.length * 3);
    jobs.forEach((j, i) => exfil.set([comms.flows.src[j.flow]!, comms.flows.dst[j.flow]!, comms.rateOf(j.flow) / 1e6], i * 3));
    return {
      linkUtil: comms.utilisation(),
      linkState: Uint8Array.from(comms.linkUp, (u, l) => (comms.congested[l] ? 2 : u)),
      cameraState: cctv.state.slice(),
      attackPath: attackPath(comms, this.world),
      linkCloud: linkClouds(comms, this.cloudNodes),
      exfil,
      recordsExfiltrated: this.recordsTaken(),
      zoneIsolated: comms.firewall.isolated.slice(),
      policies: { ...threats.policies },
      resupplied: threats.bans.resupplied.slice(),
      bans: threats.bans.programmes.map((p) => ({ ...p })),
      datasetsAdded: cctv.input.datasets
        .slice(input.cctv.datasets.length)
        .map(({ id, kind, jurisdiction, cloudVendor }) => ({ id, kind, jurisdiction, cloudVendor })),
      vendorReach: input.comms.vendorAccess.map(({ vendor }) => ({
        vendor,
        enabled: comms.vendorAccess.get(vendor) !== false,
        zones: [...comms.vendorZones(vendor)].sort((a, b) => a - b).map((z) => comms.firewall.zones[z]!),
      })),
    };
  }

  dispose(): void {}
}

function finalOf(input: CyberInput, comms: CommsSubsystem, cctv: CctvSubsystem, threats: CyberThreats): CyberFinal {
  const util = comms.utilisation();
  const net = comms.net;
  let down = 0;
  let congested = 0;
  let maxU = 0;
  const byClass: Record<string, { links: number; peakUtilisationPct: number }> = {};
  for (let l = 0; l < net.linkCount; l++) {
    if (!comms.linkUp[l]) down++;
    if (comms.congested[l]) congested++;
    maxU = Math.max(maxU, util[l]!);
    const cls = LINK_CLASSES[net.linkClass[l]!]!;
    const c = (byClass[cls] ??= { links: 0, peakUtilisationPct: 0 });
    c.links++;
    c.peakUtilisationPct = Math.max(c.peakUtilisationPct, Math.round(util[l]! * 1000) / 10);
  }
  const flows: Record<string, { count: number; offeredMbps: number; deliveredMbps: number }> = {};
  for (let f = 0; f < comms.flows.count; f++) {
    const k = FLOW_KINDS[comms.flows.kind[f]!]!;
    const e = (flows[k] ??= { count: 0, offeredMbps: 0, deliveredMbps: 0 });
    if (comms.flows.demand[f]! > 0) e.count++;
    e.offeredMbps += comms.flows.offered[f]! / 1e6;
    e.deliveredMbps += comms.flows.rate[f]! / 1e6;
  }
  for (const e of Object.values(flows)) {
    e.offeredMbps = Math.round(e.offeredMbps * 10) / 10;
    e.deliveredMbps = Math.round(e.deliveredMbps * 10) / 10;
  }
  const live = cctv.liveCoverage();
  const atLoad = cctv.summary();
  const now = cctv.summary(live);
  const ledger = threats.exfil.ledger();
  return {
    comms: {
      nodes: net.nodeCount,
      links: net.linkCount,
      linksDown: down,
      linksCongested: congested,
      maxUtilisationPct: Math.round(maxU * 1000) / 10,
      byClass,
      flows,
      devicesWithoutComms: comms.devicesWithoutComms(),
      sharing: comms.sharing,
      segmented: comms.firewall.segmented,
      isolatedZones: comms.firewall.zones.filter((_, z) => comms.firewall.isolated[z]),
      vendorAccess: Object.fromEntries([...comms.vendorAccess].sort()),
      ...(threats.bans.programmes.length > 0
        ? {
            vendorBans: threats.bans.programmes.map(({ vendor, kinds, replacement, assets, done, endMs }) => ({
              vendor,
              kinds,
              replacement,
              assets,
              replaced: done,
              endMs,
            })),
          }
        : {}),
    },
    cctv: {
      cameras: cctv.geometry.count,
      states: cctv.countByState(),
      streetCoveragePct: atLoad.streetCoveragePct,
      liveStreetCoveragePct: now.streetCoveragePct,
      entrancesSeen: atLoad.entrancesSeen,
      liveEntrancesSeen: now.entrancesSeen,
      buildings: atLoad.buildings,
      blindSpots: now.blindSpots,
      datasets: cctv.input.datasets.map((d, i) => ({
        id: d.id,
        kind: d.kind,
        jurisdiction: d.jurisdiction,
        cloudVendor: d.cloudVendor,
        records: Math.floor(cctv.stored[i]!),
        identifying: Math.floor(cctv.identifying[i]!),
      })),
      detections: cctv.detections.count,
      attribution: input.cctv.attribution,
      stateNames: CAMERA_STATES,
    },
    data: {
      exfiltrated: ledger,
      detected: threats.exfil.jobs.filter((j) => j.detected).map((j) => cctv.input.datasets[j.dataset]!.id),
      policies: { ...threats.policies },
    },
  };
}

/**
 * Per link, the vendor cloud whose device data it carries most of (by demand; ties to the first
 * cloud), or -1: the paths of the flows from devices to each cloud. A ban or data localisation
 * reroutes video during a run, so this is worked out afresh for each snapshot (one pass over the flows).
 */
function linkClouds(comms: CommsSubsystem, clouds: readonly number[]): Int32Array {
  const m = comms.net.linkCount;
  const out = new Int32Array(m).fill(-1);
  if (clouds.length === 0) return out;
  const load = new Float64Array(m * clouds.length);
  const { flows } = comms;
  const exfil = FLOW_KINDS.indexOf('exfiltration');
  const flood = FLOW_KINDS.indexOf('flood');
  for (let f = 0; f < flows.count; f++) {
    if (flows.demand[f]! <= 0 || flows.kind[f] === exfil || flows.kind[f] === flood) continue;
    const c = clouds.indexOf(flows.dst[f]!);
    if (c < 0) continue;
    const s = flows.pathStart[f]!;
    for (let p = 0; p < flows.pathLen[f]!; p++) load[flows.pathLinks[s + p]! * clouds.length + c]! += flows.demand[f]!;
  }
  for (let l = 0; l < m; l++) {
    let best = 0;
    for (let c = 0; c < clouds.length; c++) {
      if (load[l * clouds.length + c]! > best) {
        best = load[l * clouds.length + c]!;
        out[l] = clouds[c]!;
      }
    }
  }
  return out;
}

/**
 * Links the attacker has come along: up the routing tree from every device it holds to the core,
 * and the internet uplink when it came in from outside (default credentials, a backdoor calling home).
 */
function attackPath(comms: CommsSubsystem, world: World): Uint8Array {
  const out = new Uint8Array(comms.net.linkCount);
  const { parent, parentLink, nodeIndex } = comms.net;
  let fromOutside = false;
  for (let i = 0; i < world.assets.length; i++) {
    const c = world.compromise[i];
    if (!c) continue;
    if (c.technique === 'T0812' || c.technique === 'T0857' || c.technique === 'T0839') fromOutside = true;
    let n = nodeIndex.get(world.assets[i]!.id) ?? -1;
    while (n >= 0 && parentLink[n]! >= 0 && !out[parentLink[n]!]) {
      out[parentLink[n]!] = 1;
      n = parent[n]!;
    }
  }
  if (fromOutside) {
    const inet = nodeIndex.get(comms.input.internet);
    if (inet !== undefined && parentLink[inet]! >= 0) out[parentLink[inet]!] = 1;
  }
  return out;
}
