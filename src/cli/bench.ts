/**
 * `npm run bench`: speed and memory figures as JSON. Speed is measured here and never asserted in
 * tests. Each figure names what it measures; later subsystems add theirs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSimulation, HOUR } from '../sim';
import { loadScenarioText } from '../scenario';
import { parseArgs } from './args';

const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function benchCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const { options } = parseArgs(argv, ['out']);
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
    memory: {
      heapUsedAfterLoadMB: round(heapAfterLoad / 2 ** 20),
      rssBeforeMB: round(rssBefore / 2 ** 20),
      peakRssMB: round(Math.max(mem.rss, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    },
  };
  const json = JSON.stringify(figures, null, 2);
  if (options.out) writeFileSync(options.out, `${json}\n`);
  out(json);
  return 0;
}

const round = (x: number) => Math.round(x * 100) / 100;
