/**
 * Water figures for `npm run bench`: C-Town (assets/water/ctown) run for 24 hours of extended-period
 * simulation inside the twin — the shipped scenario's PLCs, patterns and initial levels, no
 * attacks — against the same file run by epanet-js alone. Two bare runs are timed: EPANET's
 * loop on its own (the file's controls in EPANET, nothing read), and the same loop reading what
 * the twin reads every step (tanks, pumps, valves, PLC sensors). The targets (2 s for the
 * twin, 1.3× the bare run) are printed beside the measurements. The engine must be loaded first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation, HOUR, water, type SimInput } from '../sim';
import { loadScenarioText } from '../scenario';
import { round as roundTo, timeRuns } from './bench-timing';

const SCENARIO = fileURLToPath(new URL('../../scenarios/ctown-cyberattacks.json', import.meta.url));
const CTOWN = fileURLToPath(new URL('../../assets/water/ctown/ctown_map.inp', import.meta.url));

const round = (x: number, digits = 1) => roundTo(x, digits);
/** Timings after one warm-up call (JIT and the WASM heap), to 0.1 ms. */
const median = (runs: number, f: () => void) => timeRuns(f, runs, 1, 1);

interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/** Runs each variant `runs` times in turn (after one warm-up round); their timings in that order. */
function interleaved(runs: number, fs: readonly (() => void)[]): Timing[] {
  for (const f of fs) f();
  const ts = fs.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fs.forEach((f, j) => {
      const t0 = performance.now();
      f();
      ts[j]!.push(performance.now() - t0);
    });
  }
  return ts.map((t) => {
    t.sort((a, b) => a - b);
    return { medianMs: round(t[Math.floor(t.length / 2)]!), minMs: round(t[0]!), runs };
  });
}

/** A pump or valve switched by a PLC in the twin, to replay in the bare run. */
interface Switch {
  readonly tS: number;
  readonly link: string;
  readonly open: boolean;
}

/**
 * epanet-js alone over 24 h. With `read`, it also reads what the twin reads each step (every
 * node's head and demand, every link's flow and status, in bulk). With `replay`, the file's
 * controls on PLC-driven links are switched off and the twin's PLC decisions are applied at the
 * same times instead: the same hydraulic run, without the city around it.
 */
function bare(engine: water.WaterEngine, input: NonNullable<SimInput['water']>, read: boolean, replay: readonly Switch[] | null = null): number {
  const { lib, workspace } = engine;
  const p = new lib.Project(workspace);
  (p as unknown as { _checkError: (c: number) => void })._checkError = () => undefined; // warnings off, as in the twin
  workspace.writeFile('bench-ctown.inp', input.inp);
  p.open('bench-ctown.inp', 'bench-ctown.rpt', '');
  if (input.pda) p.setDemandModel(lib.DemandModel.PDA, input.pda.minM, input.pda.requiredM, input.pda.exponent);
  for (const pat of input.patterns) p.setPattern(p.getPatternIndex(pat.id), [...pat.values]);
  for (const t of input.initialLevels) p.setNodeValue(p.getNodeIndex(t.node), lib.NodeProperty.TankLevel, t.levelM);
  const driven = new Set(input.plcs.flatMap((c) => c.actuators).map((a) => p.getLinkIndex(a)));
  if (replay) for (let c = 1; c <= p.getCount(lib.CountType.ControlCount); c++) if (driven.has(p.getControl(c).linkIndex)) p.setControlEnabled(c, 0);
  const queue = replay ? [...replay] : [];
  p.openH();
  p.initH(lib.InitHydOption.NoSave);
  let steps = 0;
  let sink = 0;
  for (;;) {
    const t = p.runH();
    steps++;
    if (read) {
      for (const prop of [lib.NodeProperty.Head, lib.NodeProperty.Demand, lib.NodeProperty.DemandDeficit]) sink += p.getNodeValues(prop)[0]!;
      for (const prop of [lib.LinkProperty.Flow, lib.LinkProperty.Status]) sink += p.getLinkValues(prop)[0]!;
    }
    while (queue.length > 0 && queue[0]!.tS <= t) {
      const s = queue.shift()!;
      p.setLinkValue(p.getLinkIndex(s.link), lib.LinkProperty.Status, s.open ? 1 : 0);
    }
    if (t >= 24 * 3600) break;
    if (p.nextH() <= 0) break;
  }
  p.closeH();
  p.close();
  return steps + (sink > Infinity ? 1 : 0);
}

export function benchWater(): Record<string, unknown> {
  const engine = water.loadedWaterEngine();
  if (!engine) return { skipped: 'the EPANET engine is not loaded' };
  if (!existsSync(CTOWN)) return { skipped: `${CTOWN} is absent (C-Town lives in assets/water/ctown)` };
  const r = loadScenarioText(readFileSync(SCENARIO, 'utf8'), {
    readFile: (rel) => {
      try {
        return readFileSync(new URL(rel, `file://${dirname(SCENARIO)}/`), 'utf8');
      } catch {
        return null;
      }
    },
  });
  if (!r.ok || !r.input.water) return { skipped: 'the C-Town scenario does not load' };
  const input: SimInput = { ...r.input, injects: [], durationMs: 24 * HOUR };
  let steps = 0;
  let events = 0;
  let switches: Switch[] = [];
  const runTwin = () => {
    const sim = createSimulation(input);
    sim.runUntil(24 * HOUR);
    events = sim.events.length;
    switches = sim.events.flatMap((e) => (e.type === 'water.link.commanded' ? [{ tS: Math.floor(e.tMs / 1000), link: e.data.link, open: e.data.open }] : []));
  };
  // Interleaved, so a machine busy with something else slows every variant alike; the ratio of
  // the fastest runs is the least disturbed figure.
  const [twin, sameRun, bareLoop, bareReading] = interleaved(7, [
    runTwin,
    () => void bare(engine, r.input.water!, false, switches),
    () => void (steps = bare(engine, r.input.water!, false)),
    () => void bare(engine, r.input.water!, true),
  ]) as [Timing, Timing, Timing, Timing];
  const open = median(5, () => {
    const m = water.WaterModel.open(engine, r.input.water!.inp, { pda: r.input.water!.pda, hydStepS: null, durationS: 86_400, quality: null });
    if (m.ok) m.model.close();
  });
  return {
    ctown24h: {
      what: 'C-Town, 24 h extended period, PDA, 9 PLCs driving 11 pumps and V2 (twin, including createSimulation), against epanet-js alone on the same file and options (including open): with its own controls (bareEpanetMs, and reading every result each step), and replaying the PLC decisions the twin made (bareEpanetSameRunMs: the same run; overhead is measured against it)',
      hydraulicSteps: steps,
      events,
      twinMs: twin,
      bareEpanetMs: bareLoop,
      bareEpanetReadingMs: bareReading,
      bareEpanetSameRunMs: sameRun,
      overhead: round(twin.minMs / sameRun.minMs, 2),
      overheadMedian: round(twin.medianMs / sameRun.medianMs, 2),
      overheadVsFileControls: round(twin.minMs / bareLoop.minMs, 2),
      overheadVsBareReading: round(twin.minMs / bareReading.minMs, 2),
      openMs: open,
      target: { twinMs: 2000, overhead: 1.3 },
    },
  };
}
