/**
 * Net1 (EPANET's US-unit example: GPM, ft, psi) inside the twin against epanet-js driven directly
 * on the same file: every hour of a 24 h extended-period run, the twin's SI results must equal
 * EPANET's own, converted here independently (1 ft = 0.3048 m, EPANET's 0.4333 psi per ft of head,
 * 1 GPM = 0.0630902 L/s).
 */
import { describe, expect } from 'vitest';
import { createSimulation, HOUR } from '../../../src/sim';
import { loadedWaterEngine } from '../../../src/sim/water';
import { itWithSharedData } from '../../support/shared-data';
import { compile } from '../../support/scenarios';

const PSI_TO_M = 0.3048 / 0.4333;
const GPM_TO_LPS = 0.0630901964;

interface Bare {
  pressureM: Map<string, number>[];
  demandLps: Map<string, number>[];
  tankM: Map<string, number>[];
  pumpLps: Map<string, number>[];
}

/** Runs the file with epanet-js alone, recording the results at each whole hour. */
function bareRun(text: string, pda: boolean): Bare {
  const e = loadedWaterEngine()!;
  const { lib, workspace } = e;
  const p = new lib.Project(workspace);
  workspace.writeFile('bare-net1.inp', text);
  p.open('bare-net1.inp', 'bare-net1.rpt', '');
  if (pda) p.setDemandModel(lib.DemandModel.PDA, 0, 20 / PSI_TO_M, 0.5);
  const out: Bare = { pressureM: [], demandLps: [], tankM: [], pumpLps: [] };
  const n = p.getCount(lib.CountType.NodeCount);
  const m = p.getCount(lib.CountType.LinkCount);
  p.openH();
  p.initH(lib.InitHydOption.NoSave);
  let step = 0;
  do {
    const t = p.runH();
    if (t % 3600 === 0) {
      const pr = new Map<string, number>();
      const dm = new Map<string, number>();
      const tk = new Map<string, number>();
      for (let i = 1; i <= n; i++) {
        const id = p.getNodeId(i);
        const type = p.getNodeType(i);
        if (type === lib.NodeType.Junction) {
          pr.set(id, p.getNodeValue(i, lib.NodeProperty.Pressure) * PSI_TO_M);
          dm.set(id, p.getNodeValue(i, lib.NodeProperty.Demand) * GPM_TO_LPS);
        } else if (type === lib.NodeType.Tank) tk.set(id, p.getNodeValue(i, lib.NodeProperty.Pressure) * PSI_TO_M);
      }
      const pu = new Map<string, number>();
      for (let k = 1; k <= m; k++) if (p.getLinkType(k) === lib.LinkType.Pump) pu.set(p.getLinkId(k), p.getLinkValue(k, lib.LinkProperty.Flow) * GPM_TO_LPS);
      out.pressureM.push(pr);
      out.demandLps.push(dm);
      out.tankM.push(tk);
      out.pumpLps.push(pu);
    }
    step = p.nextH();
  } while (step > 0 && out.pressureM.length <= 24);
  p.closeH();
  p.close();
  return out;
}

function compare(text: string, pda: boolean) {
  const bare = bareRun(text, pda);
  const sim = createSimulation(compile({ duration: '24h', water: { inp: 'Net1.inp', demandModel: { type: pda ? 'PDA' : 'DDA' } } }, { 'Net1.inp': text }));
  let compared = 0;
  for (let h = 0; h <= 24; h++) {
    sim.runUntil(h * HOUR + 1000);
    const f = sim.finalWater()!;
    expect(f.timeS).toBe(h * 3600);
    for (const j of f.junctions) {
      expect(j.pressureM).toBeCloseTo(bare.pressureM[h]!.get(j.id)!, 2);
      expect(j.deliveredLps).toBeCloseTo(bare.demandLps[h]!.get(j.id)!, 2);
      compared++;
    }
    for (const t of f.tanks) expect(t.levelM).toBeCloseTo(bare.tankM[h]!.get(t.id)!, 2);
    for (const pu of f.pumps) expect(pu.flowLps).toBeCloseTo(bare.pumpLps[h]!.get(pu.id)!, 2);
  }
  return { sim, compared };
}

describe('Net1 in the twin', () => {
  itWithSharedData('matches epanet-js run directly, hour by hour, in SI (demand-driven)', 'water/net1/Net1.inp', (text) => {
    const { sim, compared } = compare(text, false);
    expect(compared).toBe(25 * 9);
    const f = sim.finalWater()!;
    expect(f.fileUnits).toBe('GPM');
    expect(f.junctions.map((j) => j.id)).toEqual(['10', '11', '12', '13', '21', '22', '23', '31', '32']);
    expect(f.pumps.map((p) => p.id)).toEqual(['9']);
    expect(f.pumps[0]!.powered).toBe(true);
  });

  itWithSharedData(
    'matches epanet-js under pressure-driven analysis, where pressures are ample so every node gets its demand',
    'water/net1/Net1.inp',
    (text) => {
      const { sim } = compare(text, true);
      for (const j of sim.finalWater()!.junctions) expect(j.deliveredLps).toBeCloseTo(j.demandLps, 6);
    },
  );

  itWithSharedData("starts tank 2 at the file's 120 ft (36.576 m) and reports volumes in m³", 'water/net1/Net1.inp', (text) => {
    const sim = createSimulation(compile({ duration: '2h', water: { inp: 'Net1.inp' } }, { 'Net1.inp': text }));
    const t = sim.finalWater()!.tanks[0]!;
    expect(t.levelM).toBeCloseTo(120 * 0.3048, 3);
    // A 50.5 ft cylinder holding 120 ft of water.
    expect(t.volumeM3).toBeCloseTo(((Math.PI * (50.5 * 0.3048) ** 2) / 4) * 120 * 0.3048, 0);
  });
});
