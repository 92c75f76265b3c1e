/**
 * CCTV as a running subsystem: cameras with their view fans computed against the buildings, each
 * camera's state (ok, no power, no network, hijacked view, botnet member) as events with causes,
 * and the analytics (ANPR, face matching, people counting) filling datasets on the NVRs or in a
 * vendor's cloud. Datasets are what exfiltration and compelled disclosure take, so they count
 * records, identifying or not. With a population, plate and face datasets count the residents the
 * cameras actually saw (`recordSighting`, fed by the population's passes, history included) and
 * retention deletes whole aged-out hours; without one, every analytic adds records at the
 * scenario's hourly rate. Frames of subjects can also be handed to `observe`, which keeps each
 * detection in `detections`.
 */
import type { BuildingTable, CameraState, EventBus, EventId, RoadSpec, SimContext, SimMs, World } from '../core';
import { HOUR, SECOND } from '../core';
import { blindSpots, BuildingGrid, computeCoverage, entrancesSeen, rasterise, streetCoverage, type CameraGeometry, type Coverage } from './coverage';
import { HourlyIntake } from './intake';
import { DetectionTable, hashIdentifier, SUBJECT_VEHICLE, type AnalyticsSite, type DatasetSpec, type IdentifierKind, type SubjectFrame } from './detections';

export interface CameraSpec {
  readonly asset: string;
  readonly heightM: number;
  readonly headingDeg: number;
  readonly fovDeg: number;
  readonly rangeM: number;
  /** Where the video goes: an NVR asset, or a vendor's cloud (null when not streamed there). */
  readonly nvr: string | null;
  readonly cloudVendor: string | null;
  readonly videoMbps: number;
  /** Analytics the camera's footage runs through, and the dataset each writes to (index into datasets). */
  readonly analytics: readonly { readonly kind: IdentifierKind; readonly site: AnalyticsSite; readonly dataset: number }[];
}

export interface CctvInput {
  readonly cameras: readonly CameraSpec[];
  readonly datasets: readonly DatasetSpec[];
  /** Detections per camera per hour of each kind, for the synthetic stream of passers-by. */
  readonly ratePerHour: Readonly<Record<IdentifierKind, number>>;
  /** Stored size of one record (crop, template, metadata), bytes. */
  readonly bytesPerRecord: Readonly<Record<IdentifierKind, number>>;
  readonly coverageCellM: number;
  /** Buildings the blind-spot check cares about (sensitive and critical sites), by asset id. */
  readonly watchSites: readonly string[];
  /** Where the register the cameras came from is credited, when imported. */
  readonly attribution: string | null;
}

/**
 * Camera states by index (the snapshot's cameraState). Which one a camera shows, first match wins:
 * down for want of power, mains or PoE from its switch (1); down for any other reason — switched
 * off, being replaced (5); cut off from the network — its zone isolated or its path broken (2); a
 * botnet member (4); hijacked (3); its stream starved by congestion (2); else working (0). A botnet
 * camera whose zone is isolated is dark to everyone, so isolation outranks the botnet; congestion
 * does not — a flooding camera starves its own stream but still sees, and records, for its owner.
 */
export const CAMERA_STATES: readonly CameraState[] = ['ok', 'no-power', 'no-network', 'hijacked', 'botnet', 'offline'];

export class CctvSubsystem {
  readonly name = 'cctv';
  readonly periodMs = SECOND;
  readonly geometry: CameraGeometry;
  readonly coverage: Coverage;
  readonly state: Uint8Array;
  /** Set by the wiring from the comms model each step: 1 when the camera's stream gets through. */
  readonly networkOk: Uint8Array;
  /** Set with networkOk: 1 when the stream has no way through at all (path down or blocked), not merely congested. */
  readonly networkCut: Uint8Array;
  readonly networkCause: (EventId | null)[];
  readonly hijacked: Uint8Array;
  readonly hijackEvent: (EventId | null)[];
  readonly botnet: Uint8Array;
  readonly botnetEvent: (EventId | null)[];
  /** The scenario's cameras and datasets; a vendor ban rewires cameras and may add datasets during a run. */
  readonly input: CctvInput;
  /** Per dataset: records held (after retention) and how many of them identify someone. */
  get stored(): Float64Array {
    return this.storedBy;
  }
  get identifying(): Float64Array {
    return this.identifyingBy;
  }
  private storedBy: Float64Array;
  private identifyingBy: Float64Array;
  readonly detections: DetectionTable;
  /** Edge anonymisation: identifiers are stripped before anything leaves the camera. */
  anonymise = false;
  private readonly camAsset: Int32Array;
  private readonly cellStart: Int32Array;
  private readonly cellCams: Int32Array;
  private lastMs = 0;
  private perHour: Float64Array;
  /** Per dataset: 1 when its records come from subjects seen (recordSighting), not from rates. */
  private fed: Uint8Array;
  private readonly cams: CameraSpec[];
  private readonly sets: DatasetSpec[];
  private readonly setIds: string[];
  private intake: HourlyIntake | null = null;

  private readonly world: World;
  private readonly bus: EventBus;
  private readonly buildings: BuildingTable;
  private readonly roads: readonly RoadSpec[];

  constructor(scenario: CctvInput, ctx: Pick<SimContext, 'world' | 'bus' | 'city'>) {
    const { world, bus } = ctx;
    const { buildings, roads, sizeM } = ctx.city;
    this.world = world;
    this.bus = bus;
    this.buildings = buildings;
    this.roads = roads;
    // Copies, so rewiring during a run never touches the loaded scenario.
    this.cams = [...scenario.cameras];
    this.sets = [...scenario.datasets];
    this.setIds = this.sets.map((d) => d.id);
    const input = (this.input = { ...scenario, cameras: this.cams, datasets: this.sets });
    const cams = input.cameras;
    const n = cams.length;
    this.camAsset = Int32Array.from(cams, (c) => world.indexOf(c.asset));
    const rad = Math.PI / 180;
    this.geometry = {
      count: n,
      x: Float32Array.from(cams, (c) => world.get(c.asset).position[0]),
      z: Float32Array.from(cams, (c) => world.get(c.asset).position[1]),
      heading: Float32Array.from(cams, (c) => c.headingDeg * rad),
      fov: Float32Array.from(cams, (c) => c.fovDeg * rad),
      range: Float32Array.from(cams, (c) => c.rangeM),
    };
    const grid = new BuildingGrid(buildings, sizeM);
    this.coverage = computeCoverage(this.geometry, grid, { cellM: input.coverageCellM, rays: 24, sizeM });
    // Cameras per coverage cell, for observing subjects.
    const { cols, rows, cellM, reach, rays } = this.coverage;
    const lists: number[][] = [];
    for (let k = 0; k < n; k++) {
      const rg = this.geometry.range[k]!;
      for (let c = Math.max(0, Math.floor((this.geometry.x[k]! - rg) / cellM)); c <= Math.min(cols - 1, Math.floor((this.geometry.x[k]! + rg) / cellM)); c++) {
        for (
          let r = Math.max(0, Math.floor((this.geometry.z[k]! - rg) / cellM));
          r <= Math.min(rows - 1, Math.floor((this.geometry.z[k]! + rg) / cellM));
          r++
        ) {
          if (this.sees(k, (c + 0.5) * cellM, (r + 0.5) * cellM, reach, rays)) (lists[c * rows + r] ??= []).push(k);
        }
      }
    }
    this.cellStart = new Int32Array(cols * rows + 1);
    const flat: number[] = [];
    for (let i = 0; i < cols * rows; i++) {
      this.cellStart[i] = flat.length;
      for (const k of lists[i] ?? []) flat.push(k);
    }
    this.cellStart[cols * rows] = flat.length;
    this.cellCams = Int32Array.from(flat);
    this.state = new Uint8Array(n);
    this.networkOk = new Uint8Array(n).fill(1);
    this.networkCut = new Uint8Array(n);
    this.networkCause = new Array<EventId | null>(n).fill(null);
    this.hijacked = new Uint8Array(n);
    this.hijackEvent = new Array<EventId | null>(n).fill(null);
    this.botnet = new Uint8Array(n);
    this.botnetEvent = new Array<EventId | null>(n).fill(null);
    this.storedBy = new Float64Array(input.datasets.length);
    this.identifyingBy = new Float64Array(input.datasets.length);
    this.perHour = new Float64Array(input.datasets.length);
    this.fed = new Uint8Array(input.datasets.length);
    for (const c of cams) for (const an of c.analytics) this.perHour[an.dataset]! += input.ratePerHour[an.kind];
    this.detections = new DetectionTable(
      cams.map((c) => c.asset),
      this.setIds,
    );
  }

  private sees(k: number, px: number, pz: number, reach: Float32Array, rays: number): boolean {
    const dx = px - this.geometry.x[k]!;
    const dz = pz - this.geometry.z[k]!;
    const d = Math.hypot(dx, dz);
    if (d > this.geometry.range[k]!) return false;
    const fov = this.geometry.fov[k]!;
    let rel = Math.atan2(dz, dx) - (this.geometry.heading[k]! - fov / 2);
    rel -= 2 * Math.PI * Math.floor(rel / (2 * Math.PI));
    if (rel > fov) return false;
    return d <= reach[k * rays + Math.min(rays - 1, Math.floor((rel / fov) * rays))]!;
  }

  cameraIndex(assetId: string): number {
    return this.input.cameras.findIndex((c) => c.asset === assetId);
  }

  step(nowMs: SimMs): void {
    const dtH = (nowMs - this.lastMs) / HOUR;
    this.lastMs = nowMs;
    const { world } = this;
    for (let k = 0; k < this.geometry.count; k++) {
      const a = this.camAsset[k]!;
      const down = world.status[a] === 2;
      const cut = !this.networkOk[k] && this.networkCut[k];
      const next = down
        ? world.hasLost(a, 'power') || world.hasLost(a, 'comms')
          ? 1
          : 5
        : cut
          ? 2
          : this.botnet[k]
            ? 4
            : this.hijacked[k]
              ? 3
              : !this.networkOk[k]
                ? 2
                : 0;
      if (next !== this.state[k]) {
        const cause =
          next === 4
            ? this.botnetEvent[k]
            : next === 3
              ? this.hijackEvent[k]
              : next === 1 || next === 5
                ? world.statusEvent[a]
                : next === 2
                  ? this.networkCause[k]
                  : (this.networkCause[k] ?? world.statusEvent[a]);
        this.bus.emit(
          'cctv.camera.state',
          world.assets[a]!.id,
          { from: CAMERA_STATES[this.state[k]!]!, to: CAMERA_STATES[next]!, technique: next === 3 ? 'T0832' : null },
          cause ? [cause] : [],
        );
        this.state[k] = next;
      }
      // A looped or dark camera records nothing real; a botnet member keeps recording for its owner.
      if ((next === 0 || next === 4) && dtH > 0) {
        for (const an of this.input.cameras[k]!.analytics) {
          if (this.fed[an.dataset]) continue;
          const add = this.input.ratePerHour[an.kind] * dtH;
          this.stored[an.dataset]! += add;
          if (an.kind !== 'count' && !this.anonymise) this.identifying[an.dataset]! += add;
        }
      }
    }
    // Retention: nothing older than the dataset keeps.
    for (let d = 0; d < this.input.datasets.length; d++) {
      const ds = this.input.datasets[d]!;
      if (this.fed[d] && this.intake) {
        const held = this.intake.held(d, nowMs, ds.retentionMs);
        this.stored[d] = held.records;
        this.identifying[d] = held.identifying;
        continue;
      }
      const cap = this.capacityOf(d, ds.retentionMs);
      if (this.stored[d]! > cap) {
        const keep = cap / this.stored[d]!;
        this.stored[d] = cap;
        this.identifying[d]! *= keep;
      }
    }
  }

  /** Records a dataset can hold: its hourly intake (all cameras working) times its retention. */
  private capacityOf(d: number, retentionMs: number): number {
    return (this.perHour[d]! * retentionMs) / HOUR;
  }

  /**
   * From now on plate and face datasets count the subjects cameras see (`recordSighting`), not
   * rates; `historyMs` is how far before time 0 the first records may be dated.
   */
  feedFromSubjects(historyMs: SimMs): void {
    this.intake = new HourlyIntake(this.input.datasets.length, historyMs);
    this.input.datasets.forEach((d, i) => (this.fed[i] = d.kind === 'count' ? 0 : 1));
  }

  /** A subject seen by camera k (a plate read or a face match) goes to each dataset that analytic feeds. */
  recordSighting(k: number, kind: 'plate' | 'face', tMs: SimMs): void {
    if (!this.intake) return;
    for (const an of this.input.cameras[k]!.analytics) if (an.kind === kind) this.intake.add(an.dataset, tMs, !this.anonymise);
  }

  /** Records a frame of subjects: one detection per subject, camera that sees it, and analytic. */
  observe(frame: SubjectFrame, tMs: SimMs): void {
    const { cols, rows, cellM } = this.coverage;
    for (let i = 0; i < frame.count; i++) {
      const c = Math.floor(frame.x[i]! / cellM);
      const r = Math.floor(frame.z[i]! / cellM);
      if (c < 0 || r < 0 || c >= cols || r >= rows) continue;
      const cell = c * rows + r;
      for (let q = this.cellStart[cell]!; q < this.cellStart[cell + 1]!; q++) {
        const k = this.cellCams[q]!;
        if (this.state[k] !== 0 && this.state[k] !== 4) continue;
        for (const an of this.input.cameras[k]!.analytics) {
          const vehicle = frame.kind[i] === SUBJECT_VEHICLE;
          if ((an.kind === 'plate') !== vehicle) continue;
          const ds = this.input.datasets[an.dataset]!;
          const id = an.kind === 'count' || this.anonymise ? 0 : hashIdentifier(frame.id[i]!, ds.salt);
          this.detections.push(tMs, k, an.kind, id, 1, an.dataset, i);
        }
      }
    }
  }

  /** The index of a dataset, adding it (empty) when the run has none by that id. */
  datasetIndex(spec: DatasetSpec): number {
    const had = this.setIds.indexOf(spec.id);
    if (had >= 0) return had;
    const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length + 1);
      b.set(a);
      return b;
    };
    this.sets.push(spec);
    this.setIds.push(spec.id);
    this.storedBy = grow(this.storedBy, (n) => new Float64Array(n));
    this.identifyingBy = grow(this.identifyingBy, (n) => new Float64Array(n));
    this.perHour = grow(this.perHour, (n) => new Float64Array(n));
    this.fed = grow(this.fed, (n) => new Uint8Array(n));
    if (this.intake) {
      this.intake.addDataset();
      this.fed[this.sets.length - 1] = spec.kind === 'count' ? 0 : 1;
    }
    return this.sets.length - 1;
  }

  /** New kit on camera k: where its video and analytics go from now on (records already held stay where they are). */
  rewire(k: number, to: Pick<CameraSpec, 'nvr' | 'cloudVendor' | 'analytics'>): void {
    const old = this.cams[k]!;
    this.cams[k] = { ...old, nvr: to.nvr, cloudVendor: to.cloudVendor, analytics: to.analytics };
    // The old datasets keep their capacity: what they hold ages out with retention, not at once.
    for (const an of to.analytics)
      if (!old.analytics.some((o) => o.dataset === an.dataset && o.kind === an.kind)) this.perHour[an.dataset]! += this.input.ratePerHour[an.kind];
  }

  /** Marks cameras as botnet members or hijacked (threats call these), with the event that did it. */
  setBotnet(k: number, on: boolean, cause: EventId): void {
    this.botnet[k] = on ? 1 : 0;
    this.botnetEvent[k] = on ? cause : null;
  }

  setHijacked(k: number, on: boolean, cause: EventId): void {
    this.hijacked[k] = on ? 1 : 0;
    this.hijackEvent[k] = on ? cause : null;
  }

  countByState(): Record<CameraState, number> {
    const out = { ok: 0, 'no-power': 0, 'no-network': 0, hijacked: 0, botnet: 0, offline: 0 } as Record<CameraState, number>;
    for (let k = 0; k < this.state.length; k++) out[CAMERA_STATES[this.state[k]!]!]++;
    return out;
  }

  /** Coverage with only the cameras that work now (ok or botnet): the load-time rays, re-rasterised. */
  liveCoverage(active: Uint8Array = this.seeing()): Coverage {
    const c = this.coverage;
    return rasterise(this.geometry, c.reach, { cellM: c.cellM, rays: c.rays, sizeM: [c.cols * c.cellM, c.rows * c.cellM] }, active);
  }

  /** Per camera, 1 when it still sees (ok, or recruited into a botnet: it keeps recording). */
  private seeing(): Uint8Array {
    return Uint8Array.from(this.state, (s) => (s === 0 || s === 4 ? 1 : 0));
  }

  private liveStreet: { active: Uint8Array; pct: number } | null = null;

  /** Street coverage now, %: recomputed only when the set of seeing cameras has changed. */
  streetCoverageNowPct(): number {
    const active = this.seeing();
    const last = this.liveStreet;
    if (last && last.active.length === active.length && last.active.every((v, k) => v === active[k])) return last.pct;
    const pct = Math.round(streetCoverage(this.liveCoverage(active), this.roads) * 1000) / 10;
    this.liveStreet = { active, pct };
    return pct;
  }

  summary(cov: Coverage = this.coverage) {
    const watched = this.input.watchSites.filter((id) => this.world.has(id));
    const blind = blindSpots(
      cov,
      this.buildings,
      watched.map((id) => ({ id, x: this.world.get(id).position[0], z: this.world.get(id).position[1] })),
    );
    return {
      streetCoveragePct: Math.round(streetCoverage(cov, this.roads) * 1000) / 10,
      entrancesSeen: entrancesSeen(cov, this.buildings),
      buildings: this.buildings.count,
      blindSpots: blind,
    };
  }
}
