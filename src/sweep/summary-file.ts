/**
 * summary.csv from a summary, and a summary read back from its JSON (the browser's sweep view):
 * checked field by field without zod, which stays out of the UI bundle, so a wrong file gets a
 * sentence naming the field rather than a blank panel.
 */
import { SUMMARY_FORMAT, type SweepSummary } from './summary';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per variant and figure: the spread, the interval of the mean, and the difference from the baseline with its interval. */
export function summaryCsv(s: SweepSummary): string {
  const head = [
    'variant',
    'label',
    'figure',
    'unit',
    'role',
    'n',
    'mean',
    'median',
    'p5',
    'p95',
    'ci_low',
    'ci_high',
    'diff_mean',
    'diff_ci_low',
    'diff_ci_high',
    'failed_runs',
  ];
  const rows = [head.join(',')];
  for (const v of s.variants)
    for (const f of s.figures) {
      const x = v.figures[f.id]!;
      rows.push(
        [
          v.id,
          v.label,
          f.id,
          f.unit ?? '',
          f.role,
          x.n,
          x.mean,
          x.median,
          x.p5,
          x.p95,
          x.ci?.[0],
          x.ci?.[1],
          x.diff?.mean,
          x.diff?.ci?.[0],
          x.diff?.ci?.[1],
          v.failed,
        ]
          .map(cell)
          .join(','),
      );
    }
  return `${rows.join('\n')}\n`;
}

export type SummaryRead = { ok: true; summary: SweepSummary } | { ok: false; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a summary.json; the message says what is wrong and where. */
export function readSummary(text: string): SummaryRead {
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch {
    return { ok: false, message: 'this is not JSON: choose the summary.json that `twin sweep` wrote' };
  }
  if (!isObj(d) || d.format !== SUMMARY_FORMAT)
    return {
      ok: false,
      message: `this is not a sweep summary (its "format" is not "${SUMMARY_FORMAT}"): choose the summary.json that \`twin sweep\` wrote, not runs.jsonl or a scenario`,
    };
  if (d.version !== 1) return { ok: false, message: `summary version ${JSON.stringify(d.version)} is not one this twin reads (1)` };
  if (!Array.isArray(d.figures) || !d.figures.every((f) => isObj(f) && typeof f.id === 'string' && typeof f.label === 'string'))
    return { ok: false, message: '"figures" must be a list of figures, each with an id and a label' };
  if (!Array.isArray(d.variants) || d.variants.length === 0) return { ok: false, message: '"variants" must be a list with at least one variant' };
  if (!Array.isArray(d.seeds)) return { ok: false, message: '"seeds" must be a list' };
  const figs = d.figures as { id: string }[];
  for (const [i, v] of (d.variants as unknown[]).entries()) {
    if (!isObj(v) || typeof v.id !== 'string' || typeof v.label !== 'string' || !isObj(v.figures))
      return { ok: false, message: `variants[${i}] needs an id, a label and figures` };
    for (const f of figs) {
      const x = v.figures[f.id];
      if (!isObj(x) || !Array.isArray(x.values)) return { ok: false, message: `variants[${i}].figures.${f.id} is missing or has no "values"` };
    }
  }
  if (!Array.isArray(d.ranking)) return { ok: false, message: '"ranking" must be a list of variant ids' };
  return { ok: true, summary: d as unknown as SweepSummary };
}
