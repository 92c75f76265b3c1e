/**
 * The open-addressing tables behind dense trace numbers and place numbers, past the sizes at which
 * they double (32,768 pseudonyms, 512 places, and each doubling of those): numbers follow first appearance, as a Map gives them.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/core';
import { denseTraces, groupByTrace, type TracePoints } from '../../../src/sim/analysis';

/** Numbers in order of first appearance, by a Map. */
function firstAppearance<K>(keys: readonly K[]): { ids: number[]; count: number } {
  const seen = new Map<K, number>();
  const ids = keys.map((k) => {
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = seen.size));
    return v;
  });
  return { ids, count: seen.size };
}

describe('dense numbering tables', () => {
  it('numbers 200,000 pseudonyms (about 110,000 distinct: the table doubles twice) in order of first appearance', () => {
    const rng = new Rng(3);
    // An odd multiplier spreads the draws over all 32 bits without making two of them equal.
    const pid = Uint32Array.from({ length: 200_000 }, () => rng.int(0, 150_000) * 2_654_435_761);
    const ref = firstAppearance([...pid]);
    const { trace, count } = denseTraces(pid, pid.length);
    expect(count).toBe(ref.count);
    expect(count).toBeGreaterThan(65_536);
    expect(Array.from(trace)).toEqual(ref.ids);
  });

  it('numbers about 5,000 places (the place table doubles four times) in order of first appearance', () => {
    const rng = new Rng(8);
    const n = 20_000;
    const x = Float32Array.from({ length: n }, () => rng.int(0, 70) * 10.5);
    const z = Float32Array.from({ length: n }, () => rng.int(0, 70) * 7.25);
    const pts: TracePoints = { n, pid: new Uint32Array(n), x, z, t: new Int32Array(n) };
    const g = groupByTrace(pts, new Int32Array(n), 1);
    const ref = firstAppearance(Array.from(x, (xi, i) => `${xi},${z[i]}`));
    expect(g.placeX.length).toBe(ref.count);
    expect(ref.count).toBeGreaterThan(4096);
    // One trace: its records stay in row order, so record i's place is row i's.
    expect(Array.from(g.place)).toEqual(ref.ids);
    ref.ids.forEach((p, i) => {
      if (i < 50) expect([g.placeX[p], g.placeZ[p]]).toEqual([x[i], z[i]]);
    });
  });
});
