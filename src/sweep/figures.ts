/**
 * One number from a run: a KPI series reduced by a statistic, or a value from the run report's
 * final section by a dotted path. Kept free of the simulation's types so the browser's sweep view
 * and the report page can share the module.
 */

export type Stat = 'final' | 'max' | 'min' | 'mean' | 'hours';

export interface FigureDef {
  readonly id: string;
  readonly label: string;
  readonly unit?: string | undefined;
  readonly kpi?: string | undefined;
  readonly stat?: Stat | undefined;
  readonly final?: string | undefined;
  readonly role: 'harm' | 'service';
  readonly better?: 'lower' | 'higher' | undefined;
}

/**
 * A series of [seconds, value] samples as a step function (each value holds until the next
 * sample, the last until `endS`) reduced to one figure; null when there are no samples.
 */
export function reduceSeries(series: readonly (readonly [number, number])[], stat: Stat, endS: number): number | null {
  if (series.length === 0) return null;
  if (stat === 'final') return series[series.length - 1]![1];
  if (stat === 'max') return Math.max(...series.map((s) => s[1]));
  if (stat === 'min') return Math.min(...series.map((s) => s[1]));
  let area = 0;
  for (let i = 0; i < series.length; i++) {
    const [t, v] = series[i]!;
    const next = i + 1 < series.length ? series[i + 1]![0] : Math.max(t, endS);
    area += v * (next - t);
  }
  if (stat === 'hours') return area / 3600;
  const span = Math.max(series[series.length - 1]![0], endS) - series[0]![0];
  return span > 0 ? area / span : series[0]![1];
}

/** The number at a dotted path in `root`; lists along the way are summed over their elements. Null when a step is missing or not a number. */
export function valueAt(root: unknown, path: string): number | null {
  const go = (here: unknown, steps: readonly string[]): number | null => {
    if (Array.isArray(here)) {
      let sum = 0;
      for (const e of here) {
        const v = go(e, steps);
        if (v === null) return null;
        sum += v;
      }
      return sum;
    }
    if (steps.length === 0) return typeof here === 'number' && Number.isFinite(here) ? here : typeof here === 'boolean' ? Number(here) : null;
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, steps[0]!)) return null;
    return go((here as Record<string, unknown>)[steps[0]!], steps.slice(1));
  };
  return go(root, path.split('.'));
}
