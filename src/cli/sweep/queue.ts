/**
 * Sweeps on a job queue: BullMQ on Redis. `twin sweep --redis URL` puts one job per run on the
 * queue (its id is the run's key, so a run queued twice is one job) and collects the results as
 * workers finish them; `twin worker --redis URL` on any number of machines takes jobs and runs
 * them in its own worker threads, so its event loop stays free to renew its locks. A worker that
 * dies mid-run stops renewing; BullMQ's stalled-job check hands the job to another worker.
 */
import { Job, Queue, QueueEvents, Worker, type ConnectionOptions } from 'bullmq';
import type { SweepJob } from '../../scenario/sweep/plan';
import { UsageError, UserError } from '../args';
import type { JobOutcome } from './run-job';
import { ThreadPool } from './pool';

export const DEFAULT_QUEUE = 'twin-sweep';

export interface QueueTask {
  readonly key: string;
  readonly scenarioKey: string;
  readonly job: SweepJob;
}

interface JobData {
  readonly job: SweepJob;
  readonly scenarioKey: string;
}

/** redis://[user:password@]host[:port][/db] as ioredis options; a usage error names what is wrong. */
export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`--redis must be an address such as redis://localhost:6379, not "${url.slice(0, 80)}"`);
  }
  if (u.protocol !== 'redis:') throw new UsageError(`--redis must start with redis:// (got ${u.protocol}//)`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new UsageError(`--redis: the database after the "/" must be a number, not "${u.pathname.slice(1)}"`);
  return {
    host: u.hostname || 'localhost',
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    // Workers block on the queue; BullMQ asks for this so a command never gives up while Redis restarts.
    maxRetriesPerRequest: null,
  };
}

const jobId = (key: string) => `run-${key}`;

/** Resolves when `ready` does, or fails with a plain message after `ms`. */
async function reach(ready: Promise<unknown>, url: string, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError(`cannot reach Redis at ${url} (is redis-server running there?)`)), ms);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Queues the tasks and calls `done` with each one's outcome as a worker finishes it; resolves when all are done. */
export async function runOnQueue(
  url: string,
  queueName: string,
  tasks: readonly QueueTask[],
  done: (task: QueueTask, outcome: JobOutcome) => void,
  onWorkers: (count: number) => void,
): Promise<void> {
  const connection = redisConnection(url);
  const queue = new Queue<JobData, JobOutcome>(queueName, { connection });
  const events = new QueueEvents(queueName, { connection });
  let lastError = '';
  queue.on('error', (e) => (lastError = e.message));
  events.on('error', (e) => (lastError = e.message));
  try {
    await reach(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), url);
    const pending = new Map(tasks.map((t) => [jobId(t.key), t]));
    let settle: () => void = () => {};
    const allDone = new Promise<void>((resolve) => (settle = resolve));
    const finish = (id: string, outcome: JobOutcome) => {
      const t = pending.get(id);
      if (!t) return;
      pending.delete(id);
      done(t, outcome);
      void queue.remove(id).catch(() => {});
      if (pending.size === 0) settle();
    };
    /** Looks at a job's state and finishes it if it has ended; a job that failed for good is an error outcome. */
    const check = async (id: string) => {
      const job = await Job.fromId<JobData, JobOutcome>(queue, id);
      if (!job) return false;
      const state = await job.getState();
      if (state === 'completed') finish(id, job.returnvalue);
      else if (state === 'failed') finish(id, { hash: null, figures: {}, error: `failed on every attempt: ${job.failedReason}` });
      return true;
    };
    events.on('completed', ({ jobId: id }) => void check(id).catch(() => {}));
    events.on('failed', ({ jobId: id }) => void check(id).catch(() => {}));

    // What an interrupted coordinator left: finished results are taken, failures tried again, the rest awaited.
    const fresh: QueueTask[] = [];
    for (const [id, t] of pending) {
      const job = await Job.fromId(queue, id);
      if (!job) fresh.push(t);
      else if ((await job.getState()) === 'failed') {
        await job.remove();
        fresh.push(t);
      } else await check(id);
    }
    for (let i = 0; i < fresh.length; i += 500)
      await queue.addBulk(
        fresh
          .slice(i, i + 500)
          .map((t) => ({
            name: 'run',
            data: { job: t.job, scenarioKey: t.scenarioKey },
            opts: { jobId: jobId(t.key), attempts: 3, removeOnComplete: false, removeOnFail: false },
          })),
      );
    if (pending.size === 0) settle();
    // A safety net for an event missed while Redis reconnected, and the worker count for progress.
    const poll = setInterval(() => {
      void queue.getWorkersCount().then(onWorkers, () => {});
      for (const id of [...pending.keys()].slice(0, 200)) void check(id).catch(() => {});
    }, 5000);
    try {
      await allDone;
    } finally {
      clearInterval(poll);
    }
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${e.message}${lastError ? `: ${lastError}` : ''}`);
    throw e;
  } finally {
    await Promise.allSettled([queue.close(), events.close()]);
  }
}

export interface WorkerOptions {
  readonly concurrency: number;
  readonly lockMs: number;
  readonly log: (s: string) => void;
  /** Resolves when the worker should stop (SIGINT, SIGTERM); a test may stop it otherwise. */
  readonly stop: Promise<void>;
}

/** Takes jobs from the queue until told to stop; each runs in one of `concurrency` worker threads. */
export async function serveQueue(url: string, queueName: string, o: WorkerOptions): Promise<void> {
  const connection = redisConnection(url);
  const pool = new ThreadPool(o.concurrency);
  const worker = new Worker<JobData, JobOutcome>(
    queueName,
    async (job) => {
      o.log(`worker: running ${job.data.job.variant}, seed ${job.data.job.seed} (job ${job.id})`);
      const outcome = await pool.run(job.data.job, job.data.scenarioKey);
      // A thread that died is this machine's trouble, not the run's: fail the attempt so the job is retried.
      if (outcome.error?.startsWith('its worker thread stopped')) throw new Error(outcome.error);
      o.log(`worker: finished ${job.data.job.variant}, seed ${job.data.job.seed}${outcome.error ? ` with an error: ${outcome.error}` : ''}`);
      return outcome;
    },
    { connection, concurrency: o.concurrency, lockDuration: o.lockMs, stalledInterval: o.lockMs, maxStalledCount: 3, autorun: false },
  );
  let lastError = '';
  worker.on('error', (e) => {
    if (e.message !== lastError) o.log(`worker: ${e.message}`);
    lastError = e.message;
  });
  try {
    await reach(worker.waitUntilReady(), url);
    o.log(`worker: taking jobs from "${queueName}" at ${url} with ${o.concurrency} thread${o.concurrency === 1 ? '' : 's'}`);
    void worker.run();
    await o.stop;
    o.log('worker: stopping after the jobs in hand');
  } finally {
    await worker.close();
    await pool.close();
  }
}
