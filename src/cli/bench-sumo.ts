/**
 * `npm run bench`, side by side with SUMO when it is installed: test/fixtures/sumo/make.sh makes
 * the grid, spider and random networks with a full hour of random trips and runs SUMO on each
 * (its own `--duration-log.statistics` "Duration" is its wall time without start-up); then the
 * twin runs the same network and trips (its wall time from the first step to the last arrival,
 * without loading, as `perf.wallS` of `twin run`). Reported per network: each one's simulated
 * seconds per wall second and their ratio, and the trip-by-trip comparison of the two tripinfos.
 * SUMO steps 1 s (its default), the twin 0.5 s.
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

export function benchSumo(): Record<string, unknown> {
  const version = sumoVersion();
  if (version === null) return { skipped: 'SUMO is not installed (apt-get install sumo sumo-tools)' };
  const dir = mkdtempSync(join(tmpdir(), 'twin-bench-sumo-'));
  try {
    execFileSync('bash', [MAKE, dir, '3600', '3600', '3600'], { stdio: 'ignore' });
    const out: Record<string, unknown> = { sumoVersion: version, setup: 'make.sh with a full hour of trips: grid every 0.4 s, spider 1.5 s, random 1.0 s' };
    for (const name of ['grid', 'spider', 'rand']) {
      const s = sumoLog(readFileSync(join(dir, `${name}.sumo.log`), 'utf8'));
      if (!s) {
        out[name] = { error: `SUMO's log for ${name} has no Performance figures` };
        continue;
      }
      const scenario = {
        version: 1,
        meta: { id: `bench-sumo-${name}`, title: `SUMO ${name}` },
        seed: 1,
        duration: '4h',
        traffic: { sumo: { net: `${name}.net.xml`, routes: `${name}.trips.xml` } },
      };
      const loaded = loadScenarioText(JSON.stringify(scenario), { readFile: (p) => readFileSync(join(dir, p), 'utf8') });
      if (!loaded.ok) {
        out[name] = { error: loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
        continue;
      }
      const sim = createSimulation(loaded.input);
      const t = sim.traffic!;
      const t0 = performance.now();
      while (t.busy(sim.nowMs) && sim.nowMs < 4 * 3_600_000) sim.step(60_000);
      const wallS = (performance.now() - t0) / 1000;
      const twinRate = sim.nowMs / 1000 / wallS;
      const sumoRate = s.endS / s.durationS;
      const c = compareTripinfo(readTripinfo(readFileSync(join(dir, `${name}.tripinfo.xml`), 'utf8')), readTripinfo(t.tripinfoXml()!));
      out[name] = {
        sumo: { simulatedS: s.endS, durationS: s.durationS, simulatedSPerWallS: round(sumoRate, 1) },
        twin: { simulatedS: sim.nowMs / 1000, wallS: round(wallS, 3), simulatedSPerWallS: round(twinRate, 1), vehiclesStuckMax: t.model.maxStuck },
        speedRatio: { value: round(twinRate / sumoRate, 1), target: '≥ 10' },
        trips: c,
      };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
