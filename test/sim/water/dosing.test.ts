/**
 * A dosing attack (Oldsmar, Florida, 2021: sodium hydroxide raised from 100 to 11,100 ppm):
 * EPANET's quality engine carries the new concentration from the dosing point through the mains,
 * so consumers further away are reached later, each exceedance an event caused by the change.
 */
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/sim';
import { twin } from '../../support/twin';
import { tinyWater } from '../../support/water';

const scenario = {
  duration: '12h',
  water: { quality: { chemical: 'sodium hydroxide', sourceNode: 'A', baselineMgL: 100, limitMgL: 1000 } },
  injects: [
    { id: 'oldsmar', at: '1h', title: 'Dosing setpoint raised', attack: 'T0836', commands: [{ type: 'water.dosing', setpointMgL: 11100, technique: 'T0836' }] },
  ],
};

describe('dosing attack', () => {
  it('carries the overdose downstream with travel time, explained back to the inject', () => {
    const t = twin(tinyWater(scenario))
      .until(HOUR - 1000)
      .expectNoEvent('water.quality.exceeded')
      .until('12h');
    const at = (node: string) => t.events('water.quality.exceeded').find((e) => e.data.node === node);
    const a = at('A');
    const c = at('C');
    expect(a).toBeDefined();
    expect(c).toBeDefined();
    // The dose enters at A (the works' outlet); C sits 200 m of 200 mm main beyond it (6.3 m³, about 10 min at 10 L/s).
    expect(c!.tMs).toBeGreaterThan(a!.tMs);
    expect(a!.tMs).toBeGreaterThanOrEqual(HOUR);
    t.expectChain(c!, ['inject.applied', 'water.dosing.changed']);
  });

  it('keeps the baseline dose below the limit when nobody changes it', () => {
    const { water } = twin(tinyWater({ ...scenario, injects: [] }))
      .until('12h')
      .expectNoEvent('water.quality.exceeded').sim;
    expect(water!.model.qualityMgL[water!.model.nodeOf('C')!]).toBeGreaterThan(50);
  });
});
