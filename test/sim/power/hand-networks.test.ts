/** Small networks whose DC flows are worked out by hand in the comments. baseMVA is 100 throughout. */
import { describe, expect, it } from 'vitest';
import { createNetwork, solveDc } from '../../../src/sim/power';
import { twoBus } from '../../support/grids';

const MW = 1e-9;

describe('DC power flow on hand-computed networks', () => {
  it('2 buses: the line carries the load', () => {
    // b = 1/0.1 = 10 p.u.; P2 = −0.5 p.u. → θ2 = −0.5/10 = −0.05 rad; Pf = 10·(0 + 0.05)·100 = 50 MW.
    const net = createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, pdMW: 50 },
      ],
      gens: [{ bus: 1, pgMW: 0, pmaxMW: 100 }],
      branches: [{ from: 1, to: 2, x: 0.1, rateMW: 100 }],
    });
    const r = solveDc(net);
    expect(r.thetaRad[1]).toBeCloseTo(-0.05, 12);
    expect(r.flowMW[0]).toBeCloseTo(50, 9);
    expect(r.loading[0]).toBeCloseTo(0.5, 12);
    expect(r.pgMW[0]).toBeCloseTo(50, 9); // the slack takes the whole load
    expect(r.islands[0]!.mode).toBe('slack');
  });

  const triangle = (tap12 = 0) =>
    createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, pdMW: 60 },
        { id: 3, pdMW: 40 },
      ],
      gens: [{ bus: 1, pgMW: 100, pmaxMW: 200 }],
      branches: [
        { from: 1, to: 2, x: 0.1, tap: tap12 },
        { from: 1, to: 3, x: 0.1 },
        { from: 2, to: 3, x: 0.2 },
      ],
    });

  it('3-bus triangle', () => {
    // b12 = b13 = 10, b23 = 5. Reduced B (buses 2, 3) = [[15, −5], [−5, 15]], det 200, P = [−0.6, −0.4].
    // θ2 = (15·−0.6 + 5·−0.4)/200 = −0.055, θ3 = (5·−0.6 + 15·−0.4)/200 = −0.045.
    // Pf12 = 10·0.055·100 = 55, Pf13 = 10·0.045·100 = 45, Pf23 = 5·(−0.055 + 0.045)·100 = −5 MW.
    const r = solveDc(triangle());
    expect(r.thetaRad[1]).toBeCloseTo(-0.055, 12);
    expect(r.thetaRad[2]).toBeCloseTo(-0.045, 12);
    expect(Array.from(r.flowMW)).toEqual([expect.closeTo(55, 9), expect.closeTo(45, 9), expect.closeTo(-5, 9)]);
  });

  it('a transformer with an off-nominal tap weakens its branch (b = 1/(x·tap))', () => {
    // tap 1.25 on 1–2: b12 = 1/(0.1·1.25) = 8. Reduced B = [[13, −5], [−5, 15]], det 170.
    // θ2 = (15·−0.6 + 5·−0.4)/170 = −11/170, θ3 = (5·−0.6 + 13·−0.4)/170 = −8.2/170.
    // Pf12 = 8·(11/170)·100 = 880/17, Pf13 = 10·(8.2/170)·100 = 820/17, Pf23 = 5·(−2.8/170)·100 = −140/17.
    const r = solveDc(triangle(1.25));
    expect(r.flowMW[0]).toBeCloseTo(880 / 17, 9);
    expect(r.flowMW[1]).toBeCloseTo(820 / 17, 9);
    expect(r.flowMW[2]).toBeCloseTo(-140 / 17, 9);
  });

  it('a phase shifter drives a circulating flow of shift/(xA + xB)', () => {
    // Two parallel 1→2 branches, x = 0.1 each, 100 MW load at bus 2; branch A shifts 2°.
    // Pfinj_A = 10·(−2π/180) = −0.349066 p.u.; Pbus2 = −1 − 0.349066 (Pbusinj at the to bus); B22 = 20.
    // θ2 = −1.349066/20 = −0.0674533; Pf_A = (10·0.0674533 − 0.349066)·100 = 32.5467 MW, Pf_B = 67.4533 MW.
    // Equivalently 50 ∓ shift/(xA + xB) = 50 ∓ 0.0349066/0.2·100 = 50 ∓ 17.4533 MW.
    const net = twoBus(100, [{ shiftDeg: 2 }, {}]);
    const r = solveDc(net);
    const circ = ((2 * Math.PI) / 180 / 0.2) * 100;
    expect(r.flowMW[0]).toBeCloseTo(50 - circ, 9);
    expect(r.flowMW[1]).toBeCloseTo(50 + circ, 9);
    expect(r.thetaRad[1]).toBeCloseTo(-(1 + ((2 * Math.PI) / 180) * 10) / 20, 12);
  });

  it('uses the case angle at the reference bus and counts shunt conductance as load', () => {
    // Va1 = 10° fixed; bus 2 draws Pd 40 + Gs 10 = 50 MW, so θ2 = 10° in rad − 0.05 and Pf = 50 MW.
    const net = createNetwork({
      buses: [
        { id: 1, type: 3, vaDeg: 10 },
        { id: 2, pdMW: 40, gsMW: 10 },
      ],
      gens: [{ bus: 1, pgMW: 0, pmaxMW: 100 }],
      branches: [{ from: 1, to: 2, x: 0.1 }],
    });
    const r = solveDc(net);
    expect(r.thetaRad[0]).toBeCloseTo((10 * Math.PI) / 180, 12);
    expect(r.thetaRad[1]).toBeCloseTo((10 * Math.PI) / 180 - 0.05, 12);
    expect(r.flowMW[0]).toBeCloseTo(50, 9);
    expect(r.servedMW[1]).toBeCloseTo(40, 12);
  });

  it('balances a second island by headroom and de-energises an island without generation', () => {
    // Island A: 1 (ref, gen) – 2 (30 MW). Island B: 3 (PV, gen Pg 10, Pmax 50) – 4 (30 MW): 20 MW short,
    // all of it from the only unit's 40 MW headroom → Pg 30, Pf34 = 30. Island C: bus 5 (20 MW) alone: dead.
    // Bus 6 is type 4 (isolated): its branch to bus 1 carries nothing.
    const net = createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, pdMW: 30 },
        { id: 3, type: 2 },
        { id: 4, pdMW: 30 },
        { id: 5, pdMW: 20 },
        { id: 6, type: 4, pdMW: 5 },
      ],
      gens: [
        { bus: 1, pgMW: 30, pmaxMW: 100 },
        { bus: 3, pgMW: 10, pmaxMW: 50 },
      ],
      branches: [
        { from: 1, to: 2, x: 0.1 },
        { from: 3, to: 4, x: 0.1 },
        { from: 1, to: 6, x: 0.1 },
      ],
    });
    const r = solveDc(net);
    expect(r.islandCount).toBe(4);
    expect(Array.from(r.energized)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(r.pgMW[1]).toBeCloseTo(30, 9);
    expect(r.flowMW[1]).toBeCloseTo(30, 9);
    expect(r.flowMW[2]).toBe(0);
    expect(r.shedMW[4]).toBe(20);
    expect(r.servedMW[4]).toBe(0);
    expect(r.thetaRad[4]).toBe(0);
    expect(r.islands.map((s) => s.mode)).toEqual(['slack', 'headroom', 'none', 'none']);
  });

  it('spreads over headroom when the slack unit would leave its limits', () => {
    // Load 50; units at 10 + 10. The slack would need 40 > its Pmax 20, so the 30 MW shortfall is
    // shared by headroom: 10 and 50 MW, f = 30/60 = 0.5 → Pg = 15 and 35.
    const net = createNetwork({
      buses: [
        { id: 1, type: 3 },
        { id: 2, type: 2 },
        { id: 3, pdMW: 50 },
      ],
      gens: [
        { bus: 1, pgMW: 10, pmaxMW: 20 },
        { bus: 2, pgMW: 10, pmaxMW: 60 },
      ],
      branches: [
        { from: 1, to: 3, x: 0.1 },
        { from: 2, to: 3, x: 0.1 },
      ],
    });
    const r = solveDc(net);
    expect(r.pgMW[0]).toBeCloseTo(15, 9);
    expect(r.pgMW[1]).toBeCloseTo(35, 9);
    expect(r.islands[0]!.mode).toBe('headroom');
  });

  describe('load shedding by priority', () => {
    // Bus 2: Pd 40 = 20 critical + 10 deferrable + 10 normal. Bus 3: Pd 30 = 15 deferrable + 15 normal.
    const shedNet = (pmax: number) =>
      createNetwork({
        buses: [
          { id: 1, type: 3 },
          { id: 2, pdMW: 40, criticalMW: 20, deferrableMW: 10 },
          { id: 3, pdMW: 30, deferrableMW: 15 },
        ],
        gens: [{ bus: 1, pgMW: 0, pmaxMW: pmax }],
        branches: [
          { from: 1, to: 2, x: 0.1 },
          { from: 1, to: 3, x: 0.1 },
        ],
      });
    it.each([
      // capacity, served at 2, served at 3: shortfall 20 of 25 deferrable → 80 % of each bus's deferrable
      [50, 40 - 8, 30 - 12],
      // shortfall 50 = all 25 deferrable + all 25 normal; critical untouched
      [20, 20, 0],
      // shortfall 60 = 25 + 25 + half of the 20 critical
      [10, 10, 0],
    ])('with %d MW of generation', (pmax, s2, s3) => {
      const r = solveDc(shedNet(pmax));
      expect(r.servedMW[1]).toBeCloseTo(s2, 9);
      expect(r.servedMW[2]).toBeCloseTo(s3, 9);
      expect(r.shedMW[1]! + r.shedMW[2]!).toBeCloseTo(70 - pmax, 9);
      expect(r.pgMW[0]).toBeCloseTo(pmax, 9);
      expect(r.islands[0]!.mode).toBe('shed');
      expect(r.flowMW[0]! + r.flowMW[1]!).toBeCloseTo(pmax, 9);
    });
  });

  it('reuses the factorization while the topology is unchanged', () => {
    const net = triangle();
    const r = solveDc(net);
    net.buses.pdMW[1] = 30;
    solveDc(net, r);
    expect(r.workspace.factorizations).toBe(1);
    expect(r.flowMW[0]! + r.flowMW[1]!).toBeCloseTo(70, 9);
    net.branches.status[2] = 0;
    solveDc(net, r);
    expect(r.workspace.factorizations).toBe(2);
    expect(r.flowMW[0]).toBeCloseTo(30, 9);
    expect(r.flowMW[2]).toBe(0);
  });
});
