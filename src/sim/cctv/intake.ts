/**
 * Records each dataset took in, per hour, so retention can delete exactly the hours that have aged
 * out. Fed by the subjects cameras actually see (the population's passes), including the days of
 * history simulated before the run starts, so hours may be negative (before time 0).
 */
import { HOUR, type SimMs } from '../core';

export class HourlyIntake {
  private records: Float64Array[];
  private identifying: Float64Array[];
  /** Bucket index of hour 0 (run start); earlier hours sit below it. */
  private readonly base: number;

  constructor(
    datasets: number,
    /** How far before time 0 records may be dated (the population's history), ms. */
    historyMs: SimMs,
  ) {
    this.base = Math.ceil(historyMs / HOUR) + 1;
    const size = this.base + 48;
    this.records = Array.from({ length: datasets }, () => new Float64Array(size));
    this.identifying = Array.from({ length: datasets }, () => new Float64Array(size));
  }

  /** One more (empty) dataset, added during a run. */
  addDataset(): void {
    const size = this.records[0]?.length ?? this.base + 48;
    this.records.push(new Float64Array(size));
    this.identifying.push(new Float64Array(size));
  }

  add(dataset: number, tMs: SimMs, identifying: boolean): void {
    const h = Math.max(0, this.base + Math.floor(tMs / HOUR));
    let r = this.records[dataset]!;
    if (h >= r.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(Math.max(h + 1, a.length * 2));
        b.set(a);
        return b;
      };
      r = this.records[dataset] = grow(r);
      this.identifying[dataset] = grow(this.identifying[dataset]!);
    }
    r[h]! += 1;
    if (identifying) this.identifying[dataset]![h]! += 1;
  }

  /**
   * Records held at `nowMs` (dated up to the end of the current hour: a trip's passes are written
   * when it departs) that are younger than `retentionMs`; and how many of them identify someone.
   */
  held(dataset: number, nowMs: SimMs, retentionMs: SimMs): { records: number; identifying: number } {
    const r = this.records[dataset]!;
    const id = this.identifying[dataset]!;
    const last = Math.min(r.length - 1, this.base + Math.floor(nowMs / HOUR));
    const first = Math.max(0, this.base + Math.floor((nowMs - retentionMs) / HOUR) + 1);
    let records = 0;
    let identifying = 0;
    for (let h = first; h <= last; h++) {
      records += r[h]!;
      identifying += id[h]!;
    }
    return { records, identifying };
  }
}
