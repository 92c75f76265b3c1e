/**
 * Seeded synthetic transmission grids for tests and benchmarks. Buses sit on a jittered square
 * lattice; lines join lattice neighbours (and one diagonal per cell, which keeps the graph planar),
 * first a random spanning tree so the grid is connected, then extra lines until the average degree
 * is about 2.7 — the range Birchfield et al. report for real grids ("Grid structural
 * characteristics as validation criteria for synthetic networks", IEEE Trans. Power Systems 32(4),
 * 2017: average degree 2.4–2.8). Reactances are drawn from 0.01–0.1 p.u.; about 5 % of branches
 * are off-nominal transformers and a few are phase shifters. Ratings are set from the base-case
 * flows so that base-case loading falls mostly in 30–80 %.
 *
 * The same options and seed give the same grid on every machine (core Rng, no hash order).
 */
import { Rng } from '../core';
import { solveDc } from './dcpf';
import { allocateNetwork, BUS_PV, BUS_REF, type PowerNetwork } from './network';

export interface SyntheticOptions {
  readonly buses: number;
  readonly seed: number;
  readonly avgDegree?: number;
  /** Share of buses with a generator. */
  readonly genFraction?: number;
  /** Share of buses with load. */
  readonly loadFraction?: number;
  readonly meanLoadMW?: number;
  /** Total Pmax over total load. */
  readonly reserveRatio?: number;
  readonly transformerFraction?: number;
  readonly phaseShifters?: number;
  /** Base-case loading is drawn uniformly from this range for each rated branch. */
  readonly loadingRange?: readonly [number, number];
}

export function syntheticGrid(o: SyntheticOptions): PowerNetwork {
  const n = Math.max(2, Math.floor(o.buses));
  const rng = new Rng(o.seed).fork('power.synthetic');
  const w = Math.ceil(Math.sqrt(n));

  // Candidate lines: right and down neighbours, plus one diagonal per lattice cell.
  const cand: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const col = i % w;
    if (col + 1 < w && i + 1 < n) cand.push([i, i + 1]);
    if (i + w < n) cand.push([i, i + w]);
    if (rng.chance(0.5)) {
      if (col + 1 < w && i + w + 1 < n) cand.push([i, i + w + 1]);
    } else if (col > 0 && i + w - 1 < n) cand.push([i, i + w - 1]);
  }
  rng.shuffle(cand);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const chosen: [number, number][] = [];
  const rest: [number, number][] = [];
  for (const e of cand) {
    const a = root(e[0]);
    const b = root(e[1]);
    if (a !== b) {
      parent[a] = b;
      chosen.push(e);
    } else rest.push(e);
  }
  const target = Math.round(((o.avgDegree ?? 2.7) * n) / 2);
  for (const e of rest) if (chosen.length < target) chosen.push(e);
  chosen.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const nGen = Math.max(1, Math.round(n * (o.genFraction ?? 0.1)));
  const net = allocateNetwork(100, n, nGen, chosen.length);
  const { buses: B, gens: G, branches: L } = net;

  const meanLoad = o.meanLoadMW ?? 20;
  let totalLoad = 0;
  for (let i = 0; i < n; i++) {
    B.id[i] = i + 1;
    if (!rng.chance(o.loadFraction ?? 0.8)) continue;
    const pd = Math.round(meanLoad * rng.range(0.2, 1.8) * 10) / 10;
    B.pdMW[i] = pd;
    totalLoad += pd;
    if (rng.chance(0.15)) B.criticalMW[i] = Math.round(pd * rng.range(0.3, 1) * 10) / 10;
    B.deferrableMW[i] = Math.round(Math.min(pd - B.criticalMW[i]!, pd * rng.range(0, 0.3)) * 10) / 10;
    if (rng.chance(0.02)) {
      B.gsMW[i] = 0.5;
      totalLoad += 0.5;
    }
  }

  // Generators on distinct buses; the largest one holds the reference bus.
  const order = rng
    .shuffle(Array.from({ length: n }, (_, i) => i))
    .slice(0, nGen)
    .sort((a, b) => a - b);
  const weights = order.map(() => 0.2 + rng.next() ** 2);
  const wSum = weights.reduce((a, b) => a + b, 0);
  const totalPmax = totalLoad * (o.reserveRatio ?? 1.4);
  let big = 0;
  order.forEach((bus, g) => {
    G.bus[g] = bus;
    G.pmaxMW[g] = Math.round((totalPmax * weights[g]!) / wSum);
    G.pgMW[g] = Math.round((G.pmaxMW[g]! * totalLoad) / totalPmax);
    B.type[bus] = BUS_PV;
    if (G.pmaxMW[g]! > G.pmaxMW[big]!) big = g;
  });
  B.type[G.bus[big]!] = BUS_REF;

  chosen.forEach(([f, t], k) => {
    L.from[k] = f;
    L.to[k] = t;
    L.x[k] = Math.round(rng.range(0.01, 0.1) * 1e4) / 1e4;
    if (rng.chance(o.transformerFraction ?? 0.05)) L.tap[k] = Math.round(rng.range(0.95, 1.05) * 1000) / 1000;
  });
  const shifters = o.phaseShifters ?? Math.round(n / 500);
  for (let s = 0; s < shifters; s++) L.shiftDeg[rng.int(0, L.count - 1)] = rng.pick([-3, -2, -1, 1, 2, 3]);

  // Ratings from the base case, so loading is mostly in the requested range.
  const base = solveDc(net);
  const [lo, hi] = o.loadingRange ?? [0.3, 0.8];
  let meanFlow = 0;
  for (let k = 0; k < L.count; k++) meanFlow += Math.abs(base.flowMW[k]!) / L.count;
  for (let k = 0; k < L.count; k++) {
    L.rateMW[k] = Math.ceil(Math.max(Math.abs(base.flowMW[k]!) / rng.range(lo, hi), 0.25 * meanFlow));
  }
  return net;
}
