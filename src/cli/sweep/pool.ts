/**
 * A pool of worker threads running sweep jobs, one job per thread at a time. A thread that dies
 * (out of memory, a crash in EPANET) fails only the job it held, with that said, and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { SweepJob } from '../../scenario/sweep/plan';
import type { JobOutcome } from './run-job';
import type { ThreadRequest } from './thread';

interface Task {
  readonly req: ThreadRequest;
  readonly resolve: (o: JobOutcome) => void;
}

/** The thread's entry registers tsx's loader, then loads thread.ts. */
const THREAD = new URL('./thread-entry.mjs', import.meta.url);

export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  run(job: SweepJob, scenarioKey: string): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('the thread pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ req: { id: this.nextId++, job, scenarioKey }, resolve });
      this.pump();
    });
  }

  /** Stops every thread; jobs not yet finished resolve as failed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve({ hash: null, figures: {}, error: 'stopped before it ran' });
    const all = [...this.idle, ...this.busy.keys()];
    for (const [, t] of this.busy) t.resolve({ hash: null, figures: {}, error: 'stopped while it ran' });
    this.busy.clear();
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const w = new Worker(THREAD);
    w.on('message', (msg: { id: number; outcome: JobOutcome }) => {
      const t = this.busy.get(w);
      if (!t || t.req.id !== msg.id) return;
      this.busy.delete(w);
      this.idle.push(w);
      t.resolve(msg.outcome);
      this.pump();
    });
    let gone = false;
    const died = (why: string) => {
      if (gone) return;
      gone = true;
      const t = this.busy.get(w);
      this.busy.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      if (this.closed) return;
      t?.resolve({ hash: null, figures: {}, error: `its worker thread stopped: ${why}` });
      this.idle.push(this.spawn());
      this.pump();
    };
    w.on('error', (e) => died(e.message));
    w.on('exit', (code) => code !== 0 && died(`exit code ${code}`));
    return w;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const t = this.queue.shift()!;
      this.busy.set(w, t);
      w.postMessage(t.req);
    }
  }
}
