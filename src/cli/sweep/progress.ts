/** A sweep's progress on stderr: runs done of all, failures, rate and time left, at most once a second. */

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly t0 = performance.now();
  private last = 0;
  private lastDone = -1;
  extra = '';

  constructor(
    private readonly total: number,
    private readonly cached: number,
    private readonly err: (s: string) => void,
  ) {}

  record(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    this.tick();
  }

  /** Prints a line at most once a second when runs have finished since the last, else every 15 s (always when forced). */
  tick(force = false): void {
    const now = performance.now();
    const quiet = this.done === this.lastDone ? 15_000 : 1000;
    if (!force && now - this.last < quiet) return;
    this.last = now;
    this.lastDone = this.done;
    this.err(this.line(now));
  }

  line(now = performance.now()): string {
    const minutes = (now - this.t0) / 60_000;
    const rate = minutes > 0 ? this.done / minutes : 0;
    const left = this.total - this.cached - this.done;
    const eta = rate > 0 && left > 0 ? `, about ${formatMinutes(left / rate)} left` : '';
    const cachedText = this.cached ? ` (${this.cached} from earlier)` : '';
    return `sweep: ${this.cached + this.done}/${this.total} runs done${cachedText}, ${this.failed} failed, ${rate.toFixed(1)} runs/min${eta}${this.extra}`;
  }

  get elapsedS(): number {
    return (performance.now() - this.t0) / 1000;
  }

  get ran(): number {
    return this.done;
  }
}

function formatMinutes(m: number): string {
  if (m < 1) return `${Math.max(1, Math.round(m * 60))} s`;
  if (m < 90) return `${Math.round(m)} min`;
  return `${(m / 60).toFixed(1)} h`;
}
