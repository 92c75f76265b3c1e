/**
 * The privacy panel's question: what the attacker can learn from what it holds now — or from a
 * what-if set of datasets under what-if anonymisation — as aggregates (unicity, how many
 * residents are re-identified, exposure per sensitive site), plus the one illustrative trace of a
 * single synthetic resident's day. Runs on demand, never per frame.
 */
import type { Simulation, population } from '../sim';
import type { PrivacyFinal } from '../sim/analysis';

export interface PrivacyWhatIf {
  /** Datasets held, instead of what the attacker has taken in the run. */
  readonly holds?: readonly population.DatasetId[];
  readonly anonymisation?: Partial<Record<population.DatasetId, population.Anonymisation>>;
}

export type PrivacyView = Omit<PrivacyFinal, 'timingsMs'> & {
  /** Simulated time of the analysis (run time, s). */
  readonly tS: number;
  /** Days of records the systems held before the run began. */
  readonly historyDays: number;
  readonly computeMs: number;
};

/** Traces sampled per p in the panel: enough for a curve, quick enough to follow a slider. */
const PANEL_SAMPLES = 500;

export function privacyView(sim: Simulation, whatIf: PrivacyWhatIf | undefined, now: () => number): PrivacyView | null {
  if (!sim.population) return null;
  const t0 = now();
  const final = sim.finalPrivacy({
    samples: PANEL_SAMPLES,
    illustrate: true,
    ...(whatIf?.holds ? { holds: whatIf.holds } : {}),
    ...(whatIf?.anonymisation ? { anonymisation: whatIf.anonymisation } : {}),
  });
  if (!final) return null;
  const { timingsMs: _t, ...rest } = final;
  void _t;
  return { ...rest, tS: sim.nowMs / 1000, historyDays: sim.population.historyS / 86400, computeMs: Math.round(now() - t0) };
}
