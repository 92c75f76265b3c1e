/**
 * Detection records: what CCTV analytics (ANPR, face matching, people counting) write down when a
 * subject passes a working camera. This is the interface the population/privacy work (#7) codes
 * against; keep it stable and change it only by adding fields.
 *
 * CONTRACT (for src/sim/population and src/sim/analysis):
 *
 * - Who feeds subjects in: a subsystem may not import another, so `simulation.ts` wires them.
 *   Population (people) and traffic (vehicles) expose their positions as a `SubjectFrame`
 *   (structure of arrays, below). The CCTV subsystem calls `observe(frame, tMs)` each time it is
 *   handed one (at most once a CCTV step, 1 s) and appends one record per (subject, camera that
 *   sees it, analytic the camera runs). Nothing here emits per-record events: records are state.
 *   Population may not import sim/cctv (the layer rule): types are structural, so declare the
 *   same `SubjectFrame` shape there; analysis may import this file through sim/cctv/index.ts.
 *
 * - A record: `DetectionRecord` — camera asset id, time, identifier kind, identifier, and where
 *   it is stored (dataset + jurisdiction). Identifier kinds:
 *     'plate'  ANPR: a hashed number plate (vehicles only). The identifier is a 32-bit FNV-1a
 *              hash of the subject's true id salted with the dataset's salt; the same vehicle
 *              gives the same hash at every camera of that dataset (that is what makes ANPR
 *              linkable), but different datasets (vendors) use different salts.
 *     'face'   face matching: a hashed face template (people only), same hashing rule.
 *     'count'  people counting: no identifier (identifier = 0); `count` = people in view.
 *   With the "anonymise at the edge" policy, plate/face analytics still run but store
 *   identifier = 0 (unlinkable) — re-identification then has only time and place to work with.
 *
 * - Reading records: `DetectionTable` is an append-only SoA log (`count`, typed arrays, `read(i)`
 *   returns a plain DetectionRecord). `src/sim/cctv/index.ts` exports it; the running CCTV
 *   subsystem exposes `detections: DetectionTable`. Datasets (`DatasetSpec`) say who holds the
 *   records (the NVR in the city, or a vendor cloud in a jurisdiction) — what compelled disclosure
 *   and exfiltration take.
 *
 * - Ground truth for analysis: `subject` keeps the subject's true index in the frame it came
 *   from (never visible to an attacker; only analysis uses it to score re-identification).
 *
 * - As wired today (src/sim/couplings/camera-sightings.ts): the population's camera sensors are the CCTV
 *   cameras. A resident passing a camera that is recording (ok, or a botnet member) leaves a
 *   plate read or face match in the population's own record log (what analysis re-identifies
 *   from) and is counted, through `CctvSubsystem.recordSighting`, in every dataset that camera's
 *   analytics feed — the NVR's or the vendor cloud's — with retention by the hour. A dark camera
 *   records nobody. Stolen or disclosed datasets reach the population's attacker holdings through
 *   the `data.exfiltrated` / `data.disclosed` events. `observe` and `detections` remain for frames
 *   of subjects (no subsystem hands one today); without a population, datasets fill at the
 *   scenario's hourly rates.
 */
import type { SimMs } from '../core';

export type IdentifierKind = 'plate' | 'face' | 'count';
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['plate', 'face', 'count'];

/** Where the analytic runs: on the camera, on the NVR, or in the vendor's cloud. */
export type AnalyticsSite = 'camera' | 'nvr' | 'cloud';

/** A set of detection records held in one place, e.g. "kestrel-cloud/anpr". */
export interface DatasetSpec {
  readonly id: string;
  readonly kind: IdentifierKind;
  /** Asset that stores it (an NVR) or null when it lives in a vendor cloud. */
  readonly storeAsset: string | null;
  /** The vendor whose cloud holds it, or null for an on-premises NVR. */
  readonly cloudVendor: string | null;
  /** Where the data legally sits: the city's own jurisdiction for an NVR. */
  readonly jurisdiction: string;
  readonly retentionMs: SimMs;
  /** Salt for hashing identifiers: per dataset, so two vendors' plates do not link trivially. */
  readonly salt: number;
}

/** A dataset's salt, from its id: the same id gets the same salt whether it was made at load or during a run. */
export function datasetSalt(id: string): number {
  let salt = 0x9e3779b9;
  for (let k = 0; k < id.length; k++) salt = Math.imul(salt ^ id.charCodeAt(k), 0x01000193) >>> 0;
  return salt;
}

/** One detection, as plain data. */
export interface DetectionRecord {
  /** Camera asset id, e.g. "camera-017". */
  readonly camera: string;
  readonly tMs: SimMs;
  readonly kind: IdentifierKind;
  /** Hashed plate or face template (uint32); 0 for counts and for anonymised records. */
  readonly identifier: number;
  /** 1 for plate/face; people in view for 'count'. */
  readonly count: number;
  readonly dataset: string;
  /** Ground truth: subject index in its frame (-1 for counts). For analysis only. */
  readonly subject: number;
}

/** Subjects handed to CCTV: one frame of positions (metres, ground plane, as AssetSpec.position). */
export interface SubjectFrame {
  readonly count: number;
  readonly x: Float32Array;
  readonly z: Float32Array;
  /** 0 pedestrian (face, count), 1 vehicle (plate). */
  readonly kind: Uint8Array;
  /** Stable true id per subject (person or vehicle number). */
  readonly id: Uint32Array;
}

export const SUBJECT_PEDESTRIAN = 0;
export const SUBJECT_VEHICLE = 1;

const KIND_CODE: Record<IdentifierKind, number> = { plate: 0, face: 1, count: 2 };

/** Append-only structure-of-arrays log of detections; grows by doubling. */
export class DetectionTable {
  count = 0;
  tMs: Float64Array;
  camera: Uint32Array;
  kind: Uint8Array;
  identifier: Uint32Array;
  people: Uint16Array;
  dataset: Uint16Array;
  subject: Int32Array;

  constructor(
    /** Camera asset ids by the index stored in `camera`. */
    readonly cameraIds: readonly string[],
    /** Dataset ids by the index stored in `dataset`. */
    readonly datasetIds: readonly string[],
    capacity = 1024,
  ) {
    this.tMs = new Float64Array(capacity);
    this.camera = new Uint32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.identifier = new Uint32Array(capacity);
    this.people = new Uint16Array(capacity);
    this.dataset = new Uint16Array(capacity);
    this.subject = new Int32Array(capacity);
  }

  push(tMs: SimMs, camera: number, kind: IdentifierKind, identifier: number, people: number, dataset: number, subject: number): void {
    if (this.count === this.tMs.length) this.grow();
    const i = this.count++;
    this.tMs[i] = tMs;
    this.camera[i] = camera;
    this.kind[i] = KIND_CODE[kind];
    this.identifier[i] = identifier >>> 0;
    this.people[i] = Math.min(people, 65535);
    this.dataset[i] = dataset;
    this.subject[i] = subject;
  }

  read(i: number): DetectionRecord {
    if (i < 0 || i >= this.count) throw new RangeError(`detection ${i} out of range (${this.count})`);
    return {
      camera: this.cameraIds[this.camera[i]!] ?? `camera#${this.camera[i]}`,
      tMs: this.tMs[i]!,
      kind: IDENTIFIER_KINDS[this.kind[i]!]!,
      identifier: this.identifier[i]!,
      count: this.people[i]!,
      dataset: this.datasetIds[this.dataset[i]!] ?? `dataset#${this.dataset[i]}`,
      subject: this.subject[i]!,
    };
  }

  /** Records in a dataset (by index). */
  countIn(dataset: number): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.dataset[i] === dataset) n++;
    return n;
  }

  private grow(): void {
    const cap = this.tMs.length * 2;
    const g = <T extends Float64Array | Uint32Array | Uint8Array | Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a as never);
      return b;
    };
    this.tMs = g(this.tMs, (n) => new Float64Array(n));
    this.camera = g(this.camera, (n) => new Uint32Array(n));
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    this.identifier = g(this.identifier, (n) => new Uint32Array(n));
    this.people = g(this.people, (n) => new Uint16Array(n));
    this.dataset = g(this.dataset, (n) => new Uint16Array(n));
    this.subject = g(this.subject, (n) => new Int32Array(n));
  }
}

/** Salted 32-bit identifier hash (FNV-1a over the id's bytes and the salt); never 0. */
export function hashIdentifier(trueId: number, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let k = 0; k < 4; k++) {
    h ^= (trueId >>> (k * 8)) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}
