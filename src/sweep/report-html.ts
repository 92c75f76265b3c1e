/**
 * report.html for a sweep: a self-contained page (no scripts, no fetches) with the ranked table of
 * what each policy buys against the attack and what it costs in service, and a distribution plot
 * per figure. The browser's sweep view shows the same table and plots.
 */
import type { FigureDef } from './figures';
import { distributionSvg, esc, formatValue } from './plots';
import type { FigureStats, SweepSummary, VariantSummary } from './summary';

/** A change from the baseline in words a briefing can use: "−212,000 (−98 %), 95 % interval −215,000 to −209,000", or that it is not clear. */
export function changeText(s: SweepSummary, v: VariantSummary, f: FigureDef): string {
  if (v.id === s.baseline) return 'baseline';
  const st: FigureStats | undefined = v.figures[f.id];
  const d = st?.diff;
  if (!d) return 'no paired runs';
  const base = s.variants.find((x) => x.id === s.baseline)?.figures[f.id]?.mean ?? null;
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  const abs = (x: number) => `${sign(x)}${formatValue(Math.abs(x))}`;
  const pct = base !== null && base !== 0 ? ` (${sign(d.mean)}${formatValue(Math.abs((d.mean / base) * 100))} %)` : '';
  if (!d.ci) return `${abs(d.mean)}${pct}`;
  if (d.ci[0] === d.ci[1] && d.mean === 0) return 'no change in any run';
  const clear = d.ci[0] > 0 || d.ci[1] < 0;
  return `${abs(d.mean)}${pct}; 95 % interval ${abs(d.ci[0])} to ${abs(d.ci[1])}${clear ? '' : ' — not clearly different'}`;
}

/** Changes smaller than this share of the baseline's mean are too small to matter in a briefing, however sure. */
const NEGLIGIBLE = 0.01;

/**
 * Whether the change is better, worse, unclear (its interval spans zero), the same in every run,
 * or negligible (under 1 % of the baseline), by the figure's "better" direction.
 */
export function verdict(s: SweepSummary, v: VariantSummary, f: FigureDef): 'better' | 'worse' | 'unclear' | 'same' | 'negligible' | 'baseline' {
  if (v.id === s.baseline) return 'baseline';
  const d = v.figures[f.id]?.diff;
  const ci = d?.ci;
  if (!d || !ci) return 'unclear';
  if (d.mean === 0 && ci[0] === 0 && ci[1] === 0) return 'same';
  if (ci[0] <= 0 && ci[1] >= 0) return 'unclear';
  const base = s.variants.find((x) => x.id === s.baseline)?.figures[f.id]?.mean ?? null;
  if (base !== null && base !== 0 && Math.abs(d.mean) < NEGLIGIBLE * Math.abs(base)) return 'negligible';
  const lowerIsBetter = (f.better ?? 'lower') === 'lower';
  if (ci[1] < 0) return lowerIsBetter ? 'better' : 'worse';
  if (ci[0] > 0) return lowerIsBetter ? 'worse' : 'better';
  return 'unclear';
}

/** The ranked table: best variant first by the first harm figure; harm figures ("what it buys") then service figures ("what it costs"). */
export function rankedTableHtml(s: SweepSummary): string {
  const harm = s.figures.filter((f) => f.role === 'harm');
  const service = s.figures.filter((f) => f.role === 'service');
  const head = (f: FigureDef) => `<th scope="col">${esc(f.label)}${f.unit ? ` <span class="unit">(${esc(f.unit)})</span>` : ''}</th>`;
  const cell = (v: VariantSummary, f: FigureDef) => {
    const st = v.figures[f.id];
    const mark = verdict(s, v, f);
    const down = (f.better ?? 'lower') === 'lower';
    const symbol = {
      better: `${down ? '▼' : '▲'} better`,
      worse: `${down ? '▲' : '▼'} worse`,
      unclear: '≈ unclear',
      same: '= same',
      negligible: '≈ under 1 %',
      baseline: '',
    }[mark];
    return `<td class="${mark}"><strong>${esc(formatValue(st?.mean))}</strong><br><small>${esc(changeText(s, v, f))}</small>${symbol ? `<br><small class="mark">${symbol}</small>` : ''}</td>`;
  };
  const byId = new Map(s.variants.map((v) => [v.id, v]));
  const rows = s.ranking.map((id, i) => {
    const v = byId.get(id)!;
    const failed = v.failed ? ` <small class="worse">${v.failed} run${v.failed === 1 ? '' : 's'} failed</small>` : '';
    return `<tr><td>${i + 1}</td><th scope="row">${esc(v.label)}${v.id === s.baseline ? ' <small>(baseline)</small>' : ''}${failed}${v.description ? `<br><small>${esc(v.description)}</small>` : ''}</th>${harm.map((f) => cell(v, f)).join('')}${service.map((f) => cell(v, f)).join('')}</tr>`;
  });
  return `<table class="sweep-table"><thead><tr><th scope="col">#</th><th scope="col">Variant</th>${harm.length ? `${harm.map(head).join('')}` : ''}${service.map(head).join('')}</tr>
<tr class="groups"><td></td><td></td>${harm.length ? `<td colspan="${harm.length}">what the attack achieves — less is what the policy buys</td>` : ''}${service.length ? `<td colspan="${service.length}">service the city loses — more is what the policy costs</td>` : ''}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

export const SWEEP_CSS = `.sweep-table{border-collapse:collapse;margin:1em 0;font-size:14px}.sweep-table th,.sweep-table td{border:1px solid #ccd;padding:6px 8px;vertical-align:top;text-align:left}
.sweep-table thead th{background:#eef1f5}.sweep-table .groups td{font-size:12px;color:#555;background:#f7f8fa}.sweep-table td.better{background:#e7f5ea}.sweep-table td.worse{background:#fbe9e7}
.sweep-table small{color:#444}.sweep-table .unit{font-weight:normal;color:#555}.sweep-plots figure{margin:1.2em 0}.sweep-plots figcaption{font-weight:600;margin-bottom:4px}`;

export function sweepReportHtml(s: SweepSummary): string {
  const failed = s.runs.failed ? ` ${s.runs.failed} run${s.runs.failed === 1 ? '' : 's'} failed and are left out of the figures.` : '';
  const plots = s.figures
    .map((f) => `<figure><figcaption>${esc(f.label)}${f.unit ? ` (${esc(f.unit)})` : ''}</figcaption>${distributionSvg(s, f)}</figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(s.title)} — citytwin sweep</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}h1{font-size:1.6em}${SWEEP_CSS}
.method{font-size:13px;color:#333;border-top:1px solid #ccd;margin-top:2em;padding-top:1em}</style></head>
<body>
<h1>${esc(s.title)}</h1>
${s.question ? `<p><strong>${esc(s.question)}</strong></p>` : ''}
<p>Scenario <code>${esc(s.scenario)}</code>; ${s.variants.length} variant${s.variants.length === 1 ? '' : 's'}, each run on the same ${s.seeds.length} seed${s.seeds.length === 1 ? '' : 's'} for ${esc(formatValue(s.untilS / 3600))} h of simulated time (${s.runs.total} runs).${failed}</p>
<h2>What each policy buys, and what it costs</h2>
${rankedTableHtml(s)}
<h2>How the runs spread</h2>
<p>Each dot is one run (one seed); the band spans the 5th to 95th percentile, the upright line is the median, the diamond the mean with its 95 % confidence interval.</p>
<div class="sweep-plots">${plots}</div>
<p class="method">Method: every variant runs on the same seeds, so a variant is compared with the baseline seed by seed (paired differences). Intervals are 95 % confidence intervals of the mean from Student's t distribution; percentiles interpolate between runs (Hyndman &amp; Fan type 7). A change whose interval includes zero is marked "not clearly different". Made by citytwin's <code>twin sweep</code>; every figure comes from the simulation runs listed in runs.jsonl.</p>
</body></html>
`;
}
