/**
 * The subsystem contract: a toy subsystem (test/sim/toy) joins a simulation through the list
 * alone, and the loop in simulation.ts steps it, samples its KPI, snapshots, reports, hashes and
 * disposes of it like the built-in ones.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, createSimulation, SUBSYSTEMS, type Simulation } from '../../../src/sim';
import { asset, edge, input } from '../../support/world';
import { OutageCounter, outageEntry, type OutageSnapshot } from '../toy/outage-counter';

function city() {
  return input([asset('sub', { kind: 'substation', subsystem: 'power' }), asset('pump', { kind: 'pump' })], [edge('sub', 'pump')]);
}

function run(sim: Simulation): Simulation {
  sim.runUntil(10 * 60_000);
  sim.apply({ type: 'asset.disable', targets: { ids: ['sub'] } });
  sim.runUntil(2 * 3600_000);
  return sim;
}

describe('a subsystem added to the list', () => {
  const withToy = run(createSimulation(city(), { subsystems: [...SUBSYSTEMS, outageEntry] }));
  const toy = withToy.subsystems.find((s): s is OutageCounter => s instanceof OutageCounter)!;

  it('is built with the shared context and stepped at its period', () => {
    expect(toy).toBeDefined();
    // Both assets go down at 10 min (the pump has no buffer) and stay down for 110 minutes.
    expect(toy.downMinutes[0]).toBeGreaterThanOrEqual(109);
    expect(toy.downMinutes[0]).toBeLessThanOrEqual(111);
    expect(toy.downMinutes[1]).toBe(toy.downMinutes[0]);
  });

  it('has its KPI sampled, listed and recorded', () => {
    expect(withToy.kpis().assetDownMinutes).toBe(toy.total());
    expect(withToy.kpiDefs.map((d) => d.id)).toContain('assetDownMinutes');
    const series = withToy.kpiSeries.assetDownMinutes!;
    expect(series.length).toBeGreaterThan(100);
    expect(series.at(-1)![1]).toBe(toy.total());
  });

  it('appears in the snapshot, the finals and the run report under its name', () => {
    const snap = withToy.snapshot();
    expect((snap.outages as OutageSnapshot).downMinutes[0]).toBe(toy.downMinutes[0]);
    expect(withToy.finals().outages).toEqual({ totalDownMinutes: toy.total() });
    const report = buildReport(withToy, 1);
    expect(report.final.outages).toEqual({ totalDownMinutes: toy.total() });
    expect(report.kpis.assetDownMinutes!.series.length).toBeGreaterThan(0);
  });

  it('emits on the one bus, in the causal log', () => {
    const warn = withToy.events.find((e) => e.type === 'inject.pressure');
    expect(warn?.data).toMatchObject({ title: 'Outages pass an hour' });
    // 60 asset-minutes: two assets down from 10 min, counted at its 30th step since (it steps at 0.5 s past each minute).
    expect(warn!.tMs).toBe(39 * 60_000 + 500);
  });

  it('adds its state to the hash, deterministically', () => {
    const without = run(createSimulation(city()));
    const again = run(createSimulation(city(), { subsystems: [...SUBSYSTEMS, outageEntry] }));
    expect(again.hash()).toBe(withToy.hash());
    expect(without.hash()).not.toBe(withToy.hash());
    expect(without.snapshot().outages).toBeUndefined();
  });

  it('is disposed of once with the simulation', () => {
    withToy.dispose();
    withToy.dispose();
    expect(toy.disposed).toBe(1);
  });
});
