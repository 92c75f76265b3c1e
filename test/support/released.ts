/** Hand-made released datasets for the linkage tests. */
import type { population as pop } from '../../src/sim';

/** A record: [pseudonym, x, z, t, truth]. */
export type Row = [number, number, number, number, number];

export const settings = (rotation: pop.Rotation = 'none'): pop.Anonymisation => ({ rotation, cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null });

/** Released records from rows, exact places and times. */
export function released(dataset: pop.DatasetId, rows: Row[], rotation: pop.Rotation = 'none'): pop.ReleasedRecords {
  return {
    dataset,
    n: rows.length,
    pid: Uint32Array.from(rows, (r) => r[0]),
    x: Float32Array.from(rows, (r) => r[1]),
    z: Float32Array.from(rows, (r) => r[2]),
    t: Int32Array.from(rows, (r) => r[3]),
    truth: Int32Array.from(rows, (r) => r[4]),
    settings: settings(rotation),
  };
}

/**
 * Released smart-meter readings at half-hour slots, slot-major (`kwh[slot * households + h]`), as
 * the meter dataset is released at 100 m and 30 minutes: household h has pseudonym 101 + h, stands
 * at (xs[h], z) and is truly household h.
 */
export function releasedMeters(kwh: Float32Array, xs: readonly number[], z = 500): pop.ReleasedMeters {
  const households = xs.length;
  return {
    households,
    pid: Uint32Array.from(xs, (_, h) => 101 + h),
    x: Float32Array.from(xs),
    z: new Float32Array(households).fill(z),
    truth: Int32Array.from(xs, (_, h) => h),
    slots: kwh.length / households,
    slotS: 1800,
    kwh,
    linkable: true,
    settings: { ...settings(), cellM: 100, binS: 1800 },
  };
}
