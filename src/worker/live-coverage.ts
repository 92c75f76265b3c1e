/**
 * Camera coverage as it is now, for the heat map and the CCTV panel: when cameras go dark (no
 * power, no network, a looped view) their fans leave the map. Recomputing costs tens of ms for a
 * thousand cameras, so the tracker recomputes only when the set of working cameras has changed,
 * and at most once per `minIntervalMs` of wall time; a change that arrives inside the interval is
 * picked up by a retry when it ends. Lives in the worker: the simulation itself never needs it
 * between ticks, and wall-clock throttling has no place in the deterministic sim.
 */
import type { CctvSubsystem, Coverage } from '../sim/cctv';

/** What the page is sent: the live grid (same layout as CyberView.coverage) and its headline figures. */
export interface LiveCoverage {
  /** Simulated time the coverage holds for. */
  readonly tMs: number;
  /** Cameras seeing each cell now (column-major: c * rows + r), capped at 255. */
  readonly seen: Uint8Array;
  readonly cols: number;
  readonly rows: number;
  readonly cellM: number;
  readonly cameras: number;
  /** Cameras whose view reaches the control room (working, or a botnet member still streaming). */
  readonly camerasSeeing: number;
  readonly streetCoveragePct: number;
  readonly atLoadStreetCoveragePct: number;
  readonly entrancesSeen: number;
  readonly atLoadEntrancesSeen: number;
  /** Watched sites no working camera sees now, and those that were already blind at load. */
  readonly blindSpots: readonly string[];
  readonly atLoadBlindSpots: readonly string[];
}

/** A camera counts towards live coverage when its picture gets through: ok (0) or botnet (4). */
export function seeingMask(state: Uint8Array, out: Uint8Array = new Uint8Array(state.length)): Uint8Array {
  for (let k = 0; k < state.length; k++) out[k] = state[k] === 0 || state[k] === 4 ? 1 : 0;
  return out;
}

/** Coverage grid narrowed to bytes for the page (a cell seen by 300 cameras draws like 255). */
export function coverageBytes(cov: Coverage): Uint8Array {
  const out = new Uint8Array(cov.seen.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(255, cov.seen[i]!);
  return out;
}

export interface TrackerClock {
  now(): number;
  later(fn: () => void, ms: number): void;
}

export class CoverageTracker {
  private readonly last: Uint8Array;
  private readonly scratch: Uint8Array;
  private lastWall = -Infinity;
  private retryPending = false;
  private sentOnce = false;
  private disposed = false;
  private atLoad: ReturnType<CctvSubsystem['summary']> | null = null;

  constructor(
    private readonly cctv: CctvSubsystem,
    private readonly clock: TrackerClock,
    private readonly send: (c: LiveCoverage) => void,
    private readonly nowMs: () => number,
    readonly minIntervalMs = 2000,
  ) {
    // The page starts from the at-load coverage (every camera working), as CyberView carries it.
    this.last = new Uint8Array(cctv.state.length).fill(1);
    this.scratch = new Uint8Array(cctv.state.length);
  }

  get tracks(): CctvSubsystem {
    return this.cctv;
  }

  dispose(): void {
    this.disposed = true;
  }

  /**
   * Called after every frame. A new tracker (a fresh load, a rewind, a branch) always sends once,
   * so the page never keeps coverage from a run that no longer exists.
   */
  poll(): void {
    if (this.disposed) return;
    const mask = seeingMask(this.cctv.state, this.scratch);
    let changed = !this.sentOnce;
    for (let k = 0; k < mask.length && !changed; k++) if (mask[k] !== this.last[k]) changed = true;
    if (!changed) return;
    const wait = this.lastWall + this.minIntervalMs - this.clock.now();
    if (wait > 0) {
      if (!this.retryPending) {
        this.retryPending = true;
        this.clock.later(() => {
          this.retryPending = false;
          this.poll();
        }, wait);
      }
      return;
    }
    this.last.set(mask);
    this.lastWall = this.clock.now();
    this.sentOnce = true;
    this.send(this.compute());
  }

  /** The live coverage now, whatever the throttle says (tests, and the first send). */
  compute(): LiveCoverage {
    const cctv = this.cctv;
    const all = this.last.every((v) => v === 1);
    // With every camera working the live grid is the load-time grid: no rays to cast again.
    const cov = all ? cctv.coverage : cctv.liveCoverage();
    this.atLoad ??= cctv.summary();
    const now = all ? this.atLoad : cctv.summary(cov);
    let seeing = 0;
    for (let k = 0; k < this.last.length; k++) seeing += this.last[k]!;
    return {
      tMs: this.nowMs(),
      seen: coverageBytes(cov),
      cols: cov.cols,
      rows: cov.rows,
      cellM: cov.cellM,
      cameras: this.last.length,
      camerasSeeing: seeing,
      streetCoveragePct: now.streetCoveragePct,
      atLoadStreetCoveragePct: this.atLoad.streetCoveragePct,
      entrancesSeen: now.entrancesSeen,
      atLoadEntrancesSeen: this.atLoad.entrancesSeen,
      blindSpots: now.blindSpots,
      atLoadBlindSpots: this.atLoad.blindSpots,
    };
  }
}
