/**
 * One EPANET model opened from .inp text and stepped in time: the toolkit's openH / initH / runH /
 * nextH loop, run forward to whatever time the city has reached. Results are read from the engine
 * in the file's units and kept here in SI (m, L/s, m³) in typed arrays indexed like EPANET's own
 * (0-based). Pressure-driven analysis (EPANET 2.2+ "DEMAND MODEL PDA") makes a node at low pressure
 * receive less water instead of going to negative pressure; service = delivered / required.
 */
import type { EpanetProject, WaterEngine } from './engine';
import { epanetCodeText, parseReportErrors, type InpIssue } from './inp-errors';
import { unitFactors, type UnitFactors } from './units';
import { bulkReader, quietWarnings, type BulkReader } from './epanet-access';
import { Islands } from './islands';

export const NODE_JUNCTION = 0;
export const NODE_RESERVOIR = 1;
export const NODE_TANK = 2;
export const LINK_PIPE = 0;
export const LINK_PUMP = 1;
export const LINK_VALVE = 2;

export interface PdaOptions {
  /** Pressure (m) at or below which a node receives nothing. */
  readonly minM: number;
  /** Pressure (m) at which a node receives its full demand. */
  readonly requiredM: number;
  /** Exponent of the pressure–outflow relation (0.5 for orifice flow, Wagner et al. 1988). */
  readonly exponent: number;
}

export interface ModelOptions {
  /** Pressure-driven analysis; null keeps the file's demand model. */
  readonly pda: PdaOptions | null;
  /** Hydraulic time step in seconds; null keeps the file's. */
  readonly hydStepS: number | null;
  /** Total seconds EPANET may simulate (the run can stop earlier). */
  readonly durationS: number;
  /** Chemical quality analysis to switch on, when the file has none. */
  readonly quality: { readonly chemical: string; readonly units: string } | null;
  /** Tank levels (m above the bottom) to start from instead of the file's [TANKS] initial levels. */
  readonly initialLevels?: readonly { readonly node: string; readonly levelM: number }[];
  /** Demand patterns to replace (multipliers per pattern step), e.g. epanetCPA's patterns_file. */
  readonly patterns?: readonly { readonly id: string; readonly values: readonly number[] }[];
}

export type OpenResult = { ok: true; model: WaterModel } | { ok: false; issues: InpIssue[] };

let fileCounter = 0;

/** The emitter coefficient (file units) that pins an island: 10⁻⁴ L/s per √m, about 0.3 mL/s at 10 m. */
const ISLAND_EMITTER = 1e-4;

export class WaterModel {
  readonly units: UnitFactors;
  readonly nodeIds: string[] = [];
  readonly linkIds: string[] = [];
  readonly nodeType: Uint8Array;
  readonly linkType: Uint8Array;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly elevationM: Float64Array;
  /** Per junction: its primary base demand, L/s (before patterns). */
  readonly baseDemandLps: Float64Array;
  readonly tanks: number[] = [];
  readonly pumps: number[] = [];
  readonly valves: number[] = [];
  readonly hydStepS: number;
  readonly quality: boolean;
  // Results at the present hydraulic time, SI.
  readonly headM: Float64Array;
  readonly pressureM: Float64Array;
  readonly deliveredLps: Float64Array;
  readonly requiredLps: Float64Array;
  readonly qualityMgL: Float64Array;
  readonly flowLps: Float64Array;
  readonly linkOpen: Uint8Array;
  readonly tankVolumeM3: Float64Array;
  /** Per tank node: its floor and top (m above the tank bottom) and the volume at its floor. */
  readonly tankMinM: Float64Array;
  readonly tankMaxM: Float64Array;
  readonly tankMinVolM3: Float64Array;
  /** EPANET warnings so far (code → count), e.g. 4 "pumps cannot deliver enough flow or head". */
  warnings: ReadonlyMap<number, number> = new Map();
  /** Seconds since the start of the hydraulic run. */
  tS = 0;
  /**
   * Per node: 1 when no open path joins it to a reservoir or a tank with water in it, as of the
   * last solve. Such a node gets nothing, whatever EPANET's numbers say (they are noise there).
   */
  readonly cutOff: Uint8Array;
  /** True while EPANET cannot solve the present state (results are the last solved ones). */
  unsolved = false;
  /** EPANET's message for the last failed solve. */
  unsolvedReason = '';
  private readonly nodeIndex = new Map<string, number>();
  private readonly linkIndex = new Map<string, number>();
  private running = false;
  private closed = false;
  private readonly pda: boolean;
  private readonly bulk: BulkReader;
  /** Per tank: its cross-section (m²) when it is a cylinder (no volume curve), else 0. */
  private readonly tankAreaM2: Float64Array;
  /** The network's shape, for finding the parts cut off from every source. */
  private readonly islands: Islands;
  /** Per node: its emitter coefficient in the file, and whether an isolation emitter is set now. */
  private readonly fileEmitter: Float64Array;
  private readonly grounded: Uint8Array;
  private readonly qualStepS: number;

  private constructor(
    private readonly engine: WaterEngine,
    private readonly p: EpanetProject,
    options: ModelOptions,
  ) {
    const { lib } = engine;
    this.units = unitFactors(p.getFlowUnits());
    const n = p.getCount(lib.CountType.NodeCount);
    const m = p.getCount(lib.CountType.LinkCount);
    this.nodeType = new Uint8Array(n);
    this.elevationM = new Float64Array(n);
    this.baseDemandLps = new Float64Array(n);
    this.bulk = bulkReader(p, n, m);
    // EPANET numbers junctions first, then tanks and reservoirs; only those need asking which.
    const junctions = n - p.getCount(lib.CountType.TankCount);
    const elevation = this.bulk.nodes(lib.NodeProperty.Elevation, 0);
    const base = this.bulk.nodes(lib.NodeProperty.BaseDemand, 1);
    for (let i = 0; i < n; i++) {
      const id = p.getNodeId(i + 1);
      this.nodeIds.push(id);
      this.nodeIndex.set(id, i);
      this.nodeType[i] = i < junctions ? NODE_JUNCTION : p.getNodeType(i + 1) === lib.NodeType.Tank ? NODE_TANK : NODE_RESERVOIR;
      if (this.nodeType[i] === NODE_TANK) this.tanks.push(i);
      this.elevationM[i] = elevation[i]! * this.units.m;
      if (this.nodeType[i] === NODE_JUNCTION) this.baseDemandLps[i] = base[i]! * this.units.lps;
    }
    this.linkType = new Uint8Array(m);
    this.linkFrom = new Int32Array(m);
    this.linkTo = new Int32Array(m);
    const checkValve = new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      const id = p.getLinkId(k + 1);
      this.linkIds.push(id);
      this.linkIndex.set(id, k);
      const t = p.getLinkType(k + 1);
      this.linkType[k] = t === lib.LinkType.Pump ? LINK_PUMP : t === lib.LinkType.Pipe || t === lib.LinkType.CVPipe ? LINK_PIPE : LINK_VALVE;
      if (t === lib.LinkType.CVPipe) checkValve[k] = 1;
      if (this.linkType[k] === LINK_PUMP) this.pumps.push(k);
      if (this.linkType[k] === LINK_VALVE) this.valves.push(k);
      const ends = p.getLinkNodes(k + 1);
      this.linkFrom[k] = ends.node1 - 1;
      this.linkTo[k] = ends.node2 - 1;
    }
    this.pda = options.pda !== null || p.getDemandModel().type === lib.DemandModel.PDA;
    if (options.pda) {
      // PDA pressures are in the file's pressure unit: psi for US files (EPANET: 1 ft = 0.4333 psi).
      const toFile = (mH: number) => (this.units.us ? (mH / 0.3048) * 0.4333 : mH);
      p.setDemandModel(lib.DemandModel.PDA, toFile(options.pda.minM), toFile(options.pda.requiredM), options.pda.exponent);
    }
    // EPANET clips the hydraulic step to the report and pattern steps: the report step goes first,
    // or a 1 h step asked of a file reporting every 5 min would silently stay at 5 min.
    if (options.hydStepS !== null) {
      p.setTimeParameter(lib.TimeParameter.ReportStep, options.hydStepS);
      p.setTimeParameter(lib.TimeParameter.HydStep, options.hydStepS);
    }
    this.hydStepS = p.getTimeParameter(lib.TimeParameter.HydStep);
    // Reporting times also bound EPANET's steps; aligning them with the hydraulic step keeps every
    // step inside the city's water period (nothing is written to a report here).
    p.setTimeParameter(lib.TimeParameter.ReportStep, this.hydStepS);
    p.setTimeParameter(lib.TimeParameter.ReportStart, 0);
    // Patterns repeat, so a run may outlast the file's duration; the city decides when to stop.
    p.setTimeParameter(lib.TimeParameter.Duration, Math.max(options.durationS, p.getTimeParameter(lib.TimeParameter.Duration)));
    // The scenario's chemical replaces whatever the file tracked (Net1 tracks chlorine).
    if (options.quality) p.setQualityType(lib.QualityType.Chem, options.quality.chemical, options.quality.units, '');
    this.quality = p.getQualityType().qualType !== lib.QualityType.None;
    for (const pat of options.patterns ?? []) p.setPattern(p.getPatternIndex(pat.id), [...pat.values]);
    for (const t of options.initialLevels ?? []) {
      const i = this.nodeIds.indexOf(t.node);
      if (i >= 0 && this.nodeType[i] === NODE_TANK) p.setNodeValue(i + 1, lib.NodeProperty.TankLevel, t.levelM / this.units.m);
    }
    this.qualStepS = p.getTimeParameter(lib.TimeParameter.QualStep);
    this.cutOff = new Uint8Array(n);
    this.grounded = new Uint8Array(n);
    this.fileEmitter = new Float64Array(n);
    for (let i = 0; i < n; i++) if (this.nodeType[i] === NODE_JUNCTION) this.fileEmitter[i] = p.getNodeValue(i + 1, lib.NodeProperty.Emitter);
    const passableShut = new Uint8Array(m);
    const isPipe = new Uint8Array(m);
    for (let k = 0; k < m; k++) {
      isPipe[k] = this.linkType[k] === LINK_PIPE ? 1 : 0;
      passableShut[k] =
        checkValve[k] === 1 || (isPipe[k] === 1 && (this.nodeType[this.linkFrom[k]!] === NODE_TANK || this.nodeType[this.linkTo[k]!] === NODE_TANK)) ? 1 : 0;
    }
    this.islands = new Islands(this.linkFrom, this.linkTo, n, passableShut, isPipe);
    this.headM = new Float64Array(n);
    this.pressureM = new Float64Array(n);
    this.deliveredLps = new Float64Array(n);
    this.requiredLps = new Float64Array(n);
    this.qualityMgL = new Float64Array(n);
    this.flowLps = new Float64Array(m);
    this.linkOpen = new Uint8Array(m);
    this.tankVolumeM3 = new Float64Array(n);
    this.tankMinM = new Float64Array(n);
    this.tankMaxM = new Float64Array(n);
    this.tankMinVolM3 = new Float64Array(n);
    this.tankAreaM2 = new Float64Array(n);
    for (const i of this.tanks) {
      if (p.getNodeValue(i + 1, lib.NodeProperty.VolCurve) === 0)
        this.tankAreaM2[i] = (Math.PI / 4) * (p.getNodeValue(i + 1, lib.NodeProperty.TankDiam) * this.units.m) ** 2;
      this.tankMinM[i] = p.getNodeValue(i + 1, lib.NodeProperty.MinLevel) * this.units.m;
      this.tankMaxM[i] = p.getNodeValue(i + 1, lib.NodeProperty.MaxLevel) * this.units.m;
      this.tankMinVolM3[i] = p.getNodeValue(i + 1, lib.NodeProperty.MinVolume) * this.units.m3;
      this.pressureM[i] = p.getNodeValue(i + 1, lib.NodeProperty.TankLevel) * this.units.m; // until the first solve
    }
  }

  /** Opens .inp text; a file EPANET rejects gives issues naming the line, the section and a hint. */
  static open(engine: WaterEngine, text: string, options: ModelOptions): OpenResult {
    const { workspace, lib } = engine;
    const n = ++fileCounter;
    const inp = `twin-${n}.inp`;
    const rpt = `twin-${n}.rpt`;
    workspace.writeFile(inp, text);
    const p = new lib.Project(workspace);
    const warnings = new Map<number, number>();
    quietWarnings(p, warnings);
    try {
      p.open(inp, rpt, '');
    } catch (e) {
      try {
        p.close(); // flushes the report file EPANET wrote the details to
      } catch {
        // already closed
      }
      let report = '';
      try {
        report = workspace.readFile(rpt);
      } catch {
        // no report
      }
      const issues = parseReportErrors(report, text);
      if (issues.length > 0) return { ok: false, issues };
      return { ok: false, issues: [{ line: null, section: null, code: codeOf(e), message: readable(e), hint: 'check the file opens in EPANET' }] };
    }
    try {
      const model = new WaterModel(engine, p, options);
      model.warnings = warnings;
      return { ok: true, model };
    } catch (e) {
      return {
        ok: false,
        issues: [
          { line: null, section: '[OPTIONS]', code: codeOf(e), message: readable(e), hint: "check the model options and the scenario's water settings" },
        ],
      };
    }
  }

  nodeOf(id: string): number | undefined {
    return this.nodeIndex.get(id);
  }

  linkOf(id: string): number | undefined {
    return this.linkIndex.get(id);
  }

  /** Starts the hydraulic (and quality) run and solves time 0. */
  start(): void {
    const { lib } = this.engine;
    this.p.openH();
    this.p.initH(lib.InitHydOption.NoSave);
    if (this.quality) {
      this.p.openQ();
      this.p.initQ(lib.InitHydOption.NoSave);
    }
    this.running = true;
    this.solve();
  }

  /**
   * Advances EPANET to exactly `targetS`, cutting its last step there as its own timed controls
   * do, and calls `beforeSolve` once the clock reads `targetS` but before that moment is solved:
   * what it changes (a pump losing power, a PLC's command) holds from that instant on, not from
   * the next hydraulic step. `onSolved` runs after every intermediate solve.
   */
  advanceTo(targetS: number, beforeSolve: (() => void) | null, onSolved: (() => void) | null = null): void {
    while (this.running && this.tS < targetS) {
      if (!this.stepOnce(targetS, beforeSolve)) break;
      if (this.tS < targetS) onSolved?.();
    }
  }

  /** One nextH / runH: the step is cut at `cutS` when that comes first; `atCut` runs before solving there. */
  private stepOnce(cutS: number, atCut: (() => void) | null): boolean {
    const { lib } = this.engine;
    const TP = lib.TimeParameter;
    const gap = cutS - this.tS;
    // EPANET takes the least of its step, the next pattern or report time, a tank filling or
    // draining and a control firing; a shorter hydraulic step makes our moment one of those.
    const cut = gap < this.hydStepS;
    if (cut) this.p.setTimeParameter(TP.HydStep, gap);
    let dt: number;
    try {
      dt = this.p.nextH();
      if (this.quality) this.p.nextQ();
    } finally {
      if (cut) {
        this.p.setTimeParameter(TP.HydStep, this.hydStepS);
        if (this.quality) this.p.setTimeParameter(TP.QualStep, this.qualStepS);
      }
    }
    if (dt <= 0) {
      this.running = false;
      return false;
    }
    if (atCut && this.tS + dt >= cutS) atCut();
    this.solve();
    return true;
  }

  /** Marks nodes with no passable path to a reservoir or a tank that holds water (`cutOff`). */
  private findIslands(): void {
    const status = this.bulk.links(this.engine.lib.LinkProperty.Status, 1);
    this.islands.find(
      this.cutOff,
      (i) => this.nodeType[i] === NODE_RESERVOIR || (this.nodeType[i] === NODE_TANK && this.pressureM[i]! > this.tankMinM[i]! + 1e-3),
      (k) => status[k]! > 0,
    );
  }

  /** The pumps and valves, shut now, that fence in the part of the network node `start` reaches. */
  closedLinksAround(start: number): number[] {
    return this.islands.closedAround(start, (k) => this.linkOpen[k] === 1);
  }

  /**
   * Gives each junction of an island an emitter of negligible size. Without it an island (a zone
   * whose only pump has stopped) has no fixed head to stand on; under pressure-driven demand its
   * equations become singular and EPANET stops with error 110, as a three-day outage of the
   * generated city's Old Town pumps did. The emitter pins the island near zero pressure and lets
   * out well under a millilitre a second.
   */
  private ground(): void {
    const { lib } = this.engine;
    this.findIslands();
    for (let i = 0; i < this.nodeIds.length; i++) {
      const want = this.cutOff[i] === 1 && this.nodeType[i] === NODE_JUNCTION ? 1 : 0;
      if (want === this.grounded[i]) continue;
      this.grounded[i] = want;
      this.p.setNodeValue(i + 1, lib.NodeProperty.Emitter, want ? Math.max(this.fileEmitter[i]!, ISLAND_EMITTER) : this.fileEmitter[i]!);
    }
  }

  /**
   * Solves the present time and reads every node's head and demand and every link's flow and
   * status, with EPANET 2.3's bulk getters (EN_getnodevalues / EN_getlinkvalues): a handful of
   * calls across the WASM boundary per step instead of one per value, which on C-Town is the
   * difference between the twin costing about the same as EPANET and costing ten times more.
   */
  private solve(): void {
    const { lib } = this.engine;
    this.ground();
    try {
      this.tS = this.p.runH();
      if (this.quality) this.p.runQ();
    } catch (e) {
      // A state EPANET cannot solve is a state of the network, not of the run: the last solved
      // results stand, the subsystem says so, and the next step tries again.
      this.tS = this.p.getTimeParameter(lib.TimeParameter.HTime);
      this.unsolved = true;
      this.unsolvedReason = readable(e);
      return;
    }
    this.unsolved = false;
    const NP = lib.NodeProperty;
    const LP = lib.LinkProperty;
    const u = this.units;
    const p = this.p;
    const bulk = this.bulk;
    const head = bulk.nodes(NP.Head, 0);
    const demand = bulk.nodes(NP.Demand, 1);
    const deficit = this.pda ? bulk.nodes(NP.DemandDeficit, 2) : null;
    for (let i = 0; i < head.length; i++) {
      const h = head[i]! * u.m;
      this.headM[i] = h;
      this.pressureM[i] = h - this.elevationM[i]!;
      const d = demand[i]! * u.lps;
      this.deliveredLps[i] = d;
      this.requiredLps[i] = this.nodeType[i] === NODE_JUNCTION ? d + (deficit ? deficit[i]! * u.lps : 0) : 0;
    }
    for (const i of this.tanks) {
      const area = this.tankAreaM2[i]!;
      this.tankVolumeM3[i] = area > 0 ? this.tankMinVolM3[i]! + area * (this.pressureM[i]! - this.tankMinM[i]!) : p.getNodeValue(i + 1, NP.TankVolume) * u.m3;
    }
    const flow = bulk.links(LP.Flow, 0);
    const status = bulk.links(LP.Status, 1);
    for (let k = 0; k < flow.length; k++) {
      this.flowLps[k] = flow[k]! * u.lps;
      this.linkOpen[k] = status[k]! > 0 ? 1 : 0;
    }
    // An island gets nothing: its trickle of emitter flow and PDA's residue are not water.
    this.findIslands();
    for (let i = 0; i < head.length; i++) {
      if (this.cutOff[i] !== 1 || this.nodeType[i] !== NODE_JUNCTION) continue;
      this.deliveredLps[i] = 0;
      this.pressureM[i] = 0;
      this.headM[i] = this.elevationM[i]!;
    }
  }

  /** Results are read in full every step; kept so callers need not know that. */
  readAll(): void {}

  /** Opens or closes a pump or valve from now on (the next solve). */
  setLinkOpen(k: number, open: boolean): void {
    this.p.setLinkValue(k + 1, this.engine.lib.LinkProperty.Status, open ? 1 : 0);
  }

  /** Simple controls of the file ([CONTROLS]) that act on link k, 0-based. */
  controlsOf(k: number): number[] {
    const out: number[] = [];
    const c = this.p.getCount(this.engine.lib.CountType.ControlCount);
    for (let i = 1; i <= c; i++) if (this.p.getControl(i).linkIndex === k + 1) out.push(i - 1);
    return out;
  }

  controlCount(): number {
    return this.p.getCount(this.engine.lib.CountType.ControlCount);
  }

  /** A simple control, in SI, for PLCs that take over the file's rules. */
  control(i: number): { linkIndex: number; open: boolean; setting: number; nodeIndex: number; below: boolean; levelM: number; kind: 'level' | 'time' } {
    const { lib } = this.engine;
    const c = this.p.getControl(i + 1);
    const node = c.nodeIndex - 1;
    const level = c.type === lib.ControlType.LowLevel || c.type === lib.ControlType.HiLevel;
    // Tank controls are levels (file length units); junction controls are pressures (psi for US files).
    const toM = node >= 0 && this.nodeType[node] !== NODE_TANK && this.units.us ? 0.3048 / 0.4333 : this.units.m;
    return {
      linkIndex: c.linkIndex - 1,
      // Pumps: 1 open, 0 closed; valves' status-only controls: +1e10 open, -1e10 closed.
      open: c.setting > 0,
      setting: c.setting,
      nodeIndex: node,
      below: c.type === lib.ControlType.LowLevel,
      levelM: level ? c.level * toM : c.level,
      kind: level ? 'level' : 'time',
    };
  }

  setControlEnabled(i: number, enabled: boolean): void {
    this.p.setControlEnabled(i + 1, enabled ? 1 : 0);
  }

  /** Sets a chemical source: the concentration leaving `node` (EPANET SETPOINT source), mg/L. */
  setSetpointSource(node: number, mgL: number): void {
    const { lib } = this.engine;
    // At a reservoir the dose is what leaves it: EPANET's concentration source ("fixes the
    // concentration of any external inflow entering the network ... such as flow from a
    // reservoir", EPANET 2.2 manual, 3.1 Water Quality Sources). A setpoint source there left the
    // pump's outlet at the reservoir's own quality while nodes further on took the dose.
    if (this.nodeType[node] === NODE_RESERVOIR) {
      this.p.setNodeValue(node + 1, lib.NodeProperty.SourceType, lib.SourceType.Concen);
      this.p.setNodeValue(node + 1, lib.NodeProperty.SourceQual, mgL);
      return;
    }
    this.p.setNodeValue(node + 1, lib.NodeProperty.SourceType, lib.SourceType.SetPoint);
    this.p.setNodeValue(node + 1, lib.NodeProperty.SourceQual, mgL);
  }

  /** Seconds until tank i reaches its floor at the present net outflow; Infinity when filling or steady. */
  tankTimeLeftS(i: number): number {
    const net = this.deliveredLps[i]!;
    if (net >= -1e-9) return Infinity;
    return (Math.max(0, this.tankVolumeM3[i]! - this.tankMinVolM3[i]!) * 1000) / -net;
  }

  /** Water quality at every node (only when a quality analysis runs). */
  readQuality(): void {
    if (!this.quality) return;
    const NP = this.engine.lib.NodeProperty;
    for (let i = 0; i < this.nodeIds.length; i++) this.qualityMgL[i] = this.p.getNodeValue(i + 1, NP.Quality);
  }

  /** Tank level above its bottom, m. */
  tankLevelM(i: number): number {
    return this.pressureM[i]!;
  }

  /** How fast tank i's level moves between solves, m/s (0 for a tank with a volume curve, held). */
  levelRateMps(i: number): number {
    const area = this.tankAreaM2[i]!;
    return area > 0 ? this.deliveredLps[i]! / 1000 / area : 0;
  }

  /**
   * Tank level at `atS` (at or after the last solve), as EPANET integrates it between solves: the
   * last net inflow held constant, within the tank's floor and top. A tank with a volume curve is
   * held at its last level.
   */
  projectedLevelM(i: number, atS: number): number {
    const area = this.tankAreaM2[i]!;
    const lvl = this.pressureM[i]!;
    if (area <= 0 || atS <= this.tS) return lvl;
    const next = lvl + this.levelRateMps(i) * (atS - this.tS);
    return Math.min(this.tankMaxM[i]!, Math.max(this.tankMinM[i]!, next));
  }

  /**
   * Closes the project once, each stage on its own: a project left open after a failed closeH, or
   * closed twice, damages EPANET's WebAssembly memory for every later model in the page.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.running = false;
    const stages = [() => this.quality && this.p.closeQ(), () => this.p.closeH(), () => this.p.close()];
    for (const stage of stages) {
      try {
        stage();
      } catch {
        // a stage that was never opened (quality off, hydraulics never started) has nothing to close
      }
    }
  }
}

function codeOf(e: unknown): number | null {
  const m = /Error (\d+)/.exec(e instanceof Error ? e.message : String(e));
  return m ? Number(m[1]) : null;
}

function readable(e: unknown): string {
  const code = codeOf(e);
  return code !== null ? `${epanetCodeText(code)} (EPANET error ${code})` : e instanceof Error ? e.message : String(e);
}
