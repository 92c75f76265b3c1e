/**
 * One small sweep run three ways — one worker thread, two worker threads, and through Redis with
 * two `twin worker` processes, one of them killed in the middle of a run — must give the same
 * runs (hashes and figures) and the same summary byte for byte. Then started again on a folder
 * that has the results, it runs nothing and writes the same files. Real processes, a real Redis
 * server and BullMQ: nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratch } from '../support/cli';
import { redisMissing, startRedis, type RedisServer } from '../support/redis';

const ROOT = resolve(__dirname, '../..');
const SWEEP = join(ROOT, 'test/fixtures/sweep/small.sweep.json');

interface Proc {
  readonly proc: ChildProcess;
  log: string;
  readonly exited: Promise<number | null>;
}

/** `twin ARGS…` as its own process, the way a user starts it. */
function twin(args: string[]): Proc {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { proc, log: '', exited: new Promise((r) => proc.on('exit', (code) => r(code))) };
  proc.stdout!.on('data', (b: Buffer) => (p.log += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (p.log += b.toString()));
  return p;
}

async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const files = (dir: string) => ({
  runs: readFileSync(join(dir, 'runs.jsonl'), 'utf8'),
  summary: readFileSync(join(dir, 'summary.json'), 'utf8'),
  csv: readFileSync(join(dir, 'summary.csv'), 'utf8'),
});

describe('twin sweep, three ways', () => {
  const tmp = scratch('sweep');
  const missing = redisMissing();
  let redis: RedisServer | null = null;
  const workers: Proc[] = [];
  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    await redis?.stop();
  });

  it('gives the same hashes and summary in one thread, in two, and on the queue with a worker killed mid-run', { timeout: 240_000 }, async () => {
    if (missing) {
      console.warn(`skipping the Redis leg: ${missing}`);
    }
    const one = twin(['sweep', SWEEP, '--workers', '1', '--out', join(tmp.dir, 'one')]);
    expect(await one.exited, one.log).toBe(0);
    const two = twin(['sweep', SWEEP, '--workers', '2', '--out', join(tmp.dir, 'two')]);
    expect(await two.exited, two.log).toBe(0);

    const a = files(join(tmp.dir, 'one'));
    const runs = a.runs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { variant: string; seed: number; hash: string; figures: Record<string, number> });
    expect(runs).toHaveLength(9);
    expect(runs.map((r) => `${r.variant}/${r.seed}`)).toEqual(['as-is', 'segmented', 'isolate-fast'].flatMap((v) => [1, 2, 3].map((s) => `${v}/${s}`)));
    // The variants really differ: segmentation keeps the botnet out, isolating the zone takes the cameras off.
    expect(runs.filter((r) => r.variant === 'as-is').every((r) => r.figures.compromised! > 0)).toBe(true);
    expect(runs.filter((r) => r.variant === 'segmented').every((r) => r.figures.compromised === 0)).toBe(true);
    expect(runs.filter((r) => r.variant === 'isolate-fast').every((r) => r.figures['cameras-working'] === 0)).toBe(true);
    expect(new Set(runs.map((r) => r.hash)).size).toBe(9);
    expect(files(join(tmp.dir, 'two'))).toEqual(a);
    expect(readFileSync(join(tmp.dir, 'one', 'report.html'), 'utf8')).toContain('Segmented network');

    // Started again on the same folder: everything comes from runs.jsonl, and the files are the same.
    const again = twin(['sweep', SWEEP, '--workers', '2', '--out', join(tmp.dir, 'one')]);
    expect(await again.exited, again.log).toBe(0);
    expect(again.log).toMatch(/0 to run, 9 from/);
    expect(files(join(tmp.dir, 'one'))).toEqual(a);

    if (missing) return;
    redis = await startRedis();
    const wa = twin(['worker', '--redis', redis.url, '--concurrency', '1', '--lock', '2s']);
    workers.push(wa);
    await until(() => wa.log.includes('taking jobs'), 'worker A to start');
    const sweep = twin(['sweep', SWEEP, '--redis', redis.url, '--out', join(tmp.dir, 'queue')]);
    // Worker A takes a job; kill it in the middle of that run, before it can finish or report.
    await until(() => /running (\S+), seed (\d+)/.test(wa.log), 'worker A to take a job');
    const [, variant, seed] = /running (\S+), seed (\d+)/.exec(wa.log)!;
    wa.proc.kill('SIGKILL');
    await wa.exited;
    const wb = twin(['worker', '--redis', redis.url, '--concurrency', '1', '--lock', '2s']);
    workers.push(wb);
    expect(await sweep.exited, `${sweep.log}\n--- worker B:\n${wb.log}`).toBe(0);
    // The job A died holding was handed to B once A's lock ran out.
    expect(wb.log).toContain(`finished ${variant}, seed ${seed}`);
    expect(files(join(tmp.dir, 'queue'))).toEqual(a);
    wb.proc.kill('SIGTERM');
    expect(await wb.exited).toBe(0);
  });
});
