/**
 * `npm run bench`: speed and memory figures as JSON. Speed is measured here and never asserted in
 * tests. Each figure names what it measures; later subsystems add theirs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimulation, HOUR, MINUTE, type SimInput } from '../sim';
import { benchPower } from './bench-power';
import { benchComms } from './bench-comms';
import { benchTraffic } from './bench-traffic';
import { benchSumo } from './bench-sumo';
import { benchWater } from './bench-water';
import { benchPopulation } from './bench-population';
import { loadScenarioText } from '../scenario';
import { parseArgs } from './args';
import { checkOutput, writeOutput } from './files';
import { benchSweep } from './bench-sweep';
import { benchBrowser } from './bench-browser';

const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { options } = parseArgs(argv, ['out'], ['no-sweep', 'no-browser']);
  if (options.out) checkOutput(options.out);
  const text = readFileSync(DEFAULT_SCENARIO, 'utf8');
  const rssBefore = process.memoryUsage().rss;

  // Load and generate the default city (parse, validate, generate, compile), several times.
  const loadMs: number[] = [];
  let input = null as ReturnType<typeof loadScenarioText> | null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    input = loadScenarioText(text);
    loadMs.push(performance.now() - t0);
  }
  if (!input || !input.ok) {
    err('bench: the default scenario does not load');
    return 1;
  }
  const heapAfterLoad = process.memoryUsage().heapUsed;

  // Ticks per second over the whole default scenario (6 h, with its injects and cascades).
  const tickRuns: number[] = [];
  let ticks = 0;
  let events = 0;
  for (let i = 0; i < 5; i++) {
    const sim = createSimulation(input.input);
    const t0 = performance.now();
    sim.runUntil(input.input.durationMs);
    const dt = (performance.now() - t0) / 1000;
    ticks = sim.nowMs / 500;
    events = sim.events.length;
    tickRuns.push(ticks / dt);
  }
  // A quiet city (no injects) for the cost of a tick with nothing happening.
  const quiet = createSimulation({ ...input.input, injects: [] });
  const tq = performance.now();
  quiet.runUntil(24 * HOUR);
  const quietTicksPerS = quiet.nowMs / 500 / ((performance.now() - tq) / 1000);

  const cascade = cityCascade(input.input);
  const powerFigures = benchPower();
  const trafficFigures = { ...benchTraffic(), sumo: benchSumo() };
  const waterFigures = benchWater();
  const populationFigures = benchPopulation();

  const mem = process.memoryUsage();
  const figures = {
    node: process.version,
    defaultScenario: {
      buildings: input.input.city.buildings.count,
      assets: input.input.assets.length,
      dependencies: input.input.edges.length,
      loadAndGenerateMs: { median: round(median(loadMs)), min: round(Math.min(...loadMs)) },
      ticksPerSecond: { median: Math.round(median(tickRuns)), runs: tickRuns.map(Math.round) },
      simulatedHours: input.input.durationMs / HOUR,
      events,
      ticks,
      quietTicksPerSecond: Math.round(quietTicksPerS),
    },
    cityGridCascade: cascade,
    power: powerFigures,
    comms: benchComms(),
    traffic: trafficFigures,
    water: waterFigures,
    population: populationFigures,
    // Threads and a queue are measured last, apart from the single-threaded figures above.
    sweep: options['no-sweep'] ? 'skipped (--no-sweep)' : await benchSweep(err),
    // The app in headless Chromium: first load split and frame time (builds the app; needs Chromium).
    browser: options['no-browser'] ? 'skipped (--no-browser)' : await benchBrowser(err),
    memory: {
      heapUsedAfterLoadMB: round(heapAfterLoad / 2 ** 20),
      rssBeforeMB: round(rssBefore / 2 ** 20),
      peakRssMB: round(Math.max(mem.rss, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    },
  };
  const json = JSON.stringify(figures, null, 2);
  if (options.out) writeOutput(options.out, `${json}\n`);
  out(json);
  return 0;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The wall time the simulation spends on the default scenario's grid cascade: the tick that
 * applies the breaker-open inject plus every tick in which a protection trip re-solves the grid,
 * until the grid is stable (median of several runs).
 */
function cityCascade(input: SimInput): Record<string, unknown> {
  const inject = input.injects.find((i) => i.id === 'vendor-compromise');
  if (!inject || inject.atMs === null || !input.power) return { skipped: 'the default scenario has no timed grid attack' };
  const runs: number[] = [];
  let trips = 0;
  let solvesTicks = 0;
  for (let r = 0; r < 7; r++) {
    const sim = createSimulation(input);
    sim.runUntil(inject.atMs - 500);
    let busy = 0;
    let ticks = 0;
    const end = inject.atMs + 30 * MINUTE;
    while (sim.nowMs < end) {
      const before = sim.events.length;
      const t0 = performance.now();
      sim.step(500);
      const dt = performance.now() - t0;
      if (sim.events.slice(before).some((e) => e.type.startsWith('power.'))) {
        busy += dt;
        ticks++;
      }
    }
    trips = sim.events.filter((e) => e.type === 'power.branch.tripped').length;
    solvesTicks = ticks;
    runs.push(busy);
  }
  return { settleMs: { median: round(median(runs)), min: round(Math.min(...runs)) }, ticksWithGridChanges: solvesTicks, trips, target: '≤ 20 ms' };
}
