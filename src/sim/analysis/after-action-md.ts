/** The after-action report as Markdown: for pasting into a wiki or an email. */
import { formatClock } from '../core';
import type { AfterActionReport } from './after-action';
import type { Evaluation } from '../exercise';
import type { ReportDecision } from './report';

const esc = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

/** The score and the table of expected actions, met or missed: the after-action report's and `twin run --format md`'s. */
export function evaluationMarkdown(ev: Evaluation): string[] {
  if (ev.score === null) return ['No expected actions were set for the injects that fired.'];
  const L = [
    `Score: ${Math.round(ev.score * 100)}% of expected actions met.`,
    '',
    '| inject | expected action | met | after | how |',
    '|---|---|---|---:|---|',
  ];
  for (const x of ev.results)
    L.push(`| ${esc(x.inject)} | ${esc(x.description)} | ${x.met ? 'yes' : 'no'} | ${x.afterS !== null ? formatClock(x.afterS * 1000) : '–'} | ${x.how} |`);
  return L;
}

/** Decision points as the run went: opened, then taken (which option, by whom, why) or expired. */
export function decisionsMarkdown(ds: readonly ReportDecision[]): string[] {
  if (ds.length === 0) return ['No decision point opened in this run.'];
  const L = ['| opened | decision | outcome | at | by | why |', '|---:|---|---|---:|---|---|'];
  for (const d of ds) {
    const outcome =
      d.outcome === 'taken'
        ? `${esc(d.option ?? '')}${d.late ? ' (after its time budget)' : ''}`
        : d.outcome === 'expired'
          ? 'no decision in time'
          : 'still open';
    L.push(
      `| ${formatClock(d.openedS * 1000)} | ${esc(d.title)} | ${outcome} | ${d.atS !== null ? formatClock(d.atS * 1000) : '–'} | ${esc(d.by ?? '–')} | ${esc(d.rationale ?? '–')} |`,
    );
  }
  return L;
}

export function afterActionMarkdown(r: AfterActionReport): string {
  const L: string[] = [`# After-action report: ${esc(r.title)}`, ''];
  L.push(
    `Scenario \`${r.run.scenario.id}\`, seed ${r.run.seed}, played to ${formatClock(r.run.untilS * 1000)}. Run hash \`${r.run.hash}\` (replaying the session gives the same hash).`,
    '',
  );
  if (r.meta.summary) L.push(esc(r.meta.summary), '');
  if (r.meta.objectives.length) L.push('## Objectives', '', ...r.meta.objectives.map((o) => `- ${esc(o)}`), '');
  L.push('## Key figures', '', '| KPI | peak | at | at the end |', '|---|---:|---:|---:|');
  for (const k of r.kpiPeaks)
    L.push(
      `| ${esc(k.label)} | ${k.peak === null ? '—' : `${k.peak.toLocaleString('en-GB')} ${esc(k.unit)}`} | ${k.peak !== null && k.peak > 0 ? formatClock(k.peakAtS * 1000) : '–'} | ${k.end === null ? '—' : k.end.toLocaleString('en-GB')} |`,
    );
  L.push('', '## Timeline', '');
  for (const t of r.timeline) {
    L.push(`- **${t.clock}** ${t.kind}: ${esc(t.title)}${t.detail ? ` — ${esc(t.detail)}` : ''}${t.caused ? ` (${t.caused} consequences)` : ''}`);
    for (const e of t.effects) L.push(`  - ${esc(e)}`);
  }
  L.push('', '## Evaluation', '', ...evaluationMarkdown(r.evaluation));
  L.push('', '## Why the main effects happened', '');
  for (const e of r.run.effects) {
    L.push(`### ${esc(e.name)} went down at ${formatClock(e.tS * 1000)}`, '');
    for (const c of e.chain) L.push(`1. ${formatClock(c.tS * 1000)} — ${esc(c.text)}`);
    L.push('');
  }
  L.push('## Data exposed', '');
  if (r.dataExposed.length === 0) L.push('No data left the city in this run.');
  for (const d of r.dataExposed) L.push(`- ${formatClock(d.tS * 1000)} ${esc(d.text)}`);
  L.push('');
  return L.join('\n');
}
