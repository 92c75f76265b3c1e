import { describe, expect, it } from 'vitest';
import { downsample, HISTORY_CAP, mergePoints, type Point } from '../../../src/ui/store/kpi-history';

describe('mergePoints', () => {
  it('appends new points and replaces a resent last point', () => {
    let h = mergePoints(
      [],
      [
        [0, 0],
        [60, 5],
      ],
    );
    h = mergePoints(h, [
      [60, 7],
      [120, 9],
    ]);
    expect(h).toEqual([
      [0, 0],
      [60, 7],
      [120, 9],
    ]);
  });

  it('ignores points older than the history', () => {
    expect(
      mergePoints(
        [
          [0, 1],
          [60, 2],
        ],
        [[30, 9]],
      ),
    ).toEqual([
      [0, 1],
      [60, 2],
    ]);
  });

  it('thins long histories but keeps the newest points as they are', () => {
    const many: Point[] = Array.from({ length: HISTORY_CAP + 1 }, (_, i) => [i, i]);
    const h = mergePoints([], many);
    expect(h.length).toBeLessThan(HISTORY_CAP);
    expect(h.at(-1)).toEqual([HISTORY_CAP, HISTORY_CAP]);
  });
});

describe('downsample', () => {
  it('keeps short series unchanged', () => {
    const pts: Point[] = [
      [0, 1],
      [1, 2],
    ];
    expect(downsample(pts, 10)).toEqual(pts);
  });

  it('keeps a one-sample spike in a long series', () => {
    const pts: Point[] = Array.from({ length: 1000 }, (_, i) => [i, i === 517 ? 99 : 1]);
    const out = downsample(pts, 20);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(Math.max(...out.map((p) => p[1]))).toBe(99);
    expect(out.map((p) => p[0])).toEqual([...out.map((p) => p[0])].sort((a, b) => a - b));
  });
});
