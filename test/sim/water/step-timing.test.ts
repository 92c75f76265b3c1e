/**
 * A change happens when it happens, not at the next hydraulic step. A pump whose substation is
 * switched off at 00:20 stops at 00:20 even with a 1 h hydraulic step; tank levels must then match
 * EPANET run on the same file with the same change written as a timed control (LINK … CLOSED AT
 * TIME 0:20, the pump's own level controls removed, as the twin removes them while it has no
 * power), to 0.1 m at 1 h, 2 h and 6 h. Run on EPANET's Net1 and on C-Town (BATADAL), neither of
 * which is in this repository.
 */
import { describe, expect } from 'vitest';
import { createSimulation, HOUR, MINUTE } from '../../../src/sim';
import { loadedWaterEngine } from '../../../src/sim/water';
import { itWithSharedData } from '../../support/shared-data';
import { compile } from '../../support/scenarios';

const CHECK_HOURS = [1, 2, 6];
const CUT_S = 20 * 60;

interface Case {
  readonly name: string;
  readonly file: string;
  readonly pump: string;
  /** Pressure-driven analysis in the file's pressure unit (null: demand-driven, as the twin is told). */
  readonly pda: { min: number; req: number } | null;
}

/** EPANET alone: the pump's controls removed, a timed control closing it at 00:20; tank levels (file units) at each check hour. */
function reference(text: string, c: Case): Map<string, number>[] {
  const { lib, workspace } = loadedWaterEngine()!;
  const p = new lib.Project(workspace);
  workspace.writeFile('ref-timing.inp', text);
  p.open('ref-timing.inp', 'ref-timing.rpt', '');
  if (c.pda) p.setDemandModel(lib.DemandModel.PDA, c.pda.min, c.pda.req, 0.5);
  p.setTimeParameter(lib.TimeParameter.ReportStep, 3600);
  p.setTimeParameter(lib.TimeParameter.HydStep, 3600);
  p.setTimeParameter(lib.TimeParameter.Duration, 24 * 3600);
  const pump = p.getLinkIndex(c.pump);
  for (let i = p.getCount(lib.CountType.ControlCount); i >= 1; i--) if (p.getControl(i).linkIndex === pump) p.deleteControl(i);
  p.addControl(lib.ControlType.Timer, pump, 0, 0, CUT_S);
  const tanks: number[] = [];
  for (let i = 1; i <= p.getCount(lib.CountType.NodeCount); i++) if (p.getNodeType(i) === lib.NodeType.Tank) tanks.push(i);
  const out: Map<string, number>[] = [];
  p.openH();
  p.initH(lib.InitHydOption.NoSave);
  for (;;) {
    const t = p.runH();
    if (CHECK_HOURS.includes(t / 3600)) out.push(new Map(tanks.map((i) => [p.getNodeId(i), p.getNodeValue(i, lib.NodeProperty.Pressure)])));
    if (out.length === CHECK_HOURS.length) break;
    if (p.nextH() <= 0) break;
  }
  p.closeH();
  p.close();
  return out;
}

function twin(text: string, c: Case) {
  return createSimulation(
    compile(
      {
        duration: '7h',
        assets: [
          { id: 'sub', kind: 'substation', subsystem: 'power', position: [0, 0] },
          { id: 'station', kind: 'pumping-station', subsystem: 'water', position: [100, 0] },
        ],
        dependencies: [{ from: 'sub', to: 'station', kind: 'physical', resource: 'power' }],
        water: { inp: 'net.inp', stepS: 3600, assets: [{ element: c.pump, asset: 'station' }], ...(c.pda ? {} : { demandModel: { type: 'DDA' } }) },
        injects: [{ id: 'cut', at: '20m', title: 'Substation switched off', commands: [{ type: 'asset.disable', targets: { ids: ['sub'] } }] }],
      },
      { 'net.inp': text },
    ),
  );
}

const cases: Case[] = [
  // Net1 is in US units; the twin reports metres, EPANET's tank "pressure" here is in psi (0.4333 psi per ft).
  { name: 'Net1 (1 h step, pump 9)', file: 'water/net1/Net1.inp', pump: '9', pda: null },
  // C-Town runs pressure-driven in the twin by default (0 to 20 m, exponent 0.5); the file is in L/s and metres.
  { name: 'C-Town at a 1 h step (pump PU1)', file: 'water/ctown/ctown_map.inp', pump: 'PU1', pda: { min: 0, req: 20 } },
];

describe('a pump that loses power stops at that moment, as an EPANET timed control would stop it', () => {
  for (const c of cases) {
    itWithSharedData(c.name, c.file, (text) => {
      const sim = twin(text, c);
      const us = c.file.includes('net1');
      const toM = us ? 0.3048 / 0.4333 : 1;
      const ref = reference(text, c);
      expect(ref).toHaveLength(CHECK_HOURS.length);
      sim.runUntil(CUT_S * 1000 + MINUTE);
      const stopped = sim.events.find((e) => e.type === 'water.pump.stopped')!;
      expect(stopped.tMs).toBe(CUT_S * 1000);
      let worst = 0;
      CHECK_HOURS.forEach((h, k) => {
        sim.runUntil(h * HOUR);
        for (const t of sim.finalWater()!.tanks) {
          const expected = ref[k]!.get(t.id)! * toM;
          worst = Math.max(worst, Math.abs(t.levelM - expected));
          expect(Math.abs(t.levelM - expected), `${t.id} at ${h} h: twin ${t.levelM}, EPANET ${expected.toFixed(3)}`).toBeLessThan(0.1);
        }
      });
      // The levels do move after the cut, so the comparison is not between two idle tanks.
      expect(sim.finalWater()!.tanks.some((t) => Math.abs(t.levelM - ref[0]!.get(t.id)! * toM) > 0.1)).toBe(true);
      expect(worst).toBeLessThan(0.1);
    });
  }
});
