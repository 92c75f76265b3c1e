/** N-1 screening by rank-1 updates against brute-force re-solves. */
import { describe, expect, it } from 'vitest';
import { createNetwork, screenN1, solveDc, withBranchStatus, type PowerNetwork } from '../../../src/sim/power';
import { CASES, randomGrid } from '../../support/grids';

function bruteForce(net: PowerNetwork, k: number) {
  const cut = withBranchStatus(net);
  cut.branches.status[k] = 0;
  return solveDc(cut);
}

describe('N-1 screening', () => {
  it.each(CASES)('equals brute force on every contingency (seed %d, %d buses)', (seed, buses) => {
    const net = randomGrid(seed, buses, { openFraction: 0.05 });
    const s = screenN1(net);
    for (let c = 0; c < s.branch.length; c++) {
      const k = s.branch[c]!;
      const brute = bruteForce(net, k);
      const fast = s.flowsAfter(k);
      let over = 0;
      let max = 0;
      for (let l = 0; l < net.branches.count; l++) {
        expect(Math.abs(fast[l]! - brute.flowMW[l]!)).toBeLessThan(1e-6);
        if (l !== k) {
          if (brute.loading[l]! > 1) over++;
          max = Math.max(max, brute.loading[l]!);
        }
      }
      expect(s.overloads[c]).toBe(over);
      expect(s.maxLoading[c]).toBeCloseTo(max, 9);
    }
    expect(s.base.workspace.factorizations).toBe(1);
  });

  it('handles bridges, including one that cuts off a generator with its own load', () => {
    // 1 (ref) = 2 (two lines) — 3 — 4 (PV unit): branch 2 (2–3) and 3 (3–4) are bridges.
    const net = createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, pdMW: 40 },
        { id: 3, pdMW: 30 },
        { id: 4, type: 2, pdMW: 10 },
      ],
      gens: [
        { bus: 1, pgMW: 60, pmaxMW: 200 },
        { bus: 4, pgMW: 20, pmaxMW: 50 },
      ],
      branches: [
        { from: 1, to: 2, x: 0.1, rateMW: 60 },
        { from: 1, to: 2, x: 0.2, rateMW: 60, shiftDeg: 1 },
        { from: 2, to: 3, x: 0.1, rateMW: 100 },
        { from: 3, to: 4, x: 0.1, rateMW: 100 },
      ],
    });
    const s = screenN1(net);
    expect(Array.from(s.islanding)).toEqual([0, 0, 1, 1]);
    for (const k of [0, 1, 2, 3]) {
      const brute = bruteForce(net, k);
      const fast = s.flowsAfter(k);
      for (let l = 0; l < 4; l++) expect(fast[l]).toBeCloseTo(brute.flowMW[l]!, 9);
    }
    // Losing 3–4 leaves bus 4's unit alone with its 10 MW; losing 2–3 islands 3 and 4 together, 40 MW
    // of load on a 50 MW unit: nothing is shed either way.
    expect(Array.from(s.lostLoadMW)).toEqual([0, 0, 0, 0]);
    // Losing line 0 puts all 40 MW + the flow to bus 3 onto line 1 (60 MW rating).
    expect(s.overloads[0]).toBe(bruteForce(net, 0).loading[1]! > 1 ? 1 : 0);
  });

  it('counts the load lost when an outage cuts off a dead-end feeder', () => {
    const net = createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, pdMW: 40 },
        { id: 3, pdMW: 30 },
      ],
      gens: [{ bus: 1, pgMW: 70, pmaxMW: 200 }],
      branches: [
        { from: 1, to: 2, x: 0.1 },
        { from: 2, to: 3, x: 0.1 },
      ],
    });
    const s = screenN1(net);
    expect(Array.from(s.lostLoadMW)).toEqual([70, 30]);
    expect(Array.from(s.flowsAfter(1))).toEqual([40, 0]);
  });
});
