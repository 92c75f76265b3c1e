/**
 * Sweep throughput for `npm run bench`: the shipped sweep's variants, one simulated hour each, run
 * in one worker thread, in one per core, and through a real Redis queue served by a `twin worker`
 * with a thread per core — each after a warm-up run per thread, so start-up (loading TypeScript,
 * compiling the city) is not counted. The queue's overhead is its wall time against the threads'.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadSweep, tasksOf } from './sweep/command';
import { ThreadPool } from './sweep/pool';
import { runOnQueue, type QueueTask } from './sweep/queue';
import { hasRedis, startRedis } from './sweep/redis-server';

const SWEEP = fileURLToPath(new URL('../../sweeps/camera-vendor-policies.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOUR_MS = 3_600_000;

const round = (x: number) => Math.round(x * 100) / 100;

async function onThreads(threads: number, warm: readonly QueueTask[], timed: readonly QueueTask[]): Promise<number> {
  const pool = new ThreadPool(threads);
  try {
    await Promise.all(warm.slice(0, threads).map((t) => pool.run(t.job, t.scenarioKey)));
    const t0 = performance.now();
    await Promise.all(timed.map((t) => pool.run(t.job, t.scenarioKey)));
    return (performance.now() - t0) / 1000;
  } finally {
    await pool.close();
  }
}

async function onQueue(threads: number, warm: readonly QueueTask[], timed: readonly QueueTask[]): Promise<number | string> {
  if (!hasRedis()) return 'skipped: redis-server is not installed (apt-get install redis-server)';
  const redis = await startRedis();
  const url = redis.url;
  const queue = `bench-${process.pid}`;
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--redis', url, '--queue', queue, '--concurrency', String(threads)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bench's twin worker did not start: ${log.slice(-300)}`)), 60_000);
      worker.stderr!.on('data', (b: Buffer) => {
        log += b.toString();
        if (log.includes('taking jobs')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const none = () => {};
    await runOnQueue(url, queue, warm.slice(0, threads), none, none);
    const t0 = performance.now();
    await runOnQueue(url, queue, timed, none, none);
    return (performance.now() - t0) / 1000;
  } finally {
    worker.kill('SIGTERM');
    await redis.stop();
  }
}

export async function benchSweep(err: (s: string) => void): Promise<Record<string, unknown>> {
  const loaded = loadSweep(SWEEP, { allowOutside: false, seeds: 5, untilMs: HOUR_MS });
  if ('issues' in loaded) return { skipped: `the shipped sweep does not load: ${loaded.issues[0]?.message}` };
  const cores = availableParallelism();
  const tasks = tasksOf(loaded.plan);
  // Seed 1 of each variant warms the threads up; the other four are timed (each thread still compiles a variant the first time it meets it).
  const warm = tasks.filter((t) => t.job.seed === 1);
  const timed = tasks.filter((t) => t.job.seed !== 1);
  err(`bench: sweep throughput, ${timed.length} runs of 1 h on Riverford (one thread, then ${cores}, then a Redis queue)…`);
  const one = await onThreads(1, warm, timed);
  const all = await onThreads(cores, warm, timed);
  const queue = await onQueue(cores, warm, timed);
  const perMin = (s: number) => round((timed.length / s) * 60);
  return {
    runs: timed.length,
    simulatedHoursPerRun: 1,
    cores,
    oneThread: { wallS: round(one), runsPerMinute: perMin(one) },
    allCores: { threads: cores, wallS: round(all), runsPerMinute: perMin(all), speedup: round(one / all) },
    queue:
      typeof queue === 'string'
        ? queue
        : { workerThreads: cores, wallS: round(queue), runsPerMinute: perMin(queue), overheadVsThreadsPercent: round(((queue - all) / all) * 100) },
    target: 'near-linear speed-up with cores; queue overhead under 5 % for runs of a simulated hour or more',
  };
}
