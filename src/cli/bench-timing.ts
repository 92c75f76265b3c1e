/** Timing helpers shared by the benchmarks: rounding, medians, and repeated timed calls. */

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Times `runs` calls of `f` in ms after `warmup` untimed ones (JIT, caches), rounded to `digits`. */
export function timeRuns(f: () => unknown, runs: number, warmup = Math.min(5, runs), digits = 3): Timing {
  for (let i = 0; i < warmup; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return { medianMs: round(ts[Math.floor(ts.length / 2)]!, digits), minMs: round(ts[0]!, digits), maxMs: round(ts[ts.length - 1]!, digits), runs };
}
