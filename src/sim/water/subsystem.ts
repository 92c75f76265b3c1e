/**
 * The water network as a running subsystem. EPANET (through WaterModel) owns the hydraulics; this
 * class couples them to the city: a pump whose asset is down (no power once its UPS is spent,
 * taken out of service) does not run whatever the .inp controls or a PLC say, until it is back; a
 * motorised valve without power stays where it is. PLCs take over the file's level controls for
 * the pumps and valves they drive and act on the readings that reach them — which an attacker can
 * spoof, freeze or cut off — while EPANET keeps the truth and SCADA shows operators what arrives.
 * Consumers (neighbourhoods, the hospital) are held degraded or down by their service level.
 */
import type { AssetId, EventBus, EventId, Hasher, KpiValues, Scheduler, SimContext, SimMs, SimSubsystem, World, Command } from '../core';
import { commandsHandledBy } from '../core';
import { ENGINE_NOT_LOADED, loadedWaterEngine, type WaterEngine } from './engine';
import { waterFinal, type WaterFinal } from './final';
import { waterSnapshot, type WaterSnapshot } from './snapshot';
import type { WaterState } from './state';
import { LINK_PUMP, NODE_JUNCTION, NODE_TANK, WaterModel } from './model';
import { channelKey, ruleFires, SCADA, spoofed, type PlcRule, type Spoof } from './plc';
import { Consumers, powerLeftS } from './consumers';

export type { WaterConsumer } from './consumers';
export { WaterModelError, type WaterInput, type WaterQualityInput } from './input';
import { WaterModelError, type WaterInput } from './input';

type WaterCommand = Extract<Command, { type: `water.${string}` }>;

/** How often a PLC reads its sensors and runs its rules when the scenario does not say, s. */
const DEFAULT_SCAN_S = 1;
const NO_DECISIONS: readonly PlcDecision[] = Object.freeze([]);

interface PlcDecision {
  readonly rule: PlcRule;
  readonly want: boolean;
  readonly reading: number;
  readonly stale: boolean;
  readonly trueM: number;
}

export class WaterSubsystem implements SimSubsystem<WaterSnapshot, WaterFinal>, WaterState {
  readonly name = 'water';
  /** Every second: power, commands and PLC scans act at the second they happen, not at the next hydraulic step. */
  readonly periodMs: SimMs = 1000;
  /** From 1 s: EPANET solves on its hydraulic steps (a 24 h run ends with the 24:00 solution) and at the second anything changes what it models. */
  readonly firstStepMs: SimMs = 1000;
  readonly commands = commandsHandledBy('water');
  /** EPANET's hydraulic step, ms: the model is solved at least this often. */
  readonly hydStepMs: SimMs;
  readonly model: WaterModel;
  readonly rules: PlcRule[] = [];
  /** Per link: 1 while its pump or valve has power (always 1 for links no asset stands for). */
  readonly powered: Uint8Array;
  /** Per link: what its PLC (or the file's controls) last asked for. */
  readonly commanded: Uint8Array;
  readonly linkAsset: Int32Array;
  /** Demand nodes that decide assets' water: service, holds, on-site storage, time left. */
  readonly consumers: Consumers;
  readonly nodeAsset: Int32Array;
  /** Sensor → PLC that owns it. */
  readonly sensorOwner = new Map<string, string>();
  readonly spoofs = new Map<string, Spoof>();
  readonly denied = new Set<string>();
  /** Last value that arrived per channel (sensor→destination). */
  readonly lastReading = new Map<string, number>();
  private readonly plcAsset = new Map<string, number>();
  private readonly plcOfLink = new Map<number, string>();
  private readonly fileControls = new Map<number, number[]>();
  private readonly causeOf = new Map<string, EventId>();
  private readonly tankState: Uint8Array;
  private readonly exceeded = new Set<number>();
  private dosingNode = -1;
  private readonly sensorRef = new Map<string, number>();
  private readonly plcUp = new Map<string, boolean>();
  /** Per PLC: its scan interval and when it next scans, ms. */
  private readonly scanMs = new Map<string, number>();
  private readonly nextScan = new Map<string, number>();
  /** The earliest next scan of any PLC, ms; the PLCs due at this one. */
  private scanAt = 0;
  private readonly due = new Set<string>();
  /** Per rule: its channel key (sensor → PLC), built once. */
  private ruleKeys: string[] = [];
  /** A dosing change waiting for the moment it was made to be solved. */
  private pendingDose: { node: number; mgL: number } | null = null;
  /** Junctions cut off from every source at the last solve, and whether the last solve failed. */
  private readonly isolated: Uint8Array;
  private wasUnsolved = false;
  /** Set when any asset's status changes: only then can a pump or valve have gained or lost power. */
  private statusMoved = true;
  /**
   * Until when no PLC rule can change its mind, ms: the readings between solves are constant or
   * move linearly with the tanks, so the next moment one can reach its rule's level is known. Any
   * solve, command or change of an asset's status ends the quiet.
   */
  private quietUntilMs = 0;

  private readonly world: World;
  private readonly bus: EventBus;
  private readonly scheduler: Scheduler;
  private readonly now: () => SimMs;

  /** `engine`: the loaded EPANET (default: the one `loadWaterEngine()` has loaded). */
  constructor(
    readonly input: WaterInput,
    ctx: SimContext,
    engine: WaterEngine | null = loadedWaterEngine(),
  ) {
    if (!engine) throw new Error(ENGINE_NOT_LOADED);
    const { world, bus, scheduler, now, durationMs } = ctx;
    this.world = world;
    this.bus = bus;
    this.scheduler = scheduler;
    this.now = now;
    const q = input.quality;
    const opened = WaterModel.open(engine, input.inp, {
      pda: input.pda,
      hydStepS: input.hydStepS,
      durationS: Math.ceil(durationMs / 1000) + 86_400,
      quality: q ? { chemical: q.chemical, units: q.units } : null,
      initialLevels: input.initialLevels,
      patterns: input.patterns,
    });
    if (!opened.ok) throw new WaterModelError(opened.issues, input.fileName);
    const m = (this.model = opened.model);
    this.hydStepMs = Math.max(1, Math.round(m.hydStepS)) * 1000;
    const nL = m.linkIds.length;
    this.powered = new Uint8Array(nL).fill(1);
    this.commanded = new Uint8Array(nL);
    const assetIdx = (id: string) => (world.has(id) ? world.indexOf(id) : -1);
    this.linkAsset = new Int32Array(nL).fill(-1);
    for (const la of input.linkAssets) {
      const k = m.linkOf(la.link);
      if (k !== undefined) this.linkAsset[k] = assetIdx(la.asset);
    }
    this.nodeAsset = new Int32Array(m.nodeIds.length).fill(-1);
    for (const na of input.nodeAssets) {
      const i = m.nodeOf(na.node);
      if (i !== undefined) this.nodeAsset[i] = assetIdx(na.asset);
    }
    bus.on('asset.status.changed', () => {
      this.catchUp();
      this.statusMoved = true;
      this.quietUntilMs = 0;
    });
    this.consumers = new Consumers(input.consumers, m, world, bus, scheduler, now);
    this.tankState = new Uint8Array(m.nodeIds.length);
    this.isolated = new Uint8Array(m.nodeIds.length);
    this.setUpPlcs();
    if (q) {
      this.dosingNode = m.nodeOf(q.sourceNode) ?? -1;
      if (this.dosingNode >= 0) m.setSetpointSource(this.dosingNode, q.baselineMgL);
    }
    m.start();
    for (let k = 0; k < nL; k++) this.commanded[k] = m.linkOpen[k]!;
    this.observe([]);
  }

  /** PLCs take over the file's level controls on the links they drive; those controls are switched off in EPANET. */
  private setUpPlcs(): void {
    const m = this.model;
    for (const plc of this.input.plcs) {
      if (plc.asset && this.world.has(plc.asset)) this.plcAsset.set(plc.id, this.world.indexOf(plc.asset));
      this.scanMs.set(plc.id, Math.max(1, Math.round(plc.scanS ?? DEFAULT_SCAN_S)) * 1000);
      this.nextScan.set(plc.id, 0);
      for (const s of plc.sensors) if (!this.sensorOwner.has(s)) this.sensorOwner.set(s, plc.id);
      for (const a of plc.actuators) {
        const k = m.linkOf(a);
        if (k !== undefined) this.plcOfLink.set(k, plc.id);
      }
    }
    for (let c = 0; c < m.controlCount(); c++) {
      const ctl = m.control(c);
      const list = this.fileControls.get(ctl.linkIndex) ?? [];
      list.push(c);
      this.fileControls.set(ctl.linkIndex, list);
      const plc = this.plcOfLink.get(ctl.linkIndex);
      if (plc === undefined || ctl.kind !== 'level' || ctl.nodeIndex < 0) continue;
      m.setControlEnabled(c, false);
      const sensor = `P_${m.nodeIds[ctl.nodeIndex]!}`;
      this.rules.push({ id: `CTRL${c + 1}`, plc, link: ctl.linkIndex, open: ctl.open, sensor, below: ctl.below, levelM: ctl.levelM, originalM: ctl.levelM });
    }
    this.ruleKeys = this.rules.map((r) => channelKey(r.sensor, r.plc));
  }

  /**
   * Called every second. EPANET is solved on its own hydraulic steps, and in between at the very
   * second something changes what it models — a pump or valve losing or regaining power, a PLC
   * scan that switches a link, a dosing change — by cutting the step there, as EPANET's own timed
   * controls do. Between those moments nothing is solved and nothing is decided.
   */
  step(now: SimMs): void {
    const m = this.model;
    const tNow = Math.floor(now / 1000);
    if (tNow <= m.tS) return;
    const decisions = this.scan(now, tNow);
    const change = decisions.length > 0 || this.pendingDose !== null || this.powerChanged();
    const grid = Math.floor(now / this.hydStepMs) * (this.hydStepMs / 1000);
    const target = change ? tNow : grid > m.tS ? grid : -1;
    if (target < 0) return;
    m.advanceTo(
      target,
      () => this.control(decisions),
      () => this.observe([]),
    );
    this.observe([]);
  }

  /** Whether a pump or valve that an asset stands for has gained or lost power since it was last applied. */
  private powerChanged(): boolean {
    if (!this.statusMoved) return false;
    this.statusMoved = false;
    for (let k = 0; k < this.linkAsset.length; k++) {
      const ai = this.linkAsset[k]!;
      if (ai >= 0 && (this.world.status[ai] !== 2 ? 1 : 0) !== this.powered[k]) return true;
    }
    return false;
  }

  /**
   * The PLCs whose scan is due read their sensors — tank levels as EPANET carries them between
   * solves — and decide; returns the switches they ask for, applied at this second.
   */
  private scan(now: SimMs, tNow: number): readonly PlcDecision[] {
    if (now < this.scanAt || now < this.quietUntilMs) return NO_DECISIONS;
    const due = this.due;
    due.clear();
    let earliest = Infinity;
    for (const [plc, at] of this.nextScan) {
      let next = at;
      if (now >= at) {
        due.add(plc);
        const every = this.scanMs.get(plc)!;
        next = at + Math.ceil((now + 1 - at) / every) * every;
        this.nextScan.set(plc, next);
      }
      earliest = Math.min(earliest, next);
    }
    this.scanAt = earliest;
    if (due.size === 0) return NO_DECISIONS;
    this.refreshPlcs();
    const m = this.model;
    // A PLC runs all its rules, then writes its outputs once: where two rules fire on one link
    // in a scan, the later one is what the link is told (no switching back and forth within it).
    let out: PlcDecision[] | null = null;
    for (let i = 0; i < this.rules.length; i++) {
      const r = this.rules[i]!;
      if (!due.has(r.plc) || !this.plcAlive(r.plc)) continue; // not scanning now, or dead: outputs stay as they were
      const rd = this.reading(r.sensor, r.plc, tNow, this.ruleKeys[i]);
      let want: boolean | null = null;
      if (rd.stale && this.input.commsLoss === 'failsafe') want = m.linkType[r.link] === LINK_PUMP ? false : null;
      else if (ruleFires(r, rd.value)) want = r.open;
      if (want === null) continue;
      out ??= [];
      const d: PlcDecision = { rule: r, want, reading: rd.value, stale: rd.stale, trueM: this.truth(r.sensor, tNow) };
      const k = out.findIndex((x) => x.rule.link === r.link);
      if (k >= 0) out[k] = d;
      else out.push(d);
    }
    this.quietUntilMs = this.nextCrossing(now, tNow);
    if (out === null) return NO_DECISIONS;
    out = out.filter((d) => (d.want ? 1 : 0) !== this.commanded[d.rule.link]);
    if (out.length > 0) this.quietUntilMs = 0;
    return out.length > 0 ? out : NO_DECISIONS;
  }

  /**
   * The first moment (ms) a live PLC's reading can meet its rule's level, from the tanks' present
   * rates (a level held at a tank's floor or top only makes this early, never late): until then
   * every rule fires or stays quiet as it does now, and scans are skipped.
   */
  private nextCrossing(now: SimMs, tNow: number): number {
    let quiet = Infinity;
    for (let i = 0; i < this.rules.length; i++) {
      const r = this.rules[i]!;
      if (!this.plcAlive(r.plc)) continue;
      const rate = this.readingRate(r.sensor, r.plc, this.ruleKeys[i]!);
      if (rate === 0) continue;
      const dtS = (r.levelM - this.reading(r.sensor, r.plc, tNow, this.ruleKeys[i]).value) / rate;
      if (dtS >= 0) quiet = Math.min(quiet, now + Math.floor(dtS * 1000));
    }
    return quiet;
  }

  /**
   * Readings arrive at every scan, skipped or not: before anything changes what arrives (a link
   * going down, a spoof, a freeze), each channel takes the value that reached it this second, so a
   * PLC cut off holds the reading of its last scan, not of the last scan that decided something.
   */
  private catchUp(): void {
    if (this.quietUntilMs === 0) return; // scans have not been skipped since the last solve or change
    const tS = Math.max(this.model.tS, Math.floor(this.now() / 1000));
    for (let i = 0; i < this.rules.length; i++) this.reading(this.rules[i]!.sensor, this.rules[i]!.plc, tS, this.ruleKeys[i]);
  }

  /** The reading of `sensor` that `to` holds now: what arrives this second, or the last that arrived when its link is down. */
  arrivedReading(sensor: string, to: string): number {
    return this.reading(sensor, to, Math.max(this.model.tS, Math.floor(this.now() / 1000))).value;
  }

  /** How fast the reading of `sensor` that reaches `to` moves now, per second: tanks move, the rest hold until the next solve. */
  private readingRate(sensor: string, to: string, key: string): number {
    const m = this.model;
    const ref = this.sensorRef.get(sensor);
    if (ref === undefined || Number.isNaN(ref) || ref < 0 || m.nodeType[ref] !== NODE_TANK) return 0;
    const owner = this.sensorOwner.get(sensor);
    if (owner !== undefined && owner !== to && !this.linkUp(owner, to)) return 0; // stale: held
    const base = m.levelRateMps(ref);
    const sp = this.spoofs.get(key);
    if (!sp) return base;
    return sp.mode === 'offset' ? base : sp.mode === 'scale' ? base * sp.value : 0;
  }

  /** The true value of a sensor: P_<node> (m of level or pressure) or F_<link> (L/s); at `atS`, tank levels as EPANET carries them. */
  truth(sensor: string, atS = this.model.tS): number {
    const m = this.model;
    let ref = this.sensorRef.get(sensor);
    if (ref === undefined) {
      // node i → i, link k → -(k + 1), unknown → NaN
      const id = sensor.slice(2);
      const i = sensor.startsWith('P_') ? m.nodeOf(id) : undefined;
      const k = sensor.startsWith('F_') ? m.linkOf(id) : undefined;
      ref = i !== undefined ? i : k !== undefined ? -(k + 1) : NaN;
      this.sensorRef.set(sensor, ref);
    }
    if (Number.isNaN(ref)) return NaN;
    if (ref >= 0 && m.nodeType[ref] === NODE_TANK) return m.projectedLevelM(ref, atS);
    return ref >= 0 ? m.pressureM[ref]! : m.flowLps[-ref - 1]!;
  }

  /** The reading of `sensor` that reaches `to` (a PLC or SCADA) now, and whether it is stale. */
  reading(sensor: string, to: string, atS = this.model.tS, key = channelKey(sensor, to)): { value: number; stale: boolean; spoofed: boolean } {
    const owner = this.sensorOwner.get(sensor);
    if (owner !== undefined && owner !== to && !this.linkUp(owner, to)) {
      return { value: this.lastReading.get(key) ?? this.truth(sensor, atS), stale: true, spoofed: false };
    }
    const truth = this.truth(sensor, atS);
    const sp = this.spoofs.get(key);
    const value = sp ? spoofed(sp, truth) : truth;
    this.lastReading.set(key, value);
    return { value, stale: false, spoofed: sp !== undefined };
  }

  private linkUp(from: string, to: string): boolean {
    if (this.denied.size > 0 && this.denied.has(`${from}->${to}`)) return false;
    return this.plcReachable(from) && this.plcReachable(to);
  }

  /** Whether a PLC is up and on the network, as of the last refresh (once per hydraulic step). */
  private plcReachable(plc: string): boolean {
    return this.plcUp.get(plc) ?? true;
  }

  private refreshPlcs(): void {
    for (const [plc, ai] of this.plcAsset)
      this.plcUp.set(plc, this.world.status[ai] !== 2 && !this.world.hasLost(ai, 'comms') && !this.world.hasLost(ai, 'control'));
  }

  private plcAlive(plc: string): boolean {
    const ai = this.plcAsset.get(plc);
    return ai === undefined || this.world.status[ai] !== 2;
  }

  /** At the moment of a change, before it is solved: power first (a dead pump stops), then the PLCs' decisions, then dosing. */
  private control(decisions: readonly PlcDecision[]): void {
    const m = this.model;
    for (let k = 0; k < this.linkAsset.length; k++) {
      const ai = this.linkAsset[k]!;
      if (ai < 0) continue;
      const up = this.world.status[ai] !== 2 ? 1 : 0;
      if (up === this.powered[k]) continue;
      this.powered[k] = up;
      const cause = this.world.statusEvent[ai];
      const causes = cause ? [cause] : [];
      const reason = up
        ? 'power and plant back'
        : this.world.hasLost(ai, 'power')
          ? 'no power'
          : this.world.isDisabled(ai)
            ? 'taken out of service'
            : 'its plant is down';
      const own = this.plcOfLink.has(k);
      // File controls on a link no PLC owns are switched off while it has no power, so they cannot restart it.
      if (!own) for (const c of this.fileControls.get(k) ?? []) m.setControlEnabled(c, up === 1);
      if (m.linkType[k] === LINK_PUMP) {
        const ev = this.bus.emit(up ? 'water.pump.started' : 'water.pump.stopped', this.world.assets[ai]!.id, { pump: m.linkIds[k]!, reason }, causes);
        this.causeOf.set(`link:${k}`, ev.id);
        if (!up) this.commanded[k] = m.linkOpen[k]!; // resumes its last state when power returns
        m.setLinkOpen(k, up === 1 && this.commanded[k] === 1);
      } else if (up && own) m.setLinkOpen(k, this.commanded[k] === 1); // a valve catches up with what its PLC asked for meanwhile
    }
    for (const d of decisions) {
      const r = d.rule;
      this.commanded[r.link] = d.want ? 1 : 0;
      const causes = [
        this.causeOf.get(`chan:${channelKey(r.sensor, r.plc)}`),
        this.causeOf.get(`logic:${r.plc}`),
        d.stale ? this.causeOf.get(`deny:${this.sensorOwner.get(r.sensor)}->${r.plc}`) : undefined,
      ].filter((x): x is EventId => x !== undefined);
      const ev = this.bus.emit(
        'water.link.commanded',
        this.assetIdOfLink(r.link),
        { link: m.linkIds[r.link]!, open: d.want, plc: r.plc, sensor: r.sensor, readingM: d.reading, trueM: d.trueM },
        causes,
      );
      this.causeOf.set(`link:${r.link}`, ev.id);
      // Without power the command waits: a pump stays stopped, a motorised valve where it is.
      if (this.powered[r.link]) m.setLinkOpen(r.link, d.want);
    }
    if (this.pendingDose) {
      m.setSetpointSource(this.pendingDose.node, this.pendingDose.mgL);
      this.pendingDose = null;
    }
  }

  private assetIdOfLink(k: number): AssetId | null {
    const ai = this.linkAsset[k]!;
    return ai >= 0 ? this.world.assets[ai]!.id : null;
  }

  /** After a solve: tanks running dry or overflowing, consumers' service, and water quality. */
  private observe(causes: EventId[]): void {
    const m = this.model;
    this.quietUntilMs = 0; // new flows: the PLCs look again
    for (const i of m.tanks) {
      const lvl = m.tankLevelM(i);
      const state = lvl <= m.tankMinM[i]! + 0.01 ? 1 : lvl >= m.tankMaxM[i]! - 0.01 ? 2 : 0;
      if (state === this.tankState[i]) continue;
      this.tankState[i] = state;
      const ai = this.nodeAsset[i]!;
      this.bus.emit(
        'water.tank.level',
        ai >= 0 ? this.world.assets[ai]!.id : null,
        { tank: m.nodeIds[i]!, state: state === 1 ? 'empty' : state === 2 ? 'full' : 'normal', levelM: Math.round(lvl * 1000) / 1000 },
        causes,
      );
    }
    this.reportIslands();
    this.consumers.update((node) => this.causesAt(node));
    if (this.input.quality) this.checkQuality();
    // SCADA's view is refreshed every step, so a frozen reading freezes at what operators last saw.
    this.refreshPlcs();
    for (const s of this.sensorOwner.keys()) this.reading(s, SCADA);
  }

  /**
   * Says when junctions are cut off from every reservoir and tank with water (they get nothing
   * until a path opens), and when EPANET cannot solve the network at all (the last solved state
   * stands until it can); each with the pump stops and switches behind it.
   */
  private reportIslands(): void {
    const m = this.model;
    if (m.unsolved !== this.wasUnsolved) {
      this.wasUnsolved = m.unsolved;
      this.bus.emit(
        m.unsolved ? 'water.hydraulics.unsolved' : 'water.hydraulics.solved',
        null,
        { reason: m.unsolved ? m.unsolvedReason : 'solved again' },
        this.upstreamCauses(),
      );
    }
    if (m.unsolved) return;
    const cut: string[] = [];
    const back: string[] = [];
    for (let i = 0; i < m.nodeIds.length; i++) {
      if (m.nodeType[i] !== NODE_JUNCTION) continue;
      const now = m.cutOff[i]!;
      if (now === this.isolated[i]) continue;
      this.isolated[i] = now;
      (now ? cut : back).push(m.nodeIds[i]!);
    }
    if (cut.length > 0) this.bus.emit('water.zone.isolated', null, { nodes: cut.length, examples: cut.slice(0, 5), isolated: true }, this.upstreamCauses());
    if (back.length > 0) this.bus.emit('water.zone.isolated', null, { nodes: back.length, examples: back.slice(0, 5), isolated: false }, this.upstreamCauses());
  }

  /** Junctions cut off from every source at the last solve. */
  isolatedNodes(): number {
    let n = 0;
    for (const x of this.isolated) n += x;
    return n;
  }

  /**
   * What explains a change of service at `node`, and only that: for a node cut off from every
   * source, the stops and switches of the pumps and valves that now fence its island in; else the
   * stops that an incident caused (power lost, an attacker's command, a PLC misled); routine PLC
   * switching on true readings only when nothing else is there to explain it.
   */
  private causesAt(node: number): EventId[] {
    const m = this.model;
    const fenced: EventId[] = [];
    if (m.cutOff[node] === 1) {
      for (const k of m.closedLinksAround(node)) {
        const e = this.causeOf.get(`link:${k}`);
        if (e) fenced.push(e);
      }
      if (fenced.length > 0) return fenced.slice(-4);
    }
    const incident = this.upstreamCauses().filter((id) => (this.bus.get(id)?.causes.length ?? 0) > 0);
    return incident.length > 0 ? incident : this.upstreamCauses();
  }

  /** The latest causes behind a hydraulic change: pumps that stopped or were switched. */
  private upstreamCauses(): EventId[] {
    const out: EventId[] = [];
    for (let k = 0; k < this.linkAsset.length; k++) {
      const e = this.causeOf.get(`link:${k}`);
      if (e && (this.model.linkType[k] === LINK_PUMP || this.plcOfLink.has(k)) && !this.model.linkOpen[k]) out.push(e);
    }
    return out.slice(-4);
  }

  private checkQuality(): void {
    const q = this.input.quality!;
    const m = this.model;
    m.readQuality();
    for (let i = 0; i < m.nodeIds.length; i++) {
      if (m.nodeType[i] !== 0 || this.exceeded.has(i) || m.qualityMgL[i]! <= q.limitMgL) continue;
      this.exceeded.add(i);
      const cause = this.causeOf.get('dosing');
      const ai = this.nodeAsset[i]!;
      this.bus.emit(
        'water.quality.exceeded',
        ai >= 0 ? this.world.assets[ai]!.id : null,
        { node: m.nodeIds[i]!, mgL: m.qualityMgL[i]!, limitMgL: q.limitMgL },
        cause ? [cause] : [],
      );
    }
  }

  snapshot(): WaterSnapshot {
    return waterSnapshot(this);
  }

  /** People without water are a city-wide KPI (src/sim/analysis/kpis.ts reads `peopleWithoutWater`). */
  kpis(): KpiValues {
    return {};
  }

  final(): WaterFinal {
    return waterFinal(this);
  }

  hashInto(h: Hasher): void {
    this.model.readAll();
    h.bytes(this.model.linkOpen);
    for (const p of this.model.pressureM) h.num(Math.round(p * 1000));
  }

  dispose(): void {
    this.model.close();
  }

  /** Applies a water command; the caller has logged it and passes its root event. */
  handle(command: Command, cause: EventId): void {
    const c = command as WaterCommand;
    this.catchUp();
    this.quietUntilMs = 0; // readings, logic or links change: the PLCs look again
    switch (c.type) {
      case 'water.sensor.spoof': {
        const dests = c.to ? [c.to] : this.destinationsOf(c.sensor);
        for (const to of dests) {
          const key = channelKey(c.sensor, to);
          if (c.mode === 'clear') this.spoofs.delete(key);
          else
            this.spoofs.set(key, {
              mode: c.mode,
              value: c.value ?? 0,
              frozen: c.mode === 'freeze' ? (this.lastReading.get(key) ?? this.truth(c.sensor)) : null,
            });
          const ev = this.bus.emit('water.sensor.spoofed', null, { sensor: c.sensor, to, mode: c.mode, value: c.value ?? 0 }, [cause]);
          this.causeOf.set(`chan:${key}`, ev.id);
        }
        break;
      }
      case 'water.plc.logic': {
        const mine = this.rules.filter((r) => r.plc === c.plc);
        let n = 0;
        if (c.restore) for (const r of mine) r.levelM = r.originalM;
        for (const change of c.rules ?? []) {
          const r = mine.find((x) => x.id === change.rule);
          if (!r) continue;
          r.levelM = change.levelM;
          n++;
        }
        const ev = this.bus.emit(
          'water.plc.logic.changed',
          this.plcAssetId(c.plc),
          { plc: c.plc, rules: c.restore ? mine.length : n, restored: c.restore === true },
          [cause],
        );
        this.causeOf.set(`logic:${c.plc}`, ev.id);
        break;
      }
      case 'water.link.deny': {
        const key = `${c.from}->${c.to}`;
        if (c.denied) this.denied.add(key);
        else this.denied.delete(key);
        const ev = this.bus.emit('water.link.denied', this.plcAssetId(c.to), { from: c.from, to: c.to, denied: c.denied }, [cause]);
        this.causeOf.set(`deny:${key}`, ev.id);
        break;
      }
      case 'water.dosing': {
        const q = this.input.quality;
        const node = c.node !== undefined ? (this.model.nodeOf(c.node) ?? -1) : this.dosingNode;
        if (!q || node < 0) break;
        this.pendingDose = { node, mgL: c.setpointMgL }; // takes effect at this second, cut into EPANET's step
        const ev = this.bus.emit(
          'water.dosing.changed',
          this.nodeAsset[node]! >= 0 ? this.world.assets[this.nodeAsset[node]!]!.id : null,
          { node: this.model.nodeIds[node]!, setpointMgL: c.setpointMgL, actor: c.actor ?? 'attacker' },
          [cause],
        );
        this.causeOf.set('dosing', ev.id);
        break;
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  }

  private destinationsOf(sensor: string): string[] {
    const out = new Set<string>([SCADA]);
    const owner = this.sensorOwner.get(sensor);
    if (owner) out.add(owner);
    for (const l of this.input.plcLinks) if (l.sensors.includes(sensor)) out.add(l.to);
    for (const r of this.rules) if (r.sensor === sensor) out.add(r.plc);
    return [...out].sort();
  }

  private plcAssetId(plc: string): AssetId | null {
    const ai = this.plcAsset.get(plc);
    return ai !== undefined ? this.world.assets[ai]!.id : null;
  }

  // --- read-outs for KPIs, the report and the UI ----------------------------------------

  /** Per consumer: delivered / required, 0..1. */
  get service(): Float64Array {
    return this.consumers.service;
  }

  /** Residents without water (see Consumers.peopleWithoutWater). */
  peopleWithoutWater(): number {
    return this.consumers.peopleWithoutWater(this.input.litresPerPersonDay);
  }

  /** Assets whose residents the hydraulic model accounts for (the KPI skips their dependency edges). */
  consumerAssets(): ReadonlySet<number> {
    return this.consumers.assets();
  }

  /** Seconds before consumer c loses water at the present rates (see Consumers.timeLeftS). */
  timeLeftS(c: number): number {
    return this.consumers.timeLeftS(c, (link) => {
      const k = this.model.linkOf(link);
      const ai = k !== undefined ? this.linkAsset[k]! : -1;
      return ai >= 0 ? powerLeftS(this.world, ai) : Infinity;
    });
  }

  /** The reading SCADA shows for a sensor (spoofed or frozen when attacked). */
  scadaReading(sensor: string): number {
    return this.reading(sensor, SCADA).value;
  }
}
