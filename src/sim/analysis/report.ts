/**
 * The data of a run report: scenario, seed, hash, KPI series, the event log, final state per
 * subsystem, and the causal chains of the largest effects. The CLI renders it as JSON or Markdown;
 * the UI and the after-action report read the same data.
 */
import { describeEvent, type SimEvent, SUBSYSTEMS, type CityInput, type World, type EventId, type CausalChain, type LoggedCommand } from '../core';
import type { KpiDef } from './kpis';
import type { Evaluation } from '../exercise';

export interface ReportSource {
  readonly input: CityInput;
  /** Each subsystem's section of the report, by name (the cyber layer's: comms, cctv and the data taken). */
  finals(): Record<string, unknown>;
  finalPrivacy?(): import('./privacy').PrivacyFinal | null;
  readonly seed: number;
  readonly nowMs: number;
  readonly events: readonly SimEvent[];
  readonly commandLog: readonly LoggedCommand[];
  readonly kpiDefs: readonly KpiDef[];
  readonly kpiSeries: Readonly<Record<string, readonly [number, number][]>>;
  readonly world: World;
  explain(id: EventId | string): CausalChain;
  hash(): string;
  /** Expected actions met and missed (exercise scenarios). */
  evaluate?(): Evaluation;
}

/** A decision point as the run went: when it opened, and what was chosen, by whom and why, or that time ran out. */
export interface ReportDecision {
  id: string;
  title: string;
  openedS: number;
  outcome: 'taken' | 'expired' | 'open';
  atS: number | null;
  option: string | null;
  by: string | null;
  rationale: string | null;
  late: boolean;
}

export interface SubsystemSummary {
  assets: number;
  ok: number;
  degraded: number;
  down: number;
  compromised: number;
}

export interface RunReport {
  scenario: { id: string; title: string };
  seed: number;
  untilS: number;
  hash: string;
  kpis: Record<string, { label: string; unit: string; series: [number, number][] }>;
  events: { id: string; tS: number; type: string; source: string | null; causes: string[]; data: unknown }[];
  commands: { tS: number; command: unknown }[];
  final: Record<string, unknown> & { assets: { id: string; kind: string; subsystem: string; vendor: string | null; status: string; compromised: boolean }[] };
  effects: { asset: string; name: string; tS: number; status: string; chain: { id: string; tS: number; text: string }[] }[];
  decisions: ReportDecision[];
  evaluation: Evaluation | null;
  perf: { wallS: number; simS: number; vehicleUpdatesPerS?: number };
}

/** A name lookup covering assets and vendors, for plain-language event text. */
export function namer(input: CityInput): (id: string) => string {
  const names = new Map<string, string>();
  for (const a of input.assets) names.set(a.id, a.name);
  for (const v of input.vendors) names.set(v.id, v.name);
  return (id) => names.get(id) ?? id;
}

export function buildReport(sim: ReportSource, wallS: number, maxEffects = 5): RunReport {
  const name = namer(sim.input);
  const statusName = ['ok', 'degraded', 'down'];
  const w = sim.world;
  const assets = w.assets.map((a, i) => ({
    id: a.id as string,
    kind: a.kind,
    subsystem: a.subsystem as string,
    vendor: a.vendor as string | null,
    status: statusName[w.status[i]!]!,
    compromised: w.compromise[i] !== null,
  }));
  const final: RunReport['final'] = { assets };
  for (const s of SUBSYSTEMS) {
    const mine = assets.filter((a) => a.subsystem === s);
    const sum: SubsystemSummary = { assets: mine.length, ok: 0, degraded: 0, down: 0, compromised: 0 };
    for (const a of mine) {
      sum[a.status as 'ok' | 'degraded' | 'down']++;
      if (a.compromised) sum.compromised++;
    }
    final[s] = sum;
  }
  // Each subsystem's report section joins its asset summary; the cyber layer's splits into comms, CCTV and the data taken.
  for (const [name, section] of Object.entries(sim.finals())) {
    if (name === 'cyber') {
      const cyber = section as { comms: Record<string, unknown>; cctv: Record<string, unknown>; data: unknown };
      final.comms = { ...(final.comms as SubsystemSummary), ...cyber.comms };
      final.cctv = { ...(final.cctv as SubsystemSummary), ...cyber.cctv };
      final.data = cyber.data;
    } else final[name] = { ...(final[name] as SubsystemSummary | undefined), ...(section as object) };
  }
  const traffic = final.traffic as { vehicleUpdates?: number } | undefined;
  const privacy = sim.finalPrivacy?.() ?? null;
  if (privacy) final.privacy = privacy;
  const kpis: RunReport['kpis'] = {};
  for (const d of sim.kpiDefs) kpis[d.id] = { label: d.label, unit: d.unit, series: (sim.kpiSeries[d.id] ?? []).map(([t, v]) => [t, v]) };

  // Largest effects: the first time each critical asset (else any plant) went down, earliest first.
  const firstDown = new Map<string, SimEvent>();
  for (const e of sim.events) {
    if (e.type === 'asset.status.changed' && e.data.to === 'down' && e.source && !firstDown.has(e.source)) firstDown.set(e.source, e);
  }
  // Critical sites first, then the longest cascades (the effects furthest from their cause), then time.
  const chains = new Map([...firstDown.values()].map((e) => [e.id as string, sim.explain(e.id).chain]));
  const ranked = [...firstDown.values()].sort((a, b) => {
    const ca = w.get(a.source!).critical ? 0 : 1;
    const cb = w.get(b.source!).critical ? 0 : 1;
    return ca - cb || chains.get(b.id)!.length - chains.get(a.id)!.length || a.tMs - b.tMs;
  });
  const effects = ranked
    .slice(0, maxEffects)
    .map((e) => ({
      asset: e.source as string,
      name: name(e.source!),
      tS: e.tMs / 1000,
      status: 'down',
      chain: chains.get(e.id)!.map((c) => ({ id: c.id as string, tS: c.tMs / 1000, text: describeEvent(c, name) })),
    }));

  const decisions: ReportDecision[] = [];
  for (const e of sim.events) {
    if (e.type === 'decision.opened')
      decisions.push({
        id: e.data.decision,
        title: e.data.title,
        openedS: e.tMs / 1000,
        outcome: 'open',
        atS: null,
        option: null,
        by: null,
        rationale: null,
        late: false,
      });
    if (e.type !== 'decision.taken' && e.type !== 'decision.expired') continue;
    const d = [...decisions].reverse().find((x) => x.id === e.data.decision && x.outcome === 'open');
    if (!d) continue;
    d.atS = e.tMs / 1000;
    if (e.type === 'decision.expired') d.outcome = 'expired';
    else if (e.type === 'decision.taken')
      Object.assign(d, { outcome: 'taken', option: e.data.label, by: e.data.by || null, rationale: e.data.rationale || null, late: e.data.late });
  }

  return {
    scenario: { id: sim.input.id, title: sim.input.title },
    seed: sim.seed,
    untilS: sim.nowMs / 1000,
    hash: sim.hash(),
    kpis,
    events: sim.events.map((e) => ({ id: e.id, tS: e.tMs / 1000, type: e.type, source: e.source, causes: [...e.causes], data: e.data })),
    commands: sim.commandLog.map((c) => ({ tS: c.tMs / 1000, command: c.command })),
    final,
    effects,
    decisions,
    evaluation: sim.evaluate?.() ?? null,
    perf: {
      wallS: Math.round(wallS * 1e4) / 1e4,
      simS: sim.nowMs / 1000,
      ...(traffic && typeof traffic.vehicleUpdates === 'number' ? { vehicleUpdatesPerS: wallS > 0 ? Math.round(traffic.vehicleUpdates / wallS) : 0 } : {}),
    },
  };
}
