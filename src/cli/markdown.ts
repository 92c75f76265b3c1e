/** The Markdown run report: a readable summary with the causal chains of the largest effects. */
import { formatClock, type RunReport } from '../sim';

const clock = (tS: number) => formatClock(tS * 1000);

export function renderMarkdown(r: RunReport): string {
  const lines: string[] = [];
  lines.push(`# ${r.scenario.title}`, '');
  lines.push(`Scenario \`${r.scenario.id}\`, seed ${r.seed}, simulated to ${clock(r.untilS)}. Run hash \`${r.hash}\`.`, '');
  lines.push('## Key figures', '', '| KPI | at the end | peak | peak at |', '|---|---:|---:|---:|');
  for (const k of Object.values(r.kpis)) {
    const last = k.series[k.series.length - 1]?.[1] ?? 0;
    let peak: [number, number] = [0, 0];
    for (const p of k.series) if (p[1] > peak[1]) peak = p;
    lines.push(`| ${k.label} | ${last.toLocaleString('en-GB')} | ${peak[1].toLocaleString('en-GB')} | ${peak[1] > 0 ? clock(peak[0]) : '–'} |`);
  }
  lines.push('', '## Largest effects and why they happened', '');
  if (r.effects.length === 0) lines.push('No asset went down in this run.');
  for (const e of r.effects) {
    lines.push(`### ${e.name} went down at ${clock(e.tS)}`, '');
    for (const c of e.chain) lines.push(`1. ${clock(c.tS)} — ${c.text}`);
    lines.push('');
  }
  lines.push('## State at the end', '', '| subsystem | assets | ok | degraded | down | compromised |', '|---|---:|---:|---:|---:|---:|');
  for (const [name, v] of Object.entries(r.final)) {
    if (name === 'assets' || typeof v !== 'object' || v === null || !('assets' in v)) continue;
    const s = v as { assets: number; ok: number; degraded: number; down: number; compromised: number };
    if (s.assets > 0) lines.push(`| ${name} | ${s.assets} | ${s.ok} | ${s.degraded} | ${s.down} | ${s.compromised} |`);
  }
  const data = (r.final as { data?: { exfiltrated: { dataset: string; records: number; bytes: number; destinationJurisdiction: string; identifying: number; how: string }[] } }).data;
  if (data && data.exfiltrated.length > 0) {
    lines.push('', '## Data that left the city', '', '| dataset | records | identifying | MB | now in | how |', '|---|---:|---:|---:|---|---|');
    for (const d of data.exfiltrated) lines.push(`| ${d.dataset} | ${d.records.toLocaleString('en-GB')} | ${d.identifying.toLocaleString('en-GB')} | ${(d.bytes / 1e6).toFixed(1)} | ${d.destinationJurisdiction} | ${d.how} |`);
  }
  lines.push('', `${r.events.length} events; ${r.perf.simS} simulated seconds in ${r.perf.wallS} s of wall time.`, '');
  return lines.join('\n');
}
