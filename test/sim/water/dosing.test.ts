/**
 * A dosing attack (Oldsmar, Florida, 2021: sodium hydroxide raised from 100 to 11,100 ppm):
 * EPANET's quality engine carries the new concentration from the dosing point through the mains,
 * so consumers further away are reached later, each exceedance an event caused by the change.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR } from '../../../src/sim';
import { waterInput } from './helpers';
import { TINY_INP } from './tiny-network';

const scenario = {
  duration: '12h',
  water: { inp: 'tiny.inp', quality: { chemical: 'sodium hydroxide', sourceNode: 'A', baselineMgL: 100, limitMgL: 1000 } },
  injects: [
    { id: 'oldsmar', at: '1h', title: 'Dosing setpoint raised', attack: 'T0836', commands: [{ type: 'water.dosing', setpointMgL: 11100, technique: 'T0836' }] },
  ],
};

describe('dosing attack', () => {
  it('carries the overdose downstream with travel time, explained back to the inject', () => {
    const sim = createSimulation(waterInput(scenario, { 'tiny.inp': TINY_INP }));
    sim.runUntil(HOUR - 1000);
    expect(sim.events.some((e) => e.type === 'water.quality.exceeded')).toBe(false);
    sim.runUntil(12 * HOUR);
    const hits = sim.events.filter((e) => e.type === 'water.quality.exceeded');
    const at = (node: string) => hits.find((e) => e.type === 'water.quality.exceeded' && e.data.node === node);
    const a = at('A');
    const c = at('C');
    expect(a).toBeDefined();
    expect(c).toBeDefined();
    // The dose enters at A (the works' outlet); C sits 200 m of 200 mm main beyond it (6.3 m³, about 10 min at 10 L/s).
    expect(c!.tMs).toBeGreaterThan(a!.tMs);
    expect(a!.tMs).toBeGreaterThanOrEqual(HOUR);
    expect(sim.explain(c!.id).chain.map((e) => e.type)).toEqual(expect.arrayContaining(['inject.applied', 'water.dosing.changed']));
  });

  it('keeps the baseline dose below the limit when nobody changes it', () => {
    const sim = createSimulation(waterInput({ ...scenario, injects: [] }, { 'tiny.inp': TINY_INP }));
    sim.runUntil(12 * HOUR);
    expect(sim.events.filter((e) => e.type === 'water.quality.exceeded')).toEqual([]);
    expect(sim.water!.model.qualityMgL[sim.water!.model.nodeOf('C')!]).toBeGreaterThan(50);
  });
});
