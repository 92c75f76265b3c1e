import { describe, expect, it } from 'vitest';
import { mean, meanInterval, quantile, stdev, studentCdf, studentQuantile } from '../../src/sweep/stats';
import { reduceSeries, valueAt } from '../../src/sweep/figures';

describe('sweep statistics', () => {
  it("matches Student's t table values (two-sided 95 %)", () => {
    // From any t table: df 1 → 12.706, 4 → 2.776, 9 → 2.262, 29 → 2.045, ∞ → 1.960.
    expect(studentQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(studentQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentQuantile(0.975, 29)).toBeCloseTo(2.045, 3);
    expect(studentQuantile(0.975, 1e6)).toBeCloseTo(1.96, 2);
    expect(studentCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentCdf(-2.015, 5)).toBeCloseTo(0.05, 3);
  });

  it('computes percentiles by linear interpolation (type 7) and the interval of a mean', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile([], 0.5)).toBeNaN();
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    expect(stdev([1, 2, 3, 4, 5])).toBeCloseTo(Math.sqrt(2.5), 12);
    const ci = meanInterval([1, 2, 3, 4, 5])!;
    // 3 ± 2.776 × √2.5 / √5
    expect(ci[0]).toBeCloseTo(3 - 2.776445 * Math.sqrt(0.5), 4);
    expect(ci[1]).toBeCloseTo(3 + 2.776445 * Math.sqrt(0.5), 4);
    expect(meanInterval([7])).toBeNull();
    expect(meanInterval([2, 2, 2])).toEqual([2, 2]);
  });
});

describe('figures from a run', () => {
  const series: [number, number][] = [
    [0, 0],
    [600, 100],
    [1800, 40],
  ];
  it('reduces a KPI series as a step function up to the end of the run', () => {
    expect(reduceSeries(series, 'final', 3600)).toBe(40);
    expect(reduceSeries(series, 'max', 3600)).toBe(100);
    expect(reduceSeries(series, 'min', 3600)).toBe(0);
    // 100 for 1200 s and 40 for 1800 s: 120,000 + 72,000 value-seconds.
    expect(reduceSeries(series, 'hours', 3600)).toBeCloseTo(192_000 / 3600, 9);
    expect(reduceSeries(series, 'mean', 3600)).toBeCloseTo(192_000 / 3600, 9);
    expect(reduceSeries([], 'max', 10)).toBeNull();
  });

  it('reads a dotted path from the final report, adding up lists on the way', () => {
    const final = { data: { exfiltrated: [{ records: 5 }, { records: 7 }] }, cctv: { down: 3, ok: true }, empty: [] };
    expect(valueAt(final, 'data.exfiltrated.records')).toBe(12);
    expect(valueAt(final, 'cctv.down')).toBe(3);
    expect(valueAt(final, 'cctv.ok')).toBe(1);
    expect(valueAt(final, 'empty.records')).toBe(0);
    expect(valueAt(final, 'cctv.missing')).toBeNull();
    expect(valueAt(final, 'data')).toBeNull();
    expect(valueAt(final, 'toString')).toBeNull();
  });
});
