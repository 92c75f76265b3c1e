/**
 * Traffic figures for `npm run bench`:
 * - the benchmark grid (10 × 10 junctions, 200 m blocks, 2 lanes, signals; one random trip every
 *   0.4 s for an hour, as SUMO's randomTrips.py), run headless through the whole simulation until
 *   every trip has arrived: vehicle-updates per second of wall time, trips, mean trip duration.
 *   For scale, SUMO 1.15 does about 85,000 vehicle-updates/s on this machine on the same setup.
 * - one 0.5 s step with 50,000 vehicles on the road at once (a 40 × 40 grid), in ms.
 * Wall-clock figures on a shared machine are noisy: each is the median of several runs.
 */
import { createSimulation, Rng, traffic } from '../sim';
import { loadScenarioText } from '../scenario';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export const GRID_SCENARIO = {
  version: 1,
  meta: { id: 'traffic-grid-bench', title: 'Traffic benchmark grid' },
  seed: 1,
  duration: '2h',
  traffic: { grid: { rows: 10, cols: 10, blockLengthM: 200, lanes: 2, signals: true }, demand: { randomTrips: { periodS: 0.4, untilS: 3600 } } },
};

export function benchTraffic(runs = 3): Record<string, unknown> {
  const loaded = loadScenarioText(JSON.stringify(GRID_SCENARIO));
  if (!loaded.ok) return { error: 'the benchmark grid scenario does not load' };
  const perS: number[] = [];
  let last: Record<string, unknown> = {};
  for (let r = 0; r < runs; r++) {
    const sim = createSimulation(loaded.input);
    const t = sim.traffic!;
    const t0 = performance.now();
    // Run until the last trip has arrived (trips depart until 3600 s; the tail drains after).
    while (t.busy(sim.nowMs) && sim.nowMs < 4 * 3_600_000) sim.step(60_000);
    const wall = (performance.now() - t0) / 1000;
    const f = sim.finalTraffic()!;
    perS.push(f.vehicleUpdates / wall);
    last = {
      simulatedS: sim.nowMs / 1000,
      wallS: round(wall),
      tripsStarted: f.tripsStarted,
      tripsCompleted: f.tripsCompleted,
      vehiclesStuckMax: f.maxVehiclesStuck,
      meanTripDurationS: f.meanTripDurationS,
      meanSpeedMps: f.meanSpeedMps,
      vehicleUpdates: f.vehicleUpdates,
      signals: f.signals.total,
    };
  }
  return {
    grid: {
      setup: '10×10 junctions, 200 m, 2 lanes each way, signals; random trip every 0.4 s until 3600 s; run until all arrive',
      vehicleUpdatesPerS: { median: Math.round(median(perS)), runs: perS.map(Math.round), target: '≥ 2,000,000', sumo115Reference: 85_000 },
      ...last,
    },
    step50k: bigStep(),
  };
}

/** The wall time of one 0.5 s step with 50,000 vehicles on a 40 × 40 grid. */
function bigStep(target = 50_000): Record<string, unknown> {
  const { net, signalNodes } = traffic.gridNetwork({ rows: 40, cols: 40, blockLengthM: 200, lanes: 2, signals: true });
  const m = new traffic.TrafficModel(
    net,
    signalNodes.map((node) => ({ node, asset: null, plan: traffic.DEFAULT_PLAN })),
    { initialCapacity: target, rerouteS: 0 },
  );
  const rng = new Rng(7).fork('traffic');
  let t = 0;
  const t0 = performance.now();
  // Trips to destinations within about 2 km, so they stay on the road while we measure.
  while (m.activeCount < target && t < 600_000) {
    t += 500;
    for (let l = 0; l < net.linkCount && m.activeCount < target; l++) {
      if (rng.next() < 0.5) continue;
      const d = Math.floor(rng.next() * net.linkCount);
      if (
        d === l ||
        Math.abs(net.nodeX[net.linkFrom[d]!]! - net.nodeX[net.linkFrom[l]!]!) + Math.abs(net.nodeZ[net.linkFrom[d]!]! - net.nodeZ[net.linkFrom[l]!]!) > 3000
      )
        continue;
      m.insert(l, d, t, 0, -1, 1);
    }
    m.step(t);
  }
  const fillS = (performance.now() - t0) / 1000;
  const steps: number[] = [];
  let moving = 0;
  for (let i = 0; i < 21; i++) {
    t += 500;
    const s0 = performance.now();
    m.step(t);
    steps.push(performance.now() - s0);
  }
  for (let i = 0; i < m.v.activeCount; i++) if (m.v.speed[m.v.active[i]!]! > 0.1) moving++;
  return {
    setup: '40×40 junctions, 200 m, 2 lanes, signals; vehicles inserted until 50,000 are on the road',
    vehicles: m.activeCount,
    movingAtEnd: moving,
    stepMs: { median: round(median(steps)), min: round(Math.min(...steps)), max: round(Math.max(...steps)), target: '≤ 25 ms' },
    fillWallS: round(fillS),
  };
}
