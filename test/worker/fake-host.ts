/** A hand-cranked wall clock and task queue standing in for the worker's timers in runner tests. */
import type { FromWorker } from '../../src/worker/protocol';
import type { RunnerHost } from '../../src/worker/runner';

export class FakeHost implements RunnerHost {
  wall = 0;
  /** Wall ms that each call to now() costs, to imitate slow simulation steps. */
  costPerNow = 0;
  readonly posted: { msg: FromWorker; transfer: Transferable[] }[] = [];
  private tasks: { at: number; fn: () => void }[] = [];

  now(): number {
    this.wall += this.costPerNow;
    return this.wall;
  }

  post(msg: FromWorker, transfer: Transferable[]): void {
    this.posted.push({ msg, transfer });
  }

  later(fn: () => void, ms: number): () => void {
    const task = { at: this.wall + ms, fn };
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
  }

  /** Tasks scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.tasks.length;
  }

  /** Runs due tasks in time order until `untilWall`, moving the clock to each one. */
  advance(ms: number): void {
    const end = this.wall + ms;
    for (;;) {
      this.tasks.sort((a, b) => a.at - b.at);
      const next = this.tasks[0];
      if (!next || next.at > end) break;
      this.tasks.shift();
      this.wall = Math.max(this.wall, next.at);
      next.fn();
    }
    this.wall = Math.max(this.wall, end);
  }

  frames(): Extract<FromWorker, { type: 'frame' }>[] {
    return this.posted.map((p) => p.msg).filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');
  }
}
