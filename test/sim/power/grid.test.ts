import { describe, expect, it } from 'vitest';
import { power, type PowerInput, type SimInput } from '../../../src/sim';
import { twin, type Twin } from '../../support/twin';
import { asset, edge, input } from '../../support/world';

/**
 * A small grid: a generator bus G feeding a load bus L over two parallel lines A and B, and a
 * third bus R hanging off L. Each line is rated 60 MW; with 100 MW at L both carry 50 MW (83%).
 * Open A and B carries 100 MW: 167% of its rating, and its relay operates after
 * 0.14 / (1.6667^0.02 − 1) s = 13.65 s on the IEC standard-inverse curve (TMS 1).
 */
function gridInput(opts: { gMax?: number; protection?: boolean; critical?: number } = {}): SimInput {
  const net = power.createNetwork({
    baseMVA: 100,
    buses: [
      { id: 1, type: 3 },
      { id: 2, pdMW: 90, criticalMW: opts.critical ?? 20, deferrableMW: 30 },
      { id: 3, pdMW: 10 },
    ],
    gens: [{ bus: 1, pgMW: 100, pmaxMW: opts.gMax ?? 500 }],
    branches: [
      { from: 1, to: 2, x: 0.1, rateMW: 60 },
      { from: 1, to: 2, x: 0.1, rateMW: 60 },
      { from: 2, to: 3, x: 0.1, rateMW: 0 },
    ],
  });
  const grid: PowerInput = {
    network: net,
    busIds: ['G', 'L', 'R'],
    branchIds: ['A', 'B', 'C'],
    genIds: ['gen'],
    busAsset: ['sub-g', 'sub-l', 'sub-r'],
    relay: { ...power.DEFAULT_RELAY },
    protection: opts.protection ?? true,
    manualRestoreMin: 60,
    remoteRestoreMin: 2,
  };
  const base = input(
    [
      asset('sub-g', { kind: 'substation', vendor: 'v' as never, remoteAccess: true }),
      asset('sub-l', { kind: 'substation' }),
      asset('sub-r', { kind: 'substation' }),
      asset('homes', { population: 1000 }),
    ],
    [edge('sub-r', 'homes')],
  );
  return { ...base, power: grid };
}

const flows = (t: Twin) => [...t.sim.power!.result.flowMW].map((f) => Math.round(f * 1000) / 1000);

describe('grid subsystem', () => {
  it('solves the intact grid at the start', () => {
    expect(flows(twin(gridInput()))).toEqual([50, 50, 10]);
  });

  it('trips an overloaded line on the inverse-time curve, caused by the breaker that overloaded it', () => {
    const t = twin(gridInput())
      .apply({ type: 'power.breaker', action: 'open', branches: ['A'] })
      .step(500);
    expect(flows(t)).toEqual([0, 100, 10]);
    t.until('20s').expectEvent('power.branch.tripped');
    const trip = t.first('power.branch.tripped')!;
    const expectedMs = (1000 * 0.14) / ((100 / 60) ** 0.02 - 1);
    expect(Math.abs(trip.tMs - expectedMs)).toBeLessThanOrEqual(1);
    expect(trip.causes).toEqual([t.first('power.breaker.opened')!.id]);
    // L and R are now cut off from generation: de-energised, the substations held down, homes dark.
    t.expectStatuses({ 'sub-l': 'down', homes: 'down' })
      .expectKpis({ peopleWithoutPower: 1000, mwShed: 100 })
      .expectChain('homes', ['command.applied', 'power.breaker.opened', 'power.branch.tripped', 'power.bus.deenergized', 'asset.status.changed']);
  });

  it('does not trip when protection is disabled (the line stays overloaded)', () => {
    const t = twin(gridInput())
      .apply({ type: 'power.protection', enabled: false }, { type: 'power.breaker', action: 'open', branches: ['A'] })
      .until('10m')
      .expectNoEvent('power.branch.tripped');
    expect(t.sim.power!.result.loading[1]).toBeCloseTo(100 / 60, 6);
  });

  it('keeps what SCADA reports apart from the physics when telemetry is spoofed', () => {
    const t = twin(gridInput({ protection: false }))
      .apply({ type: 'power.telemetry', mode: 'freeze' }, { type: 'power.breaker', action: 'open', branches: ['A'] })
      .step(500);
    expect(flows(t)).toEqual([0, 100, 10]);
    expect([...t.sim.power!.reportedFlowMW].map(Math.round)).toEqual([50, 50, 10]);
    t.apply({ type: 'power.telemetry', mode: 'scale', factor: 0.5, branches: ['B'] }).step(500);
    expect(t.sim.power!.reportedFlowMW[1]).toBeCloseTo(50, 6);
    expect(t.sim.snapshot().power!.flowMW[1]).toBeCloseTo(100, 4);
  });

  it('drops load when smart meters disconnect it remotely, and restores it', () => {
    const t = twin(gridInput())
      .apply({ type: 'power.load.disconnect', share: 0.5, buses: ['L'] })
      .step(500);
    // Critical load stays connected; the rest of L's 90 MW halves.
    expect(t.sim.power!.net.buses.pdMW[1]).toBeCloseTo(45, 6);
    expect(flows(t)).toEqual([27.5, 27.5, 10]);
    t.apply({ type: 'power.load.disconnect', share: 0, buses: ['L'] }).step(500);
    expect(flows(t)).toEqual([50, 50, 10]);
  });

  it('sheds deferrable load first and critical load last when generation is short', () => {
    const t = twin(gridInput({ gMax: 75, critical: 20 })).step(500);
    const shed = t.sim.power!.result.shedMW;
    // 100 MW of load, 75 MW available: 25 MW shed, all of it deferrable (30 MW at L).
    expect(shed[0]! + shed[1]! + shed[2]!).toBeCloseTo(25, 6);
    t.expectStatus('sub-l', 'degraded').expectEvent('power.load.shed', 'sub-l');
  });

  it('restores remotely in minutes, but by hand in an hour when SCADA cannot be trusted', () => {
    twin(gridInput())
      .apply({ type: 'asset.disable', targets: { ids: ['sub-r'] } })
      .step(500)
      .expectStatus('homes', 'down')
      .apply({ type: 'power.crew.dispatch', substations: ['sub-r'] })
      .until('2m')
      .expectStatus('homes', 'down')
      .until('2m1s')
      .expectStatus('homes', 'ok');

    const manual = twin(gridInput())
      .apply({ type: 'vendor.compromise', vendor: 'v' }, { type: 'asset.disable', targets: { ids: ['sub-g'] } })
      .step(500)
      .expectStatus('homes', 'down')
      .apply({ type: 'power.crew.dispatch', substations: ['sub-g'] })
      .until('30m')
      .expectStatus('homes', 'down')
      .until('62m')
      .expectStatus('homes', 'ok');
    expect(manual.first('power.crew.dispatched')!.data).toMatchObject({ manual: true, etaS: 3600 });
  });

  it('trips a generator and rebalances', () => {
    const t = twin(gridInput())
      .apply({ type: 'power.generator.trip', generators: ['gen'] })
      .step(500)
      .expectStatus('sub-g', 'down');
    expect([...t.sim.power!.result.energized]).toEqual([0, 0, 0]);
  });
});
