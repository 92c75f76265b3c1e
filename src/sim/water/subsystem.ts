/**
 * The water network as a running subsystem. EPANET (through WaterModel) owns the hydraulics; this
 * class couples them to the city: a pump whose asset is down (no power once its UPS is spent,
 * taken out of service) does not run whatever the .inp controls or a PLC say, until it is back; a
 * motorised valve without power stays where it is. PLCs take over the file's level controls for
 * the pumps and valves they drive and act on the readings that reach them — which an attacker can
 * spoof, freeze or cut off — while EPANET keeps the truth and SCADA shows operators what arrives.
 * Consumers (neighbourhoods, the hospital) are held degraded or down by their service level.
 */
import type { AssetId, EventBus, EventId, Scheduler, SimMs, World, Command } from '../core';
import type { WaterEngine } from './engine';
import { LINK_PUMP, WaterModel } from './model';
import { channelKey, ruleFires, SCADA, spoofed, type PlcRule, type Spoof } from './plc';
import { Consumers, powerLeftS } from './consumers';

export type { WaterConsumer } from './consumers';
export { WaterModelError, type WaterInput, type WaterQualityInput } from './input';
import { WaterModelError, type WaterInput } from './input';

type WaterCommand = Extract<Command, { type: `water.${string}` }>;


export class WaterSubsystem {
  readonly name = 'water';
  readonly periodMs: SimMs;
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

  constructor(
    readonly input: WaterInput,
    engine: WaterEngine,
    private readonly world: World,
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
    durationMs: SimMs,
  ) {
    const q = input.quality;
    const opened = WaterModel.open(engine, input.inp, { pda: input.pda, hydStepS: input.hydStepS, durationS: Math.ceil(durationMs / 1000) + 86_400, quality: q ? { chemical: q.chemical, units: q.units } : null, initialLevels: input.initialLevels, patterns: input.patterns });
    if (!opened.ok) throw new WaterModelError(opened.issues, input.fileName);
    const m = (this.model = opened.model);
    this.periodMs = Math.max(1, Math.round(m.hydStepS)) * 1000;
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
    this.consumers = new Consumers(input.consumers, m, world, bus, scheduler, now);
    this.tankState = new Uint8Array(m.nodeIds.length);
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
  }

  /** Steps EPANET up to `now`, letting power and PLCs act before each hydraulic step. */
  step(now: SimMs): void {
    // Called every tick: EPANET solves at each multiple of its period, never ahead of the city.
    const target = Math.floor(now / this.periodMs) * (this.periodMs / 1000);
    if (target <= this.model.tS) return; // between hydraulic steps: nothing to solve, nothing to decide
    for (;;) {
      this.control();
      if (!this.model.advance(target)) break;
      this.observe([]);
    }
  }

  /** The true value of a sensor: P_<node> (m of level or pressure) or F_<link> (L/s). */
  truth(sensor: string): number {
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
    return ref >= 0 ? m.pressureM[ref]! : m.flowLps[-ref - 1]!;
  }

  /** The reading of `sensor` that reaches `to` (a PLC or SCADA) now, and whether it is stale. */
  reading(sensor: string, to: string): { value: number; stale: boolean; spoofed: boolean } {
    const key = channelKey(sensor, to);
    const owner = this.sensorOwner.get(sensor);
    if (owner !== undefined && owner !== to && !this.linkUp(owner, to)) {
      return { value: this.lastReading.get(key) ?? this.truth(sensor), stale: true, spoofed: false };
    }
    const truth = this.truth(sensor);
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
    for (const [plc, ai] of this.plcAsset) this.plcUp.set(plc, this.world.status[ai] !== 2 && !this.world.hasLost(ai, 'comms') && !this.world.hasLost(ai, 'control'));
  }

  private plcAlive(plc: string): boolean {
    const ai = this.plcAsset.get(plc);
    return ai === undefined || this.world.status[ai] !== 2;
  }

  /** Power first (a dead pump stops), then each live PLC's rules, then what EPANET is told. */
  private control(): void {
    const m = this.model;
    this.refreshPlcs();
    for (let k = 0; k < this.linkAsset.length; k++) {
      const ai = this.linkAsset[k]!;
      if (ai < 0) continue;
      const up = this.world.status[ai] !== 2 ? 1 : 0;
      if (up === this.powered[k]) continue;
      this.powered[k] = up;
      const cause = this.world.statusEvent[ai];
      const causes = cause ? [cause] : [];
      const reason = up ? 'power and plant back' : this.world.hasLost(ai, 'power') ? 'no power' : this.world.isDisabled(ai) ? 'taken out of service' : 'its plant is down';
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
    for (const r of this.rules) {
      if (!this.plcAlive(r.plc)) continue; // a dead PLC drives nothing new; its outputs stay as they were
      const rd = this.reading(r.sensor, r.plc);
      let want: boolean | null = null;
      if (rd.stale && this.input.commsLoss === 'failsafe') want = m.linkType[r.link] === LINK_PUMP ? false : null;
      else if (ruleFires(r, rd.value)) want = r.open;
      if (want === null || (want ? 1 : 0) === this.commanded[r.link]) continue;
      this.commanded[r.link] = want ? 1 : 0;
      const causes = [this.causeOf.get(`chan:${channelKey(r.sensor, r.plc)}`), this.causeOf.get(`logic:${r.plc}`), rd.stale ? this.causeOf.get(`deny:${this.sensorOwner.get(r.sensor)}->${r.plc}`) : undefined].filter((x): x is EventId => x !== undefined);
      const ev = this.bus.emit('water.link.commanded', this.assetIdOfLink(r.link), { link: m.linkIds[r.link]!, open: want, plc: r.plc, sensor: r.sensor, readingM: rd.value, trueM: this.truth(r.sensor) }, causes);
      this.causeOf.set(`link:${r.link}`, ev.id);
      // Without power the command waits: a pump stays stopped, a motorised valve where it is.
      if (this.powered[r.link]) m.setLinkOpen(r.link, want);
    }
  }

  private assetIdOfLink(k: number): AssetId | null {
    const ai = this.linkAsset[k]!;
    return ai >= 0 ? this.world.assets[ai]!.id : null;
  }

  /** After a solve: tanks running dry or overflowing, consumers' service, and water quality. */
  private observe(causes: EventId[]): void {
    const m = this.model;
    for (const i of m.tanks) {
      const lvl = m.tankLevelM(i);
      const state = lvl <= m.tankMinM[i]! + 0.01 ? 1 : lvl >= m.tankMaxM[i]! - 0.01 ? 2 : 0;
      if (state === this.tankState[i]) continue;
      this.tankState[i] = state;
      const ai = this.nodeAsset[i]!;
      this.bus.emit('water.tank.level', ai >= 0 ? this.world.assets[ai]!.id : null, { tank: m.nodeIds[i]!, state: state === 1 ? 'empty' : state === 2 ? 'full' : 'normal', levelM: Math.round(lvl * 1000) / 1000 }, causes);
    }
    this.consumers.update(() => this.upstreamCauses());
    if (this.input.quality) this.checkQuality();
    // SCADA's view is refreshed every step, so a frozen reading freezes at what operators last saw.
    this.refreshPlcs();
    for (const s of this.sensorOwner.keys()) this.reading(s, SCADA);
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
      this.bus.emit('water.quality.exceeded', ai >= 0 ? this.world.assets[ai]!.id : null, { node: m.nodeIds[i]!, mgL: m.qualityMgL[i]!, limitMgL: q.limitMgL }, cause ? [cause] : []);
    }
  }

  /** Applies a water command; the caller has logged it and passes its root event. */
  handle(c: WaterCommand, cause: EventId): void {
    switch (c.type) {
      case 'water.sensor.spoof': {
        const dests = c.to ? [c.to] : this.destinationsOf(c.sensor);
        for (const to of dests) {
          const key = channelKey(c.sensor, to);
          if (c.mode === 'clear') this.spoofs.delete(key);
          else this.spoofs.set(key, { mode: c.mode, value: c.value ?? 0, frozen: c.mode === 'freeze' ? (this.lastReading.get(key) ?? this.truth(c.sensor)) : null });
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
        const ev = this.bus.emit('water.plc.logic.changed', this.plcAssetId(c.plc), { plc: c.plc, rules: c.restore ? mine.length : n, restored: c.restore === true }, [cause]);
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
        this.model.setSetpointSource(node, c.setpointMgL);
        const ev = this.bus.emit('water.dosing.changed', this.nodeAsset[node]! >= 0 ? this.world.assets[this.nodeAsset[node]!]!.id : null, { node: this.model.nodeIds[node]!, setpointMgL: c.setpointMgL, actor: c.actor ?? 'attacker' }, [cause]);
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
