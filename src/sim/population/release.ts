/**
 * Releasing a dataset: the records a system holds, as they leave it under the dataset's
 * anonymisation — pseudonyms (salted hash, rotated daily or per record), locations snapped to
 * cells, times floored to bins, cells seen by fewer than k distinct pseudonyms suppressed
 * (Sweeney 2002, k-anonymity), records past retention deleted. Aggregates get Laplace noise (see
 * releaseAggregates). `truth` keeps the real person or household of each released row for scoring
 * the attacks; attack code must never read it to decide anything.
 */
import type { Rng } from '../core';
import type { Anonymisation, DatasetId } from './model';
import type { RecordLog, SlotMatrix } from './records';
import type { SensorIndex } from './sensors';

/** Salted 32-bit FNV-1a over the id's bytes; never 0. Different salts per dataset stop trivial joins. */
export function pseudonym(id: number, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let k = 0; k < 4; k++) {
    h ^= (id >>> (k * 8)) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

export const DATASET_SALT: Record<DatasetId, number> = {
  anpr: 0x1a2b3c4d,
  face: 0x5e6f7081,
  smartcard: 0x92a3b4c5,
  meter: 0xd6e7f809,
  wifi: 0x1b2c3d4e,
  aggregates: 0,
};

export interface ReleasedRecords {
  readonly dataset: DatasetId;
  readonly n: number;
  /** Where: the sensor's position, or the centre of its cell after coarsening. */
  readonly x: Float32Array;
  readonly z: Float32Array;
  /** Start of the time bin, s since the start of the run. */
  readonly t: Int32Array;
  readonly pid: Uint32Array;
  readonly truth: Int32Array;
  readonly settings: Anonymisation;
}

const snap = (v: number, cell: number) => (cell > 0 ? (Math.floor(v / cell) + 0.5) * cell : v);
const dayOf = (tS: number, startHour: number) => Math.floor((tS + startHour * 3600) / 86400);

/**
 * A record dataset as released under `a`: records up to `upToS` within retention (and, with
 * `only`, just the log records marked 1 — an attacker's partial copy), placed on cells, binned in
 * time, pseudonymised, then k-suppressed.
 */
export function releaseRecords(
  dataset: DatasetId,
  log: RecordLog,
  sensors: SensorIndex,
  a: Anonymisation,
  upToS: number,
  startHour: number,
  only?: Uint8Array,
): ReleasedRecords {
  const salt = DATASET_SALT[dataset];
  const oldest = a.retentionS === null ? -Infinity : upToS - a.retentionS;
  const bin = Math.max(1, Math.round(a.binS));
  let keep = new Uint8Array(log.count);
  let n = 0;
  for (let i = 0; i < log.count; i++) {
    const t = log.t(i);
    if (t <= upToS && t >= oldest && (!only || only[i] === 1)) {
      keep[i] = 1;
      n++;
    }
  }
  const x = new Float32Array(n);
  const z = new Float32Array(n);
  const t = new Int32Array(n);
  const pid = new Uint32Array(n);
  const truth = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < log.count; i++) {
    if (!keep[i]) continue;
    const s = log.sensor(i);
    const ts = log.t(i);
    const id = log.id(i);
    x[k] = snap(sensors.x[s]!, a.cellM);
    z[k] = snap(sensors.z[s]!, a.cellM);
    t[k] = Math.floor(ts / bin) * bin;
    pid[k] =
      a.rotation === 'none'
        ? pseudonym(id, salt)
        : a.rotation === 'daily'
          ? pseudonym(id, (salt ^ Math.imul(dayOf(ts, startHour) + 1, 0x9e3779b9)) >>> 0)
          : pseudonym(i, (salt ^ 0x7f4a7c15) >>> 0);
    truth[k] = id;
    k++;
  }
  keep = new Uint8Array(0);
  const out: ReleasedRecords = { dataset, n, x, z, t, pid, truth, settings: a };
  return a.k > 1 ? suppress(out, a.k) : out;
}

/** Drops rows whose (place, bin) holds fewer than k distinct pseudonyms. */
function suppress(r: ReleasedRecords, k: number): ReleasedRecords {
  const distinct = new Map<string, number[]>();
  const key = (i: number) => `${r.x[i]},${r.z[i]},${r.t[i]}`;
  for (let i = 0; i < r.n; i++) {
    const kk = key(i);
    let l = distinct.get(kk);
    if (!l) distinct.set(kk, (l = []));
    if (l.length < k && !l.includes(r.pid[i]!)) l.push(r.pid[i]!);
  }
  const ok: number[] = [];
  for (let i = 0; i < r.n; i++) if (distinct.get(key(i))!.length >= k) ok.push(i);
  const pick = <T extends Float32Array | Int32Array | Uint32Array>(a: T, make: (n: number) => T) => {
    const b = make(ok.length);
    ok.forEach((i, j) => (b[j] = a[i]!));
    return b;
  };
  return {
    ...r,
    n: ok.length,
    x: pick(r.x, (n) => new Float32Array(n)),
    z: pick(r.z, (n) => new Float32Array(n)),
    t: pick(r.t, (n) => new Int32Array(n)),
    pid: pick(r.pid, (n) => new Uint32Array(n)),
    truth: pick(r.truth, (n) => new Int32Array(n)),
  };
}

export interface ReleasedMeters {
  readonly households: number;
  readonly pid: Uint32Array;
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly truth: Int32Array;
  /** Readings: slot-major, value at slot * households + row; each slot `slotS` long from time 0. */
  readonly slots: number;
  readonly slotS: number;
  readonly kwh: Float32Array;
  /** False when pseudonyms rotate so often that a household's readings cannot be strung together. */
  readonly linkable: boolean;
  readonly settings: Anonymisation;
}

export function releaseMeters(kwh: SlotMatrix, homeX: Float32Array, homeZ: Float32Array, a: Anonymisation, upToS: number, baseSlotS: number): ReleasedMeters {
  const n = kwh.rows;
  const per = Math.max(1, Math.round(a.binS / baseSlotS));
  const lastSlot = Math.min(kwh.slots, Math.floor(upToS / baseSlotS));
  const first = a.retentionS === null ? 0 : Math.max(0, Math.floor((upToS - a.retentionS) / baseSlotS));
  const slots = Math.max(0, Math.floor(lastSlot / per));
  const out = new Float32Array(slots * n);
  for (let s = 0; s < slots; s++) {
    for (let q = 0; q < per; q++) {
      const src = s * per + q;
      if (src < first) continue;
      for (let h = 0; h < n; h++) out[s * n + h]! += kwh.get(src, h);
    }
  }
  const pid = new Uint32Array(n);
  const x = new Float32Array(n);
  const z = new Float32Array(n);
  const truth = new Int32Array(n);
  for (let h = 0; h < n; h++) {
    pid[h] = pseudonym(h, DATASET_SALT.meter);
    x[h] = snap(homeX[h]!, a.cellM);
    z[h] = snap(homeZ[h]!, a.cellM);
    truth[h] = h;
  }
  // k: a cell with fewer than k households is withheld (its rows zeroed and unplaced).
  if (a.k > 1) {
    const perCell = new Map<string, number>();
    for (let h = 0; h < n; h++) perCell.set(`${x[h]},${z[h]}`, (perCell.get(`${x[h]},${z[h]}`) ?? 0) + 1);
    for (let h = 0; h < n; h++) {
      if (perCell.get(`${x[h]},${z[h]}`)! >= a.k) continue;
      x[h] = NaN;
      z[h] = NaN;
    }
  }
  return { households: n, pid, x, z, truth, slots, slotS: per * baseSlotS, kwh: out, linkable: a.rotation === 'none', settings: a };
}

export interface ReleasedAggregates {
  readonly cellM: number;
  readonly binS: number;
  /** One row per published count: cell centre, bin start, count (after noise); withheld cells are left out. */
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly t: Int32Array;
  readonly count: Float32Array;
  /** Cells withheld: under k after noise (empty cells included: with noise, they are not told apart). */
  readonly suppressed: number;
}

/**
 * Hourly counts on the base grid (`counts`: hour-major, cells cols×rows of baseCellM), coarsened,
 * noised, then suppressed. With ε set, every cell of every bin — empty ones too — gets Laplace
 * noise of scale 1/ε (Dwork, McSherry, Nissim and Smith 2006), and the small-count suppression
 * that follows reads only the noisy value, so the release as a whole is ε-differentially private
 * per bin: a resident is in one cell an hour, so adding or removing one changes a bin's table by
 * at most 1 in total (the sensitivity), and what is published is the same to within a factor
 * e^ε either way. ε is per person per bin released: over n bins the guarantee is nε (basic
 * composition). Skipping empty cells before the noise, or suppressing on the true count, would
 * tell which cells are empty and break the guarantee. Without ε, counts are exact and empty cells
 * are withheld like any other under k (or under 1).
 */
export function releaseAggregates(
  counts: SlotMatrix,
  cols: number,
  rows: number,
  baseCellM: number,
  a: Anonymisation,
  upToS: number,
  rng: Rng,
): ReleasedAggregates {
  const f = Math.max(1, Math.round(a.cellM / baseCellM));
  const per = Math.max(1, Math.round(a.binS / 3600));
  const cc = Math.ceil(cols / f);
  const rr = Math.ceil(rows / f);
  const hours = Math.min(counts.slots, Math.floor(upToS / 3600));
  const first = a.retentionS === null ? 0 : Math.max(0, Math.floor((upToS - a.retentionS) / 3600));
  const bins = Math.floor(hours / per);
  const xs: number[] = [];
  const zs: number[] = [];
  const ts: number[] = [];
  const vs: number[] = [];
  let suppressed = 0;
  const acc = new Float64Array(cc * rr);
  for (let b = 0; b < bins; b++) {
    acc.fill(0);
    for (let q = 0; q < per; q++) {
      const hIdx = b * per + q;
      if (hIdx < first) continue;
      for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) acc[Math.floor(c / f) * rr + Math.floor(r / f)]! += counts.get(hIdx, c * rows + r) / per;
    }
    for (let c = 0; c < cc; c++) {
      for (let r = 0; r < rr; r++) {
        let v = acc[c * rr + r]!;
        if (a.epsilon !== null) v += laplace(rng, 1 / a.epsilon);
        v = Math.max(0, Math.round(v));
        // On the noisy value only; a count of 0 is never published.
        if (v < Math.max(1, a.k)) {
          suppressed++;
          continue;
        }
        xs.push((c + 0.5) * f * baseCellM);
        zs.push((r + 0.5) * f * baseCellM);
        ts.push(b * per * 3600);
        vs.push(v);
      }
    }
  }
  return {
    cellM: f * baseCellM,
    binS: per * 3600,
    x: Float32Array.from(xs),
    z: Float32Array.from(zs),
    t: Int32Array.from(ts),
    count: Float32Array.from(vs),
    suppressed,
  };
}

function laplace(rng: Rng, scale: number): number {
  const u = rng.next() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}
