/**
 * A sweep's folder: runs.jsonl doubles as the cache. Each finished run is appended as it arrives,
 * so an interrupted sweep keeps what it had; started again, it reuses every successful line whose
 * key (scenario, files, seed, duration, decisions, figures) still matches, and at the end the file
 * is rewritten in sweep order, so it reads the same however the runs were spread.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { RunRecord } from '../../sweep/summary';
import { UserError } from '../args';

/** JSON with object keys sorted, so equal data hash equally whatever order it was built in. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export const digest = (v: unknown): string => createHash('sha256').update(canonical(v)).digest('hex').slice(0, 16);

export class SweepStore {
  readonly runsPath: string;

  constructor(readonly dir: string) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UserError(`cannot create the output folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (choose another --out)`);
    }
    this.runsPath = join(dir, 'runs.jsonl');
  }

  /** Successful runs already in runs.jsonl, by key; damaged lines (a run cut off mid-write) are skipped. */
  cached(): Map<string, RunRecord> {
    const out = new Map<string, RunRecord>();
    if (!existsSync(this.runsPath)) return out;
    for (const line of readFileSync(this.runsPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as RunRecord;
        if (typeof r.key === 'string' && r.error === undefined && typeof r.hash === 'string') out.set(r.key, r);
      } catch {
        // A line cut off by an interruption: that run simply runs again.
      }
    }
    return out;
  }

  append(r: RunRecord): void {
    appendFileSync(this.runsPath, `${JSON.stringify(r)}\n`);
  }

  /** Rewrites runs.jsonl with exactly these records, in this order (through a temporary file, so it is never half written). */
  finish(records: readonly RunRecord[]): void {
    this.write('runs.jsonl', records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  write(name: string, text: string): void {
    const path = join(this.dir, name);
    writeFileSync(`${path}.part`, text);
    renameSync(`${path}.part`, path);
  }
}
