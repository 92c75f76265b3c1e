/**
 * The cyber layer's attacker and responder: campaigns that progress over time (initial access,
 * discovery, lateral movement along the paths segmentation allows, impact) with dwell times between
 * stages, camera botnets, manipulation of view, exfiltration and compelled disclosure, ransomware on
 * the operator's IT, and the responses (isolate a zone, cut a vendor's access, reflash firmware)
 * that take realistic time to bite. Policies switch at run time. Every effect is an event whose
 * causes lead back through the stages to the command that started the attack.
 */
import type { Actor, AssetSelector, Command, EventBus, EventId, Rng, Scheduler, SimMs, VendorSpec, World } from '../core';
import { vendorId } from '../core';
import type { CctvSubsystem } from '../cctv';
import type { CommsSubsystem } from '../comms';
import { LATERAL_KINDS, LATERAL_SUCCESS, RESPONSE_MS, TECHNIQUE } from './catalogue';
import { Localisation } from './localisation';
import { reflashCrewByCrew } from './reflash';
import { Exfiltration } from './exfiltration';
import { selectAssets } from './select';
import { VendorBans } from './vendor-ban';

export type CyberCommand = Extract<Command, { type: `threat.${string}` | `policy.${string}` | `cctv.${string}` | `comms.${string}` }>;

export interface CyberOptions {
  /** Node id of the attacker's server (in the internet zone). */
  readonly attackerNode: string;
  /** Node id of a vendor's cloud. */
  readonly cloudNode: (vendor: string) => string | null;
  /** The asset that is the operator's control room (its IT), or null. */
  readonly controlRoom: string | null;
  readonly policies: Readonly<Record<PolicyName, boolean>>;
  /** Vendors a ban may hand kit to, and the city's jurisdiction (for recorders' datasets). */
  readonly vendors: readonly VendorSpec[];
  readonly homeJurisdiction: string;
  /** Sends camera k's video to another node (its new recorder or cloud). */
  readonly rerouteVideo: (camera: number, node: string, cause: EventId) => void;
}

export type PolicyName = Extract<Command, { type: 'policy.set' }>['policy'];

interface Campaign {
  readonly id: string;
  readonly entry: Extract<Command, { type: 'threat.campaign' }>['entry'];
  readonly vendor: string | null;
  readonly objective: Extract<Command, { type: 'threat.campaign' }>['objective'];
  readonly dwellMs: SimMs;
  readonly destination: string;
  readonly kinds: readonly string[];
  readonly assets: number[];
  halted: boolean;
  hops: number; // rounds of lateral movement made so far
  /** For a backdoor: the firmware release that carries it (null: every release of the vendor's). */
  readonly firmware: string | null;
}

/** Rounds of lateral movement a campaign makes at most, one firewall hop each. */
const MAX_HOPS = 3;

export class CyberThreats {
  readonly exfil: Exfiltration;
  readonly bans: VendorBans;
  readonly policies: Record<PolicyName, boolean>;
  private readonly campaigns: Campaign[] = [];
  private floodFlows = new Map<number, number>();
  private readonly localisation: Localisation;
  /** Assets reflashed with a verified image: no backdoor survives on them. */
  private readonly verified = new Set<number>();
  private lastMs = 0;

  constructor(
    private readonly world: World,
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
    private readonly rng: Rng,
    readonly comms: CommsSubsystem,
    readonly cctv: CctvSubsystem,
    private readonly opts: CyberOptions,
  ) {
    this.exfil = new Exfiltration(bus, rng.fork('egress'), comms, cctv, opts.attackerNode);
    this.policies = { ...opts.policies };
    this.exfil.monitored = this.policies['egress-monitoring'];
    cctv.anonymise = this.policies['edge-anonymisation'];
    this.bans = new VendorBans(world, bus, scheduler, now, cctv, opts.vendors, opts.homeJurisdiction, {
      newHardware: (i, ev) => this.newHardware(i, ev),
      rerouteVideo: opts.rerouteVideo,
      cloudNode: opts.cloudNode,
      localised: () => this.policies['data-localisation'],
    });
    if (!this.policies['vendor-remote-access']) for (const v of comms.input.vendorAccess) comms.vendorAccess.set(v.vendor, false);
    this.localisation = new Localisation(cctv, opts.homeJurisdiction, opts.rerouteVideo, opts.cloudNode);
  }

  step(nowMs: SimMs): void {
    this.exfil.step(nowMs - this.lastMs, nowMs);
    this.lastMs = nowMs;
  }

  /** Whether a vendor's remote access reaches an asset now (for vendor.compromise). */
  vendorReaches(vendor: string, i: number): boolean {
    const zones = this.comms.vendorZones(vendor);
    return zones.size > 0 && this.comms.reachable(zones, i);
  }

  handle(c: CyberCommand, cause: EventId): void {
    switch (c.type) {
      case 'comms.isolate':
        return this.respond('isolate-zone', RESPONSE_MS.isolateZone, 0, cause, (ev) => {
          this.comms.isolate(c.zone, c.isolated, c.actor ?? 'operator', ev);
          if (c.isolated)
            for (const j of this.exfil.jobs)
              if (this.comms.zoneOfNode(this.comms.flows.src[j.flow]!) === c.zone) this.exfil.stop(j, `zone ${c.zone} isolated`, ev);
        });
      case 'comms.vendor-access':
        if (c.enabled) return void this.comms.setVendorAccess(c.vendor, true, c.actor ?? 'operator', cause);
        return this.respond('cut-vendor-access', RESPONSE_MS.cutVendorAccess, 0, cause, (ev) => {
          this.comms.setVendorAccess(c.vendor, false, c.actor ?? 'operator', ev);
          for (const k of this.campaigns) if (k.entry === 'vendor-access' && k.vendor === c.vendor) k.halted = true;
        });
      case 'comms.manual':
        // Staff have to reach the sites before they can run them by hand.
        return this.respond(c.enabled ? 'switch-to-manual' : 'return-to-remote', c.enabled ? RESPONSE_MS.manual : 0, 0, cause, (ev) =>
          this.comms.setManual(c.kinds ?? null, c.enabled, ev),
        );
      case 'cctv.view':
        for (const i of selectAssets(this.world, c.targets)) {
          const k = this.cctv.cameraIndex(this.world.assets[i]!.id);
          if (k < 0 || (c.mode !== 'clear' && this.world.compromise[i] === null)) continue;
          this.cctv.setHijacked(k, c.mode !== 'clear', cause);
        }
        return;
      case 'threat.campaign':
        return this.startCampaign(c, cause);
      case 'threat.exfiltrate':
        return this.exfiltrate(c.datasets ?? null, c.destination, c.technique ?? TECHNIQUE.theftOfOperationalInformation, null, cause);
      case 'threat.botnet':
        return c.action === 'start'
          ? this.flood(selectAssets(this.world, { ...c.targets, compromised: true }), c.mbpsPerDevice ?? 60, c.technique ?? TECHNIQUE.denialOfService, cause)
          : this.stopFlood(cause);
      case 'threat.disclose':
        this.scheduler.at(this.now() + RESPONSE_MS.disclosure, () => this.exfil.disclose(c.vendor, c.requestedBy, this.policies['data-localisation'], cause));
        return;
      case 'threat.ransomware': {
        const room = this.opts.controlRoom;
        const ev = this.bus.emit(
          'threat.stage',
          room ? (room as never) : null,
          {
            campaign: 'ransomware',
            stage: 'impact',
            technique: c.technique ?? TECHNIQUE.lossOfView,
            assets: room ? 1 : 0,
            zones: [],
            note: "the operator's IT is encrypted: no view of the network, operation turns manual",
          },
          [cause],
        );
        // The servers stay powered but useless: the site is degraded, and its node is gone from the network.
        if (room && this.world.has(room)) this.world.hold(this.world.indexOf(room), 'ransomware', ev.id, 'degraded', 'IT encrypted by ransomware');
        if (room) this.comms.forceDown(room, ev.id);
        return;
      }
      case 'threat.reflash':
        return this.reflash(c.targets, cause);
      case 'policy.set':
        return this.setPolicy(c.policy, c.enabled, 'operator', cause);
      case 'policy.vendor.ban':
        return this.bans.start(c, cause);
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${String(never)}`);
      }
    }
  }

  // --- campaigns ---------------------------------------------------------------------------------

  private startCampaign(c: Extract<Command, { type: 'threat.campaign' }>, cause: EventId): void {
    const k: Campaign = {
      id: c.id,
      entry: c.entry,
      vendor: c.vendor ?? null,
      objective: c.objective,
      dwellMs: Math.round((c.dwellMin ?? 30) * 60_000),
      destination: c.destination ?? 'an undisclosed jurisdiction',
      kinds: c.kinds ?? ['camera'],
      assets: [],
      halted: false,
      hops: 0,
      firmware: c.firmware ?? null,
    };
    this.campaigns.push(k);
    const kinds = new Set(k.kinds);
    const { world } = this;
    let targets: number[] = [];
    let technique: string = TECHNIQUE.supplyChain;
    let note = '';
    if (c.entry === 'vendor-access') {
      technique = TECHNIQUE.externalRemoteServices;
      targets = world.assets
        .map((_, i) => i)
        .filter((i) => world.assets[i]!.vendor === k.vendor && world.assets[i]!.remoteAccess && this.vendorReaches(k.vendor!, i));
      targets.sort((a, b) => Number(world.assets[b]!.kind === 'vendor-gateway') - Number(world.assets[a]!.kind === 'vendor-gateway') || a - b);
      note = `${k.vendor}'s maintenance VPN (${TECHNIQUE.supplyChain} supply chain) reaches ${targets.length} of its assets`;
    } else if (c.entry === 'default-credentials') {
      technique = TECHNIQUE.defaultCredentials;
      targets = world.assets
        .map((_, i) => i)
        .filter((i) => kinds.has(world.assets[i]!.kind) && (!k.vendor || world.assets[i]!.vendor === k.vendor) && this.comms.internetExposed(i));
      note = `${targets.length} internet-exposed device(s) (${TECHNIQUE.internetAccessible}) still use default credentials`;
    } else {
      technique = TECHNIQUE.systemFirmware;
      // The backdoor is already inside; it needs only to call home through the firewall.
      const inet = this.comms.firewall.index.get('internet') ?? -1;
      targets = world.assets
        .map((_, i) => i)
        .filter(
          (i) => (!k.vendor || world.assets[i]!.vendor === k.vendor) && kinds.has(world.assets[i]!.kind) && this.backdoored(i, k) && this.callsHome(i, inet),
        );
      note = `backdoored firmware (${TECHNIQUE.moduleFirmware}) triggers on ${targets.length} device(s) that can call home`;
    }
    if (targets.length === 0) {
      this.bus.emit(
        'threat.stage',
        null,
        { campaign: k.id, stage: 'blocked', technique, assets: 0, zones: [], note: `initial access fails: ${note || 'nothing reachable'}` },
        [cause],
      );
      k.halted = true;
      return;
    }
    const stage = this.bus.emit(
      'threat.stage',
      null,
      { campaign: k.id, stage: 'initial-access', technique, assets: targets.length, zones: this.zonesOf(targets), note },
      [cause],
    );
    if (c.entry === 'vendor-access' && k.vendor)
      this.bus.emit('vendor.access.compromised', null, { vendor: vendorId(k.vendor), technique, assets: targets.length }, [stage.id]);
    this.compromise(k, targets, technique, stage.id);
    this.scheduler.at(this.now() + k.dwellMs, () => this.discover(k, stage.id));
  }

  /** Whether asset i still runs the image with the backdoor: not reflashed, and of the release named (if any). */
  private backdoored(i: number, k: Campaign): boolean {
    if (this.verified.has(i)) return false;
    const fw = this.world.assets[i]!.firmware ?? null;
    return k.firmware === null || (fw !== null && fw.endsWith(` ${k.firmware}`));
  }

  private callsHome(i: number, inet: number): boolean {
    const z = this.comms.zoneOfAsset(this.world.assets[i]!.id);
    const zi = z === null ? -1 : this.comms.firewall.index.get(z)!;
    return zi >= 0 && inet >= 0 && this.comms.firewall.allows(zi, inet);
  }

  private discover(k: Campaign, cause: EventId): void {
    if (this.checkHalted(k, cause)) return;
    const zones = this.reachZones(k);
    const ev = this.bus.emit(
      'threat.stage',
      null,
      {
        campaign: k.id,
        stage: 'discovery',
        technique: TECHNIQUE.remoteSystemDiscovery,
        assets: k.assets.length,
        zones: [...zones].map((z) => this.comms.firewall.zones[z]!),
        note: `maps ${zones.size} network zone(s) reachable from its foothold`,
      },
      [cause],
    );
    this.scheduler.at(this.now() + k.dwellMs, () => this.moveLaterally(k, zones, ev.id));
  }

  private moveLaterally(k: Campaign, zones: Set<number>, cause: EventId): void {
    if (this.checkHalted(k, cause)) return;
    // A credential-stuffing worm (Mirai) only spreads to more of the devices it knows the passwords of.
    const kinds = new Set(k.entry === 'default-credentials' ? k.kinds : LATERAL_KINDS);
    const found = this.world.assets
      .map((_, i) => i)
      .filter(
        (i) =>
          kinds.has(this.world.assets[i]!.kind) &&
          this.world.compromise[i] === null &&
          this.comms.zoneOfAsset(this.world.assets[i]!.id) !== null &&
          this.comms.reachable(zones, i),
      );
    const taken = found.filter(() => this.rng.chance(LATERAL_SUCCESS));
    const ev = this.bus.emit(
      'threat.stage',
      null,
      {
        campaign: k.id,
        stage: 'lateral-movement',
        technique: TECHNIQUE.remoteServices,
        assets: taken.length,
        zones: this.zonesOf(taken),
        note: `moves on to ${taken.length} of ${found.length} device(s) it can reach`,
      },
      [cause],
    );
    this.compromise(k, taken, TECHNIQUE.remoteServices, ev.id);
    // A foothold in a new zone that opens zones not yet in reach: another round.
    k.hops++;
    if (this.reachZones(k).size > zones.size && k.hops < MAX_HOPS) this.scheduler.at(this.now() + k.dwellMs, () => this.discover(k, ev.id));
    else this.scheduler.at(this.now() + k.dwellMs, () => this.impact(k, ev.id));
  }

  private impact(k: Campaign, cause: EventId): void {
    if (this.checkHalted(k, cause)) return;
    const held = k.assets.filter((i) => this.world.compromise[i] !== null);
    const technique =
      k.objective === 'exfiltrate'
        ? TECHNIQUE.theftOfOperationalInformation
        : k.objective === 'botnet'
          ? TECHNIQUE.denialOfService
          : k.objective === 'disrupt'
            ? TECHNIQUE.manipulationOfControl
            : TECHNIQUE.manipulationOfView;
    const ev = this.bus.emit(
      'threat.stage',
      null,
      { campaign: k.id, stage: 'impact', technique, assets: held.length, zones: this.zonesOf(held), note: `${k.objective} with ${held.length} device(s)` },
      [cause],
    );
    const cams = held.filter((i) => this.world.assets[i]!.kind === 'camera');
    switch (k.objective) {
      case 'exfiltrate':
        return this.exfiltrate(null, k.destination, technique, k, ev.id);
      case 'botnet':
        return this.flood(cams, 60, technique, ev.id);
      case 'blind':
        for (const i of cams) this.cctv.setHijacked(this.cctv.cameraIndex(this.world.assets[i]!.id), true, this.world.compromise[i]!.event);
        return;
      case 'disrupt':
        for (const i of held) {
          if (this.world.assets[i]!.kind === 'camera' || this.world.isDisabled(i)) continue;
          const d = this.bus.emit(
            'asset.disabled',
            this.world.assets[i]!.id,
            { actor: 'attacker', technique, reason: 'unauthorised commands from the attacker' },
            [ev.id, this.world.compromise[i]!.event],
          );
          this.world.disable(i, d.id);
        }
        return;
    }
  }

  private checkHalted(k: Campaign, cause: EventId): boolean {
    const anyHeld = k.assets.some((i) => this.world.compromise[i] !== null);
    if (!k.halted && anyHeld) return false;
    this.bus.emit(
      'threat.stage',
      null,
      {
        campaign: k.id,
        stage: 'blocked',
        technique: '',
        assets: 0,
        zones: [],
        note: k.halted ? 'the attacker loses its way in before it can go further' : 'every foothold has been cleaned',
      },
      [cause],
    );
    k.halted = true;
    return true;
  }

  /** Zones where the campaign holds a device now. */
  private heldZones(k: Campaign): Set<number> {
    const out = new Set<number>();
    for (const i of k.assets) {
      const z = this.comms.zoneOfAsset(this.world.assets[i]!.id);
      if (z !== null && this.world.compromise[i] !== null) out.add(this.comms.firewall.index.get(z)!);
    }
    return out;
  }

  /** Zones reachable from its footholds: theirs and those the firewall lets them talk to directly. */
  private reachZones(k: Campaign): Set<number> {
    return this.comms.firewall.oneHop([...this.heldZones(k)].sort((a, b) => a - b));
  }

  private compromise(k: Campaign, targets: readonly number[], technique: string, cause: EventId): void {
    let via = cause;
    for (const i of targets) {
      if (this.world.compromise[i] !== null) continue;
      const a = this.world.assets[i]!;
      const ev = this.bus.emit('asset.compromised', a.id, { vendor: a.vendor, technique }, [via]);
      this.world.setCompromised(i, { vendor: a.vendor, technique, event: ev.id, sinceMs: ev.tMs });
      k.assets.push(i);
      if (a.kind === 'vendor-gateway') via = ev.id;
    }
  }

  private zonesOf(assets: readonly number[]): string[] {
    const out = new Set<string>();
    for (const i of assets) {
      const z = this.comms.zoneOfAsset(this.world.assets[i]!.id);
      if (z) out.add(z);
    }
    return [...out].sort();
  }

  // --- impacts -----------------------------------------------------------------------------------

  private exfiltrate(only: readonly string[] | null, destination: string, technique: string, k: Campaign | null, cause: EventId): void {
    const now = this.now();
    this.cctv.input.datasets.forEach((d, di) => {
      if (only && !only.includes(d.id)) return;
      if (d.storeAsset !== null && this.world.has(d.storeAsset) && this.world.compromise[this.world.indexOf(d.storeAsset)] !== null) {
        this.exfil.start(di, d.storeAsset, destination, 20, technique, cause, now);
      } else if (d.cloudVendor !== null && !this.policies['data-localisation'] && this.vendorHeld(d.cloudVendor, k)) {
        const node = this.opts.cloudNode(d.cloudVendor);
        if (node) this.exfil.start(di, node, destination, 100, TECHNIQUE.transferToCloudAccount, cause, now);
      }
    });
  }

  /** The attacker holds a vendor's cloud when it came in through that vendor's access. */
  private vendorHeld(vendor: string, k: Campaign | null): boolean {
    if (k) return k.entry === 'vendor-access' && k.vendor === vendor;
    return this.world.assets.some((a, i) => a.kind === 'vendor-gateway' && a.vendor === vendor && this.world.compromise[i] !== null);
  }

  private flood(devices: readonly number[], mbps: number, technique: string, cause: EventId): void {
    const cams = devices.filter((i) => this.comms.nodeOf(this.world.assets[i]!.id) !== undefined);
    if (cams.length === 0) return;
    const ev = this.bus.emit('botnet.flood', null, { members: cams.length, offeredMbps: cams.length * mbps, started: true, technique }, [cause]);
    const fresh = cams.filter((i) => !this.floodFlows.has(i));
    if (fresh.length > 0) {
      const first = this.comms.addFlows(
        fresh.map((i) => ({ src: this.world.assets[i]!.id, dst: this.opts.attackerNode, kind: 'flood' as const, demandMbps: 0, deadlineMs: null })),
        ev.id,
      );
      fresh.forEach((i, n) => this.floodFlows.set(i, first + n));
    }
    for (const i of cams) {
      this.comms.setDemand(this.floodFlows.get(i)!, mbps, ev.id);
      const k = this.cctv.cameraIndex(this.world.assets[i]!.id);
      if (k >= 0) this.cctv.setBotnet(k, true, ev.id);
    }
  }

  private stopFlood(cause: EventId, only?: ReadonlySet<number>): void {
    let n = 0;
    for (const [i, f] of [...this.floodFlows].sort((a, b) => a[0] - b[0])) {
      if (only && !only.has(i)) continue;
      if (this.comms.flows.demand[f]! > 0) n++;
      this.comms.setDemand(f, 0, cause);
      const k = this.cctv.cameraIndex(this.world.assets[i]!.id);
      if (k >= 0) this.cctv.setBotnet(k, false, cause);
    }
    if (n > 0) this.bus.emit('botnet.flood', null, { members: n, offeredMbps: 0, started: false, technique: TECHNIQUE.denialOfService }, [cause]);
  }

  // --- responses and policies -----------------------------------------------------------------

  private respond(action: string, durationMs: SimMs, assets: number, cause: EventId, done: (ev: EventId) => void): void {
    const start = this.bus.emit('threat.response', null, { action, done: false, durationS: durationMs / 1000, assets }, [cause]);
    this.scheduler.at(this.now() + durationMs, () => {
      const end = this.bus.emit('threat.response', null, { action, done: true, durationS: durationMs / 1000, assets }, [start.id]);
      done(end.id);
    });
  }

  private reflash(targets: AssetSelector, cause: EventId): void {
    reflashCrewByCrew(this.world, this.bus, this.scheduler, this.now(), this.cctv, selectAssets(this.world, targets), cause, {
      verified: this.verified,
      stopFlood: (i, ev) => this.stopFlood(ev, new Set([i])),
    });
  }

  /** New kit in place of asset i: the attacker's flood, exfiltration from it and any hijacked view end. */
  private newHardware(i: number, cause: EventId): void {
    const id = this.world.assets[i]!.id;
    this.stopFlood(cause, new Set([i]));
    const node = this.comms.nodeOf(id);
    if (node !== undefined)
      for (const j of this.exfil.jobs)
        if (this.comms.flows.src[j.flow] === node) this.exfil.stop(j, `${this.world.assets[i]!.name} replaced with new kit`, cause);
    const k = this.cctv.cameraIndex(id);
    if (k >= 0) this.cctv.setHijacked(k, false, cause);
    // The new supplier maintains it: its VPN (if it has one) reaches the zone the kit is in, as for a ban at load.
    const a = this.world.assets[i]!;
    const zone = this.comms.zoneOfAsset(id);
    if (a.vendor !== null && a.remoteAccess && zone !== null)
      this.comms.grantedZones.set(a.vendor, (this.comms.grantedZones.get(a.vendor) ?? new Set()).add(zone));
  }

  setPolicy(policy: PolicyName, enabled: boolean, actor: Actor, cause: EventId): void {
    this.policies[policy] = enabled;
    const ev = this.bus.emit('policy.changed', null, { policy, enabled, actor }, [cause]);
    switch (policy) {
      case 'segmentation':
        return this.comms.setSegmentation(enabled);
      case 'vendor-remote-access':
        for (const v of this.comms.input.vendorAccess) this.comms.setVendorAccess(v.vendor, enabled, actor, ev.id);
        if (!enabled) for (const k of this.campaigns) if (k.entry === 'vendor-access') k.halted = true;
        return;
      case 'data-localisation':
        if (enabled)
          for (const j of this.exfil.jobs)
            if (this.cctv.input.datasets[j.dataset]!.cloudVendor !== null) this.exfil.stop(j, 'data repatriated from the vendor cloud', ev.id);
        // The cameras keep their video and analytics at home from now on (or go back to the clouds).
        this.localisation.apply(enabled, ev.id);
        return;
      case 'edge-anonymisation':
        this.cctv.anonymise = enabled;
        return;
      case 'egress-monitoring':
        this.exfil.monitored = enabled;
        return;
    }
  }
}
