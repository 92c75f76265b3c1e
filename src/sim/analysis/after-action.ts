/**
 * The after-action report's data: what happened (injects, decisions and what each one caused,
 * notes), how the city fared (KPI series and peaks, the causal chains of the main effects, data
 * exposed), and how players did against the expected actions. Renderers turn it into HTML,
 * Markdown or JSON; the browser and `twin report` build the same report from the same session.
 */
import { describeEvent, formatClock, type SimEvent } from '../core';
import type { Evaluation } from '../exercise';
import { buildReport, namer, type ReportSource, type RunReport } from './report';

export interface AfterActionSource extends ReportSource {
  evaluate(): Evaluation;
}

export interface AfterActionMeta {
  readonly summary: string;
  readonly objectives: readonly string[];
  readonly audience: readonly string[];
}

export interface TimelineEntry {
  readonly tS: number;
  readonly clock: string;
  readonly kind: 'inject' | 'decision' | 'decision-expired' | 'pressure' | 'note' | 'evaluation' | 'command' | 'held' | 'skipped';
  readonly title: string;
  readonly detail: string;
  /** For decisions and injects: how many events followed from it, and the first few status changes it caused. */
  readonly caused: number;
  readonly effects: readonly string[];
}

export interface AfterActionReport {
  readonly title: string;
  readonly meta: AfterActionMeta;
  readonly run: Pick<RunReport, 'scenario' | 'seed' | 'untilS' | 'hash' | 'kpis' | 'effects'>;
  /** Per KPI: its peak and last value; null when it never had anything to measure. */
  readonly kpiPeaks: readonly { id: string; label: string; unit: string; peak: number | null; peakAtS: number; end: number | null }[];
  readonly timeline: readonly TimelineEntry[];
  readonly evaluation: Evaluation;
  /** Data the attacker obtained, when the scenario models it (exfiltration or disclosure events). */
  readonly dataExposed: readonly { tS: number; text: string }[];
  readonly finalState: Record<string, unknown>;
}

/** Events descending from `root` through causes (its consequences), in log order. */
function descendants(events: readonly SimEvent[], root: string): SimEvent[] {
  const reached = new Set([root]);
  const out: SimEvent[] = [];
  for (const e of events) {
    if (e.causes.some((c) => reached.has(c))) {
      reached.add(e.id);
      out.push(e);
    }
  }
  return out;
}

export function buildAfterAction(sim: AfterActionSource, meta: AfterActionMeta): AfterActionReport {
  const run = buildReport(sim, 0);
  const name = namer(sim.input);
  const timeline: TimelineEntry[] = [];
  const entry = (e: SimEvent, kind: TimelineEntry['kind'], title: string, detail: string, withEffects: boolean) => {
    const after = withEffects ? descendants(sim.events, e.id) : [];
    const effects = after
      .filter((x) => x.type === 'asset.status.changed')
      .slice(0, 6)
      .map((x) => `${formatClock(x.tMs)} ${describeEvent(x, name)}`);
    timeline.push({ tS: e.tMs / 1000, clock: formatClock(e.tMs), kind, title, detail, caused: after.length, effects });
  };
  for (const e of sim.events) {
    switch (e.type) {
      case 'inject.applied': {
        const spec = sim.input.injects.find((i) => i.id === e.data.inject);
        entry(
          e,
          'inject',
          e.data.title,
          [e.data.attack ? `ATT&CK ${e.data.attack}` : '', e.data.early ? 'fired early by the facilitator' : '', spec?.description ?? '']
            .filter(Boolean)
            .join(' · '),
          true,
        );
        break;
      }
      case 'inject.held':
        entry(e, 'held', e.data.title, 'held by the facilitator', false);
        break;
      case 'inject.skipped':
        entry(e, 'skipped', e.data.title, 'skipped by the facilitator', false);
        break;
      case 'inject.pressure':
        entry(e, 'pressure', e.data.title, e.data.text, false);
        break;
      case 'decision.taken':
        entry(
          e,
          'decision',
          e.data.label,
          [e.data.by && `decided by ${e.data.by}`, e.data.rationale && `rationale: ${e.data.rationale}`, e.data.late ? 'after its time budget' : '']
            .filter(Boolean)
            .join(' · '),
          true,
        );
        break;
      case 'decision.expired':
        entry(e, 'decision-expired', e.data.title, 'no decision within the time budget', false);
        break;
      case 'note.added':
        entry(
          e,
          e.data.kind === 'evaluation' ? 'evaluation' : 'note',
          e.data.text,
          [e.data.author, e.data.expected && `expected action ${e.data.expected}: ${e.data.met ? 'met' : 'not met'}`].filter(Boolean).join(' · '),
          false,
        );
        break;
      case 'command.applied':
        if (e.data.actor === 'operator') entry(e, 'command', e.data.command, 'operator action', true);
        break;
      default:
        break;
    }
  }
  const kpiPeaks = Object.entries(run.kpis).map(([id, k]) => {
    let peak: [number, number] | null = null;
    for (const p of k.series) if (peak === null || p[1] > peak[1]) peak = p;
    return { id, label: k.label, unit: k.unit, peak: peak?.[1] ?? null, peakAtS: peak?.[0] ?? 0, end: k.series[k.series.length - 1]?.[1] ?? null };
  });
  const dataExposed = sim.events
    .filter((e) => (e.type as string).startsWith('data.') || (e.type as string).startsWith('privacy.'))
    .map((e) => ({ tS: e.tMs / 1000, text: describeEvent(e, name) }));
  const { assets: _assets, ...finalState } = run.final;
  return {
    title: run.scenario.title,
    meta,
    run: { scenario: run.scenario, seed: run.seed, untilS: run.untilS, hash: run.hash, kpis: run.kpis, effects: run.effects },
    kpiPeaks,
    timeline,
    evaluation: sim.evaluate(),
    dataExposed,
    finalState,
  };
}
