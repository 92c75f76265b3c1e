import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim';
import { radixSortKeys } from '../../../src/sim/analysis/radix-sort';

describe('radix sort of packed keys', () => {
  it('sorts integer keys up to 2^53 as the typed-array sort does', () => {
    const r = new Rng(11);
    for (const scale of [1e3, 2 ** 31, 2 ** 40, 2 ** 53 - 1]) {
      const a = Float64Array.from({ length: 5000 }, () => Math.floor(r.next() * scale));
      a[0] = 0;
      a[1] = Math.floor(scale);
      const b = a.slice().sort();
      radixSortKeys(a);
      expect(a).toEqual(b);
    }
  });
});
