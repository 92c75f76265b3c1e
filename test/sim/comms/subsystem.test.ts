/**
 * The comms subsystem in a running simulation: a camera botnet's flood congests the backhaul and
 * the traffic signal sharing it loses comms (drop-tail), each step an event caused by the one
 * before back to the command; fair queueing protects it; segmentation limits what a vendor's VPN
 * reaches; isolating a zone blocks control traffic only after the response time.
 */
import { describe, expect, it } from 'vitest';
import { smallNetwork } from '../../support/network';
import { twin } from '../../support/twin';

const floodRun = (sharing: 'max-min' | 'proportional') =>
  twin(smallNetwork({ sharing }))
    .apply({ type: 'vendor.compromise', vendor: 'kestrel' }, { type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start', mbpsPerDevice: 60 })
    .until('30s');

describe('comms subsystem', () => {
  it('a botnet flood on the shared backhaul costs the signal its comms, with causes back to the command', () => {
    const t = floodRun('proportional').expectCount('comms.device.lost', 1, 'sig').expectStatus('sig', 'degraded');
    const lost = { type: 'comms.device.lost', source: 'sig' } as const;
    expect(t.first('comms.device.lost', 'sig')!.data.reason).toBe('congestion');
    t.expectChain(lost, ['comms.link.congested', 'botnet.flood']).expectRoot(lost, 'command.applied');
    expect(t.events('comms.link.congested').some((e) => e.data.link === 'core~agg' && e.data.congested)).toBe(true);
  });

  it('fair queueing (max-min) keeps the small control flow whole under the same flood', () => {
    floodRun('max-min').expectEvent('comms.link.congested').expectNoEvent('comms.device.lost').expectStatus('sig', 'ok');
  });

  it('the signal regains comms once the flood stops', () => {
    const t = floodRun('proportional')
      .apply({ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'stop' })
      .until('60s')
      .expectCount('comms.device.restored', 1, 'sig')
      .expectStatus('sig', 'ok');
    expect(t.sim.cyber!.comms.devicesWithoutComms()).toBe(0);
  });

  it('a flat network lets the vendor VPN reach everything the vendor supplies; segmentation confines it', () => {
    const flat = twin(smallNetwork({ vendorSuppliesSignal: true }))
      .apply({ type: 'vendor.compromise', vendor: 'kestrel' })
      .until('1s');
    expect(flat.compromised('sig')).toBe(true);

    const seg = twin(smallNetwork({ vendorSuppliesSignal: true, segmentation: true }))
      .apply({ type: 'vendor.compromise', vendor: 'kestrel' })
      .until('1s');
    expect(seg.compromised('sig')).toBe(false);
    expect(seg.compromised('cam-1')).toBe(true);
  });

  it('isolating a zone blocks its control traffic only after the response time', () => {
    const t = twin(smallNetwork({ segmentation: true }))
      .apply({ type: 'comms.isolate', zone: 'traffic', isolated: true })
      .until('4m')
      .expectNoEvent('comms.device.lost')
      .until('6m')
      .expectCount('comms.device.lost', 1, 'sig')
      .expectChain({ type: 'comms.device.lost', source: 'sig' }, ['comms.zone.isolated']);
    expect(t.first('comms.device.lost', 'sig')!.data.reason).toBe('blocked');
  });

  it('a cut in the path beyond the device (the control room dark) is a loss of comms too', () => {
    const t = twin(smallNetwork())
      .apply({ type: 'threat.ransomware' })
      .until('10s')
      .expectCount('comms.device.lost', 1, 'sig')
      .expectChain({ type: 'comms.device.lost', source: 'sig' }, ['threat.stage']);
    expect(t.first('comms.device.lost', 'sig')!.data.reason).toBe('unreachable');
  });

  it('switching to manual operation takes 30 minutes, then lost comms no longer degrade the signal', () => {
    const t = floodRun('proportional')
      .expectStatus('sig', 'degraded')
      .apply({ type: 'comms.manual', kinds: ['traffic-signal'], enabled: true })
      .until('29m')
      .expectStatus('sig', 'degraded')
      .until('31m')
      .expectStatus('sig', 'ok');
    expect(t.why('sig').chain.some((e) => e.type === 'threat.response' && e.data.action === 'switch-to-manual' && e.data.done)).toBe(true);
  });
});
