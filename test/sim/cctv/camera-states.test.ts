/**
 * Camera states in a running simulation, each an event with its cause: no power when the street
 * cabinet feeding it by PoE goes down, hijacked (looped view, T0832) only for cameras the attacker
 * holds, botnet membership, and back to ok; records accrue only while a camera works.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, SECOND, MINUTE } from '../../../src/sim';
import { networkFixture } from '../comms/network-fixture';
import { shippedInput } from '../../scenario/shipped-fixture';

const states = (sim: ReturnType<typeof createSimulation>, cam: string) =>
  sim.events.filter((e) => e.type === 'cctv.camera.state' && e.source === cam).map((e) => (e.type === 'cctv.camera.state' ? e.data.to : ''));

describe('camera states', () => {
  it('goes dark when its PoE cabinet fails, caused by the cabinet going down, and comes back with it', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'asset.disable', targets: { ids: ['sw'] }, actor: 'operator', reason: 'cabinet flooded' });
    sim.runUntil(5 * SECOND);
    expect(states(sim, 'cam-1')).toEqual(['no-power']);
    const ev = sim.events.find((e) => e.type === 'cctv.camera.state' && e.source === 'cam-1')!;
    expect(sim.explain(ev.id).chain.some((e) => e.type === 'asset.disabled' && e.source === 'sw')).toBe(true);
    sim.apply({ type: 'asset.restore', targets: { ids: ['sw'] } });
    sim.runUntil(10 * SECOND);
    expect(states(sim, 'cam-1')).toEqual(['no-power', 'ok']);
  });

  it('loops the view only of cameras the attacker holds', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'cctv.view', targets: { ids: ['cam-1'] }, mode: 'loop' });
    sim.runUntil(3 * SECOND);
    expect(states(sim, 'cam-1')).toEqual([]);
    sim.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
    sim.apply({ type: 'cctv.view', targets: { ids: ['cam-1'] }, mode: 'loop', technique: 'T0832' });
    sim.runUntil(6 * SECOND);
    expect(states(sim, 'cam-1')).toEqual(['hijacked']);
    expect(states(sim, 'cam-2')).toEqual([]);
  });

  it('records nothing real while hijacked, and keeps recording as a botnet member', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
    sim.apply({ type: 'cctv.view', targets: { kind: 'camera' }, mode: 'blind' });
    sim.runUntil(10 * MINUTE);
    const cctv = sim.cyber!.cctv;
    expect(cctv.stored[0]).toBe(0);
    sim.apply({ type: 'cctv.view', targets: { kind: 'camera' }, mode: 'clear' });
    sim.apply({ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 1 });
    sim.runUntil(20 * MINUTE);
    expect(states(sim, 'cam-1')).toEqual(['hijacked', 'botnet']);
    expect(cctv.stored[0]!).toBeGreaterThan(0);
    expect(cctv.countByState().botnet).toBe(5);
  });

  it('shows a flooding botnet member as botnet while congestion starves its stream, and as no network once its zone is isolated', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
    // 5 × 60 Mb/s of flood over a 100 Mb/s backhaul: the cameras' own video to the control room starves.
    sim.apply({ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 60 });
    sim.runUntil(5 * MINUTE);
    const cctv = sim.cyber!.cctv;
    expect([...cctv.networkOk]).toEqual([0, 0, 0, 0, 0]);
    expect(cctv.countByState().botnet).toBe(5);
    // Isolating a zone is a response that takes its crew five minutes.
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true });
    sim.runUntil(9 * MINUTE);
    expect(cctv.countByState().botnet).toBe(5);
    sim.runUntil(11 * MINUTE);
    expect(cctv.countByState()).toMatchObject({ botnet: 0, 'no-network': 5 });
    expect(states(sim, 'cam-1').at(-1)).toBe('no-network');
    const ev = sim.events.filter((e) => e.type === 'cctv.camera.state' && e.source === 'cam-1').at(-1)!;
    expect(sim.explain(ev.id).chain.some((e) => e.type === 'command.applied' && JSON.stringify(e.data).includes('isolate'))).toBe(true);
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: false });
    sim.runUntil(20 * MINUTE);
    expect(cctv.countByState().botnet).toBe(5);
  });

  it('shows a camera switched off by the operator as out of service, not as without power', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'asset.disable', targets: { ids: ['cam-2'] }, actor: 'operator', reason: 'maintenance' });
    sim.runUntil(5 * SECOND);
    expect(states(sim, 'cam-2')).toEqual(['offline']);
    expect(states(sim, 'cam-1')).toEqual([]);
  });
});

describe('street coverage as a KPI', () => {
  it('falls as soon as the CCTV zone is cut off, and agrees with the report on what the cameras still see', () => {
    const sim = createSimulation(shippedInput('cctv-exfiltration', (s) => (s.injects = [])));
    sim.runUntil(MINUTE);
    const atLoad = sim.finalCyber()!.cctv.streetCoveragePct as number;
    expect(atLoad).toBeGreaterThan(0);
    expect(sim.kpis().streetCoverage).toBe(atLoad);
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true });
    sim.runUntil(20 * MINUTE);
    const f = sim.finalCyber()!.cctv as { liveStreetCoveragePct: number };
    expect(sim.cyber!.cctv.countByState().ok).toBeLessThan(sim.cyber!.cctv.geometry.count);
    expect(sim.kpis().streetCoverage).toBeLessThan(atLoad);
    expect(sim.kpis().streetCoverage).toBe(f.liveStreetCoveragePct);
    // The minute-by-minute history the strip and the report draw shows the drop.
    const series = sim.kpiSeries.streetCoverage!;
    expect(series[0]![1]).toBe(atLoad);
    expect(series.at(-1)![1]).toBe(f.liveStreetCoveragePct);
  });
});
