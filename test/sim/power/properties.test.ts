/**
 * Properties that must hold on any grid, checked on seeded random grids with branches opened
 * (so there are islands, some without generation) and units switched off (so some islands are
 * short and shed load).
 */
import { describe, expect, it } from 'vitest';
import { solveDc, type DcResult, type PowerNetwork } from '../../../src/sim/power';
import { CASES, randomGrid } from '../../support/grids';

const TOL = 1e-6;

function checkAll(net: PowerNetwork, r: DcResult): void {
  const { buses: B, gens: G, branches: L } = net;
  // Power balance at every bus: injection = Σ flows out − Σ flows in (flows are lossless: Pt = −Pf).
  const net_ = new Float64Array(B.count);
  for (let g = 0; g < G.count; g++) net_[G.bus[g]!] = net_[G.bus[g]!]! + r.pgMW[g]!;
  for (let i = 0; i < B.count; i++) net_[i] = net_[i]! - r.servedMW[i]! - (r.energized[i] ? B.gsMW[i]! : 0);
  const out = new Float64Array(B.count);
  for (let k = 0; k < L.count; k++) {
    out[L.from[k]!] = out[L.from[k]!]! + r.flowMW[k]!;
    out[L.to[k]!] = out[L.to[k]!]! - r.flowMW[k]!;
  }
  for (let i = 0; i < B.count; i++) if (r.energized[i]) expect(Math.abs(net_[i]! - out[i]!)).toBeLessThan(TOL);

  for (let k = 0; k < L.count; k++) {
    // An open branch carries nothing; neither does one in a dead island.
    if (L.status[k] === 0 || !r.energized[L.from[k]!]) expect(r.flowMW[k]).toBe(0);
    expect(r.island[L.from[k]!] === r.island[L.to[k]!] || L.status[k] === 0).toBe(true);
  }
  for (let i = 0; i < B.count; i++) {
    const pd = Math.max(B.pdMW[i]!, 0);
    // Shed load never exceeds load, and served + shed is the load.
    expect(r.shedMW[i]).toBeGreaterThanOrEqual(-TOL);
    expect(r.shedMW[i]).toBeLessThanOrEqual(pd + TOL);
    expect(r.servedMW[i]! + r.shedMW[i]!).toBeCloseTo(r.energized[i] ? B.pdMW[i]! : pd, 9);
    // Critical load is shed only when everything else on its island already is.
    const s = r.islands[r.island[i]!]!;
    if (!r.energized[i]) {
      expect(r.servedMW[i]).toBe(0);
      expect(r.thetaRad[i]).toBe(0);
      expect(s.energized).toBe(false);
      expect(s.generators).toBe(0);
    }
  }
  for (const s of r.islands) {
    if (!s.energized) continue;
    // Each live island balances: generation = served load + shunts.
    expect(s.genMW).toBeCloseTo(s.servedMW + sumGs(net, r, s.refBus), 6);
    expect(s.shedMW).toBeLessThanOrEqual(s.loadMW + TOL);
  }
  for (let g = 0; g < G.count; g++) {
    if (G.status[g] !== 1) continue;
    const mode = r.islands[r.island[G.bus[g]!]!]!.mode;
    if (mode === 'headroom' || mode === 'shed') {
      expect(r.pgMW[g]).toBeLessThanOrEqual(G.pmaxMW[g]! + TOL);
      expect(r.pgMW[g]).toBeGreaterThanOrEqual(Math.min(G.pminMW[g]!, G.pgMW[g]!) - TOL);
    }
  }
}

function sumGs(net: PowerNetwork, r: DcResult, refBus: number): number {
  let s = 0;
  for (let i = 0; i < net.buses.count; i++) if (r.island[i] === r.island[refBus]) s += net.buses.gsMW[i]!;
  return s;
}

describe('DC power flow properties on random grids', () => {
  it.each(CASES)('seed %d, %d buses, intact', (seed, buses) => {
    const net = randomGrid(seed, buses);
    checkAll(net, solveDc(net));
  });

  it.each(CASES)('seed %d, %d buses, 15%% of branches open and 30%% of units off', (seed, buses) => {
    const net = randomGrid(seed, buses, { openFraction: 0.15, genOffFraction: 0.3 });
    const r = solveDc(net);
    checkAll(net, r);
    expect(r.islandCount).toBeGreaterThan(1);
  });

  it('sheds deferrable, then normal, then critical load, island by island', () => {
    let sawShed = 0;
    let sawCritical = 0;
    for (const [seed, buses] of CASES) {
      // Odd seeds at three times the load, so shedding reaches critical load on some islands.
      const net = randomGrid(seed, buses, { openFraction: 0.1, genOffFraction: 0.6, stress: seed % 2 ? 3 : 1 });
      const r = solveDc(net);
      checkAll(net, r);
      const B = net.buses;
      // Per island: did shedding reach normal load anywhere, or critical load anywhere?
      const reachedNormal = new Uint8Array(r.islandCount);
      const reachedCritical = new Uint8Array(r.islandCount);
      for (let i = 0; i < B.count; i++) {
        if (!r.energized[i]) continue;
        const def = B.deferrableMW[i]!;
        const normal = B.pdMW[i]! - B.criticalMW[i]! - def;
        if (r.shedMW[i]! > def + 1e-6) reachedNormal[r.island[i]!] = 1;
        if (r.shedMW[i]! > def + normal + 1e-6) reachedCritical[r.island[i]!] = 1;
        if (r.shedMW[i]! > 1e-9) sawShed++;
      }
      for (let i = 0; i < B.count; i++) {
        if (!r.energized[i]) continue;
        const def = B.deferrableMW[i]!;
        const normal = B.pdMW[i]! - B.criticalMW[i]! - def;
        // Once any bus on an island loses normal load, every bus there has lost all its deferrable load;
        // once any loses critical load, every bus there has lost its deferrable and normal load.
        if (reachedNormal[r.island[i]!]) expect(r.shedMW[i]).toBeGreaterThanOrEqual(def - 1e-6);
        if (reachedCritical[r.island[i]!]) {
          sawCritical++;
          expect(r.shedMW[i]).toBeGreaterThanOrEqual(def + normal - 1e-6);
        }
      }
    }
    expect(sawShed).toBeGreaterThan(0);
    expect(sawCritical).toBeGreaterThan(0);
  });

  it('gives the same answer when a result is reused, and the same grid for the same seed', () => {
    const a = randomGrid(3, 120, { openFraction: 0.1 });
    const b = randomGrid(3, 120, { openFraction: 0.1 });
    expect(Array.from(b.branches.x)).toEqual(Array.from(a.branches.x));
    const fresh = solveDc(a);
    const reused = solveDc(a, solveDc(randomGrid(3, 120)));
    expect(Array.from(reused.flowMW)).toEqual(Array.from(fresh.flowMW));
  });

  it('agrees across orderings (minimum degree, RCM, natural)', () => {
    const net = randomGrid(5, 150, { openFraction: 0.05 });
    const md = solveDc(net);
    for (const ordering of ['rcm', 'natural'] as const) {
      const r = solveDc(net, undefined, { ordering });
      for (let k = 0; k < net.branches.count; k++) expect(r.flowMW[k]).toBeCloseTo(md.flowMW[k]!, 8);
    }
  });
});
