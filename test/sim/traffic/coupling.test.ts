import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/sim';
import { MODE_ALL_GREEN, MODE_DARK, MODE_FIXED, MODE_NORMAL } from '../../../src/sim/traffic';
import { shipped, signalCity } from '../../support/scenarios';
import { twin, type Twin } from '../../support/twin';

const city = () => twin(signalCity());

const signalOf = (t: Twin, i: number) => t.sim.traffic!.input.signals[i]!.asset!;
/** The mode of the signal at an asset, as the traffic model runs it. */
const modeOf = (t: Twin, id: string) => t.sim.traffic!.model.signals.mode[t.sim.traffic!.signalIndexOf(id)!];

describe('traffic coupled to signal assets', () => {
  it('goes dark when its power is lost, and back to its plan when power returns, each change explained', () => {
    const t = city();
    const sig = signalOf(t, 0);
    const feeder = t.sim.world.suppliersOf(sig).find((e) => e.resource === 'power')!.from;
    t.until('2m')
      .apply({ type: 'asset.disable', targets: { ids: [feeder] }, reason: 'test' })
      .step(1000);
    expect(modeOf(t, sig)).toBe(MODE_DARK);
    const dark = t.events('traffic.signal.mode', sig).find((e) => e.data.to === 'dark')!;
    expect(dark).toBeDefined();
    t.expectChain(dark, ['asset.status.changed', 'asset.disabled'])
      .apply({ type: 'asset.restore', targets: { ids: [feeder] } })
      .step(1000);
    expect(modeOf(t, sig)).toBe(MODE_NORMAL);
  });

  it('falls back to fixed time when its control link is lost', () => {
    const t = city();
    const sig = signalOf(t, 1);
    const sw = t.sim.world.suppliersOf(sig).find((e) => e.resource === 'control')!.from;
    // Cut the switch's own supplies by taking it out of service.
    t.apply({ type: 'asset.disable', targets: { ids: [sw] } })
      .step(1000)
      .expectStatus(sig, 'degraded');
    expect(modeOf(t, sig)).toBe(MODE_FIXED);
  });

  it('falls back to fixed time when a flood on the backhaul starves its control traffic, and back once the flood is cut off', () => {
    // The shipped botnet exercise: 132 cameras flood the backhaul the signals' control polls share, from 65 min.
    const t = twin(shipped('camera-botnet')).until('80m');
    const fixed = t.events('traffic.signal.mode').filter((e) => e.data.to === 'fixed');
    expect(fixed.length).toBeGreaterThan(5);
    t.expectChain(fixed[0]!, ['comms.device.lost', 'comms.link.congested', 'botnet.flood']);
    const sig = fixed[0]!.source as string;
    expect(modeOf(t, sig)).toBe(MODE_FIXED);
    // Isolating the camera zone (5 min to take effect) ends the flood: the link comes back, so does the plan.
    t.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true }).until('95m');
    expect(modeOf(t, sig)).toBe(MODE_NORMAL);
  });

  it('takes an attacker plan only on controllers the attacker holds; conflicting greens make crash risk and send ambulances', () => {
    const t = city();
    const ids = t.sim.traffic!.input.signals.map((x) => x.asset!).slice(0, 4);
    t.until('5m').apply({ type: 'traffic.signal.plan', signals: ids, plan: 'all-green' }).step(1000);
    // Not compromised yet: nothing changes.
    for (const id of ids) expect(modeOf(t, id)).toBe(MODE_NORMAL);
    t.apply({ type: 'vendor.compromise', vendor: 'sigco' }, { type: 'traffic.signal.plan', signals: ids, plan: 'all-green', technique: 'T0855' }).step(1000);
    for (const id of ids) expect(modeOf(t, id)).toBe(MODE_ALL_GREEN);
    t.run('45m').expectChain('traffic.conflict', ['command.applied']).expectEvent('traffic.emergency.dispatched');
    const f = t.sim.finalTraffic()!;
    expect(f.conflicts).toBeGreaterThan(0);
    expect(f.signals.attacked).toBe(4);
    expect(t.first('traffic.emergency.dispatched')!.causes).toContain(t.first('traffic.conflict')!.id);
    expect(f.emergency.arrived).toBeGreaterThan(0);
    expect(f.emergency.responseMedianS).toBeGreaterThan(0);
    // Securing the controllers hands them back to their plans.
    t.apply({ type: 'asset.secure', targets: { ids } }).step(1000);
    for (const id of ids) expect(modeOf(t, id)).toBe(MODE_NORMAL);
  });

  it('does not gridlock under an all-red attack: drivers give a stuck red up as broken', () => {
    const t = city();
    const ids = t.sim.traffic!.input.signals.map((x) => x.asset!);
    t.apply({ type: 'vendor.compromise', vendor: 'sigco' }, { type: 'traffic.signal.plan', signals: ids, plan: 'all-red' }).until('60m');
    const f = t.sim.finalTraffic()!;
    expect(f.signals.attacked).toBe(ids.length);
    expect(f.tripsCompleted).toBeGreaterThan(100);
    expect(f.maxVehiclesStuck).toBe(0);
  });

  it('closes a road: drivers route around it, and the closure is an event', () => {
    const run = city();
    const t = run.sim.traffic!;
    const road = t.input.linkIds[0]!;
    run.apply({ type: 'traffic.link', action: 'close', links: [road] }).step(1000);
    expect(run.events('traffic.link.closed').some((e) => e.data.link === road)).toBe(true);
    expect(t.model.router.closed[0]).toBe(1);
    run.until('30m');
    // No vehicle entered the closed link after the closure (trips starting on it are the exception).
    const net = t.input.network;
    const dst = new Int32Array(512);
    const from = net.outLinks[net.outStart[net.linkReverse[0]!]!]!;
    const n = t.model.router.route(from, net.linkReverse[0]!, dst, 0, 512);
    expect(Array.from(dst.subarray(0, n))).not.toContain(0);
  });

  it('dispatches an emergency unit on command and measures its response time', () => {
    const t = city();
    const target = t.sim.world.assets.find((a) => a.kind === 'school')!.id;
    t.until('1m').apply({ type: 'traffic.emergency.dispatch', from: 'hospital', to: target, unit: 'amb-1' }).until('40m');
    const arrived = t.events('traffic.emergency.arrived').find((e) => e.data.unit === 'amb-1');
    expect(arrived).toBeDefined();
    expect(arrived!.source).toBe(target);
    expect(arrived!.data.responseS).toBeGreaterThan(10);
  });
});
