/** The Markdown run report: a readable summary with the causal chains of the largest effects. */
import { formatClock, type RunReport } from '../sim';
import { decisionsMarkdown, evaluationMarkdown, type PrivacyFinal } from '../sim/analysis';

const clock = (tS: number) => formatClock(tS * 1000);

export function renderMarkdown(r: RunReport): string {
  const lines: string[] = [];
  lines.push(`# ${r.scenario.title}`, '');
  lines.push(`Scenario \`${r.scenario.id}\`, seed ${r.seed}, simulated to ${clock(r.untilS)}. Run hash \`${r.hash}\`.`, '');
  lines.push('## Key figures', '', '| KPI | at the end | peak | peak at |', '|---|---:|---:|---:|');
  for (const k of Object.values(r.kpis)) {
    // A KPI with nothing measured (no emergency call in the run) has no points: "—", not 0.
    const last = k.series[k.series.length - 1]?.[1];
    let peak: [number, number] | null = null;
    for (const p of k.series) if (peak === null || p[1] > peak[1]) peak = p;
    const n = (x: number | undefined) => (x === undefined ? '—' : x.toLocaleString('en-GB'));
    lines.push(`| ${k.label} | ${n(last)} | ${n(peak?.[1])} | ${peak && peak[1] > 0 ? clock(peak[0]) : '–'} |`);
  }
  lines.push('', '## Decisions', '', ...decisionsMarkdown(r.decisions));
  if (r.evaluation) lines.push('', '## Evaluation of expected actions', '', ...evaluationMarkdown(r.evaluation));
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
  const data = (
    r.final as {
      data?: { exfiltrated: { dataset: string; records: number; bytes: number; destinationJurisdiction: string; identifying: number; how: string }[] };
    }
  ).data;
  if (data && data.exfiltrated.length > 0) {
    lines.push('', '## Data that left the city', '', '| dataset | records | identifying | MB | now in | how |', '|---|---:|---:|---:|---|---|');
    for (const d of data.exfiltrated)
      lines.push(
        `| ${d.dataset} | ${d.records.toLocaleString('en-GB')} | ${d.identifying.toLocaleString('en-GB')} | ${(d.bytes / 1e6).toFixed(1)} | ${d.destinationJurisdiction} | ${d.how} |`,
      );
  }
  const privacy = (r.final as { privacy?: PrivacyFinal }).privacy;
  if (privacy) lines.push('', ...privacyMarkdown(privacy));
  lines.push('', `${r.events.length} events; ${r.perf.simS} simulated seconds in ${r.perf.wallS} s of wall time.`, '');
  return lines.join('\n');
}

/** What the attacker's data reveals: aggregates only, as in the privacy panel. */
function privacyMarkdown(p: PrivacyFinal): string[] {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const out = ['## What the data reveals about residents', ''];
  const held = p.datasets.filter((d) => d.held);
  out.push(held.length ? `The attacker holds ${held.map((d) => `${d.id} (${d.held!.how})`).join(', ')}.` : 'The attacker holds no personal dataset.', '');
  out.push(
    `**${p.reidentified.count.toLocaleString('en-GB')}** of ${p.residents.toLocaleString('en-GB')} residents (${pct(p.reidentified.share)}) are tied to their household${p.reidentified.wrong ? `; ${p.reidentified.wrong} identities are tied to the wrong one` : ''}.`,
    '',
  );
  for (const c of p.reidentified.byDatasets) out.push(`- ${c.datasets.join(' + ')}: ${c.count}`);
  const r = p.reidentified;
  if (r.ties > 0) {
    // The attacker's own confidence against the truth the simulation knows.
    const right = r.byConfidence.reduce((a, b) => a + b.right, 0);
    out.push(
      '',
      `The attacker makes ${r.ties.toLocaleString('en-GB')} ties of identities to households; it is ${pct(r.meanConfidence)} sure of them on average and right ${pct(right / r.ties)} of the time.`,
      '',
    );
    out.push("| attacker's confidence | ties | right |", '|---|---:|---:|');
    for (const b of r.byConfidence)
      out.push(
        `| ${pct(b.from)} to ${b.to >= 1 ? '100%' : `under ${pct(b.to)}`} | ${b.ties.toLocaleString('en-GB')} | ${b.ties ? `${b.right.toLocaleString('en-GB')} (${pct(b.right / b.ties)})` : '–'} |`,
      );
  }
  out.push('', '| unicity of ' + (p.unicity[0]?.dataset ?? '') + ' traces | p = 1 | p = 2 | p = 4 | p = 10 |', '|---|---:|---:|---:|---:|');
  const byRes = new Map<string, Map<number, number>>();
  for (const u of p.unicity) {
    // The resolution the points were taken at (never finer than the dataset's own).
    const k = `${u.spatialM > 0 ? `${u.spatialM} m` : 'sensor'}, ${u.temporalS >= 3600 ? `${u.temporalS / 3600} h` : `${Math.round(u.temporalS / 60)} min`}`;
    const m = byRes.get(k) ?? new Map<number, number>();
    m.set(u.p, u.epsilon);
    byRes.set(k, m);
  }
  for (const [k, m] of byRes) out.push(`| ${k} | ${[1, 2, 4, 10].map((q) => pct(m.get(q) ?? 0)).join(' | ')} |`);
  const first = p.unicity.find((u) => u.p === 1);
  if (first && first.sampled < first.eligible)
    out.push(
      '',
      `Unicity is estimated from a random sample: ${first.sampled.toLocaleString('en-GB')} of ${first.eligible.toLocaleString('en-GB')} traces at p = 1 (${pct(first.sampled / first.eligible)}).`,
    );
  out.push('', '| sensitive site | visitors | attributed | precision | recall |', '|---|---:|---:|---:|---:|');
  for (const s of p.sensitiveSites)
    out.push(
      `| ${s.name}${s.watchedBy ? '' : ' (no camera at its door)'} | ${s.visitors} | ${s.attributed} | ${s.attributed ? pct(s.precision) : '–'} | ${pct(s.recall)} |`,
    );
  return out;
}
