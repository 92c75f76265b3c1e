/**
 * Camera states in a running simulation, each an event with its cause: no power when the street
 * cabinet feeding it by PoE goes down, hijacked (looped view, T0832) only for cameras the attacker
 * holds, botnet membership, and back to ok; records accrue only while a camera works.
 */
import { describe, expect, it } from 'vitest';
import { smallNetwork } from '../../support/network';
import { shipped } from '../../support/scenarios';
import { twin, type Twin } from '../../support/twin';

const states = (t: Twin, cam: string) => t.events('cctv.camera.state', cam).map((e) => e.data.to);
const network = () => twin(smallNetwork());

describe('camera states', () => {
  it('goes dark when its PoE cabinet fails, caused by the cabinet going down, and comes back with it', () => {
    const t = network()
      .apply({ type: 'asset.disable', targets: { ids: ['sw'] }, actor: 'operator', reason: 'cabinet flooded' })
      .until('5s');
    expect(states(t, 'cam-1')).toEqual(['no-power']);
    expect(t.why({ type: 'cctv.camera.state', source: 'cam-1' }).chain.some((e) => e.type === 'asset.disabled' && e.source === 'sw')).toBe(true);
    t.apply({ type: 'asset.restore', targets: { ids: ['sw'] } }).until('10s');
    expect(states(t, 'cam-1')).toEqual(['no-power', 'ok']);
  });

  it('loops the view only of cameras the attacker holds', () => {
    const t = network()
      .apply({ type: 'cctv.view', targets: { ids: ['cam-1'] }, mode: 'loop' })
      .until('3s');
    expect(states(t, 'cam-1')).toEqual([]);
    t.apply({ type: 'vendor.compromise', vendor: 'kestrel' }, { type: 'cctv.view', targets: { ids: ['cam-1'] }, mode: 'loop', technique: 'T0832' }).until('6s');
    expect(states(t, 'cam-1')).toEqual(['hijacked']);
    expect(states(t, 'cam-2')).toEqual([]);
  });

  it('records nothing real while hijacked, and keeps recording as a botnet member', () => {
    const t = network()
      .apply({ type: 'vendor.compromise', vendor: 'kestrel' }, { type: 'cctv.view', targets: { kind: 'camera' }, mode: 'blind' })
      .until('10m');
    const cctv = t.sim.cyber!.cctv;
    expect(cctv.stored[0]).toBe(0);
    t.apply(
      { type: 'cctv.view', targets: { kind: 'camera' }, mode: 'clear' },
      { type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 1 },
    ).until('20m');
    expect(states(t, 'cam-1')).toEqual(['hijacked', 'botnet']);
    expect(cctv.stored[0]!).toBeGreaterThan(0);
    expect(cctv.countByState().botnet).toBe(5);
  });

  it('shows a flooding botnet member as botnet while congestion starves its stream, and as no network once its zone is isolated', () => {
    const t = network()
      // 5 × 60 Mb/s of flood over a 100 Mb/s backhaul: the cameras' own video to the control room starves.
      .apply({ type: 'vendor.compromise', vendor: 'kestrel' }, { type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 60 })
      .until('5m');
    const cctv = t.sim.cyber!.cctv;
    expect([...cctv.networkOk]).toEqual([0, 0, 0, 0, 0]);
    expect(cctv.countByState().botnet).toBe(5);
    // Isolating a zone is a response that takes its crew five minutes.
    t.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true }).until('9m');
    expect(cctv.countByState().botnet).toBe(5);
    t.until('11m');
    expect(cctv.countByState()).toMatchObject({ botnet: 0, 'no-network': 5 });
    expect(states(t, 'cam-1').at(-1)).toBe('no-network');
    const why = t.why({ type: 'cctv.camera.state', source: 'cam-1', which: 'last' });
    expect(why.chain.some((e) => e.type === 'command.applied' && JSON.stringify(e.data).includes('isolate'))).toBe(true);
    t.apply({ type: 'comms.isolate', zone: 'cctv', isolated: false }).until('20m');
    expect(cctv.countByState().botnet).toBe(5);
  });

  it('shows a camera switched off by the operator as out of service, not as without power', () => {
    const t = network()
      .apply({ type: 'asset.disable', targets: { ids: ['cam-2'] }, actor: 'operator', reason: 'maintenance' })
      .until('5s');
    expect(states(t, 'cam-2')).toEqual(['offline']);
    expect(states(t, 'cam-1')).toEqual([]);
  });
});

describe('street coverage as a KPI', () => {
  it('falls as soon as the CCTV zone is cut off, and agrees with the report on what the cameras still see', () => {
    const t = twin(shipped('cctv-exfiltration', (s) => (s.injects = []))).until('1m');
    const sim = t.sim;
    const atLoad = sim.finalCyber()!.cctv.streetCoveragePct as number;
    expect(atLoad).toBeGreaterThan(0);
    t.expectKpi('streetCoverage', atLoad)
      .apply({ type: 'comms.isolate', zone: 'cctv', isolated: true })
      .until('20m')
      .expectKpi('streetCoverage', (v) => v < atLoad);
    const f = sim.finalCyber()!.cctv as { liveStreetCoveragePct: number };
    expect(sim.cyber!.cctv.countByState().ok).toBeLessThan(sim.cyber!.cctv.geometry.count);
    t.expectKpi('streetCoverage', f.liveStreetCoveragePct);
    // The minute-by-minute history the strip and the report draw shows the drop.
    const series = sim.kpiSeries.streetCoverage!;
    expect(series[0]![1]).toBe(atLoad);
    expect(series.at(-1)![1]).toBe(f.liveStreetCoveragePct);
  });
});
