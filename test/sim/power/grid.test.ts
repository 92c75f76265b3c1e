import { describe, expect, it } from 'vitest';
import { createSimulation, power, MINUTE, type PowerInput, type SimInput } from '../../../src/sim';
import { asset, edge, input } from '../helpers';

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

const flows = (sim: ReturnType<typeof createSimulation>) => [...sim.power!.result.flowMW].map((f) => Math.round(f * 1000) / 1000);

describe('grid subsystem', () => {
  it('solves the intact grid at the start', () => {
    const sim = createSimulation(gridInput());
    expect(flows(sim)).toEqual([50, 50, 10]);
  });

  it('trips an overloaded line on the inverse-time curve, caused by the breaker that overloaded it', () => {
    const sim = createSimulation(gridInput());
    sim.apply({ type: 'power.breaker', action: 'open', branches: ['A'] });
    sim.step(500);
    expect(flows(sim)).toEqual([0, 100, 10]);
    sim.runUntil(20_000);
    const trip = sim.events.find((e) => e.type === 'power.branch.tripped')!;
    expect(trip).toBeDefined();
    const expectedMs = (1000 * 0.14) / ((100 / 60) ** 0.02 - 1);
    expect(Math.abs(trip.tMs - expectedMs)).toBeLessThanOrEqual(1);
    const opened = sim.events.find((e) => e.type === 'power.breaker.opened')!;
    expect(trip.causes).toEqual([opened.id]);
    // L and R are now cut off from generation: de-energised, the substations held down, homes dark.
    expect(sim.world.statusOf('sub-l')).toBe('down');
    expect(sim.world.statusOf('homes')).toBe('down');
    expect(sim.kpis().peopleWithoutPower).toBe(1000);
    expect(sim.kpis().mwShed).toBe(100);
    const why = sim.whyStatus('homes')!;
    expect(why.chain.map((e) => e.type)).toEqual(
      expect.arrayContaining(['command.applied', 'power.breaker.opened', 'power.branch.tripped', 'power.bus.deenergized', 'asset.status.changed']),
    );
  });

  it('does not trip when protection is disabled (the line stays overloaded)', () => {
    const sim = createSimulation(gridInput());
    sim.apply({ type: 'power.protection', enabled: false });
    sim.apply({ type: 'power.breaker', action: 'open', branches: ['A'] });
    sim.runUntil(10 * MINUTE);
    expect(sim.events.some((e) => e.type === 'power.branch.tripped')).toBe(false);
    expect(sim.power!.result.loading[1]).toBeCloseTo(100 / 60, 6);
  });

  it('keeps what SCADA reports apart from the physics when telemetry is spoofed', () => {
    const sim = createSimulation(gridInput({ protection: false }));
    sim.apply({ type: 'power.telemetry', mode: 'freeze' });
    sim.apply({ type: 'power.breaker', action: 'open', branches: ['A'] });
    sim.step(500);
    expect(flows(sim)).toEqual([0, 100, 10]);
    expect([...sim.power!.reportedFlowMW].map(Math.round)).toEqual([50, 50, 10]);
    sim.apply({ type: 'power.telemetry', mode: 'scale', factor: 0.5, branches: ['B'] });
    sim.step(500);
    expect(sim.power!.reportedFlowMW[1]).toBeCloseTo(50, 6);
    expect(sim.snapshot().power!.flowMW[1]).toBeCloseTo(100, 4);
  });

  it('drops load when smart meters disconnect it remotely, and restores it', () => {
    const sim = createSimulation(gridInput());
    sim.apply({ type: 'power.load.disconnect', share: 0.5, buses: ['L'] });
    sim.step(500);
    // Critical load stays connected; the rest of L's 90 MW halves.
    expect(sim.power!.net.buses.pdMW[1]).toBeCloseTo(45, 6);
    expect(flows(sim)).toEqual([27.5, 27.5, 10]);
    sim.apply({ type: 'power.load.disconnect', share: 0, buses: ['L'] });
    sim.step(500);
    expect(flows(sim)).toEqual([50, 50, 10]);
  });

  it('sheds deferrable load first and critical load last when generation is short', () => {
    const sim = createSimulation(gridInput({ gMax: 75, critical: 20 }));
    sim.step(500);
    const shed = sim.power!.result.shedMW;
    // 100 MW of load, 75 MW available: 25 MW shed, all of it deferrable (30 MW at L).
    expect(shed[0]! + shed[1]! + shed[2]!).toBeCloseTo(25, 6);
    expect(sim.world.statusOf('sub-l')).toBe('degraded');
    expect(sim.events.some((e) => e.type === 'power.load.shed' && e.source === 'sub-l')).toBe(true);
  });

  it('restores remotely in minutes, but by hand in an hour when SCADA cannot be trusted', () => {
    const remote = createSimulation(gridInput());
    remote.apply({ type: 'asset.disable', targets: { ids: ['sub-r'] } });
    remote.step(500);
    expect(remote.world.statusOf('homes')).toBe('down');
    remote.apply({ type: 'power.crew.dispatch', substations: ['sub-r'] });
    remote.runUntil(2 * MINUTE);
    expect(remote.world.statusOf('homes')).toBe('down');
    remote.runUntil(2 * MINUTE + 1000);
    expect(remote.world.statusOf('homes')).toBe('ok');

    const manual = createSimulation(gridInput());
    manual.apply({ type: 'vendor.compromise', vendor: 'v' });
    manual.apply({ type: 'asset.disable', targets: { ids: ['sub-g'] } });
    manual.step(500);
    expect(manual.world.statusOf('homes')).toBe('down');
    manual.apply({ type: 'power.crew.dispatch', substations: ['sub-g'] });
    manual.runUntil(30 * MINUTE);
    expect(manual.world.statusOf('homes')).toBe('down');
    manual.runUntil(62 * MINUTE);
    expect(manual.world.statusOf('homes')).toBe('ok');
    expect(manual.events.find((e) => e.type === 'power.crew.dispatched')!.data).toMatchObject({ manual: true, etaS: 3600 });
  });

  it('trips a generator and rebalances', () => {
    const sim = createSimulation(gridInput());
    sim.apply({ type: 'power.generator.trip', generators: ['gen'] });
    sim.step(500);
    expect([...sim.power!.result.energized]).toEqual([0, 0, 0]);
    expect(sim.world.statusOf('sub-g')).toBe('down');
  });
});
