/**
 * A sweep's summary: per variant and figure, the spread over seeds (mean, median, 5th and 95th
 * percentiles, a 95 % interval of the mean) and the difference from the baseline variant, paired
 * by seed (every variant runs on the same seeds, so a seed's run under two policies differs only
 * by the policy). Pure data in, pure data out: the command line writes it and the browser reads it.
 */
import type { FigureDef } from './figures';
import { mean, meanInterval, quantile } from './stats';

export const SUMMARY_FORMAT = 'citytwin-sweep-summary';

/** One line of runs.jsonl. */
export interface RunRecord {
  readonly variant: string;
  readonly seed: number;
  readonly untilS: number;
  /** Identifies the run: scenario, files, seed, duration, decisions and figures. */
  readonly key: string;
  /** The simulation's hash at the end of the run; null when it failed. */
  readonly hash: string | null;
  readonly figures: Readonly<Record<string, number | null>>;
  readonly error?: string;
}

export interface FigureStats {
  /** Values by seed (in the summary's seed order); null where the run failed or had no such value. */
  readonly values: readonly (number | null)[];
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
  /** 95 % confidence interval of the mean (Student's t); null below two values. */
  readonly ci: readonly [number, number] | null;
  /** This variant minus the baseline, paired by seed: the mean difference and its 95 % interval. */
  readonly diff: { readonly mean: number; readonly ci: readonly [number, number] | null; readonly n: number } | null;
}

export interface VariantSummary {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly runs: number;
  readonly failed: number;
  readonly figures: Readonly<Record<string, FigureStats>>;
}

export interface SweepSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly version: 1;
  readonly title: string;
  readonly question: string;
  readonly scenario: string;
  readonly baseline: string;
  readonly seeds: readonly number[];
  readonly untilS: number;
  readonly runs: { readonly total: number; readonly failed: number };
  readonly figures: readonly FigureDef[];
  readonly variants: readonly VariantSummary[];
  /** Variant ids, best first by the first "harm" figure's difference from the baseline (the baseline first among equals: a policy that buys nothing does not rank above doing nothing). */
  readonly ranking: readonly string[];
}

export interface SummaryInput {
  readonly title: string;
  readonly question: string;
  readonly scenario: string;
  readonly baseline: string;
  readonly seeds: readonly number[];
  readonly untilS: number;
  readonly figures: readonly FigureDef[];
  readonly variants: readonly { readonly id: string; readonly label: string; readonly description: string }[];
}

/** Rounds a statistic for the file: 6 significant digits say more than any run can. */
const r6 = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
const pair = (p: readonly [number, number] | null): [number, number] | null => (p ? [r6(p[0]), r6(p[1])] : null);

export function summarise(input: SummaryInput, runs: readonly RunRecord[]): SweepSummary {
  const byKey = new Map(runs.map((r) => [`${r.variant}\0${r.seed}`, r]));
  const valuesOf = (variant: string, fig: string): (number | null)[] =>
    input.seeds.map((s) => {
      const r = byKey.get(`${variant}\0${s}`);
      const v = r && !r.error ? r.figures[fig] : null;
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
  const variants: VariantSummary[] = input.variants.map((v) => {
    const mine = input.seeds.map((s) => byKey.get(`${v.id}\0${s}`));
    const figures: Record<string, FigureStats> = {};
    for (const f of input.figures) {
      const values = valuesOf(v.id, f.id);
      const present = values.filter((x): x is number => x !== null);
      const base = valuesOf(input.baseline, f.id);
      const diffs = values.flatMap((x, i) => (x !== null && base[i] !== null ? [x - base[i]!] : []));
      figures[f.id] = {
        values,
        n: present.length,
        mean: present.length ? r6(mean(present)) : null,
        median: present.length ? r6(quantile(present, 0.5)) : null,
        p5: present.length ? r6(quantile(present, 0.05)) : null,
        p95: present.length ? r6(quantile(present, 0.95)) : null,
        ci: pair(meanInterval(present)),
        diff: v.id === input.baseline || diffs.length === 0 ? null : { mean: r6(mean(diffs)), ci: pair(meanInterval(diffs)), n: diffs.length },
      };
    }
    return {
      id: v.id,
      label: v.label,
      description: v.description,
      runs: mine.filter((r) => r !== undefined).length,
      failed: mine.filter((r) => r?.error !== undefined).length,
      figures,
    };
  });
  return {
    format: SUMMARY_FORMAT,
    version: 1,
    title: input.title,
    question: input.question,
    scenario: input.scenario,
    baseline: input.baseline,
    seeds: input.seeds,
    untilS: input.untilS,
    runs: { total: runs.length, failed: runs.filter((r) => r.error !== undefined).length },
    figures: input.figures,
    variants,
    ranking: rank(input, variants),
  };
}

/** Best first by the first harm figure (its "better" direction), the baseline counting as no change and first among equals. */
function rank(input: SummaryInput, variants: readonly VariantSummary[]): string[] {
  const primary = input.figures.find((f) => f.role === 'harm') ?? input.figures[0]!;
  const sign = primary.better === 'higher' ? -1 : 1;
  const gain = (v: VariantSummary): number => {
    if (v.id === input.baseline) return 0;
    const d = v.figures[primary.id]?.diff?.mean;
    return d === undefined ? Number.POSITIVE_INFINITY : sign * d;
  };
  return [...variants].sort((a, b) => gain(a) - gain(b) || Number(b.id === input.baseline) - Number(a.id === input.baseline)).map((v) => v.id);
}
