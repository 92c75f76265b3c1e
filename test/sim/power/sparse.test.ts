/** The sparse LDLᵀ solver and orderings against a dense solve. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/core';
import {
  cscFromTriplets,
  cscMultiply,
  denseSolve,
  LdlFactor,
  minimumDegreeOrder,
  reverseCuthillMcKeeOrder,
  solveDc,
  syntheticGrid,
  toDense,
  type SymCsc,
} from '../../../src/sim/power';

/** A random sparse symmetric diagonally dominant matrix (so positive definite). */
function randomSpd(n: number, seed: number, density = 3): SymCsc {
  const rng = new Rng(seed);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const diag = new Float64Array(n);
  for (let e = 0; e < n * density; e++) {
    const i = rng.int(0, n - 1);
    const j = rng.int(0, n - 1);
    if (i === j) continue;
    const v = -rng.range(0.1, 10);
    rows.push(i, j);
    cols.push(j, i);
    vals.push(v, v);
    diag[i] = diag[i]! - v;
    diag[j] = diag[j]! - v;
  }
  for (let i = 0; i < n; i++) (rows.push(i), cols.push(i), vals.push(diag[i]! + rng.range(0.1, 1)));
  return cscFromTriplets(n, rows, cols, vals);
}

const isPermutation = (p: Int32Array, n: number) => p.length === n && new Set(p).size === n && p.every((v) => v >= 0 && v < n);

describe('sparse LDLᵀ', () => {
  it('sums duplicate triplets as MATLAB sparse() does', () => {
    const a = cscFromTriplets(2, [0, 0, 1, 1, 0], [0, 0, 1, 0, 1], [1, 2, 5, -1, -1]);
    expect(Array.from(toDense(a))).toEqual([3, -1, -1, 5]);
  });

  it.each([1, 2, 3, 4, 5])('solves random SPD systems like a dense solve, under every ordering (seed %d)', (seed) => {
    const n = 40 + seed * 13;
    const a = randomSpd(n, seed);
    const rng = new Rng(seed + 100);
    const b = Float64Array.from({ length: n }, () => rng.range(-1, 1));
    const dense = denseSolve(toDense(a), n, b);
    for (const perm of [null, minimumDegreeOrder(a), reverseCuthillMcKeeOrder(a)]) {
      if (perm) expect(isPermutation(perm, n)).toBe(true);
      const f = LdlFactor.analyze(a, perm);
      expect(f.factor(a)).toBe(-1);
      const x = f.solve(b);
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(dense[i]!, 9);
      const ax = cscMultiply(a, x);
      for (let i = 0; i < n; i++) expect(ax[i]).toBeCloseTo(b[i]!, 9);
    }
  });

  it('reports a singular matrix by its pivot', () => {
    const a = cscFromTriplets(2, [0, 1, 0, 1], [0, 1, 1, 0], [1, 1, -1, -1]);
    expect(LdlFactor.analyze(a).factor(a)).toBe(1);
  });

  it('minimum degree leaves less fill than RCM and the natural order on a grid', () => {
    const net = syntheticGrid({ buses: 400, seed: 9 });
    const a = solveDc(net).workspace.matrix!;
    const md = LdlFactor.analyze(a, minimumDegreeOrder(a)).nnzL;
    const rcm = LdlFactor.analyze(a, reverseCuthillMcKeeOrder(a)).nnzL;
    const nat = LdlFactor.analyze(a, null).nnzL;
    expect(md).toBeLessThan(rcm);
    expect(md).toBeLessThan(nat);
  });
});
