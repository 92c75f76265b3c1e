import { describe, expect, it } from 'vitest';
import { Rng, fnv1a32 } from '../../../src/sim';

describe('Rng (xoshiro128**)', () => {
  it('matches the reference output for state {1, 2, 3, 4}', () => {
    // Worked by hand from the reference C code: rotl(s1 * 5, 7) * 9 before each state update.
    const r = Rng.fromState(1, 2, 3, 4);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([11520, 0, 5927040]);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.nextU32());
    expect(Array.from({ length: 100 }, () => b.nextU32())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.nextU32())).not.toEqual(xa);
  });

  it('forks by name only: draws from the parent do not shift a child stream', () => {
    const fresh = new Rng(7).fork('traffic');
    const used = new Rng(7);
    for (let i = 0; i < 1000; i++) used.next();
    const later = used.fork('traffic');
    expect(Array.from({ length: 20 }, () => later.nextU32())).toEqual(Array.from({ length: 20 }, () => fresh.nextU32()));
    expect(new Rng(7).fork('power').nextU32()).not.toBe(new Rng(7).fork('traffic').nextU32());
  });

  it('keeps draws in range and roughly uniform', () => {
    const r = new Rng(1);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      bins[Math.floor(x * 10)]++;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(3, 5);
      expect(k >= 3 && k <= 5 && Number.isInteger(k)).toBe(true);
    }
  });

  it('hashes names with FNV-1a', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
  });
});
