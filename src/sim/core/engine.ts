/**
 * The engine: one integer clock advanced in base ticks. Due subsystems step at tick boundaries in
 * one fixed order; timers (buffers running out, scheduled injects) fire at their exact times in
 * between; commands are applied at the next tick boundary and logged with the time they took
 * effect.
 */
import { EventBus } from './bus';
import type { Command, LoggedCommand } from './commands';
import { Rng } from './rng';
import { Scheduler } from './scheduler';
import type { SimMs } from './time';

export interface SystemStep {
  /** Stable name; also the name its random stream is forked by. */
  readonly name: string;
  readonly periodMs: SimMs;
  step(nowMs: SimMs): void;
}

export class Engine {
  nowMs: SimMs = 0;
  readonly bus: EventBus;
  readonly scheduler = new Scheduler();
  readonly rng: Rng;
  readonly baseTickMs: SimMs;
  readonly commandLog: LoggedCommand[] = [];
  private readonly systems: SystemStep[] = [];
  private readonly nextDue: number[] = [];
  private readonly pending: Command[] = [];
  private carryMs = 0;
  private handler: ((c: Command) => void) | null = null;
  private replay: LoggedCommand[] = [];

  constructor(seed: number, baseTickMs: SimMs) {
    if (!Number.isInteger(baseTickMs) || baseTickMs <= 0) throw new Error('base tick must be a positive integer');
    this.rng = new Rng(seed);
    this.baseTickMs = baseTickMs;
    this.bus = new EventBus(() => this.nowMs);
  }

  /** Systems step in the order they are added; a period must be a whole number of base ticks. */
  addSystem(s: SystemStep, firstDueMs: SimMs = this.nowMs): void {
    if (s.periodMs % this.baseTickMs !== 0) {
      throw new Error(`${s.name}: period ${s.periodMs} ms is not a multiple of the ${this.baseTickMs} ms base tick`);
    }
    if (firstDueMs % this.baseTickMs !== 0) throw new Error(`${s.name}: first step at ${firstDueMs} ms is not on a base tick`);
    this.systems.push(s);
    // By default a system steps at the first tick, then every period; a later first step puts
    // its steps on whole multiples of its period (EPANET's hydraulic steps, say).
    this.nextDue.push(firstDueMs);
  }

  setCommandHandler(h: (c: Command) => void): void {
    this.handler = h;
  }

  /** Commands from a saved log, applied again at the times they took effect. */
  scheduleReplay(log: readonly LoggedCommand[]): void {
    this.replay = [...log].sort((a, b) => a.tMs - b.tMs);
  }

  /**
   * Queues a command for the tick that starts at `tMs`, after commands already queued for that
   * time. A time already passed, or off the base tick, would make two runs of one log differ.
   */
  applyAt(tMs: SimMs, command: Command): void {
    if (!Number.isInteger(tMs) || tMs % this.baseTickMs !== 0)
      throw new Error(`a command's time must be a whole number of ${this.baseTickMs} ms ticks, got ${tMs}`);
    if (tMs < this.nowMs) throw new Error(`a command for ${tMs} ms arrived when the clock already reads ${this.nowMs} ms`);
    let i = this.replay.length;
    while (i > 0 && this.replay[i - 1]!.tMs > tMs) i--;
    this.replay.splice(i, 0, { tMs, command });
  }

  /** Queues a command for the next tick boundary. */
  apply(command: Command): void {
    this.pending.push(command);
  }

  /** Advances simulated time by `ms`; a remainder below one base tick is carried to the next call. */
  step(ms: SimMs): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new Error(`step needs a finite, non-negative time, got ${ms}`);
    this.carryMs += ms;
    while (this.carryMs >= this.baseTickMs) {
      this.carryMs -= this.baseTickMs;
      this.tick();
    }
  }

  /** Runs until the clock reads `tMs` (rounded down to a tick). */
  runUntil(tMs: SimMs): void {
    const ticks = Math.floor((tMs - this.nowMs) / this.baseTickMs);
    for (let i = 0; i < ticks; i++) this.tick();
  }

  private tick(): void {
    this.flushCommands();
    const end = this.nowMs + this.baseTickMs;
    this.scheduler.runUntil(end - 1, (t) => (this.nowMs = t));
    this.nowMs = end;
    this.scheduler.runUntil(end, (t) => (this.nowMs = t));
    for (let i = 0; i < this.systems.length; i++) {
      if (this.nowMs >= this.nextDue[i]!) {
        this.systems[i]!.step(this.nowMs);
        this.nextDue[i] = this.nowMs + this.systems[i]!.periodMs;
      }
    }
  }

  /** Applies queued commands now; also used once before the first tick. */
  flushCommands(): void {
    while (this.replay.length > 0 && this.replay[0]!.tMs <= this.nowMs) this.pending.push(this.replay.shift()!.command);
    while (this.pending.length > 0) {
      const c = this.pending.shift()!;
      this.commandLog.push({ tMs: this.nowMs, command: c });
      this.handler?.(c);
    }
  }
}
