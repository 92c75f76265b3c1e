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
