/**
 * A vendor ban issued during a run, as the replacement programme it really is: the banned vendor's
 * assets of the named kinds (never its own VPN gateway) are swapped one by one by a number of crews
 * working in parallel, each unit out of service while it is swapped — a camera goes dark, a signal
 * controller leaves its junction as an all-way stop — so the cost of the ban shows next to what it
 * buys. Once swapped, an asset belongs to the replacement vendor (or to none), with that vendor's
 * remote maintenance or none; new hardware carries none of the attacker's footholds; a camera's
 * analytics leave the banned vendor's cloud for the replacement's cloud, or the city's own recorder.
 * What the banned cloud already holds stays there: a ban does not claw data back.
 *
 * (A ban in the scenario file is different: the kit was replaced before the run, at compile time.)
 */
import type { Command, EventBus, EventId, Scheduler, SimMs, VendorSpec, World } from '../core';
import { firmwareOf, vendorId } from '../core';
import type { CctvSubsystem } from '../cctv';
import { DEFAULT_CREWS, planSwaps } from './swap-plan';
import { movedAnalytics } from './rewiring';

export type VendorBanCommand = Extract<Command, { type: 'policy.vendor.ban' }>;

/** What the rest of the cyber layer does when new kit goes in. */
export interface BanHooks {
  /** Ends what the attacker ran on the old unit: its botnet flood, exfiltration from it, a hijacked view. */
  newHardware(assetIndex: number, cause: EventId): void;
  /** Sends camera k's video to a comms node from now on. */
  rerouteVideo(camera: number, node: string, cause: EventId): void;
  cloudNode(vendor: string): string | null;
  /** Whether data localisation is in force now (then nothing goes to any vendor cloud). */
  localised(): boolean;
}

/** An asset re-supplied during the run. */
export interface Resupplied {
  readonly asset: string;
  readonly vendor: string | null;
  readonly remoteAccess: boolean;
}

/** A ban's programme: units done of all, and when the last one is back in service. */
export interface BanProgramme {
  readonly vendor: string;
  readonly kinds: readonly string[];
  readonly replacement: string | null;
  readonly assets: number;
  done: number;
  readonly startMs: SimMs;
  readonly endMs: SimMs;
}

const HOLD = 'vendor-ban';

export class VendorBans {
  readonly resupplied: Resupplied[] = [];
  readonly programmes: BanProgramme[] = [];
  /** Assets already in some programme (a second ban does not schedule them twice). */
  private readonly queued = new Set<number>();

  constructor(
    private readonly world: World,
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
    private readonly cctv: CctvSubsystem,
    private readonly vendors: readonly VendorSpec[],
    private readonly homeJurisdiction: string,
    private readonly hooks: BanHooks,
  ) {}

  start(c: VendorBanCommand, cause: EventId): void {
    const { world } = this;
    const supplied = (i: number) => world.assets[i]!.vendor === c.vendor && world.assets[i]!.kind !== 'vendor-gateway';
    const all = world.assets.map((_, i) => i).filter(supplied);
    const kinds = c.kinds ? [...c.kinds] : [...new Set(all.map((i) => world.assets[i]!.kind))].sort();
    const picked = all.filter((i) => kinds.includes(world.assets[i]!.kind) && !this.queued.has(i));
    picked.sort((a, b) => (world.assets[a]!.id < world.assets[b]!.id ? -1 : 1));
    const crews = Math.max(1, Math.floor(c.crews ?? DEFAULT_CREWS));
    const now = this.now();
    const plan = planSwaps(
      picked.map((i) => world.assets[i]!.kind),
      crews,
      now,
    ).map((p, n) => ({ ...p, i: picked[n]! }));
    const endMs = plan.reduce((m, p) => Math.max(m, p.endMs), now);
    const replacement = c.replacement === null ? null : (this.vendors.find((v) => v.id === c.replacement) ?? null);
    const bannedName = this.vendors.find((v) => v.id === c.vendor)?.name ?? c.vendor;
    const ban = this.bus.emit(
      'vendor.banned',
      null,
      { vendor: vendorId(c.vendor), kinds, replacement: c.replacement === null ? null : vendorId(c.replacement), assets: plan.length, crews, endMs },
      [cause],
    );
    const programme: BanProgramme = { vendor: c.vendor, kinds, replacement: c.replacement, assets: plan.length, done: 0, startMs: now, endMs };
    this.programmes.push(programme);
    for (const p of plan) {
      this.queued.add(p.i);
      this.scheduler.at(p.startMs, () =>
        world.hold(p.i, HOLD, ban.id, 'down', `being replaced: ${bannedName} is banned from supplying ${world.assets[p.i]!.kind}`),
      );
      this.scheduler.at(p.endMs, () => this.finish(p.i, c.vendor, replacement, c.replacement, p.endMs - p.startMs, ban.id, programme));
    }
  }

  private finish(i: number, banned: string, repl: VendorSpec | null, replId: string | null, downMs: SimMs, ban: EventId, programme: BanProgramme): void {
    const { world, bus } = this;
    const a = world.assets[i]!;
    const remoteAccess = repl?.remoteMaintenance ?? false;
    const vendor = repl ? repl.id : replId === null ? null : vendorId(replId);
    world.resupply(i, vendor, remoteAccess, repl ? firmwareOf(repl) : null);
    const ev = bus.emit('vendor.asset.replaced', a.id, { vendor: vendorId(banned), replacement: vendor, kind: a.kind, downS: downMs / 1000, remoteAccess }, [
      ban,
    ]);
    const c = world.compromise[i];
    if (c) {
      bus.emit('asset.secured', a.id, { previousTechnique: c.technique }, [ev.id, c.event]);
      world.setCompromised(i, null);
    }
    this.hooks.newHardware(i, ev.id);
    const k = this.cctv.cameraIndex(a.id);
    if (k >= 0) this.rewireCamera(k, banned, repl, ev.id);
    this.queued.delete(i);
    this.resupplied.push({ asset: a.id, vendor, remoteAccess });
    programme.done++;
    world.release(i, HOLD, ev.id, 'new kit installed and commissioned');
  }

  /**
   * Analytics that ran in the banned vendor's cloud move to the replacement's cloud when it runs one
   * (and data localisation is not in force), else onto the camera's recorder; the video follows.
   */
  private rewireCamera(k: number, banned: string, repl: VendorSpec | null, cause: EventId): void {
    const cam = this.cctv.input.cameras[k]!;
    const sets = this.cctv.input.datasets;
    const cloud = repl && repl.cloudJurisdiction !== null && !this.hooks.localised() && this.hooks.cloudNode(repl.id) !== null ? repl : null;
    const analytics = movedAnalytics(this.cctv, cam, (ds) => ds.cloudVendor === banned, cloud, this.homeJurisdiction);
    const usesCloud = cloud !== null && analytics.some((an) => sets[an.dataset]!.cloudVendor === cloud.id);
    const cloudVendor = cam.cloudVendor === banned ? (usesCloud ? cloud.id : null) : cam.cloudVendor;
    this.cctv.rewire(k, { nvr: cam.nvr, cloudVendor, analytics });
    if (cam.cloudVendor !== banned) return;
    const dst = cloudVendor !== null ? this.hooks.cloudNode(cloudVendor) : cam.nvr;
    if (dst !== null) this.hooks.rerouteVideo(k, dst, cause);
  }
}
