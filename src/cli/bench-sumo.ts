/**
 * `npm run bench`, side by side with SUMO when it is installed: test/fixtures/sumo/make.sh makes
 * the grid, spider and random networks with a full hour of random trips and runs SUMO on each
 * (its own `--duration-log.statistics` "Duration" is its wall time without start-up); then the
 * twin runs the same network and trips (its wall time from the first step to the last arrival,
 * without loading, as `perf.wallS` of `twin run`). Reported per network: each one's simulated
 * seconds per wall second and their ratio, and the trip-by-trip comparison of the two tripinfos.
 * On a shared machine wall time is noisy, so SUMO and the twin run alternately, `runs` times each
 * per network, and the ratio is of the medians. SUMO steps 1 s (its default), the twin 0.5 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '../sim';
import { loadScenarioText } from '../scenario';
import { compareTripinfo, readTripinfo } from './tripinfo-compare';

const MAKE = fileURLToPath(new URL('../../test/fixtures/sumo/make.sh', import.meta.url));
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function sumoVersion(): string | null {
  try {
    return /Version ([\w.]+)/.exec(execFileSync('sumo', ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}

/** SUMO's figures from its console log: "Simulation ended at time: T", and under Performance "Duration: Xs". */
function sumoLog(text: string): { endS: number; durationS: number } | null {
  const end = /Simulation ended at time: ([\d.]+)/.exec(text);
  const dur = /Performance:\s*\n\s*Duration: ([\d.]+)s/.exec(text);
  return end && dur ? { endS: Number(end[1]), durationS: Number(dur[1]) } : null;
}

export function benchSumo(runs = 3): Record<string, unknown> {
  const version = sumoVersion();
  if (version === null) return { skipped: 'SUMO is not installed (apt-get install sumo sumo-tools)' };
  const dir = mkdtempSync(join(tmpdir(), 'twin-bench-sumo-'));
  try {
    execFileSync('bash', [MAKE, dir, '3600', '3600', '3600'], { stdio: 'ignore' });
    const out: Record<string, unknown> = { sumoVersion: version, setup: 'make.sh with a full hour of trips: grid every 0.4 s, spider 1.5 s, random 1.0 s' };
    for (const name of ['grid', 'spider', 'rand']) {
      const sumoRuns: { endS: number; durationS: number }[] = [];
      const twinWall: number[] = [];
      let sim: ReturnType<typeof createSimulation> | null = null;
      let error: string | null = null;
      for (let r = 0; r < runs && error === null; r++) {
        // SUMO on the same files (make.sh's run made the tripinfo), timed by its own Duration figure.
        const log = execFileSync('sumo', ['-n', `${name}.net.xml`, '-r', `${name}.trips.xml`, '--duration-log.statistics', '--no-step-log', '--seed', '42'], {
          cwd: dir,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          env: { ...process.env, SUMO_HOME: process.env.SUMO_HOME ?? '/usr/share/sumo' },
        });
        const s = sumoLog(log);
        if (!s) {
          error = `SUMO's log for ${name} has no Performance figures`;
          break;
        }
        sumoRuns.push(s);
        const scenario = {
          version: 1,
          meta: { id: `bench-sumo-${name}`, title: `SUMO ${name}` },
          seed: 1,
          duration: '4h',
          traffic: { sumo: { net: `${name}.net.xml`, routes: `${name}.trips.xml` } },
        };
        const loaded = loadScenarioText(JSON.stringify(scenario), { readFile: (p) => readFileSync(join(dir, p), 'utf8') });
        if (!loaded.ok) {
          error = loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
          break;
        }
        sim = createSimulation(loaded.input);
        const tr = sim.traffic!;
        const t0 = performance.now();
        while (tr.busy(sim.nowMs) && sim.nowMs < 4 * 3_600_000) sim.step(60_000);
        twinWall.push((performance.now() - t0) / 1000);
      }
      if (error !== null || !sim) {
        out[name] = { error };
        continue;
      }
      const t = sim.traffic!;
      const s = sumoRuns[0]!;
      const sumoDur = median(sumoRuns.map((x) => x.durationS));
      const wallS = median(twinWall);
      const twinRate = sim.nowMs / 1000 / wallS;
      const sumoRate = s.endS / sumoDur;
      const c = compareTripinfo(readTripinfo(readFileSync(join(dir, `${name}.tripinfo.xml`), 'utf8')), readTripinfo(t.tripinfoXml()!));
      out[name] = {
        sumo: { simulatedS: s.endS, durationS: { median: sumoDur, runs: sumoRuns.map((x) => x.durationS) }, simulatedSPerWallS: round(sumoRate, 1) },
        twin: {
          simulatedS: sim.nowMs / 1000,
          wallS: { median: round(wallS, 3), runs: twinWall.map((x) => round(x, 3)) },
          simulatedSPerWallS: round(twinRate, 1),
          vehiclesStuckMax: t.model.maxStuck,
        },
        speedRatio: { value: round(twinRate / sumoRate, 1), target: '≥ 10' },
        trips: c,
      };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
