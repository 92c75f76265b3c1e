/**
 * Coupling: a pump needs power. When the substation feeding the pumping station is switched off,
 * the pump stops (whatever EPANET's controls would say), the tank carries the consumer until it
 * drains, service falls under pressure-driven analysis, and the KPI counts the residents without
 * water; each step is an event that explains itself back to the inject.
 */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/sim';
import { twin } from '../../support/twin';
import { tinyWater } from '../../support/water';

const scenario = {
  duration: '12h',
  assets: [
    { id: 'sub', kind: 'substation', subsystem: 'power', position: [0, 0] },
    { id: 'station', kind: 'pumping-station', subsystem: 'water', position: [100, 0] },
    { id: 'homes', kind: 'neighbourhood', subsystem: 'population', position: [300, 0], population: 1000 },
  ],
  dependencies: [{ from: 'sub', to: 'station', kind: 'physical', resource: 'power' }],
  water: { assets: [{ element: 'PU', asset: 'station' }], consumers: [{ node: 'C', asset: 'homes', tanks: ['TK'] }] },
  injects: [
    { id: 'cut', at: '1h', title: 'Substation switched off', commands: [{ type: 'asset.disable', targets: { ids: ['sub'] } }] },
    { id: 'back', at: '8h', title: 'Substation back', commands: [{ type: 'asset.restore', targets: { ids: ['sub'] } }] },
  ],
};

const run = () => twin(tinyWater(scenario));

describe('water coupled to power', () => {
  it('stops the pump when its station loses power, and says why', () => {
    const t = run().until('59m');
    const pump = () => t.sim.finalWater()!.pumps[0]!;
    expect(pump()).toMatchObject({ id: 'PU', status: 'open', powered: true });
    t.until('70m').expectChain({ type: 'water.pump.stopped', source: 'station' }, ['inject.applied']);
    expect(pump()).toMatchObject({ status: 'closed', powered: false, flowLps: 0 });
    expect(t.first('water.pump.stopped', 'station')!.data).toMatchObject({ pump: 'PU', reason: 'no power' });
  });

  it('serves the consumer from the tank, then loses service when it drains; the time left was right', () => {
    const t = run().until('2h').expectKpi('peopleWithoutWater', 0);
    const predicted = t.sim.finalWater()!.consumers[0]!.timeLeftS!;
    expect(predicted).toBeGreaterThan(0);
    const tankLeft = t.sim.finalWater()!.tanks[0]!.timeLeftS!;
    expect(predicted).toBe(tankLeft); // no on-site storage: the tank is the whole margin
    t.until('7h59m')
      .expectEvent('water.service.lost', 'homes')
      .expectKpi('peopleWithoutWater', 1000)
      .expectStatus('homes', 'down')
      .expectChain({ type: 'water.service.lost', source: 'homes' }, ['water.pump.stopped']);
    const lost = t.first('water.service.lost', 'homes')!;
    // Within one hydraulic step or two of the rate-based forecast made at 2 h.
    expect(Math.abs(lost.tMs / 1000 - (2 * 3600 + predicted))).toBeLessThan(15 * 60);
  });

  it('restarts the pump and restores service when power returns', () => {
    const t = run().until('9h').expectEvent('water.pump.started', 'station').expectKpi('peopleWithoutWater', 0).expectStatus('homes', 'ok');
    expect(t.sim.finalWater()!.pumps[0]).toMatchObject({ status: 'open', powered: true });
    const series = t.sim.kpiSeries.peopleWithoutWater!;
    expect(Math.max(...series.map(([, v]) => v))).toBe(1000);
  });

  it('counts partial service: residents times the share of demand not delivered', () => {
    // Asking 28 m for full service puts the draining tower in the pressure-deficient range for hours.
    const t = twin(tinyWater({ ...scenario, water: { ...scenario.water, demandModel: { requiredPressureM: 28 } } }));
    let partial = false;
    for (let at = 2 * HOUR; at < 8 * HOUR; at += 5 * MINUTE) {
      const s = t.until(at).sim.finalWater()!.consumers[0]!.servicePct;
      if (s > 0 && s < 100) {
        partial = true;
        t.expectKpi('peopleWithoutWater', Math.round(1000 * (1 - t.sim.water!.service[0]!)));
      }
    }
    expect(partial).toBe(true);
  });
});
