/**
 * One run of a sweep: a job (a variant's scenario and files, a seed, how long, the decisions its
 * players take, the figures to collect) in, the run's hash and figures out. Nothing here reads a
 * clock or a file, so a job gives the same result in a worker thread, in another process or on
 * another machine.
 */
import { loadScenarioData, formatIssue } from '../../scenario';
import type { SweepJob } from '../../scenario/sweep/plan';
import { buildReport, createSimulation, type Simulation } from '../../sim';
import { reduceSeries, valueAt } from '../../sweep/figures';

export interface JobOutcome {
  readonly hash: string | null;
  readonly figures: Record<string, number | null>;
  readonly error?: string;
}

/** How often a run looks for decision points that opened: decisions are taken on this grid of simulated time. */
const CHECK_MS = 30_000;
/** A run without decisions to take steps in longer chunks (the result does not depend on the chunking). */
const CHUNK_MS = 10 * 60_000;

/** Compiled scenarios by their key (a hash of scenario and files), so a thread compiles a variant once; the last few only. */
const compiled = new Map<string, ReturnType<typeof loadScenarioData>>();
const COMPILED_KEPT = 4;

function load(job: SweepJob, scenarioKey: string | undefined): ReturnType<typeof loadScenarioData> {
  const hit = scenarioKey !== undefined ? compiled.get(scenarioKey) : undefined;
  if (hit) return hit;
  const r = loadScenarioData(job.scenario, { readFile: (rel) => job.files[rel] ?? null });
  if (scenarioKey !== undefined) {
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(scenarioKey, r);
  }
  return r;
}

/** Runs a job; `scenarioKey`, when given, must change whenever the job's scenario or files do. */
export function runJob(job: SweepJob, scenarioKey?: string): JobOutcome {
  const loaded = load(job, scenarioKey);
  if (!loaded.ok) return { hash: null, figures: {}, error: `the scenario does not load: ${loaded.issues.slice(0, 3).map(formatIssue).join('; ')}` };
  const sim = createSimulation(loaded.input, { seed: job.seed });
  try {
    runWithDecisions(sim, job);
    return { hash: sim.hash(), figures: collect(sim, job) };
  } catch (e) {
    return { hash: null, figures: {}, error: e instanceof Error ? e.message : String(e) };
  } finally {
    sim.dispose();
  }
}

function runWithDecisions(sim: Simulation, job: SweepJob): void {
  const pending: { atMs: number; decision: string; option: string }[] = [];
  const scheduled = new Set<string>();
  let seen = 0;
  const end = job.untilMs;
  while (sim.nowMs < end) {
    const step = job.decide.length > 0 ? CHECK_MS : CHUNK_MS;
    const due = pending.map((p) => p.atMs).filter((t) => t > sim.nowMs);
    sim.runUntil(Math.min(end, sim.nowMs + step, ...due));
    for (; seen < sim.events.length; seen++) {
      const e = sim.events[seen]!;
      if (e.type !== 'decision.opened') continue;
      for (const d of job.decide)
        if (d.decision === e.data.decision && !scheduled.has(d.decision)) {
          scheduled.add(d.decision);
          pending.push({ atMs: e.tMs + d.afterMs, decision: d.decision, option: d.option });
        }
    }
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i]!;
      if (p.atMs > sim.nowMs) continue;
      sim.apply({
        type: 'decision.take',
        decision: p.decision,
        option: p.option,
        by: 'sweep',
        rationale: `the sweep variant ${job.variant} takes this option`,
      });
      pending.splice(i--, 1);
    }
  }
}

function collect(sim: Simulation, job: SweepJob): Record<string, number | null> {
  const needsFinal = job.figures.some((f) => f.final !== undefined);
  const final = needsFinal ? buildReport(sim, 0, 0).final : null;
  const out: Record<string, number | null> = {};
  for (const f of job.figures) {
    if (f.kpi !== undefined) {
      const series = sim.kpiSeries[f.kpi];
      if (!series) throw new Error(`figure ${f.id}: the run has no KPI "${f.kpi}" (KPIs: ${sim.kpiDefs.map((d) => d.id).join(', ')})`);
      out[f.id] = reduceSeries(series, f.stat ?? 'final', sim.nowMs / 1000);
    } else out[f.id] = valueAt(final, f.final!);
  }
  return out;
}
