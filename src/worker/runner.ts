/**
 * Runs one simulation against the wall clock in small slices: each slice steps the sim for at most
 * SLICE_BUDGET_MS of wall time, then yields so requests (explain, why, hashAt) are answered between
 * slices at any speed. Frames go out at most every FRAME_INTERVAL_MS with copies of the snapshot
 * arrays (transferred) and whatever events and KPI points are new since the previous frame.
 */
import { BASE_TICK_MS, type Command, type Simulation } from '../sim';
import type { SimSnapshot } from '../sim';
import type { FollowClock, FromWorker } from './protocol';

export const SLICE_BUDGET_MS = 10;
export const FRAME_INTERVAL_MS = 40;
/** Largest simulated step taken between budget checks. */
const MAX_CHUNK_MS = 30_000;
/** How far behind (in wall ms of simulated time) the runner may fall before it stops catching up. */
const MAX_LAG_WALL_MS = 200;
const IDLE_POLL_MS = 16;

/** What the runner needs from its surroundings; a test passes fakes. */
export interface RunnerHost {
  now(): number;
  post(msg: FromWorker, transfer: Transferable[]): void;
  /** Runs `fn` after `ms` wall milliseconds; the function returned cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export class SimRunner {
  private playing = false;
  private speed: number;
  /** Simulated ms owed to the wall clock while playing. */
  private debtMs = 0;
  /** Simulated ms still to run for a "skip ahead". */
  private skipMs = 0;
  private lastWall = 0;
  private lastFrameWall = -Infinity;
  private sentEvents = 0;
  private readonly sentKpi: Record<string, number> = {};
  /** Cancels the slice now scheduled; null when none is. */
  private scheduled: (() => void) | null = null;
  private dirty = true;
  private reachedEnd = false;
  private disposed = false;
  /** A hosted exercise's clock, with the wall time it arrived: the run follows it instead of its own controls. */
  private follow: (FollowClock & { readonly at: number }) | null = null;
  /** (wall ms, sim ms) samples over the last second or so, for the achieved speed. */
  private readonly pace: [number, number][] = [];

  constructor(
    readonly sim: Simulation,
    private readonly host: RunnerHost,
    private readonly durationMs: number,
    speed = 60,
  ) {
    this.speed = speed;
    for (const d of sim.kpiDefs) this.sentKpi[d.id] = 0;
  }

  get isPlaying(): boolean {
    return this.follow ? this.follow.playing : this.playing;
  }

  /**
   * Follows a hosted exercise's clock: runs towards where the host's clock is now, as fast as the
   * budget allows when behind (a late joiner, a jump), and never past the grant, so every command
   * of the log still lies ahead of the run when it arrives. Null hands control back, paused.
   */
  setFollow(clock: FollowClock | null): void {
    if (this.disposed) return;
    this.follow = clock ? { ...clock, at: this.host.now() } : null;
    this.playing = false;
    this.debtMs = 0;
    this.skipMs = 0;
    this.dirty = true;
    this.kick(0);
  }

  /** Where a followed run should be now. */
  private followTarget(now: number): number {
    const f = this.follow!;
    const clock = f.playing ? f.clockMs + (now - f.at) * f.speed : f.clockMs;
    return Math.min(f.grantedMs, Math.max(clock, this.sim.nowMs));
  }

  play(): void {
    if (this.playing || this.disposed || this.follow) return;
    this.playing = true;
    this.debtMs = 0;
    this.lastWall = this.host.now();
    this.dirty = true;
    this.kick(0);
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.debtMs = 0;
    this.dirty = true;
    this.kick(0);
  }

  /** Simulated seconds per wall second. */
  setSpeed(factor: number): void {
    if (!Number.isFinite(factor) || factor <= 0) return;
    this.speed = Math.min(factor, 86_400);
    this.debtMs = 0;
    this.dirty = true;
    this.kick(0);
  }

  /**
   * Commands apply at the next tick boundary. While paused we take that one tick now, so a
   * facilitator who fires an inject sees it land without pressing play.
   */
  command(c: Command): void {
    if (this.disposed || this.follow) return;
    this.sim.apply(c);
    if (!this.playing && this.skipMs === 0) this.sim.step(BASE_TICK_MS);
    this.dirty = true;
    this.kick(0);
  }

  skip(ms: number): void {
    if (this.disposed || this.follow || !Number.isFinite(ms) || ms <= 0) return;
    this.skipMs += Math.floor(ms / BASE_TICK_MS) * BASE_TICK_MS;
    this.dirty = true;
    this.kick(0);
  }

  /** Drops what is left of a skip ahead (a cancelled replay or jump) and shows where the run got to. */
  stopSkip(): void {
    if (this.skipMs === 0) return;
    this.skipMs = 0;
    this.dirty = true;
    this.kick(0);
  }

  /** Sends a frame now (after a load, or when the page asks). */
  flush(): void {
    if (!this.disposed) this.postFrame(this.host.now());
  }

  /**
   * The one teardown, called once when the run is dropped (a new load, a seek, a branch): cancels
   * the slice it has scheduled, forgets what it owed and sampled, and disposes the simulation it
   * runs (which frees what the subsystems hold outside the heap, EPANET's project). Nothing it
   * does afterwards steps the simulation or posts a frame. `keepSimulation` is for a new runner
   * that carries on over the same simulation.
   */
  dispose(keepSimulation = false): void {
    if (this.disposed) return;
    this.disposed = true;
    this.playing = false;
    this.scheduled?.();
    this.scheduled = null;
    this.debtMs = 0;
    this.skipMs = 0;
    this.pace.length = 0;
    if (!keepSimulation) this.sim.dispose();
  }

  private kick(delayMs: number): void {
    if (this.scheduled || this.disposed) return;
    this.scheduled = this.host.later(() => {
      this.scheduled = null;
      this.slice();
    }, delayMs);
  }

  private slice(): void {
    if (this.disposed) return;
    const start = this.host.now();
    if (this.playing) {
      this.debtMs += (start - this.lastWall) * this.speed;
      this.debtMs = Math.min(this.debtMs, MAX_LAG_WALL_MS * this.speed + BASE_TICK_MS);
    }
    this.lastWall = start;
    let behind = false;
    const target = this.follow ? this.followTarget(start) : 0;
    for (;;) {
      const want = this.follow ? target - this.sim.nowMs : this.skipMs > 0 ? this.skipMs : this.playing ? this.debtMs : 0;
      const chunk = Math.floor(Math.min(want, MAX_CHUNK_MS) / BASE_TICK_MS) * BASE_TICK_MS;
      if (chunk <= 0) break;
      this.sim.step(chunk);
      this.dirty = true;
      if (this.follow) {
        // followed: the target is fixed for this slice
      } else if (this.skipMs > 0) this.skipMs -= chunk;
      else this.debtMs -= chunk;
      if (this.playing && !this.reachedEnd && this.durationMs > 0 && this.sim.nowMs >= this.durationMs) {
        // The scenario's end pauses the run once; pressing play again carries on past it.
        this.reachedEnd = true;
        this.playing = false;
        this.debtMs = 0;
        break;
      }
      if (this.host.now() - start >= SLICE_BUDGET_MS) {
        behind = true;
        break;
      }
    }
    const now = this.host.now();
    const active = this.follow ? this.follow.playing || this.sim.nowMs < this.follow.grantedMs : this.playing || this.skipMs > 0;
    if (this.dirty && (!active || now - this.lastFrameWall >= FRAME_INTERVAL_MS)) this.postFrame(now);
    if (active) this.kick(behind ? 0 : IDLE_POLL_MS);
  }

  private achievedSpeed(now: number): number {
    if (!this.playing && this.skipMs === 0 && !(this.follow && (this.follow.playing || this.sim.nowMs < this.follow.grantedMs))) {
      this.pace.length = 0;
      return 0;
    }
    this.pace.push([now, this.sim.nowMs]);
    while (this.pace.length > 2 && now - this.pace[0]![0] > 1000) this.pace.shift();
    const [w0, s0] = this.pace[0]!;
    return now > w0 ? ((this.sim.nowMs - s0) / (now - w0)) * 1000 : 0;
  }

  private postFrame(now: number): void {
    this.lastFrameWall = now;
    this.dirty = false;
    const snapshot = this.sim.snapshot();
    const all = this.sim.events;
    const events = all.slice(this.sentEvents);
    this.sentEvents = all.length;
    const kpiPoints: Record<string, [number, number][]> = {};
    for (const d of this.sim.kpiDefs) {
      const series = this.sim.kpiSeries[d.id] ?? [];
      // The recorder may update its last point in place, so the last one sent is sent again.
      const from = Math.max(0, (this.sentKpi[d.id] ?? 0) - 1);
      kpiPoints[d.id] = series.slice(from).map(([t, v]) => [t, v]);
      this.sentKpi[d.id] = series.length;
    }
    this.host.post(
      {
        type: 'frame',
        snapshot,
        events,
        kpiPoints,
        playing: this.isPlaying,
        speed: this.follow ? this.follow.speed : this.speed,
        achievedSpeed: this.achievedSpeed(now),
      },
      snapshotBuffers(snapshot),
    );
  }
}

/** Every typed array a snapshot carries (all fresh copies), to pass as transferables. */
export function snapshotBuffers(s: SimSnapshot): ArrayBuffer[] {
  const out = new Set<ArrayBufferLike>([s.status.buffer, s.compromised.buffer, s.edgeState.buffer]);
  // A buffer listed twice would make postMessage throw; a non-array field has nothing to transfer.
  if (s.power) for (const a of Object.values(s.power) as unknown[]) if (ArrayBuffer.isView(a)) out.add(a.buffer);
  if (s.traffic) for (const a of Object.values(s.traffic) as unknown[]) if (ArrayBuffer.isView(a)) out.add(a.buffer);
  if (s.water) for (const a of Object.values(s.water) as unknown[]) if (ArrayBuffer.isView(a)) out.add(a.buffer);
  if (s.cyber) for (const a of Object.values(s.cyber) as unknown[]) if (ArrayBuffer.isView(a)) out.add(a.buffer);
  return [...out] as ArrayBuffer[];
}
