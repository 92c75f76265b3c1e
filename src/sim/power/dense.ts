/**
 * Dense Gaussian elimination — the yardstick the sparse solver is measured against in
 * `benchPower`, and an independent check of it in tests. O(2n³/3) flops and n² doubles of memory:
 * instant for a 30-bus case, seconds for 2,000 buses, which is the point. Libraries such as
 * ml-matrix offer the same complexity (dense LU/Cholesky), not better.
 */
import type { SymCsc } from './sparse';

/** Row-major n×n copy of a CSC matrix. */
export function toDense(a: SymCsc): Float64Array {
  const n = a.n;
  const d = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++) d[a.rowIdx[p]! * n + j] = d[a.rowIdx[p]! * n + j]! + a.values[p]!;
  return d;
}

/**
 * Solves A·x = b by elimination without pivoting (safe for the symmetric positive-definite B
 * matrices it is used on). Overwrites `a`.
 */
export function denseSolve(a: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    const pivot = a[rk + k]!;
    if (pivot === 0) throw new Error(`dense solve: zero pivot at row ${k}`);
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      // No skip for zero multipliers: that would turn this into a band solver and flatter it.
      const l = a[ri + k]! / pivot;
      for (let j = k + 1; j < n; j++) a[ri + j] = a[ri + j]! - l * a[rk + j]!;
      x[i] = x[i]! - l * x[k]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= a[i * n + j]! * x[j]!;
    x[i] = s / a[i * n + i]!;
  }
  return x;
}
