/**
 * The comms subsystem in a running simulation: a camera botnet's flood congests the backhaul and
 * the traffic signal sharing it loses comms (drop-tail), each step an event caused by the one
 * before back to the command; fair queueing protects it; segmentation limits what a vendor's VPN
 * reaches; isolating a zone blocks control traffic only after the response time.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, SECOND, MINUTE, type SimEvent } from '../../../src/sim';
import { networkFixture } from './network-fixture';

const of = (events: readonly SimEvent[], type: string, source?: string) =>
  events.filter((e) => e.type === type && (source === undefined || e.source === source));

function floodRun(sharing: 'max-min' | 'proportional') {
  const sim = createSimulation(networkFixture({ sharing }));
  sim.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
  sim.apply({ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 60 });
  sim.runUntil(30 * SECOND);
  return sim;
}

describe('comms subsystem', () => {
  it('a botnet flood on the shared backhaul costs the signal its comms, with causes back to the command', () => {
    const sim = floodRun('proportional');
    const lost = of(sim.events, 'comms.device.lost', 'sig');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.type === 'comms.device.lost' && lost[0]!.data.reason).toBe('congestion');
    expect(sim.world.statusOf('sig')).toBe('degraded');
    const chain = sim.explain(lost[0]!.id).chain.map((e) => e.type);
    expect(chain).toContain('comms.link.congested');
    expect(chain).toContain('botnet.flood');
    expect(sim.explain(lost[0]!.id).roots.some((e) => e.type === 'command.applied')).toBe(true);
    const congested = of(sim.events, 'comms.link.congested');
    expect(congested.some((e) => e.type === 'comms.link.congested' && e.data.link === 'core~agg' && e.data.congested)).toBe(true);
  });

  it('fair queueing (max-min) keeps the small control flow whole under the same flood', () => {
    const sim = floodRun('max-min');
    expect(of(sim.events, 'comms.link.congested').length).toBeGreaterThan(0);
    expect(of(sim.events, 'comms.device.lost')).toHaveLength(0);
    expect(sim.world.statusOf('sig')).toBe('ok');
  });

  it('the signal regains comms once the flood stops', () => {
    const sim = floodRun('proportional');
    sim.apply({ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'stop' });
    sim.runUntil(60 * SECOND);
    expect(of(sim.events, 'comms.device.restored', 'sig')).toHaveLength(1);
    expect(sim.world.statusOf('sig')).toBe('ok');
    expect(sim.cyber!.comms.devicesWithoutComms()).toBe(0);
  });

  it('a flat network lets the vendor VPN reach everything the vendor supplies; segmentation confines it', () => {
    const flat = createSimulation(networkFixture({ vendorSuppliesSignal: true }));
    flat.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
    flat.runUntil(SECOND);
    expect(flat.world.compromise[flat.world.indexOf('sig')]).not.toBeNull();

    const seg = createSimulation(networkFixture({ vendorSuppliesSignal: true, segmentation: true }));
    seg.apply({ type: 'vendor.compromise', vendor: 'kestrel' });
    seg.runUntil(SECOND);
    expect(seg.world.compromise[seg.world.indexOf('sig')]).toBeNull();
    expect(seg.world.compromise[seg.world.indexOf('cam-1')]).not.toBeNull();
  });

  it('isolating a zone blocks its control traffic only after the response time', () => {
    const sim = createSimulation(networkFixture({ segmentation: true }));
    sim.apply({ type: 'comms.isolate', zone: 'traffic', isolated: true });
    sim.runUntil(4 * MINUTE);
    expect(of(sim.events, 'comms.device.lost')).toHaveLength(0);
    sim.runUntil(6 * MINUTE);
    const lost = of(sim.events, 'comms.device.lost', 'sig');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.type === 'comms.device.lost' && lost[0]!.data.reason).toBe('blocked');
    expect(sim.explain(lost[0]!.id).chain.some((e) => e.type === 'comms.zone.isolated')).toBe(true);
  });

  it('a cut in the path beyond the device (the control room dark) is a loss of comms too', () => {
    const sim = createSimulation(networkFixture());
    sim.apply({ type: 'threat.ransomware' });
    sim.runUntil(10 * SECOND);
    const lost = of(sim.events, 'comms.device.lost', 'sig');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.type === 'comms.device.lost' && lost[0]!.data.reason).toBe('unreachable');
    expect(sim.explain(lost[0]!.id).chain.some((e) => e.type === 'threat.stage')).toBe(true);
  });

  it('switching to manual operation takes 30 minutes, then lost comms no longer degrade the signal', () => {
    const sim = floodRun('proportional');
    expect(sim.world.statusOf('sig')).toBe('degraded');
    sim.apply({ type: 'comms.manual', kinds: ['traffic-signal'], enabled: true });
    sim.runUntil(29 * MINUTE);
    expect(sim.world.statusOf('sig')).toBe('degraded');
    sim.runUntil(31 * MINUTE);
    expect(sim.world.statusOf('sig')).toBe('ok');
    const why = sim.whyStatus('sig')!;
    expect(why.chain.some((e) => e.type === 'threat.response' && e.data.action === 'switch-to-manual' && e.data.done)).toBe(true);
  });
});
