import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE } from '../../../src/sim';
import { signalCity } from '../../support/scenarios';
import { buildNetwork, chooseStation, Router, type RoadSegment } from '../../../src/sim/traffic';

describe('emergency stations', () => {
  it('sends the unit with the quickest route, not the nearest as the crow flies', () => {
    const seg = (a: [number, number], b: [number, number]): RoadSegment => ({ a, b, lanes: 1, speedMps: 13.41, oneway: false, rank: 1 });
    // A main road along z = 0, and a loop that leaves it at its east end and runs back west along
    // z = 300: station A stands on the loop's far end, close to the incident in a straight line
    // but 2.5 km away by road; station B stands on the main road, 650 m off.
    const net = buildNetwork([
      seg([0, 0], [500, 0]),
      seg([500, 0], [1000, 0]),
      seg([1000, 0], [1500, 0]),
      seg([1500, 0], [2000, 0]),
      seg([2000, 0], [2000, 300]),
      seg([2000, 300], [1500, 300]),
      seg([1500, 300], [1000, 300]),
    ]);
    const router = new Router(net);
    const scratch = new Int32Array(net.linkCount);
    const a = { id: 'a', x: 1000, z: 320 };
    const b = { id: 'b', x: 100, z: -5 };
    const incident = { x: 750, z: -5 };
    expect(Math.hypot(a.x - incident.x, a.z - incident.z)).toBeLessThan(Math.hypot(b.x - incident.x, b.z - incident.z));
    expect(chooseStation(net, router, [a, b], incident.x, incident.z, scratch)).toBe('b');
    expect(chooseStation(net, router, [b, a], incident.x, incident.z, scratch)).toBe('b');
    expect(chooseStation(net, router, [a], incident.x, incident.z, scratch)).toBe('a');
    expect(chooseStation(net, router, [], incident.x, incident.z, scratch)).toBeNull();
    // With the main road west of the incident closed, B has no way there and A is sent.
    for (let l = 0; l < net.linkCount; l++) if (net.nodeX[net.linkFrom[l]!] === 500 && net.nodeX[net.linkTo[l]!] === 1000) router.closed[l] = 1;
    expect(chooseStation(net, router, [a, b], 900, -5, scratch)).toBe('a');
    // With no route from any station, the nearest in a straight line goes.
    router.closed.fill(1);
    expect(chooseStation(net, router, [b, a], incident.x, incident.z, scratch)).toBe('a');
  });

  it('lists every hospital and police station, and answers crash risk from the one quickest to reach the junction', () => {
    // The generated city's hospital stands at (1150, 450); a second one in the south.
    const input = signalCity({ assets: [{ id: 'hospital-south', kind: 'hospital', subsystem: 'civic', name: 'South Hospital', position: [1550, 1650] }] });
    expect([...input.traffic!.ambulanceStations].sort()).toEqual(['hospital', 'hospital-south']);
    expect(input.traffic!.policeStations).toEqual(['police-hq']);
    const sim = createSimulation({ ...input, water: null, population: null } as typeof input);
    const t = sim.traffic!;
    const north = 'signal-12-4'; // at (1200, 400)
    const south = 'signal-16-16'; // at (1600, 1600)
    expect(t.stationFor(t.input.ambulanceStations, north)).toBe('hospital');
    expect(t.stationFor(t.input.ambulanceStations, south)).toBe('hospital-south');
    // Conflicting greens across the south of the city: each ambulance comes from the hospital
    // quickest to reach its junction, and some from the southern one.
    const attacked = ['signal-4-16', 'signal-8-16', 'signal-12-12', 'signal-12-16', 'signal-16-12', south];
    sim.runUntil(5 * MINUTE);
    sim.apply({ type: 'vendor.compromise', vendor: 'sigco' });
    sim.apply({ type: 'traffic.signal.plan', signals: attacked, plan: 'all-green', technique: 'T0855' });
    // The quickest station depends on the travel times when the unit is sent (routing costs change
    // each minute), so each dispatch is checked in the step that made it.
    const end = sim.nowMs + 40 * MINUTE;
    let seen = sim.events.length;
    let checked = 0;
    while (sim.nowMs < end) {
      sim.step(500);
      for (; seen < sim.events.length; seen++) {
        const e = sim.events[seen]!;
        if (e.type !== 'traffic.emergency.dispatched' || e.data.kind !== 'ambulance') continue;
        expect(e.source).toBe(t.stationFor(t.input.ambulanceStations, e.data.to));
        checked++;
      }
    }
    const sent = sim.events.flatMap((e) => (e.type === 'traffic.emergency.dispatched' ? [e] : []));
    const ambulances = sent.filter((e) => e.data.kind === 'ambulance');
    expect(ambulances.length).toBeGreaterThan(0);
    expect(checked).toBe(ambulances.length);
    expect(ambulances.some((e) => e.source === 'hospital-south')).toBe(true);
    expect(sent.filter((e) => e.data.kind === 'police').every((e) => e.source === 'police-hq')).toBe(true);
  });
});
