/**
 * From a sweep file to the runs it asks for: the base scenario read once, each variant's patches
 * applied and the result validated like any scenario (every problem named with its variant), the
 * files each variant reads captured so a run needs nothing but its job, and seeds and duration
 * settled (the command line's --seeds and --until win over the file's).
 */
import { parseDuration } from '../../sim';
import { issue, quote, suggest, fromZod, type ScenarioIssue } from '../issues';
import { jsonSyntaxIssue } from '../json-error';
import { loadScenarioData } from '../load';
import type { ReadFile } from '../referenced-file';
import { applyPatches } from './patch';
import { sweepSchema, type FigureSpec, type SweepFile, type Variant } from './schema';

export interface Decide {
  readonly decision: string;
  readonly option: string;
  readonly afterMs: number;
}

export interface VariantPlan {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** The variant's scenario, patches applied. */
  readonly scenario: unknown;
  /** The files the scenario references, by the path it names them with. */
  readonly files: Readonly<Record<string, string>>;
  readonly decide: readonly Decide[];
}

/** Everything one run needs, as plain data: it can cross a thread or a job queue. */
export interface SweepJob extends Pick<VariantPlan, 'scenario' | 'files' | 'decide'> {
  readonly variant: string;
  readonly seed: number;
  readonly untilMs: number;
  readonly figures: readonly FigureSpec[];
}

export interface SweepPlan {
  readonly sweep: SweepFile;
  readonly baseline: string;
  readonly seeds: readonly number[];
  readonly untilMs: number;
  readonly variants: readonly VariantPlan[];
}

export interface PlanOptions {
  readonly fileName?: string;
  /** The base scenario's text and a reader for the files it references (relative to it), or why it cannot be read. */
  readonly loadBase: (rel: string) => { text: string; readFile: ReadFile } | { issue: ScenarioIssue };
  /** --seeds N: the first N seeds. */
  readonly seeds?: number;
  /** --until, in ms. */
  readonly untilMs?: number;
}

export type PlanResult = { ok: true; plan: SweepPlan } | { ok: false; issues: ScenarioIssue[] };

/** Every variant × seed, variants in file order and seeds in order within each. */
export function jobsOf(plan: SweepPlan, figures: readonly FigureSpec[] = plan.sweep.collect): SweepJob[] {
  return plan.variants.flatMap((v) =>
    plan.seeds.map((seed) => ({ variant: v.id, seed, untilMs: plan.untilMs, scenario: v.scenario, files: v.files, decide: v.decide, figures })),
  );
}

export function planSweep(text: string, options: PlanOptions): PlanResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [jsonSyntaxIssue(text, options.fileName ?? '(file)', 'check for a missing comma, quote or bracket just before that point')] };
  }
  const parsed = sweepSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fromZod(sweepSchema, data, parsed.error.issues) };
  const sweep = parsed.data;
  const issues: ScenarioIssue[] = [];

  const ids = sweep.variants.map((v) => v.id);
  ids.forEach(
    (id, i) => ids.indexOf(id) !== i && issues.push(issue(`variants[${i}].id`, `variant id ${quote(id)} is used twice`, 'give each variant its own id')),
  );
  const baseline = sweep.baseline ?? ids[0]!;
  if (!ids.includes(baseline)) issues.push(issue('baseline', `there is no variant ${quote(baseline)}`, suggest(baseline, ids, 'variant ids')));
  const figureIds = sweep.collect.map((f) => f.id);
  sweep.collect.forEach((f, i) => {
    const at = `collect[${i}]`;
    if (figureIds.indexOf(f.id) !== i) issues.push(issue(`${at}.id`, `figure id ${quote(f.id)} is used twice`, 'give each figure its own id'));
    if ((f.kpi === undefined) === (f.final === undefined))
      issues.push(issue(at, 'give exactly one of "kpi" and "final"', 'a figure comes from a KPI series or from the final report'));
    if (f.final !== undefined && f.stat !== undefined) issues.push(issue(`${at}.stat`, '"stat" applies to a "kpi" figure only', 'remove "stat"'));
  });
  let untilMs = options.untilMs;
  if (untilMs === undefined && sweep.until !== undefined) untilMs = parseDuration(sweep.until) ?? undefined;
  if (untilMs !== undefined && untilMs <= 0) issues.push(issue('until', 'must be longer than 0s', 'e.g. "4h"'));
  if (issues.length) return { ok: false, issues };

  const base = options.loadBase(sweep.scenario);
  if ('issue' in base) return { ok: false, issues: [base.issue] };
  let baseData: unknown;
  try {
    baseData = JSON.parse(base.text);
  } catch {
    return { ok: false, issues: [{ ...jsonSyntaxIssue(base.text, sweep.scenario, 'fix the base scenario first: twin validate FILE'), path: 'scenario' }] };
  }

  const variants: VariantPlan[] = [];
  let scenarioUntil = 0;
  sweep.variants.forEach((v, i) => {
    const planned = planVariant(v, `variants[${i}]`, baseData, base.readFile, issues);
    if (planned) {
      variants.push(planned.variant);
      scenarioUntil = Math.max(scenarioUntil, planned.durationMs);
    }
  });
  if (issues.length) return { ok: false, issues };

  const allSeeds = typeof sweep.seeds === 'number' ? Array.from({ length: sweep.seeds }, (_, i) => i + 1) : sweep.seeds;
  const seeds = options.seeds !== undefined ? seedsFirst(allSeeds, options.seeds) : allSeeds;
  return { ok: true, plan: { sweep, baseline, seeds, untilMs: untilMs ?? scenarioUntil, variants } };
}

/** The first n seeds of the file's (continuing 1, 2, … past the end of a count). */
function seedsFirst(seeds: readonly number[], n: number): number[] {
  const out = seeds.slice(0, n);
  for (let s = (out[out.length - 1] ?? 0) + 1; out.length < n; s++) out.push(s);
  return out;
}

function planVariant(
  v: Variant,
  at: string,
  baseData: unknown,
  readFile: ReadFile,
  issues: ScenarioIssue[],
): { variant: VariantPlan; durationMs: number } | null {
  const patched = applyPatches(baseData, v.patches ?? [], `${at}.patches`);
  if ('issues' in patched) return (issues.push(...patched.issues), null);
  const files: Record<string, string> = {};
  const recording: ReadFile = (rel) => {
    const r = readFile(rel);
    if (typeof r === 'string') files[rel] = r;
    return r;
  };
  const loaded = loadScenarioData(patched.data, { readFile: recording });
  if (!loaded.ok) {
    for (const i of loaded.issues) issues.push(issue(`${at} (scenario ${i.path})`, i.message, i.hint));
    return null;
  }
  const decisions = loaded.scenario.decisions ?? [];
  const decide: Decide[] = [];
  (v.decide ?? []).forEach((d, j) => {
    const dp = decisions.find((x) => x.id === d.decision);
    if (!dp)
      return issues.push(
        issue(
          `${at}.decide[${j}].decision`,
          `the scenario has no decision ${quote(d.decision)}`,
          suggest(
            d.decision,
            decisions.map((x) => x.id),
            'decisions',
          ),
        ),
      );
    const options = dp.options.map((o) => o.id);
    if (!options.includes(d.option))
      return issues.push(
        issue(`${at}.decide[${j}].option`, `decision ${quote(d.decision)} has no option ${quote(d.option)}`, suggest(d.option, options, 'options')),
      );
    decide.push({ decision: d.decision, option: d.option, afterMs: d.after ? (parseDuration(d.after) ?? 0) : 0 });
  });
  return {
    variant: { id: v.id, label: v.label, description: v.description ?? '', scenario: patched.data, files, decide },
    durationMs: loaded.input.durationMs,
  };
}
