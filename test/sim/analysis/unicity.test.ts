import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim';
import { buildPointIndex, denseTraces, postingBits, singledOut, singledOutBits, unicityCurve, unicityOf, type TracePoints } from '../../../src/sim/analysis';

/** Points from [trace, x, z, t] rows; pseudonyms are trace numbers + 1. */
function points(rows: [number, number, number, number][]): TracePoints {
  return {
    n: rows.length,
    pid: Uint32Array.from(rows, (r) => r[0] + 1),
    x: Float32Array.from(rows, (r) => r[1]),
    z: Float32Array.from(rows, (r) => r[2]),
    t: Int32Array.from(rows, (r) => r[3]),
  };
}

function index(rows: [number, number, number, number][], spatialM = 0, temporalS = 1) {
  const pts = points(rows);
  const { trace, count } = denseTraces(pts.pid, pts.n);
  return buildPointIndex(pts, trace, count, spatialM, temporalS);
}

describe('unicity (de Montjoye et al. 2013)', () => {
  // Points: P1 (10,10,100) in A, B, C; P2 (20,10,200) in A, C; P3 (30,10,300) in B only; P4 (40,10,400) in C only.
  const rows: [number, number, number, number][] = [
    [0, 10, 10, 100],
    [0, 20, 10, 200],
    [1, 10, 10, 100],
    [1, 30, 10, 300],
    [2, 10, 10, 100],
    [2, 20, 10, 200],
    [2, 40, 10, 400],
  ];
  const ix = index(rows);
  const P = (x: number, t: number) => ix.find(x, 10, t);

  it('indexes each point to the traces that hold it, in trace order', () => {
    const list = (p: number) => [...ix.pointTraces.subarray(ix.pointStart[p]!, ix.pointStart[p + 1]!)];
    expect(list(P(10, 100))).toEqual([0, 1, 2]);
    expect(list(P(20, 200))).toEqual([0, 2]);
    expect(list(P(30, 300))).toEqual([1]);
    expect(P(50, 100)).toBe(-1);
  });

  it('says whether p points single a trace out, by intersecting their traces', () => {
    expect(singledOut(ix, Int32Array.of(P(10, 100)), 1, 0)).toBe(false);
    expect(singledOut(ix, Int32Array.of(P(10, 100), P(20, 200)), 2, 0)).toBe(false); // C holds both too
    expect(singledOut(ix, Int32Array.of(P(20, 200), P(40, 400)), 2, 2)).toBe(true);
    expect(singledOut(ix, Int32Array.of(P(30, 300)), 1, 1)).toBe(true);
  });

  it('is 1 when every point belongs to one trace and 0 when every trace is the same', () => {
    const own: [number, number, number, number][] = [];
    const same: [number, number, number, number][] = [];
    for (let tr = 0; tr < 50; tr++) {
      for (let k = 0; k < 6; k++) {
        own.push([tr, tr * 10, k * 10, k * 3600]);
        same.push([tr, k * 10, 0, k * 3600]);
      }
    }
    for (const u of unicityCurve(index(own), 0, 1, [1, 3, 6], 100, new Rng(1))) expect([u.epsilon, u.sampled]).toEqual([1, 50]);
    for (const u of unicityCurve(index(same), 0, 1, [1, 3, 6], 100, new Rng(1))) expect(u.epsilon).toBe(0);
    // No trace has 7 distinct points: nothing to sample.
    expect(unicityCurve(index(own), 0, 1, [7], 100, new Rng(1))[0]!.sampled).toBe(0);
  });

  it('estimates the share a random point singles out: one private point in two gives about a half', () => {
    const rows2: [number, number, number, number][] = [];
    for (let tr = 0; tr < 3000; tr++) {
      rows2.push([tr, 5, 5, 0]); // shared by everyone
      rows2.push([tr, 1000 + tr, 5, 0]); // private
    }
    const [u] = unicityCurve(index(rows2), 0, 1, [1], 3000, new Rng(7));
    expect(u!.epsilon).toBeGreaterThan(0.45);
    expect(u!.epsilon).toBeLessThan(0.55);
  });

  it('falls when places and times are coarsened into shared cells and bins', () => {
    const rows3: [number, number, number, number][] = [];
    // Two traces 30 m and 10 minutes apart at every point: distinct at 1 m / 1 s, identical at 500 m / 1 h.
    for (let k = 0; k < 5; k++) {
      rows3.push([0, 100 + k * 1000, 100, k * 7200]);
      rows3.push([1, 130 + k * 1000, 100, k * 7200 + 600]);
    }
    const fine = unicityCurve(index(rows3, 0, 1), 0, 1, [1, 2], 10, new Rng(3));
    const coarse = unicityCurve(index(rows3, 500, 3600), 500, 3600, [1, 2], 10, new Rng(3));
    expect(fine.map((u) => u.epsilon)).toEqual([1, 1]);
    expect(coarse.map((u) => u.epsilon)).toEqual([0, 0]);
  });

  it('labels each curve with the resolution its points were taken at, never finer than the release, and says how many traces it sampled', () => {
    const r = new Rng(23);
    const rows5: [number, number, number, number][] = [];
    for (let i = 0; i < 3000; i++) rows5.push([Math.floor(r.next() * 400), Math.floor(r.next() * 8) * 600 + 250, 250, Math.floor(r.next() * 40) * 7200]);
    const release = (cellM: number, binS: number) => ({
      ...points(rows5),
      dataset: 'wifi' as const,
      truth: new Int32Array(rows5.length),
      settings: { rotation: 'none' as const, cellM, binS, k: 1, epsilon: null, retentionS: null },
    });
    const res = (u: { spatialM: number; temporalS: number }[]) => [...new Set(u.map((x) => `${x.spatialM}/${x.temporalS}`))];
    // Released at sensor places, by the minute: the resolutions asked for.
    expect(res(unicityOf(release(0, 60), 50))).toEqual(['0/3600', '500/7200', '1000/14400']);
    // Released in 500 m cells and 2 h bins: the finest curve is really at 500 m and 2 h — the same as the second, so given once.
    const coarse = unicityOf(release(500, 7200), 50);
    expect(res(coarse)).toEqual(['500/7200', '1000/14400']);
    for (const u of coarse) {
      expect(u.sampled).toBeLessThanOrEqual(u.eligible);
      if (u.p === 1) expect([u.sampled, u.eligible]).toEqual([50, new Set(rows5.map((x) => x[0])).size]);
    }
  });

  it('builds the same index through the table of points as by sorting point keys, and singles out as brute force does (through the lists and through their bit sets)', () => {
    const r = new Rng(19);
    const rows4: [number, number, number, number][] = [];
    for (let i = 0; i < 4000; i++)
      rows4.push([Math.floor(r.next() * 300), Math.floor(r.next() * 12) * 250, Math.floor(r.next() * 5) * 300, Math.floor(r.next() * 20000)]);
    const pts = points(rows4);
    const { trace, count } = denseTraces(pts.pid, pts.n);
    for (const [spatialM, temporalS, centred] of [
      [0, 600, false],
      [500, 3600, true],
    ] as const) {
      const a = buildPointIndex(pts, trace, count, spatialM, temporalS, { centred });
      const b = buildPointIndex(pts, trace, count, spatialM, temporalS, { centred, tableLimit: 0 });
      expect([a.points, [...a.pointStart], [...a.pointTraces], [...a.traceStart], [...a.tracePoints]]).toEqual([
        b.points,
        [...b.pointStart],
        [...b.pointTraces],
        [...b.traceStart],
        [...b.tracePoints],
      ]);
      for (let i = 0; i < pts.n; i += 7) expect(a.find(pts.x[i]!, pts.z[i]!, pts.t[i]!)).toBe(b.find(pts.x[i]!, pts.z[i]!, pts.t[i]!));
      expect(a.find(-5000, 0, 0)).toBe(-1);
      const bits = postingBits(a)!;
      expect(postingBits(a, 0)).toBeNull();
      // Brute force: a trace is singled out when no other trace holds all the points picked.
      const holds = (tr: number, p: number) => a.tracePoints.subarray(a.traceStart[tr]!, a.traceStart[tr + 1]!).includes(p);
      for (let tr = 0; tr < count; tr += 3) {
        const own = [...a.tracePoints.subarray(a.traceStart[tr]!, a.traceStart[tr + 1]!)];
        for (let p = 1; p <= Math.min(4, own.length); p++) {
          const pick = Int32Array.from(own.slice(own.length - p));
          const expected = ![...Array(count).keys()].some((o) => o !== tr && [...pick].every((q) => holds(o, q)));
          expect(singledOut(a, pick.slice(), p, tr)).toBe(expected);
          expect(singledOutBits(a, bits, pick.slice(), p, tr)).toBe(expected);
        }
      }
    }
  });
});
