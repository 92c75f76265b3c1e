import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/core';
import { buildNetwork, DEFAULT_PLAN, gridNetwork, randomTripsDue, Router, TrafficModel, type TrafficNetwork } from '../../../src/sim/traffic';

/** Counts overlaps (bumper gaps below zero) and broken lane lists; returns them with the vehicles seen. */
function audit(m: TrafficModel): { seen: number; bad: number } {
  const V = m.v;
  let seen = 0;
  let bad = 0;
  for (let lane = 0; lane < m.net.laneCount; lane++) {
    let prev = -1;
    for (let v = m.laneHead[lane]!; v >= 0; v = V.follower[v]!) {
      if (V.lane[v] !== lane || V.leader[v] !== prev) bad++;
      if (prev >= 0 && V.pos[prev]! - V.pos[v]! < m.idm.length - 1e-6) bad++;
      prev = v;
      seen++;
    }
    if (m.laneTail[lane] !== prev) bad++;
  }
  if (seen !== V.activeCount) bad++;
  return { seen, bad };
}

function runGrid(seed: number, untilS: number, periodS: number, check?: (m: TrafficModel) => void) {
  const { net, signalNodes } = gridNetwork({ rows: 5, cols: 5, blockLengthM: 150, lanes: 2, signals: true });
  const m = new TrafficModel(
    net,
    signalNodes.map((node) => ({ node, asset: null, plan: DEFAULT_PLAN })),
  );
  const rng = new Rng(seed).fork('traffic');
  const pending: number[] = [];
  let last = -1;
  let t = 0;
  while (t < untilS * 1000 || m.activeCount > 0 || pending.length > 0) {
    t += 500;
    randomTripsDue({ periodS, untilS }, net.linkCount, rng, last, t, (o, d) => pending.push(o, d));
    last = t;
    let k = 0;
    for (let i = 0; i < pending.length; i += 2) {
      if (m.insert(pending[i]!, pending[i + 1]!, t, 0, -1, 1) === -2) {
        pending[k++] = pending[i]!;
        pending[k++] = pending[i + 1]!;
      }
    }
    pending.length = k;
    m.step(t);
    check?.(m);
    if (t > (untilS + 3600) * 1000) break;
  }
  return { m, t, net };
}

describe('traffic microsimulation', () => {
  it('never lets two vehicles in a lane overlap, and keeps lane lists consistent', () => {
    let maxSeen = 0;
    let bad = 0;
    runGrid(3, 600, 0.5, (m) => {
      const a = audit(m);
      maxSeen = Math.max(maxSeen, a.seen);
      bad += a.bad;
    });
    expect(bad).toBe(0);
    expect(maxSeen).toBeGreaterThan(50);
  });

  it('completes every random trip with nobody stuck', () => {
    const { m } = runGrid(5, 900, 0.6);
    expect(m.tripsStarted).toBe(Math.ceil(900 / 0.6));
    expect(m.tripsCompleted).toBe(m.tripsStarted);
    expect(m.activeCount).toBe(0);
    expect(m.maxStuck).toBe(0);
    expect(m.conflicts).toBe(0);
    expect(m.sumTripS / m.tripsCompleted).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same run, another seed a different one', () => {
    const a = runGrid(11, 300, 0.7);
    const b = runGrid(11, 300, 0.7);
    const c = runGrid(12, 300, 0.7);
    const sig = (r: typeof a) => [r.t, r.m.tripsCompleted, r.m.vehicleUpdates, r.m.distanceM, r.m.sumTripS];
    expect(sig(a)).toEqual(sig(b));
    expect(sig(c)).not.toEqual(sig(a));
  });

  it('stops a vehicle at a red light and lets it go on green', () => {
    // A straight road of two links crossing one signalised 3-way junction.
    const net: TrafficNetwork = buildNetwork([
      { a: [0, 0], b: [200, 0], lanes: 1, speedMps: 13.89, oneway: false, rank: 1 },
      { a: [200, 0], b: [400, 0], lanes: 1, speedMps: 13.89, oneway: false, rank: 1 },
      { a: [200, 0], b: [200, 200], lanes: 1, speedMps: 13.89, oneway: false, rank: 1 },
    ]);
    const node = [...Array(net.nodeCount).keys()].find((n) => net.nodeX[n] === 200 && net.nodeZ[n] === 0)!;
    const m = new TrafficModel(net, [{ node, asset: null, plan: { ...DEFAULT_PLAN, greenS: 30 } }]);
    const east = [...Array(net.linkCount).keys()].find((l) => net.nodeX[net.linkFrom[l]!] === 0)!;
    const onward = [...Array(net.linkCount).keys()].find((l) => net.nodeX[net.linkFrom[l]!] === 200 && net.nodeX[net.linkTo[l]!] === 400)!;
    // Make the east approach red: it is in the other group from the current phase.
    const s = m.signals;
    s.forceStage(0, s.mainStage(0, 1 - s.linkGroup[east]!), 0);
    const v = m.insert(east, onward, 500, 0, -1, 1);
    expect(v).toBeGreaterThanOrEqual(0);
    let t = 500;
    let stoppedAtLine = false;
    let passed = false;
    for (let i = 0; i < 400 && !passed; i++) {
      t += 500;
      m.step(t);
      if (!m.v.isActive(v)) break;
      // IDM stops s0 = 2 m short of the line it treats as a standing obstacle.
      if (m.v.link[v] === east && m.v.speed[v]! < 0.01 && 200 - m.v.pos[v]! < 4) stoppedAtLine = true;
      if (m.v.link[v] === onward) {
        passed = true;
        // It crossed on green (or amber it could not stop for), never on red.
        expect(s.aspect(east)).not.toBe(0);
      }
    }
    expect(stoppedAtLine).toBe(true);
    expect(passed).toBe(true);
  });
});

describe('routing', () => {
  it('finds routes within ε of the cheapest (weighted A*), and the cheapest with ε = 1', () => {
    const { net } = gridNetwork({ rows: 12, cols: 12, blockLengthM: 100, lanes: 1, signals: false });
    const exact = new Router(net, 1);
    const fast = new Router(net);
    const rng = new Rng(9);
    // Uneven costs so that there is something to choose between (never below free flow, as in the model).
    for (let l = 0; l < net.linkCount; l++) exact.cost[l] = fast.cost[l] = exact.freeFlow(l) + rng.next() * 20;
    const a = new Int32Array(512);
    const b = new Int32Array(512);
    const cost = (r: Int32Array, n: number) => {
      let c = 0;
      for (let k = 1; k < n; k++) c += exact.cost[r[k]!]!;
      return c;
    };
    // Brute force: Bellman–Ford over links from the origin gives the true cheapest cost.
    for (let q = 0; q < 40; q++) {
      const o = rng.int(0, net.linkCount - 1);
      const d = rng.int(0, net.linkCount - 1);
      if (o === d) continue;
      const best = new Float64Array(net.linkCount).fill(Infinity);
      best[o] = 0;
      for (let it = 0; it < net.linkCount; it++) {
        let changed = false;
        for (let l = 0; l < net.linkCount; l++) {
          if (best[l] === Infinity) continue;
          for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) {
            const m = net.outLinks[k]!;
            if (best[l]! + exact.cost[m]! < best[m]! - 1e-9) {
              best[m] = best[l]! + exact.cost[m]!;
              changed = true;
            }
          }
        }
        if (!changed) break;
      }
      const na = exact.route(o, d, a, 0, 512);
      const nb = fast.route(o, d, b, 0, 512);
      expect(cost(a, na)).toBeCloseTo(best[d]!, 6);
      expect(cost(b, nb)).toBeLessThanOrEqual(best[d]! * fast.epsilon + 1e-6);
      expect(b[nb - 1]).toBe(d);
    }
  });
});
