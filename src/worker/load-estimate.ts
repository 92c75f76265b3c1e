/**
 * A rough cost of building and running a scenario, read from its raw JSON before anything is
 * built, so an imported heavy scenario (50,000 buildings, a million residents with a month of
 * history, a run of weeks) is announced and confirmed instead of freezing the tab. The figures
 * are fitted to measured loads of the default city and variants of it in Node on a two-core
 * machine (see the constants); a browser is about as fast. They are estimates to warn by, not
 * promises.
 */
import { parseDuration } from '../sim';

export interface LoadEstimate {
  readonly buildings: number;
  readonly residents: number;
  /** Days the population is simulated through before the run (population.history). */
  readonly historyDays: number;
  readonly durationMs: number;
  /** How far the session replays after the build. */
  readonly untilMs: number;
  /** Seconds to build the city (generation, then the residents through their history). */
  readonly buildS: number;
  /** Seconds to replay to untilMs. */
  readonly replayS: number;
  /** Seconds to run the whole scenario from start to end. */
  readonly fullRunS: number;
  /** Memory the run holds, in MB. */
  readonly memoryMB: number;
  /** Worth a warning before loading. */
  readonly heavy: boolean;
}

/** The default city's ground (4.8 × 4.0 km): larger grounds carry more roads, pipes and traffic. */
const DEFAULT_AREA_M2 = 4800 * 4000;
/** Measured: 20,000 residents × 7 days' history build in 1.8 s, × 3 in 5.8 s (about 15 µs a resident-day). */
const S_PER_RESIDENT_DAY = 15e-6;
/** Measured: 24,000 buildings add 1.7 s on the default ground and 7.9 s on four times its area. */
const S_PER_BUILDING = 0.1e-3;
/** Measured: an hour of the default city runs in 1.2 s; 60,000 residents 2.2 s; 24,000 buildings on 4× the ground 6.9 s. */
const RUN_S_PER_HOUR = 0.5;
const RUN_S_PER_RESIDENT_HOUR = 0.02e-3;
const RUN_S_PER_BUILDING_HOUR = 0.06e-3;
/** Measured: the default city holds about 100 MB; 280,000 more resident-days add about 90 MB. */
const BASE_MB = 60;
const MB_PER_RESIDENT_DAY = 0.33e-3;
const MB_PER_BUILDING = 2e-3;

/** Past any of these, the page asks before loading. */
export const HEAVY = { loadS: 30, memoryMB: 1500, fullRunS: 15 * 60 } as const;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);
const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** Reads the scenario's size from its JSON text (defaults as the loader applies them); null if it is not JSON. */
export function estimateLoad(scenarioText: string, untilMs: number): LoadEstimate | null {
  let s: Record<string, unknown> | null;
  try {
    s = obj(JSON.parse(scenarioText));
  } catch {
    return null;
  }
  if (!s) return null;
  const city = obj(s.city);
  const gen = obj(city?.generator);
  const size = Array.isArray(gen?.sizeM) ? gen!.sizeM : [4800, 4000];
  const area = num(size[0], 4800) * num(size[1], 4000);
  // An OpenStreetMap city's size is known only once its file is read: count it as the default's.
  const buildings = gen ? num(gen.buildings, 8000) : city ? 8000 : 0;
  const cityPopulation = gen ? num(gen.population, 100_000) : 0;
  const pop = obj(s.population);
  const residents = pop ? num(pop.residents, cityPopulation) : 0;
  const historyMs = pop && typeof pop.history === 'string' ? (parseDuration(pop.history) ?? 0) : 0;
  const historyDays = Math.round(historyMs / 86_400_000);
  const durationMs = typeof s.duration === 'string' ? (parseDuration(s.duration) ?? 6 * 3_600_000) : 6 * 3_600_000;
  const areaFactor = Math.max(1, area / DEFAULT_AREA_M2);
  const residentDays = residents * historyDays;
  const buildS = residentDays * S_PER_RESIDENT_DAY + buildings * S_PER_BUILDING * areaFactor;
  const perHourS = RUN_S_PER_HOUR + residents * RUN_S_PER_RESIDENT_HOUR + buildings * RUN_S_PER_BUILDING_HOUR * areaFactor;
  const replayS = (Math.min(untilMs, durationMs) / 3_600_000) * perHourS;
  const fullRunS = (durationMs / 3_600_000) * perHourS;
  const memoryMB = BASE_MB + residentDays * MB_PER_RESIDENT_DAY + buildings * MB_PER_BUILDING * areaFactor;
  const heavy = buildS + replayS > HEAVY.loadS || memoryMB > HEAVY.memoryMB || fullRunS > HEAVY.fullRunS;
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    buildings,
    residents,
    historyDays,
    durationMs,
    untilMs,
    buildS: r(buildS),
    replayS: r(replayS),
    fullRunS: r(fullRunS),
    memoryMB: Math.round(memoryMB),
    heavy,
  };
}

/** "50,000 buildings, 1,000,000 residents with 30 days' history, a 2-day run: about 7 min to build, …" */
export function describeEstimate(e: LoadEstimate): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const t = (sec: number) => (sec < 90 ? `${Math.max(1, Math.round(sec))} s` : sec < 5400 ? `${Math.round(sec / 60)} min` : `${Math.round(sec / 360) / 10} h`);
  const days = (ms: number) => (ms >= 86_400_000 ? `${Math.round(ms / 8_640_000) / 10}-day` : `${Math.round(ms / 360_000) / 10}-hour`);
  const who = e.residents > 0 ? `, ${n(e.residents)} residents${e.historyDays > 0 ? ` with ${e.historyDays} days' history` : ''}` : '';
  return (
    `${n(e.buildings)} buildings${who}, a ${days(e.durationMs)} run: about ${t(e.buildS)} to build` +
    `${e.replayS >= 1 ? `, ${t(e.replayS)} to replay to where the session got` : ''}, ${t(e.fullRunS)} to run to the end, and ${n(e.memoryMB)} MB of memory`
  );
}
