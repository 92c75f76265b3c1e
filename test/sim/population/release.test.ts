import { describe, expect, it } from 'vitest';
import { Rng, population as pop } from '../../../src/sim';

const sensors = new pop.SensorIndex(
  [
    { id: 'a', x: 100, z: 100, kinds: pop.SENSOR_WIFI },
    { id: 'b', x: 900, z: 100, kinds: pop.SENSOR_WIFI },
  ],
  400,
  [2000, 2000],
  { count: 0, x: new Float32Array(), z: new Float32Array() },
  [],
);
const base: pop.Anonymisation = { rotation: 'none', cellM: 0, binS: 1, k: 1, epsilon: null, retentionS: null };

/** Person 7 seen at sensor a on days 0 and 1; persons 1..3 at sensor b at the same minute. */
function log(): pop.RecordLog {
  const l = new pop.RecordLog();
  l.push(0, 3600, 7);
  l.push(0, 86400 + 3600, 7);
  for (const id of [1, 2, 3]) l.push(1, 7200, id);
  return l;
}

describe('releasing a dataset', () => {
  it('keeps one pseudonym per device unless it rotates daily or per record', () => {
    const pids = (rotation: pop.Rotation) => [...pop.releaseRecords('wifi', log(), sensors, { ...base, rotation }, 3 * 86400, 0).pid.subarray(0, 2)];
    const [a, b] = pids('none');
    expect(a).toBe(b);
    const [c, d] = pids('daily');
    expect(c).not.toBe(d);
    const per = pop.releaseRecords('wifi', log(), sensors, { ...base, rotation: 'per-record' }, 3 * 86400, 0);
    expect(new Set(per.pid).size).toBe(per.n);
  });

  it('uses a different salt per dataset, so the same device gets unrelated pseudonyms', () => {
    expect(pop.pseudonym(7, pop.DATASET_SALT.wifi)).not.toBe(pop.pseudonym(7, pop.DATASET_SALT.anpr));
  });

  it('snaps places to cells and times to bins', () => {
    const r = pop.releaseRecords('wifi', log(), sensors, { ...base, cellM: 500, binS: 3600 }, 3 * 86400, 0);
    expect([r.x[0], r.z[0], r.t[0]]).toEqual([250, 250, 3600]);
    expect([r.x[2], r.t[2]]).toEqual([750, 7200]);
  });

  it('suppresses places and times seen by fewer than k people, and deletes records past retention', () => {
    const k3 = pop.releaseRecords('wifi', log(), sensors, { ...base, k: 3 }, 3 * 86400, 0);
    expect([...k3.truth]).toEqual([1, 2, 3]);
    const kept = pop.releaseRecords('wifi', log(), sensors, { ...base, retentionS: 86400 }, 86400 + 7200, 0);
    expect([...kept.t]).toEqual([86400 + 3600, 7200, 7200, 7200]);
  });

  it('adds Laplace noise of mean size 1/ε to published counts', () => {
    const counts = new pop.SlotMatrix(100, 24);
    for (let h = 0; h < 24; h++) for (let c = 0; c < 100; c++) counts.set(h, c, 50);
    const err = (epsilon: number) => {
      const r = pop.releaseAggregates(counts, 10, 10, 250, { ...base, cellM: 250, binS: 3600, epsilon }, 24 * 3600, new Rng(3));
      let s = 0;
      for (let i = 0; i < r.count.length; i++) s += Math.abs(r.count[i]! - 50);
      return s / r.count.length;
    };
    expect(err(0.1)).toBeGreaterThan(8);
    expect(err(0.1)).toBeLessThan(12);
    expect(err(10)).toBeLessThan(0.2);
  });

  // 100 cells for 24 hours: the first 50 cells hold 50 people, the other 50 nobody.
  const halfEmpty = () => {
    const counts = new pop.SlotMatrix(100, 24);
    for (let h = 0; h < 24; h++) for (let c = 0; c < 50; c++) counts.set(h, c, 50);
    return counts;
  };
  const release = (a: Partial<pop.Anonymisation>) =>
    pop.releaseAggregates(halfEmpty(), 10, 10, 250, { ...base, cellM: 250, binS: 3600, ...a }, 24 * 3600, new Rng(5));
  // Cells 0–49 are columns 0–4 of the 10 × 10 grid (cell c * rows + r), so x < 1250 m.
  const empty = (r: pop.ReleasedAggregates, i: number) => r.x[i]! > 1250;

  it('noises empty cells too, so a published count does not prove that anyone was there', () => {
    const exact = release({ epsilon: null });
    expect(exact.count.length).toBe(50 * 24);
    const noisy = release({ epsilon: 0.5 });
    const published = [...noisy.count.keys()].filter((i) => empty(noisy, i));
    // About half of the empty cells' noise rounds up to a count of 1 or more (P(Laplace(2) ≥ 0.5) ≈ 0.39).
    expect(published.length).toBeGreaterThan(0.3 * 50 * 24);
    expect(published.length).toBeLessThan(0.5 * 50 * 24);
    expect(published.every((i) => noisy.count[i]! >= 1)).toBe(true);
    // Every cell is either published or withheld.
    expect(noisy.count.length + noisy.suppressed).toBe(100 * 24);
  });

  it('withholds on the noisy count: some full cells fall under k and some empty ones rise over it', () => {
    const r = release({ epsilon: 0.05, k: 10 });
    let emptyShown = 0;
    for (let i = 0; i < r.count.length; i++) {
      expect(r.count[i]).toBeGreaterThanOrEqual(10);
      if (empty(r, i)) emptyShown++;
    }
    const fullShown = r.count.length - emptyShown;
    // Laplace noise of scale 20: P(50 + noise < 9.5) ≈ 7% of the 1,200 full cells withheld; P(noise ≥ 9.5) ≈ 31% of the empty ones shown.
    expect(fullShown).toBeLessThan(1200 - 30);
    expect(fullShown).toBeGreaterThan(1200 - 150);
    expect(emptyShown).toBeGreaterThan(250);
    expect(emptyShown).toBeLessThan(500);
  });
});
