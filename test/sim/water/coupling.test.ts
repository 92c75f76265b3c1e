/**
 * Coupling: a pump needs power. When the substation feeding the pumping station is switched off,
 * the pump stops (whatever EPANET's controls would say), the tank carries the consumer until it
 * drains, service falls under pressure-driven analysis, and the KPI counts the residents without
 * water; each step is an event that explains itself back to the inject.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, MINUTE, type Simulation } from '../../../src/sim';
import { waterInput } from './helpers';
import { TINY_INP } from './tiny-network';

const scenario = {
  duration: '12h',
  assets: [
    { id: 'sub', kind: 'substation', subsystem: 'power', position: [0, 0] },
    { id: 'station', kind: 'pumping-station', subsystem: 'water', position: [100, 0] },
    { id: 'homes', kind: 'neighbourhood', subsystem: 'population', position: [300, 0], population: 1000 },
  ],
  dependencies: [{ from: 'sub', to: 'station', kind: 'physical', resource: 'power' }],
  water: { inp: 'tiny.inp', assets: [{ element: 'PU', asset: 'station' }], consumers: [{ node: 'C', asset: 'homes', tanks: ['TK'] }] },
  injects: [
    { id: 'cut', at: '1h', title: 'Substation switched off', commands: [{ type: 'asset.disable', targets: { ids: ['sub'] } }] },
    { id: 'back', at: '8h', title: 'Substation back', commands: [{ type: 'asset.restore', targets: { ids: ['sub'] } }] },
  ],
};

const run = () => createSimulation(waterInput(scenario, { 'tiny.inp': TINY_INP }));
const first = (sim: Simulation, type: string, source?: string) => sim.events.find((e) => e.type === type && (source === undefined || e.source === source));

describe('water coupled to power', () => {
  it('stops the pump when its station loses power, and says why', () => {
    const sim = run();
    sim.runUntil(HOUR - MINUTE);
    expect(sim.finalWater()!.pumps[0]).toMatchObject({ id: 'PU', status: 'open', powered: true });
    sim.runUntil(HOUR + 10 * MINUTE);
    const pump = sim.finalWater()!.pumps[0]!;
    expect(pump).toMatchObject({ status: 'closed', powered: false, flowLps: 0 });
    const stopped = first(sim, 'water.pump.stopped', 'station')!;
    expect(stopped.data).toMatchObject({ pump: 'PU', reason: 'no power' });
    expect(sim.explain(stopped.id).chain.map((e) => e.type)).toContain('inject.applied');
  });

  it('serves the consumer from the tank, then loses service when it drains; the time left was right', () => {
    const sim = run();
    sim.runUntil(2 * HOUR);
    expect(sim.kpis().peopleWithoutWater).toBe(0);
    const predicted = sim.finalWater()!.consumers[0]!.timeLeftS!;
    expect(predicted).toBeGreaterThan(0);
    const tankLeft = sim.finalWater()!.tanks[0]!.timeLeftS!;
    expect(predicted).toBe(tankLeft); // no on-site storage: the tank is the whole margin
    sim.runUntil(8 * HOUR - MINUTE);
    const lost = first(sim, 'water.service.lost', 'homes')!;
    expect(lost).toBeDefined();
    // Within one hydraulic step or two of the rate-based forecast made at 2 h.
    expect(Math.abs(lost.tMs / 1000 - (2 * 3600 + predicted))).toBeLessThan(15 * 60);
    expect(sim.kpis().peopleWithoutWater).toBe(1000);
    expect(sim.world.statusOf('homes')).toBe('down');
    expect(sim.explain(lost.id).chain.map((e) => e.type)).toContain('water.pump.stopped');
  });

  it('restarts the pump and restores service when power returns', () => {
    const sim = run();
    sim.runUntil(9 * HOUR);
    expect(first(sim, 'water.pump.started', 'station')).toBeDefined();
    expect(sim.finalWater()!.pumps[0]).toMatchObject({ status: 'open', powered: true });
    expect(sim.kpis().peopleWithoutWater).toBe(0);
    expect(sim.world.statusOf('homes')).toBe('ok');
    const series = sim.kpiSeries.peopleWithoutWater!;
    expect(Math.max(...series.map(([, v]) => v))).toBe(1000);
  });

  it('counts partial service: residents times the share of demand not delivered', () => {
    // Asking 28 m for full service puts the draining tower in the pressure-deficient range for hours.
    const sim = createSimulation(waterInput({ ...scenario, water: { ...scenario.water, demandModel: { requiredPressureM: 28 } } }, { 'tiny.inp': TINY_INP }));
    let partial = false;
    for (let t = 2 * HOUR; t < 8 * HOUR; t += 5 * MINUTE) {
      sim.runUntil(t);
      const s = sim.finalWater()!.consumers[0]!.servicePct;
      if (s > 0 && s < 100) {
        partial = true;
        expect(sim.kpis().peopleWithoutWater).toBe(Math.round(1000 * (1 - sim.water!.service[0]!)));
      }
    }
    expect(partial).toBe(true);
  });
});
