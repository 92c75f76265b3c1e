/**
 * case30 (MATPOWER's copy of Alsac & Stott's 30-bus system, from ../shared/data) against an
 * independent reference: test/sim/power/reference/dcpf_reference.py implements MATPOWER's
 * makeBdc/dcpf/runpf formulas with numpy and a dense solve and wrote case30-dcpf.json. The issue
 * asks for rundcpf's flows to 0.01 MW; we hold to that and, much tighter, to 1e-9 MW.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect } from 'vitest';
import { parseMatpower } from '../../../src/scenario/import/matpower';
import { screenN1, solveDc, withBranchStatus } from '../../../src/sim/power';
import { itWithSharedData } from '../../support/shared-data';

interface Reference {
  busIds: number[];
  vaDeg: number[];
  branchFlowMW: number[];
  pgMW: number[];
  slack: { gen: number; bus: number; pgMW: number }[];
}
const ref = JSON.parse(readFileSync(resolve(__dirname, 'reference/case30-dcpf.json'), 'utf8')) as Reference;

function load(text: string) {
  const parsed = parseMatpower(text, { fileName: 'case30.m' });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return parsed;
}

describe('case30', () => {
  itWithSharedData('imports 30 buses, 6 generators and 41 branches', 'power/case30.m', (text) => {
    const c = load(text);
    expect(c.caseName).toBe('case30');
    expect([c.network.buses.count, c.network.gens.count, c.network.branches.count]).toEqual([30, 6, 41]);
    expect(c.busIds).toEqual(ref.busIds);
    expect(c.ignored).toContain('mpc.gencost');
  });

  itWithSharedData('DC flows, angles and slack generation equal the reference to 0.01 MW (in fact 1e-9)', 'power/case30.m', (text) => {
    const r = solveDc(load(text).network);
    ref.branchFlowMW.forEach((f, k) => {
      expect(Math.abs(r.flowMW[k]! - f)).toBeLessThan(0.01);
      expect(r.flowMW[k]).toBeCloseTo(f, 9);
    });
    ref.vaDeg.forEach((va, i) => expect((r.thetaRad[i]! * 180) / Math.PI).toBeCloseTo(va, 9));
    ref.pgMW.forEach((pg, g) => expect(r.pgMW[g]).toBeCloseTo(pg, 9));
    expect(ref.slack[0]!.bus).toBe(1);
    expect(r.islands).toHaveLength(1);
    expect(r.islands[0]!.mode).toBe('slack');
  });

  itWithSharedData('N-1 by rank-1 updates equals brute-force re-solves on every branch', 'power/case30.m', (text) => {
    const net = load(text).network;
    const s = screenN1(net);
    expect(s.branch.length).toBe(41);
    // case30 has radial spurs (e.g. 9–11, 12–13, 25–26): their outages island a bus.
    expect(s.islanding.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (let c = 0; c < s.branch.length; c++) {
      const k = s.branch[c]!;
      const cut = withBranchStatus(net);
      cut.branches.status[k] = 0;
      const brute = solveDc(cut);
      const fast = s.flowsAfter(k);
      for (let l = 0; l < net.branches.count; l++) expect(fast[l]).toBeCloseTo(brute.flowMW[l]!, 8);
      let over = 0;
      for (let l = 0; l < net.branches.count; l++) if (l !== k && brute.loading[l]! > 1) over++;
      expect(s.overloads[c]).toBe(over);
    }
  });
});
