/**
 * Power balance per island, before the angles are solved: who generates how much, and whose load
 * is shed when there is not enough generation.
 *
 * - The island holding the case's reference bus is balanced as MATPOWER's rundcpf balances it: the
 *   first in-service generator at the reference bus takes the whole mismatch — as long as that
 *   keeps it within [Pmin, Pmax]. This is what makes base-case results equal MATPOWER's.
 * - Every other island, and the reference island when its slack would leave its limits, spreads the
 *   mismatch over its in-service generators in proportion to headroom: Pmax − Pg when short,
 *   Pg − Pmin when long. Proportional to headroom, every unit reaches its limit together, so no
 *   unit is pushed past a limit while another still has room (a simple stand-in for AGC
 *   participation factors; see Wood and Wollenberg, "Power Generation, Operation and Control",
 *   ch. 9).
 * - If an island's load exceeds its generators' total Pmax, load is shed — deferrable first, then
 *   normal, then critical, in equal proportion within a class — and every unit runs at Pmax.
 * - If load is below the units' total Pmin, units are backed down below Pmin in proportion to
 *   output (a real system would trip units; we keep the island energised and say so in `mode`).
 * - Whatever still does not balance (only in degenerate cases such as a negative shunt exceeding
 *   all generation) is left on the slack unit, so every energised island balances exactly.
 *
 * An island with no in-service generator is de-energised: all its load is unserved.
 */
import { BUS_ISOLATED, type PowerNetwork } from './network';

export type BalanceMode = 'slack' | 'headroom' | 'shed' | 'below-pmin' | 'none';

/** Per-island inputs decided by the topology pass. */
export interface IslandPlan {
  readonly count: number;
  /** Bus index → island. */
  readonly island: Int32Array;
  /** Island → its angle-reference bus, or -1 when it has no in-service generation. */
  readonly refBus: Int32Array;
  /** Island → the generator that absorbs what proportional sharing leaves, or -1. */
  readonly slackGen: Int32Array;
  /** Island → 1 when it holds a type-3 bus with generation (MATPOWER's reference island). */
  readonly caseRef: Uint8Array;
}

export interface BalanceOut {
  readonly pgMW: Float64Array;
  readonly servedMW: Float64Array;
  readonly shedMW: Float64Array;
  /** Per island (length ≥ plan.count). */
  readonly mode: BalanceMode[];
}

/** Scratch arrays sized by island count, kept between solves. */
export interface BalanceScratch {
  demand: Float64Array;
  pg: Float64Array;
  pmax: Float64Array;
  up: Float64Array;
  down: Float64Array;
  cls: Float64Array; // 3 per island: deferrable, normal, critical (positive load only)
  frac: Float64Array; // 3 per island: the share of each class shed
  c3: Float64Array;
  fUp: Float64Array;
  fDown: Float64Array;
  left: Float64Array;
  /** Per generator: its island when in service, else -1. */
  genIsland: Int32Array;
}

export function balanceScratch(islands: number, gens: number): BalanceScratch {
  return {
    fUp: new Float64Array(islands),
    fDown: new Float64Array(islands),
    left: new Float64Array(islands),
    genIsland: new Int32Array(gens),
    demand: new Float64Array(islands),
    pg: new Float64Array(islands),
    pmax: new Float64Array(islands),
    up: new Float64Array(islands),
    down: new Float64Array(islands),
    cls: new Float64Array(islands * 3),
    frac: new Float64Array(islands * 3),
    c3: new Float64Array(3),
  };
}

/** Splits a bus's positive load into deferrable, normal and critical parts; critical is honoured first. */
function classes(net: PowerNetwork, b: number, out: Float64Array): void {
  const pd = Math.max(net.buses.pdMW[b]!, 0);
  const crit = Math.min(Math.max(net.buses.criticalMW[b]!, 0), pd);
  const def = Math.min(Math.max(net.buses.deferrableMW[b]!, 0), pd - crit);
  out[0] = def;
  out[1] = pd - crit - def;
  out[2] = crit;
}

// A module constant, not the import: bundlers that emulate ES modules turn each use of an imported
// binding into a property read (a getter under tsx), which shows in per-bus loops.
const ISOLATED: number = BUS_ISOLATED;

export function balanceIslands(net: PowerNetwork, plan: IslandPlan, s: BalanceScratch, out: BalanceOut): void {
  const { buses: B, gens: G } = net;
  const { island, count } = plan;
  s.demand.fill(0, 0, count);
  s.pg.fill(0, 0, count);
  s.pmax.fill(0, 0, count);
  s.up.fill(0, 0, count);
  s.down.fill(0, 0, count);
  s.cls.fill(0, 0, count * 3);
  const c3 = s.c3;
  for (let b = 0; b < B.count; b++) {
    const k = island[b]!;
    s.demand[k] = s.demand[k]! + B.pdMW[b]! + B.gsMW[b]!;
    classes(net, b, c3);
    for (let c = 0; c < 3; c++) s.cls[k * 3 + c] = s.cls[k * 3 + c]! + c3[c]!;
  }
  const gi = s.genIsland;
  for (let g = 0; g < G.count; g++) {
    const on = G.status[g] === 1 && B.type[G.bus[g]!] !== ISOLATED;
    gi[g] = on ? island[G.bus[g]!]! : -1;
    out.pgMW[g] = on ? G.pgMW[g]! : 0;
    if (!on) continue;
    const k = gi[g]!;
    s.pg[k] = s.pg[k]! + G.pgMW[g]!;
    s.pmax[k] = s.pmax[k]! + G.pmaxMW[g]!;
    s.up[k] = s.up[k]! + Math.max(G.pmaxMW[g]! - G.pgMW[g]!, 0);
    s.down[k] = s.down[k]! + Math.max(G.pgMW[g]! - G.pminMW[g]!, 0);
  }

  // Shed fractions per island and class; 1 for every class in a dead island.
  const shedFrac = s.frac;
  shedFrac.fill(0, 0, count * 3);
  for (let k = 0; k < count; k++) {
    out.mode[k] = 'none';
    if (plan.refBus[k]! < 0) {
      shedFrac.fill(1, k * 3, k * 3 + 3);
      continue;
    }
    const demand = s.demand[k]!;
    if (demand > s.pmax[k]! + 1e-9 * Math.max(1, demand)) {
      let need = demand - s.pmax[k]!;
      for (let c = 0; c < 3; c++) {
        const total = s.cls[k * 3 + c]!;
        const f = total > 0 ? Math.min(1, need / total) : 0;
        shedFrac[k * 3 + c] = f;
        need -= f * total;
      }
      out.mode[k] = 'shed';
    }
  }
  for (let b = 0; b < B.count; b++) {
    const k = island[b]!;
    classes(net, b, c3);
    const shed = shedFrac[k * 3]! * c3[0]! + shedFrac[k * 3 + 1]! * c3[1]! + shedFrac[k * 3 + 2]! * c3[2]!;
    out.shedMW[b] = shed;
    out.servedMW[b] = plan.refBus[k]! < 0 || B.type[b] === ISOLATED ? 0 : B.pdMW[b]! - shed;
  }

  // Dispatch: decide per island, then one pass over generators.
  const { fUp, fDown, left } = s;
  for (let k = 0; k < count; k++) {
    fUp[k] = fDown[k] = left[k] = 0;
    if (plan.refBus[k]! < 0 || out.mode[k] === 'shed') continue;
    const mismatch = s.demand[k]! - s.pg[k]!; // > 0: short of generation
    const slack = plan.slackGen[k]!;
    if (plan.caseRef[k] && slack >= 0) {
      const p = G.pgMW[slack]! + mismatch;
      if (p >= G.pminMW[slack]! - 1e-9 && p <= G.pmaxMW[slack]! + 1e-9) {
        out.mode[k] = 'slack'; // the exact-balance pass below moves the mismatch onto the slack unit
        continue;
      }
    }
    out.mode[k] = 'headroom';
    if (mismatch > 0 && s.up[k]! > 0) fUp[k] = Math.min(1, mismatch / s.up[k]!);
    else if (mismatch < 0 && s.down[k]! > 0) fDown[k] = Math.min(1, -mismatch / s.down[k]!);
    if (mismatch < 0) left[k] = -mismatch - fDown[k]! * s.down[k]!;
  }
  for (let g = 0; g < G.count; g++) {
    const k = gi[g]!;
    if (k < 0 || plan.refBus[k]! < 0) continue;
    const pg = G.pgMW[g]!;
    out.pgMW[g] = out.mode[k] === 'shed' ? G.pmaxMW[g]! : pg + fUp[k]! * Math.max(G.pmaxMW[g]! - pg, 0) - fDown[k]! * Math.max(pg - G.pminMW[g]!, 0);
  }
  // Load below total Pmin: back units down further, in proportion to output.
  const total = s.pg;
  total.fill(0, 0, count);
  for (let g = 0; g < G.count; g++) if (gi[g]! >= 0) total[gi[g]!] = total[gi[g]!]! + Math.max(out.pgMW[g]!, 0);
  for (let k = 0; k < count; k++) {
    if (left[k]! > 1e-9 && total[k]! > 0) out.mode[k] = 'below-pmin';
    fDown[k] = left[k]! > 1e-9 && total[k]! > 0 ? Math.min(1, left[k]! / total[k]!) : 0;
  }
  for (let g = 0; g < G.count; g++) {
    const k = gi[g]!;
    if (k >= 0 && fDown[k]! > 0) out.pgMW[g] = out.pgMW[g]! - fDown[k]! * Math.max(out.pgMW[g]!, 0);
  }

  // Exact balance: the slack unit takes any rounding or degenerate remainder.
  const served = s.demand; // reuse: now Σ served + Σ Gs per island, minus Σ Pg
  served.fill(0, 0, count);
  for (let b = 0; b < B.count; b++) if (B.type[b] !== ISOLATED) served[island[b]!] = served[island[b]!]! + out.servedMW[b]! + B.gsMW[b]!;
  for (let g = 0; g < G.count; g++) if (gi[g]! >= 0) served[gi[g]!] = served[gi[g]!]! - out.pgMW[g]!;
  for (let k = 0; k < count; k++) {
    const slack = plan.slackGen[k]!;
    if (plan.refBus[k]! >= 0 && slack >= 0) out.pgMW[slack] = out.pgMW[slack]! + served[k]!;
  }
}
