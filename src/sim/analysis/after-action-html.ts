/**
 * The after-action report as one self-contained HTML file: inline styles and SVG charts, no
 * scripts and nothing loaded from anywhere, so it opens offline and prints cleanly to PDF.
 * Every piece of scenario or player text is escaped: it is untrusted input.
 */
import { formatClock } from '../core';
import type { AfterActionReport } from './after-action';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const h = escapeHtml;

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b2430;max-width:960px;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #dfe5ec;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
.meta{color:#5a6675}.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px}
.kpi{border:1px solid #dfe5ec;border-radius:8px;padding:8px 10px}.kpi b{font-size:1.3rem;display:block}.kpi small{color:#5a6675}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border-bottom:1px solid #e6ebf0;padding:4px 6px;text-align:left;vertical-align:top}
.t{white-space:nowrap;font-variant-numeric:tabular-nums;color:#3b4654}.kind{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:1px 5px;background:#eef2f6}
.kind.inject{background:#fde8ea;color:#9b1c2c}.kind.decision{background:#e4f3ea;color:#17633a}.kind.decision-expired{background:#fff1d6;color:#7a5200}
.met{color:#17633a;font-weight:600}.notmet{color:#9b1c2c;font-weight:600}ol.chain{padding-left:1.4rem}ol.chain li{margin:.15rem 0}
ul.eff{margin:.2rem 0 .2rem 1rem;color:#3b4654;font-size:.9rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.kpi,table,ol.chain{break-inside:avoid}a{color:inherit}}
`;

/** A small step chart of a KPI series as inline SVG. */
function chart(series: readonly [number, number][], untilS: number, colour: string): string {
  const W = 190;
  const H = 46;
  const max = Math.max(1, ...series.map((p) => p[1]));
  const end = Math.max(untilS, series[series.length - 1]?.[0] ?? 0, 1);
  const x = (t: number) => ((t / end) * W).toFixed(1);
  const y = (v: number) => (H - 2 - (v / max) * (H - 4)).toFixed(1);
  let d = `M0 ${y(series[0]?.[1] ?? 0)}`;
  for (const [t, v] of series) d += ` H${x(t)} V${y(v)}`;
  d += ` H${W}`;
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="history"><path d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"/></svg>`;
}

const COLOURS = ['#c0392b', '#1f6fb2', '#8e44ad', '#b9770e', '#117a65', '#34495e'];

export function afterActionHtml(r: AfterActionReport): string {
  const clock = (s: number) => formatClock(s * 1000);
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<title>After-action report: ${h(r.title)}</title><style>${STYLE}</style></head><body>`);
  out.push(
    `<h1>After-action report</h1><p class="meta"><strong>${h(r.title)}</strong><br>Scenario <code>${h(r.run.scenario.id)}</code> · seed ${r.run.seed} · played to ${clock(r.run.untilS)} · run hash <code>${h(r.run.hash)}</code></p>`,
  );
  if (r.meta.summary) out.push(`<p>${h(r.meta.summary)}</p>`);
  if (r.meta.objectives.length) out.push(`<h2>Objectives</h2><ul>${r.meta.objectives.map((o) => `<li>${h(o)}</li>`).join('')}</ul>`);
  out.push('<h2>Key figures</h2><div class="kpis">');
  r.kpiPeaks.forEach((k, i) => {
    const series = r.run.kpis[k.id]?.series ?? [];
    out.push(
      `<div class="kpi"><small>${h(k.label)}</small><b>${k.peak === null ? 'no data' : `peak ${k.peak.toLocaleString('en-GB')} ${h(k.unit)}`}</b><small>${k.peak !== null && k.peak > 0 ? `at ${clock(k.peakAtS)}; ` : ''}${k.end === null ? '—' : k.end.toLocaleString('en-GB')} at the end</small>${chart(series, r.run.untilS, COLOURS[i % COLOURS.length]!)}</div>`,
    );
  });
  out.push('</div><h2>Timeline</h2><table><thead><tr><th>time</th><th></th><th>what happened</th></tr></thead><tbody>');
  for (const t of r.timeline) {
    const eff = t.effects.length ? `<ul class="eff">${t.effects.map((e) => `<li>${h(e)}</li>`).join('')}</ul>` : '';
    const caused = t.caused ? ` <small>(${t.caused} consequences)</small>` : '';
    out.push(
      `<tr><td class="t">${t.clock}</td><td><span class="kind ${t.kind}">${h(t.kind.replace('-', ' '))}</span></td><td><strong>${h(t.title)}</strong>${caused}${t.detail ? `<br>${h(t.detail)}` : ''}${eff}</td></tr>`,
    );
  }
  out.push('</tbody></table><h2>Evaluation</h2>');
  if (r.evaluation.score === null) out.push('<p>No expected actions were set for the injects that fired.</p>');
  else {
    out.push(
      `<p><strong>${Math.round(r.evaluation.score * 100)}%</strong> of expected actions met.</p><table><thead><tr><th>inject</th><th>expected action</th><th>met</th><th>after</th><th>how</th></tr></thead><tbody>`,
    );
    for (const x of r.evaluation.results)
      out.push(
        `<tr><td>${h(x.inject)}</td><td>${h(x.description)}</td><td class="${x.met ? 'met' : 'notmet'}">${x.met ? 'yes' : 'no'}</td><td class="t">${x.afterS !== null ? clock(x.afterS) : '–'}</td><td>${h(x.how)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  out.push('<h2>Why the main effects happened</h2>');
  for (const e of r.run.effects) {
    out.push(
      `<h3>${h(e.name)} went down at ${clock(e.tS)}</h3><ol class="chain">${e.chain.map((c) => `<li><span class="t">${clock(c.tS)}</span> ${h(c.text)}</li>`).join('')}</ol>`,
    );
  }
  out.push('<h2>Data exposed</h2>');
  out.push(
    r.dataExposed.length
      ? `<ul>${r.dataExposed.map((d) => `<li><span class="t">${clock(d.tS)}</span> ${h(d.text)}</li>`).join('')}</ul>`
      : '<p>No data left the city in this run.</p>',
  );
  out.push(`<p class="meta">Made by citytwin. All vendors, places and people in the shipped scenarios are fictional.</p></body></html>\n`);
  return out.join('\n');
}
