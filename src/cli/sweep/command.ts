/**
 * `twin sweep SWEEP.json [--workers N] [--redis URL] [--out DIR] [--seeds N] [--until D]` and
 * `twin worker --redis URL [--concurrency N]`: a policy sweep run in worker threads on this
 * machine, or on a BullMQ queue that any number of `twin worker`s serve, with the same results
 * and hashes either way; then its summary, CSV and report page.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { quote } from '../../scenario';
import { issue } from '../../scenario/issues';
import { planSweep, jobsOf, type SweepPlan } from '../../scenario/sweep/plan';
import { parseDuration } from '../../sim';
import { summarise, type RunRecord, type SweepSummary } from '../../sweep/summary';
import { summaryCsv } from '../../sweep/summary-file';
import { sweepReportHtml } from '../../sweep/report-html';
import { UsageError, parseArgs } from '../args';
import { SCENARIOS, printIssues, referencedFiles } from '../files';
import { readTextFile } from '../safe-read';
import { ThreadPool } from './pool';
import { Progress } from './progress';
import { DEFAULT_QUEUE, redisConnection, runOnQueue, serveQueue, type QueueTask } from './queue';
import type { JobOutcome } from './run-job';
import { SweepStore, digest } from './store';

function wholeNumber(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${quote(v)}`);
  return Number(v);
}

function durationOption(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const d = parseDuration(v);
  if (d === null || d <= 0) throw new UsageError(`--${name} must be a duration such as 90s, 30m, 6h or 2d, not ${quote(v)}`);
  return d;
}

/** Reads and plans a sweep file; its base scenario may be beside it or one of the twin's shipped scenarios. */
export function loadSweep(
  file: string,
  o: { allowOutside: boolean; seeds?: number | undefined; untilMs?: number | undefined },
): { plan: SweepPlan } | { issues: ReturnType<typeof issue>[] } {
  const r = readTextFile(file, { roots: [], allowOutside: o.allowOutside });
  if (!r.ok) return { issues: [issue('(file)', `cannot read it: ${r.why}`, r.hint)] };
  const folder = dirname(resolve(file));
  const planned = planSweep(r.text, {
    fileName: file,
    ...(o.seeds !== undefined ? { seeds: o.seeds } : {}),
    ...(o.untilMs !== undefined ? { untilMs: o.untilMs } : {}),
    loadBase: (rel) => {
      const path = resolve(folder, rel);
      const base = readTextFile(path, { roots: [folder, SCENARIOS], rootsName: "the sweep's folder and the twin's scenarios", allowOutside: o.allowOutside });
      if (!base.ok) return { issue: issue('scenario', `cannot read ${quote(rel)}: ${base.why}`, base.hint) };
      return { text: base.text, readFile: referencedFiles(dirname(path), { allowOutside: o.allowOutside }) };
    },
  });
  return planned.ok ? { plan: planned.plan } : { issues: planned.issues };
}

/** The runs a plan asks for, each with its key: a hash of everything its result depends on. */
export function tasksOf(plan: SweepPlan): QueueTask[] {
  const scenarioKeys = new Map(plan.variants.map((v) => [v.id, digest({ scenario: v.scenario, files: v.files })]));
  return jobsOf(plan).map((job) => {
    const scenarioKey = scenarioKeys.get(job.variant)!;
    return { key: digest({ scenarioKey, seed: job.seed, untilMs: job.untilMs, decide: job.decide, figures: job.figures }), scenarioKey, job };
  });
}

export function summaryOf(plan: SweepPlan, records: readonly RunRecord[]): SweepSummary {
  return summarise(
    {
      title: plan.sweep.title,
      question: plan.sweep.question ?? '',
      scenario: plan.sweep.scenario,
      baseline: plan.baseline,
      seeds: plan.seeds,
      untilS: plan.untilMs / 1000,
      figures: plan.sweep.collect,
      variants: plan.variants.map((v) => ({ id: v.id, label: v.label, description: v.description })),
    },
    records,
  );
}

const record = (t: QueueTask, o: JobOutcome): RunRecord => ({
  variant: t.job.variant,
  seed: t.job.seed,
  untilS: t.job.untilMs / 1000,
  key: t.key,
  hash: o.hash,
  figures: o.figures,
  ...(o.error !== undefined ? { error: o.error } : {}),
});

export async function sweepCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['workers', 'redis', 'queue', 'out', 'seeds', 'until'], ['allow-outside']);
  if (positionals.length !== 1) throw new UsageError('sweep needs exactly one sweep file');
  const file = positionals[0]!;
  const workers = wholeNumber('workers', options.workers, 1, 256) ?? availableParallelism();
  if (options.workers !== undefined && options.redis !== undefined)
    throw new UsageError('give --workers or --redis, not both (with --redis, `twin worker` processes do the work)');
  if (options.redis !== undefined) redisConnection(options.redis); // a malformed address is a usage error before any work
  const seeds = wholeNumber('seeds', options.seeds, 1, 10_000);
  const untilMs = durationOption('until', options.until);
  const loaded = loadSweep(file, { allowOutside: options['allow-outside'] === 'true', seeds, untilMs });
  if ('issues' in loaded) {
    printIssues(file, loaded.issues, err);
    return 1;
  }
  const { plan } = loaded;
  const store = new SweepStore(options.out ?? join('sweep-results', basename(file).replace(/\.json$/i, '')));
  const tasks = tasksOf(plan);
  const cache = store.cached();
  const results = new Map<string, RunRecord>();
  for (const t of tasks) {
    const hit = cache.get(t.key);
    if (hit) results.set(t.key, hit);
  }
  const todo = tasks.filter((t) => !results.has(t.key));
  const progress = new Progress(tasks.length, results.size, err);
  err(
    `sweep: ${plan.variants.length} variant${plan.variants.length === 1 ? '' : 's'} × ${plan.seeds.length} seed${plan.seeds.length === 1 ? '' : 's'}, ${plan.untilMs / 60_000} min each; ` +
      `${todo.length} to run${results.size ? `, ${results.size} from ${store.runsPath}` : ''}, ` +
      (options.redis ? `on the queue at ${options.redis}` : `in ${workers} worker thread${workers === 1 ? '' : 's'}`),
  );
  const finish = (t: QueueTask, o: JobOutcome) => {
    const r = record(t, o);
    results.set(t.key, r);
    store.append(r);
    if (o.error !== undefined) err(`sweep: run ${t.job.variant} seed ${t.job.seed} failed: ${o.error}`);
    progress.record(o.error === undefined);
  };
  if (todo.length > 0) {
    if (options.redis) {
      await runOnQueue(
        options.redis,
        options.queue ?? DEFAULT_QUEUE,
        todo,
        finish,
        (n) => (progress.extra = `, ${n} worker${n === 1 ? '' : 's'} on the queue`),
      );
    } else {
      const pool = new ThreadPool(Math.min(workers, todo.length));
      const ticker = setInterval(() => progress.tick(), 1000);
      try {
        await Promise.all(todo.map((t) => pool.run(t.job, t.scenarioKey).then((o) => finish(t, o))));
      } finally {
        clearInterval(ticker);
        await pool.close();
      }
    }
  }
  progress.tick(true);
  const records = tasks.map((t) => results.get(t.key)!);
  store.finish(records);
  const summary = summaryOf(plan, records);
  store.write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  store.write('summary.csv', summaryCsv(summary));
  store.write('report.html', sweepReportHtml(summary));
  const failed = records.filter((r) => r.error !== undefined).length;
  const rate = progress.ran > 0 ? ` (${((progress.ran / progress.elapsedS) * 60).toFixed(1)} runs/min)` : '';
  err(`sweep: wrote runs.jsonl, summary.json, summary.csv and report.html to ${store.dir}; ${progress.ran} run now${rate}, ${failed} failed`);
  out(store.dir);
  return failed > 0 ? 1 : 0;
}

export async function workerCommand(argv: readonly string[], _out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { positionals, options } = parseArgs(argv, ['redis', 'queue', 'concurrency', 'lock']);
  if (positionals.length > 0) throw new UsageError(`worker takes no files (got ${quote(positionals[0]!)})`);
  if (!options.redis) throw new UsageError('worker needs --redis redis://HOST:PORT, the queue that `twin sweep --redis` fills');
  const concurrency = wholeNumber('concurrency', options.concurrency, 1, 256) ?? availableParallelism();
  const lockMs = durationOption('lock', options.lock) ?? 30_000;
  const stop = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await serveQueue(options.redis, options.queue ?? DEFAULT_QUEUE, { concurrency, lockMs, log: err, stop });
  return 0;
}
