/**
 * Bandwidth sharing kernels against hand-computed allocations, and the defining properties of
 * max-min fairness (Bertsekas & Gallager §6.5.2) on random networks: feasible, no flow above its
 * demand, and every flow below its demand has a saturated bottleneck link where it gets at least
 * as much as any other flow.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim';
import { shareMaxMin, shareProportional, SharingWorkspace, type FlowArrays } from '../../../src/sim/comms';

function flows(paths: number[][], demand: number[]): FlowArrays {
  const pathLinks = paths.flat();
  const pathStart: number[] = [];
  let s = 0;
  for (const p of paths) {
    pathStart.push(s);
    s += p.length;
  }
  return {
    count: paths.length,
    offered: Float64Array.from(demand),
    pathStart: Int32Array.from(pathStart),
    pathLen: Int32Array.from(paths.map((p) => p.length)),
    pathLinks: Int32Array.from(pathLinks),
    rate: new Float64Array(paths.length),
  };
}

function maxMin(cap: number[], paths: number[][], demand: number[]): number[] {
  const f = flows(paths, demand);
  const ws = new SharingWorkspace(cap.length, f);
  ws.sortFlows(f);
  shareMaxMin(Float64Array.from(cap), f, ws);
  return [...f.rate];
}

describe('max-min fair sharing', () => {
  it('gives small flows their demand and splits the rest evenly on one link', () => {
    // 10 units, demands 2, 8, 8: the small flow is satisfied, the others split the 8 left.
    const r = maxMin([10], [[0], [0], [0]], [2, 8, 8]);
    expect(r[0]).toBeCloseTo(2, 9);
    expect(r[1]).toBeCloseTo(4, 9);
    expect(r[2]).toBeCloseTo(4, 9);
  });

  it('fills the tightest link first across two links', () => {
    // Link B (cap 1) carries flows 0, 2, 3: each gets 1/3. Link A (cap 1) carries 0 and 1: flow 1 gets what 0 leaves, 2/3.
    const big = 1e9;
    const r = maxMin([1, 1], [[0, 1], [0], [1], [1]], [big, big, big, big]);
    expect(r[0]).toBeCloseTo(1 / 3, 9);
    expect(r[1]).toBeCloseTo(2 / 3, 9);
    expect(r[2]).toBeCloseTo(1 / 3, 9);
    expect(r[3]).toBeCloseTo(1 / 3, 9);
  });

  it('satisfies the max-min conditions on random networks', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const L = rng.int(1, 12);
      const F = rng.int(1, 60);
      const cap = Array.from({ length: L }, () => rng.range(1, 100));
      const paths = Array.from({ length: F }, () => {
        const len = rng.int(1, Math.min(4, L));
        return rng.shuffle(Array.from({ length: L }, (_, i) => i)).slice(0, len);
      });
      const demand = Array.from({ length: F }, () => (rng.chance(0.2) ? 0 : rng.range(0.1, 80)));
      const r = maxMin(cap, paths, demand);
      const load = cap.map(() => 0);
      paths.forEach((p, f) => p.forEach((l) => (load[l]! += r[f]!)));
      load.forEach((x, l) => expect(x).toBeLessThanOrEqual(cap[l]! * (1 + 1e-9) + 1e-9));
      r.forEach((x, f) => expect(x).toBeLessThanOrEqual(demand[f]! + 1e-9));
      r.forEach((x, f) => {
        if (x >= demand[f]! - 1e-7) return;
        const bottleneck = paths[f]!.some((l) => load[l]! >= cap[l]! * (1 - 1e-7) && paths.every((q, g) => !q.includes(l) || r[g]! <= x + 1e-7));
        expect(bottleneck, `flow ${f} in trial ${trial} has no bottleneck`).toBe(true);
      });
    }
  });
});

describe('proportional (drop-tail) sharing', () => {
  it('scales every flow on a congested link by the same factor', () => {
    const f = flows([[0], [0], [0]], [2, 8, 8]);
    const ws = new SharingWorkspace(1, f);
    shareProportional(Float64Array.from([10]), f, ws);
    // 18 offered into 10: each keeps 10/18 of what it sends — the small control flow suffers too.
    expect(f.rate[0]).toBeCloseTo((2 * 10) / 18, 9);
    expect(f.rate[1]).toBeCloseTo((8 * 10) / 18, 9);
    expect(f.rate[0]! + f.rate[1]! + f.rate[2]!).toBeCloseTo(10, 9);
  });

  it('leaves flows on an uncongested link untouched', () => {
    const f = flows([[0], [0, 1]], [3, 4]);
    const ws = new SharingWorkspace(2, f);
    shareProportional(Float64Array.from([10, 100]), f, ws);
    expect([...f.rate]).toEqual([3, 4]);
  });
});
