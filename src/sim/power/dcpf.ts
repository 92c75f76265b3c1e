/**
 * DC power flow per island, in MATPOWER's convention (makeBdc.m, dcpf.m, runpf.m):
 *
 *   b_k      = status_k / (x_k · tap_k)                (tap 0 means 1)
 *   Pfinj_k  = b_k · (−shift_k in rad)                 phase shifters as injections
 *   Pbusinj  = Cftᵀ · Pfinj
 *   Pbus     = (Pg − Pd − Gs) / baseMVA − Pbusinj       p.u.
 *   Bbus·θ   = Pbus, with θ fixed at each island's reference bus (the case's Va there)
 *   Pf_k     = (b_k · (θ_f − θ_t) + Pfinj_k) · baseMVA  MW, from → to; Pt = −Pf
 *
 * Islands are found afresh on every solve. The reduced B matrix (reference buses and dead islands
 * removed) is block diagonal over islands, so one sparse LDLᵀ factorization serves them all; it is
 * kept in the result's workspace and reused while branch statuses, reactances, taps and the
 * choice of reference buses stay the same, so a re-solve after a change of load or dispatch costs
 * two triangular solves.
 *
 * De-energised buses get θ = 0 (not NaN, so snapshots stay finite and hashable) and their branches
 * carry 0 MW; `energized` says which buses are live.
 */
import { balanceIslands, balanceScratch, type BalanceMode, type BalanceScratch, type IslandPlan } from './balance';
import { conductingBranches, findIslands } from './islands';
import { BUS_ISOLATED, BUS_PV, BUS_REF, type PowerNetwork } from './network';

// Module constants rather than the imports: under tsx/esbuild an imported binding is a getter call,
// which is measurable in per-bus loops.
const ISOLATED: number = BUS_ISOLATED;
const REF: number = BUS_REF;
const PV: number = BUS_PV;
import { minimumDegreeOrder, reverseCuthillMcKeeOrder } from './ordering';
import { cscFromTriplets, LdlFactor, type SymCsc } from './sparse';

export type Ordering = 'minimum-degree' | 'rcm' | 'natural';

export interface IslandSummary {
  /** Number of buses in the island. */
  buses: number;
  /** In-service generators. */
  generators: number;
  /** Angle-reference bus index, or -1 for a dead island. */
  refBus: number;
  /** Σ Pd (shunt conductance not included). */
  loadMW: number;
  servedMW: number;
  shedMW: number;
  genMW: number;
  energized: boolean;
  mode: BalanceMode;
}

export interface DcWorkspace {
  /** Branch susceptances the factorization was built for (0 = not conducting): the topology key. */
  bKey: Float64Array;
  /** Bus → row in the reduced system, -1 for reference buses and dead islands. */
  reduced: Int32Array;
  nReduced: number;
  matrix: SymCsc | null;
  factor: LdlFactor | null;
  ordering: Ordering;
  /** How many times a factorization was computed (for tests and benchmarks). */
  factorizations: number;
  /** Per branch: series susceptance b (p.u.), 0 when the branch does not conduct. */
  b: Float64Array;
  /** Per branch: phase-shift injection Pfinj (p.u.). */
  pfinj: Float64Array;
  /** Per bus: net injection Pbus − Pbusinj (p.u.), the right-hand side before reduction. */
  pbus: Float64Array;
  rhs: Float64Array;
  parent: Int32Array;
  conducts: Uint8Array;
  plan: { refBus: Int32Array; slackGen: Int32Array; caseRef: Uint8Array };
  scratch: BalanceScratch;
  mode: BalanceMode[];
}

export interface DcResult {
  readonly thetaRad: Float64Array;
  /** MW at the from end, positive from → to; 0 for branches that do not conduct. */
  readonly flowMW: Float64Array;
  /** |flow| / rating; 0 when the rating is 0 (unlimited). */
  readonly loading: Float64Array;
  readonly pgMW: Float64Array;
  readonly servedMW: Float64Array;
  readonly shedMW: Float64Array;
  readonly energized: Uint8Array;
  readonly island: Int32Array;
  islandCount: number;
  readonly islands: IslandSummary[];
  readonly workspace: DcWorkspace;
}

export interface DcOptions {
  /** Fill-reducing ordering for the factorization; minimum degree unless benchmarking. */
  readonly ordering?: Ordering;
}

function allocate(net: PowerNetwork): DcResult {
  const n = net.buses.count;
  const m = net.branches.count;
  const g = net.gens.count;
  return {
    thetaRad: new Float64Array(n),
    flowMW: new Float64Array(m),
    loading: new Float64Array(m),
    pgMW: new Float64Array(g),
    servedMW: new Float64Array(n),
    shedMW: new Float64Array(n),
    energized: new Uint8Array(n),
    island: new Int32Array(n),
    islandCount: 0,
    islands: [],
    workspace: {
      bKey: new Float64Array(m),
      reduced: new Int32Array(n).fill(-2),
      nReduced: -1,
      matrix: null,
      factor: null,
      ordering: 'minimum-degree',
      factorizations: 0,
      b: new Float64Array(m),
      pfinj: new Float64Array(m),
      pbus: new Float64Array(n),
      rhs: new Float64Array(n),
      parent: new Int32Array(n),
      conducts: new Uint8Array(m),
      plan: { refBus: new Int32Array(n), slackGen: new Int32Array(n), caseRef: new Uint8Array(n) },
      scratch: balanceScratch(n, g),
      mode: [],
    },
  };
}

const fits = (r: DcResult, net: PowerNetwork) =>
  r.thetaRad.length === net.buses.count && r.flowMW.length === net.branches.count && r.pgMW.length === net.gens.count;

/** Chooses each island's reference bus and slack unit as MATPOWER's bustypes.m would: type 3, else the first type 2, else any bus with generation. */
function planIslands(net: PowerNetwork, ws: DcWorkspace, island: Int32Array, count: number): void {
  const { refBus, slackGen, caseRef } = ws.plan;
  refBus.fill(-1, 0, count);
  slackGen.fill(-1, 0, count);
  caseRef.fill(0, 0, count);
  const rank = (b: number) => (net.buses.type[b] === REF ? 0 : net.buses.type[b] === PV ? 1 : 2);
  const G = net.gens;
  for (let g = 0; g < G.count; g++) {
    const b = G.bus[g]!;
    if (G.status[g] !== 1 || net.buses.type[b] === ISOLATED) continue;
    const k = island[b]!;
    const cur = refBus[k]!;
    if (cur < 0 || rank(b) < rank(cur) || (rank(b) === rank(cur) && b < cur)) {
      refBus[k] = b;
      slackGen[k] = g;
    } else if (b === cur && g < slackGen[k]!) slackGen[k] = g;
  }
  for (let k = 0; k < count; k++) caseRef[k] = refBus[k]! >= 0 && net.buses.type[refBus[k]!] === REF ? 1 : 0;
}

/** Rebuilds the reduced B matrix and its factorization when the topology differs from the cached one. */
function ensureFactor(net: PowerNetwork, ws: DcWorkspace, island: Int32Array, ordering: Ordering): void {
  const L = net.branches;
  const n = net.buses.count;
  let nRed = 0;
  let same = ws.factor !== null && ws.ordering === ordering;
  for (let i = 0; i < n; i++) {
    const k = island[i]!;
    const r = ws.plan.refBus[k]! >= 0 && ws.plan.refBus[k] !== i ? nRed++ : -1;
    if (ws.reduced[i] !== r) same = false;
    ws.reduced[i] = r;
  }
  for (let k = 0; k < L.count && same; k++) same = ws.bKey[k] === ws.b[k];
  if (same && ws.nReduced === nRed) return;
  ws.bKey.set(ws.b);
  ws.nReduced = nRed;
  ws.ordering = ordering;
  ws.factor = null; // until the new one succeeds, so a failure is never followed by a stale factor
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const red = ws.reduced;
  for (let k = 0; k < L.count; k++) {
    const b = ws.b[k]!;
    if (b === 0) continue;
    const rf = red[L.from[k]!]!;
    const rt = red[L.to[k]!]!;
    if (rf >= 0) (rows.push(rf), cols.push(rf), vals.push(b));
    if (rt >= 0) (rows.push(rt), cols.push(rt), vals.push(b));
    if (rf >= 0 && rt >= 0) (rows.push(rf, rt), cols.push(rt, rf), vals.push(-b, -b));
  }
  const a = cscFromTriplets(nRed, rows, cols, vals);
  const perm = ordering === 'minimum-degree' ? minimumDegreeOrder(a) : ordering === 'rcm' ? reverseCuthillMcKeeOrder(a) : null;
  const f = LdlFactor.analyze(a, perm);
  const bad = f.factor(a);
  if (bad >= 0) throw new Error(`DC power flow: singular B matrix at reduced row ${bad}; a bus is not tied to its island's reference`);
  ws.matrix = a;
  ws.factor = f;
  ws.factorizations++;
}

/** Solves the DC power flow of every island. Pass the previous result as `out` to reuse its arrays and factorization. */
export function solveDc(net: PowerNetwork, out?: DcResult, options: DcOptions = {}): DcResult {
  const r = prepareDc(net, out);
  const ws = r.workspace;
  ensureFactor(net, ws, r.island, options.ordering ?? 'minimum-degree');
  const n = net.buses.count;
  const red = ws.reduced;
  const rhs = ws.rhs;
  for (let i = 0; i < n; i++) if (red[i]! >= 0) rhs[red[i]!] = ws.pbus[i]!;
  addReferenceTerms(net, ws.b, red, rhs);
  const sol = ws.factor!.solve(rhs.subarray(0, ws.nReduced), rhs.subarray(0, ws.nReduced));
  for (let i = 0; i < n; i++) r.thetaRad[i] = red[i]! >= 0 ? sol[red[i]!]! : r.energized[i] ? refTheta(net, i) : 0;
  finishDc(net, r);
  return r;
}

/** The case's angle at a reference bus, in radians. */
export const refTheta = (net: PowerNetwork, i: number): number => (net.buses.vaDeg[i]! * Math.PI) / 180;

/**
 * Moves the fixed reference angles to the right-hand side: row i gains b·θ_ref for each branch
 * from a reduced bus i to a bus outside the reduced system (its island's reference).
 */
export function addReferenceTerms(net: PowerNetwork, b: Float64Array, red: Int32Array, rhs: Float64Array): void {
  const L = net.branches;
  for (let k = 0; k < L.count; k++) {
    const bk = b[k]!;
    if (bk === 0) continue;
    const f = L.from[k]!;
    const t = L.to[k]!;
    if (red[f]! >= 0 && red[t]! < 0) rhs[red[f]!] = rhs[red[f]!]! + bk * refTheta(net, t);
    if (red[t]! >= 0 && red[f]! < 0) rhs[red[t]!] = rhs[red[t]!]! + bk * refTheta(net, f);
  }
}

/**
 * First half of a solve, everything but the angles: islands, reference buses, balance and
 * shedding, energised buses, susceptances, shifter injections and the bus injections
 * `workspace.pbus` (p.u., Pbus − Pbusinj; 0 on dead buses). N-1 screening reuses it.
 */
export function prepareDc(net: PowerNetwork, out?: DcResult): DcResult {
  const r = out && fits(out, net) ? out : allocate(net);
  const ws = r.workspace;
  const { buses: B, branches: L, gens: G, baseMVA } = net;
  const n = B.count;
  const count = findIslands(net, r.island, ws.parent, conductingBranches(net, ws.conducts));
  r.islandCount = count;
  planIslands(net, ws, r.island, count);
  const plan: IslandPlan = { count, island: r.island, ...ws.plan };
  balanceIslands(net, plan, ws.scratch, { pgMW: r.pgMW, servedMW: r.servedMW, shedMW: r.shedMW, mode: ws.mode });
  for (let i = 0; i < n; i++) r.energized[i] = ws.plan.refBus[r.island[i]!]! >= 0 && B.type[i] !== ISOLATED ? 1 : 0;
  const conducts = ws.conducts;
  for (let k = 0; k < L.count; k++) {
    const tap = L.tap[k]!;
    const b = conducts[k] ? 1 / (L.x[k]! * (tap === 0 ? 1 : tap)) : 0;
    ws.b[k] = b;
    ws.pfinj[k] = b === 0 ? 0 : (b * (-L.shiftDeg[k]! * Math.PI)) / 180;
  }
  const pbus = ws.pbus;
  for (let i = 0; i < n; i++) pbus[i] = (-r.servedMW[i]! - B.gsMW[i]!) / baseMVA;
  for (let g = 0; g < G.count; g++) pbus[G.bus[g]!] = pbus[G.bus[g]!]! + r.pgMW[g]! / baseMVA;
  for (let k = 0; k < L.count; k++) {
    const pf = ws.pfinj[k]!;
    if (pf === 0) continue;
    pbus[L.from[k]!] = pbus[L.from[k]!]! - pf;
    pbus[L.to[k]!] = pbus[L.to[k]!]! + pf;
  }
  for (let i = 0; i < n; i++) if (!r.energized[i]) pbus[i] = 0;
  return r;
}

/** Second half, once `thetaRad` is set: branch flows, loadings and the island summaries. */
export function finishDc(net: PowerNetwork, r: DcResult): void {
  const L = net.branches;
  const ws = r.workspace;
  for (let k = 0; k < L.count; k++) {
    const b = ws.b[k]!;
    const f = L.from[k]!;
    const flow = b !== 0 && r.energized[f] ? (b * (r.thetaRad[f]! - r.thetaRad[L.to[k]!]!) + ws.pfinj[k]!) * net.baseMVA : 0;
    r.flowMW[k] = flow;
    r.loading[k] = L.rateMW[k]! > 0 ? Math.abs(flow) / L.rateMW[k]! : 0;
  }
  summarize(net, r, r.islandCount);
}

function summarize(net: PowerNetwork, r: DcResult, count: number): void {
  const ws = r.workspace;
  const list = r.islands;
  while (list.length < count) list.push({ buses: 0, generators: 0, refBus: -1, loadMW: 0, servedMW: 0, shedMW: 0, genMW: 0, energized: false, mode: 'none' });
  list.length = count;
  for (let k = 0; k < count; k++) {
    const s = list[k]!;
    s.buses = s.generators = 0;
    s.loadMW = s.servedMW = s.shedMW = s.genMW = 0;
    s.refBus = ws.plan.refBus[k]!;
    s.energized = s.refBus >= 0;
    s.mode = ws.mode[k] ?? 'none';
  }
  for (let i = 0; i < net.buses.count; i++) {
    const s = list[r.island[i]!]!;
    s.buses++;
    s.loadMW += net.buses.pdMW[i]!;
    s.servedMW += r.servedMW[i]!;
    s.shedMW += r.shedMW[i]!;
  }
  for (let g = 0; g < net.gens.count; g++) {
    if (net.gens.status[g] !== 1 || net.buses.type[net.gens.bus[g]!] === ISOLATED) continue;
    const s = list[r.island[net.gens.bus[g]!]!]!;
    s.generators++;
    s.genMW += r.pgMW[g]!;
  }
}
