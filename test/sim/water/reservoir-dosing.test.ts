/**
 * A dose set at a reservoir is what leaves it. In Net1 the reservoir (9) feeds junction 10 through
 * the pump and nothing else: dosing at 9 must give every node, hour by hour, the quality that the
 * same dose at 10 gives. (With a setpoint source on the reservoir, EPANET left 10 at the
 * reservoir's own 1 mg/L while 11 onwards took the dose.)
 */
import { describe, expect } from 'vitest';
import { createSimulation, HOUR } from '../../../src/sim';
import { itWithSharedData } from '../../support/shared-data';
import { compile } from '../../support/scenarios';

function run(inp: string, node: string) {
  const sim = createSimulation(
    compile(
      {
        duration: '12h',
        water: { inp: 'n.inp', stepS: 300, quality: { chemical: 'sodium hydroxide', units: 'mg/L', sourceNode: node, baselineMgL: 100, limitMgL: 1000 } },
        injects: [{ id: 'dose', at: '1h', title: 'Dose raised', commands: [{ type: 'water.dosing', setpointMgL: 500 }] }],
      },
      { 'n.inp': inp },
    ),
  );
  const m = sim.water!.model;
  const out: Map<string, number>[] = [];
  for (const h of [0.5, 2, 6, 12]) {
    sim.runUntil(h * HOUR);
    m.readQuality();
    out.push(new Map(m.nodeIds.map((id, i) => [id, m.qualityMgL[i]!])));
  }
  return out;
}

describe('dosing at a reservoir', () => {
  itWithSharedData('gives the network what the same dose at its outlet gives', 'water/net1/Net1.inp', (inp) => {
    const atReservoir = run(inp, '9');
    const atOutlet = run(inp, '10');
    atReservoir.forEach((q, k) => {
      for (const [id, v] of atOutlet[k]!) if (id !== '9') expect(q.get(id), `node ${id}, sample ${k}`).toBeCloseTo(v, 1);
    });
    expect(atReservoir[0]!.get('10')).toBeCloseTo(100, 1); // the baseline leaves the reservoir from the start
    expect(atReservoir[1]!.get('10')).toBeCloseTo(500, 1); // and the raised dose from the moment it is set
    expect(atReservoir[3]!.get('23')).toBeGreaterThan(100); // the far end takes it hours later
  });
});
