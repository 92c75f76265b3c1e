import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE, type Simulation } from '../../../src/sim';
import { signalCity } from './city-fixture';
import { shippedInput } from '../../scenario/shipped-fixture';
import { MODE_ALL_GREEN, MODE_DARK, MODE_FIXED, MODE_NORMAL } from '../../../src/sim/traffic';

const city = (extra: Record<string, unknown> = {}): Simulation => createSimulation(signalCity(extra));

const signalOf = (sim: Simulation, i: number) => sim.traffic!.input.signals[i]!.asset!;

describe('traffic coupled to signal assets', () => {
  it('goes dark when its power is lost, and back to its plan when power returns, each change explained', () => {
    const sim = city();
    const sig = signalOf(sim, 0);
    const s = sim.traffic!.signalIndexOf(sig)!;
    const feeder = sim.world.suppliersOf(sig).find((e) => e.resource === 'power')!.from;
    sim.runUntil(2 * MINUTE);
    sim.apply({ type: 'asset.disable', targets: { ids: [feeder] }, reason: 'test' });
    sim.step(1000);
    expect(sim.traffic!.model.signals.mode[s]).toBe(MODE_DARK);
    const dark = sim.events.find((e) => e.type === 'traffic.signal.mode' && e.source === sig && e.data.to === 'dark')!;
    expect(dark).toBeDefined();
    const chain = sim.explain(dark.id).chain.map((e) => e.type);
    expect(chain).toContain('asset.status.changed');
    expect(chain).toContain('asset.disabled');
    sim.apply({ type: 'asset.restore', targets: { ids: [feeder] } });
    sim.step(1000);
    expect(sim.traffic!.model.signals.mode[s]).toBe(MODE_NORMAL);
  });

  it('falls back to fixed time when its control link is lost', () => {
    const sim = city();
    const sig = signalOf(sim, 1);
    const s = sim.traffic!.signalIndexOf(sig)!;
    const sw = sim.world.suppliersOf(sig).find((e) => e.resource === 'control')!.from;
    // Cut the switch's own supplies by taking it out of service.
    sim.apply({ type: 'asset.disable', targets: { ids: [sw] } });
    sim.step(1000);
    expect(sim.world.statusOf(sig)).toBe('degraded');
    expect(sim.traffic!.model.signals.mode[s]).toBe(MODE_FIXED);
  });

  it('falls back to fixed time when a flood on the backhaul starves its control traffic, and back once the flood is cut off', () => {
    // The shipped botnet exercise: 132 cameras flood the backhaul the signals' control polls share, from 65 min.
    const sim = createSimulation(shippedInput('camera-botnet'));
    sim.runUntil(80 * MINUTE);
    const fixed = sim.events.filter((e) => e.type === 'traffic.signal.mode' && e.data.to === 'fixed');
    expect(fixed.length).toBeGreaterThan(5);
    const chain = sim.explain(fixed[0]!.id).chain.map((e) => e.type);
    expect(chain).toContain('comms.device.lost');
    expect(chain).toContain('comms.link.congested');
    expect(chain).toContain('botnet.flood');
    const s = sim.traffic!.signalIndexOf(fixed[0]!.source as string)!;
    expect(sim.traffic!.model.signals.mode[s]).toBe(MODE_FIXED);
    // Isolating the camera zone (5 min to take effect) ends the flood: the link comes back, so does the plan.
    sim.apply({ type: 'comms.isolate', zone: 'cctv', isolated: true });
    sim.runUntil(95 * MINUTE);
    expect(sim.traffic!.model.signals.mode[s]).toBe(MODE_NORMAL);
  });

  it('takes an attacker plan only on controllers the attacker holds; conflicting greens make crash risk and send ambulances', () => {
    const sim = city();
    const ids = sim.traffic!.input.signals.map((x) => x.asset!).slice(0, 4);
    sim.runUntil(5 * MINUTE);
    sim.apply({ type: 'traffic.signal.plan', signals: ids, plan: 'all-green' });
    sim.step(1000);
    // Not compromised yet: nothing changes.
    for (const id of ids) expect(sim.traffic!.model.signals.mode[sim.traffic!.signalIndexOf(id)!]).toBe(MODE_NORMAL);
    sim.apply({ type: 'vendor.compromise', vendor: 'sigco' });
    sim.apply({ type: 'traffic.signal.plan', signals: ids, plan: 'all-green', technique: 'T0855' });
    sim.step(1000);
    for (const id of ids) expect(sim.traffic!.model.signals.mode[sim.traffic!.signalIndexOf(id)!]).toBe(MODE_ALL_GREEN);
    sim.runUntil(sim.nowMs + 45 * MINUTE);
    const f = sim.finalTraffic()!;
    expect(f.conflicts).toBeGreaterThan(0);
    expect(f.signals.attacked).toBe(4);
    const conflict = sim.events.find((e) => e.type === 'traffic.conflict')!;
    expect(sim.explain(conflict.id).chain.some((e) => e.type === 'command.applied')).toBe(true);
    const sent = sim.events.filter((e) => e.type === 'traffic.emergency.dispatched');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.causes).toContain(conflict.id);
    expect(f.emergency.arrived).toBeGreaterThan(0);
    expect(f.emergency.responseMedianS).toBeGreaterThan(0);
    // Securing the controllers hands them back to their plans.
    sim.apply({ type: 'asset.secure', targets: { ids } });
    sim.step(1000);
    for (const id of ids) expect(sim.traffic!.model.signals.mode[sim.traffic!.signalIndexOf(id)!]).toBe(MODE_NORMAL);
  });

  it('does not gridlock under an all-red attack: drivers give a stuck red up as broken', () => {
    const sim = city();
    const ids = sim.traffic!.input.signals.map((x) => x.asset!);
    sim.apply({ type: 'vendor.compromise', vendor: 'sigco' });
    sim.apply({ type: 'traffic.signal.plan', signals: ids, plan: 'all-red' });
    sim.runUntil(60 * MINUTE);
    const f = sim.finalTraffic()!;
    expect(f.signals.attacked).toBe(ids.length);
    expect(f.tripsCompleted).toBeGreaterThan(100);
    expect(f.maxVehiclesStuck).toBe(0);
  });

  it('closes a road: drivers route around it, and the closure is an event', () => {
    const sim = city();
    const t = sim.traffic!;
    const road = t.input.linkIds[0]!;
    sim.apply({ type: 'traffic.link', action: 'close', links: [road] });
    sim.step(1000);
    expect(sim.events.some((e) => e.type === 'traffic.link.closed' && e.data.link === road)).toBe(true);
    expect(t.model.router.closed[0]).toBe(1);
    sim.runUntil(30 * MINUTE);
    // No vehicle entered the closed link after the closure (trips starting on it are the exception).
    const net = t.input.network;
    const dst = new Int32Array(512);
    const from = net.outLinks[net.outStart[net.linkReverse[0]!]!]!;
    const n = t.model.router.route(from, net.linkReverse[0]!, dst, 0, 512);
    expect(Array.from(dst.subarray(0, n))).not.toContain(0);
  });

  it('dispatches an emergency unit on command and measures its response time', () => {
    const sim = city();
    const target = sim.world.assets.find((a) => a.kind === 'school')!.id;
    sim.runUntil(MINUTE);
    sim.apply({ type: 'traffic.emergency.dispatch', from: 'hospital', to: target, unit: 'amb-1' });
    sim.runUntil(40 * MINUTE);
    const arrived = sim.events.find((e) => e.type === 'traffic.emergency.arrived' && e.data.unit === 'amb-1');
    expect(arrived).toBeDefined();
    expect(arrived!.source).toBe(target);
    if (arrived?.type === 'traffic.emergency.arrived') expect(arrived.data.responseS).toBeGreaterThan(10);
  });
});
