/**
 * N-1 screening: the outage of each conducting branch in turn, and how many other branches it
 * overloads. One factorization of the base-case B matrix serves every contingency: removing branch
 * k (susceptance b, incidence a = e_f − e_t) is a rank-1 change B' = B − b·a·aᵀ, and by the
 * Sherman–Morrison formula the post-outage angles are
 *
 *     θ' = θ + x · F_k / (1 − b·aᵀx),   x = B⁻¹a,
 *
 * where F_k is the pre-outage flow on k in p.u., phase-shift injection included (removing the
 * branch also removes its shifter's injection, and the algebra folds that into F_k). The flow on
 * any other branch l then changes by b_l·(x_f(l) − x_t(l))·F_k / (1 − b·aᵀx): the line outage
 * distribution factor (Wood and Wollenberg, "Power Generation, Operation and Control", 3rd ed.,
 * §7.3; Güler, Gross and Liu, "Generalized line outage distribution factors", IEEE Trans. Power
 * Systems 22(2), 2007). Each contingency costs two triangular solves and one pass over branches.
 *
 * When the outage splits an island (a bridge), 1 − b·aᵀx = 0 and the formula fails; the split
 * also changes which buses are supplied and how each part balances. Those contingencies are still
 * solved with the base factorization: once each part is balanced (or, if dead, has no injection),
 * the net injection on the far side of the bridge is zero, so the base system — bridge included —
 * carries nothing across it and its solution equals the split system's, up to a constant angle
 * per new island, which is then set from that island's own reference bus. Islands and balance
 * are recomputed (linear time); no refactorization is needed.
 */
import { addReferenceTerms, finishDc, prepareDc, refTheta, solveDc, type DcResult } from './dcpf';
import { findBridges } from './islands';
import { withBranchStatus, type PowerNetwork } from './network';

export interface N1Options {
  /** A branch counts as overloaded above this loading (default 1, i.e. its rating). */
  readonly threshold?: number;
}

export interface N1Screen {
  readonly base: DcResult;
  /** Screened branches (those conducting in the base case), in index order. */
  readonly branch: Int32Array;
  /** Per screened branch: other branches above the threshold after its outage. */
  readonly overloads: Int32Array;
  readonly maxLoading: Float64Array;
  /** The most loaded branch after the outage, or -1. */
  readonly worst: Int32Array;
  /** 1 when the outage splits an island (solved by a full re-solve). */
  readonly islanding: Uint8Array;
  /** Extra load unserved after the outage, MW. */
  readonly lostLoadMW: Float64Array;
  /** Post-outage flows (MW) for the outage of `branchIndex` (a network branch index). */
  flowsAfter(branchIndex: number, out?: Float64Array): Float64Array;
}

export function screenN1(net: PowerNetwork, opts: N1Options = {}): N1Screen {
  const threshold = opts.threshold ?? 1;
  const base = solveDc(net);
  const ws = base.workspace;
  const L = net.branches;
  const m = L.count;
  const red = ws.reduced;
  const factor = ws.factor!;
  const bridges = findBridges(net);
  const baseShed = base.shedMW.reduce((a, b) => a + b, 0);

  const screened: number[] = [];
  for (let k = 0; k < m; k++) if (ws.b[k] !== 0 && base.energized[L.from[k]!]) screened.push(k);
  const n = screened.length;
  const branch = Int32Array.from(screened);
  const overloads = new Int32Array(n);
  const maxLoading = new Float64Array(n);
  const worst = new Int32Array(n).fill(-1);
  const islanding = new Uint8Array(n);
  const lostLoadMW = new Float64Array(n);

  const flows = new Float64Array(m);
  const scratchNet = withBranchStatus(net);
  let scratch: DcResult | undefined;

  // Reduced row of each branch end, with reference and dead buses mapped to a sentinel row that
  // always holds 0, so the per-branch loop below has no branches of its own.
  const zero = ws.nReduced;
  const z = new Float64Array(zero + 1);
  const endF = new Int32Array(m);
  const endT = new Int32Array(m);
  for (let l = 0; l < m; l++) {
    endF[l] = red[L.from[l]!]! >= 0 ? red[L.from[l]!]! : zero;
    endT[l] = red[L.to[l]!]! >= 0 ? red[L.to[l]!]! : zero;
  }
  const bArr = ws.b;
  const baseFlow = base.flowMW;
  const zSys = z.subarray(0, zero);

  /** Post-outage flows into `out` by the rank-1 update; returns false when the outage islands the grid. */
  const lodf = (k: number, out: Float64Array): boolean => {
    if (bridges[k]) return false;
    z.fill(0);
    z[endF[k]!] = 1;
    z[endT[k]!] = -1;
    z[zero] = 0;
    factor.solve(zSys, zSys);
    const denom = 1 - bArr[k]! * (z[endF[k]!]! - z[endT[k]!]!);
    if (Math.abs(denom) < 1e-8) return false;
    const scale = baseFlow[k]! / denom;
    for (let l = 0; l < m; l++) out[l] = baseFlow[l]! + bArr[l]! * (z[endF[l]!]! - z[endT[l]!]!) * scale;
    out[k] = 0;
    return true;
  };
  const nb = net.buses.count;
  const offset = new Float64Array(nb);
  /** Outage of a bridge, solved with the base factorization (see the module comment). */
  const splitSolve = (k: number): DcResult => {
    scratchNet.branches.status.set(L.status);
    scratchNet.branches.status[k] = 0;
    const post = (scratch = prepareDc(scratchNet, scratch));
    const rhs = zSys;
    for (let i = 0; i < nb; i++) if (red[i]! >= 0) rhs[red[i]!] = post.workspace.pbus[i]!;
    addReferenceTerms(net, ws.b, red, rhs);
    factor.solve(rhs, rhs);
    const th = post.thetaRad;
    for (let i = 0; i < nb; i++) th[i] = red[i]! >= 0 ? rhs[red[i]!]! : post.energized[i] ? refTheta(net, i) : 0;
    const refs = post.workspace.plan.refBus;
    for (let c = 0; c < post.islandCount; c++) offset[c] = refs[c]! >= 0 ? refTheta(net, refs[c]!) - th[refs[c]!]! : 0;
    for (let i = 0; i < nb; i++) th[i] = post.energized[i] ? th[i]! + offset[post.island[i]!]! : 0;
    finishDc(scratchNet, post);
    return post;
  };
  /** Any outage, by a full solve: only for the numerically degenerate case the bridge search missed. */
  const resolve = (k: number): DcResult => {
    if (bridges[k]) return splitSolve(k);
    scratchNet.branches.status.set(L.status);
    scratchNet.branches.status[k] = 0;
    scratch = solveDc(scratchNet, scratch);
    return scratch;
  };
  const flowsAfter = (k: number, out: Float64Array = new Float64Array(m)): Float64Array => {
    if (ws.b[k] === 0 || !base.energized[L.from[k]!]) out.set(base.flowMW);
    else if (!lodf(k, out)) out.set(resolve(k).flowMW);
    return out;
  };

  for (let c = 0; c < n; c++) {
    const k = branch[c]!;
    let lost = 0;
    if (!lodf(k, flows)) {
      const r = resolve(k);
      flows.set(r.flowMW);
      islanding[c] = 1;
      lost = r.shedMW.reduce((a, b) => a + b, 0) - baseShed;
    }
    let count = 0;
    let max = 0;
    let arg = -1;
    for (let l = 0; l < m; l++) {
      const rate = L.rateMW[l]!;
      if (rate <= 0 || l === k) continue;
      const load = Math.abs(flows[l]!) / rate;
      if (load > threshold) count++;
      if (load > max) ((max = load), (arg = l));
    }
    overloads[c] = count;
    maxLoading[c] = max;
    worst[c] = arg;
    lostLoadMW[c] = lost;
  }
  return { base, branch, overloads, maxLoading, worst, islanding, lostLoadMW, flowsAfter };
}
