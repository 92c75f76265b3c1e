import { describe, expect, it } from 'vitest';
import { shippedAsIs } from '../../support/scenarios';
import { twin } from '../../support/twin';

/** Runs a shipped scenario to its end; returns its traffic figures. */
function runShipped(name: string) {
  const input = shippedAsIs(name);
  // Traffic meets water and the population only through the world (power drives the signals), so
  // their models are left out here to keep the test quick; the golden test runs the whole city.
  const t = twin({ ...input, water: null, population: null } as typeof input).until(input.durationMs);
  return { t, sim: t.sim, f: t.sim.finalTraffic()! };
}

describe('shipped scenarios with traffic', () => {
  it('signal-takeover: conflicting greens make crash risk and send units; all red does not gridlock the city', () => {
    const { t, f } = runShipped('signal-takeover');
    expect(f.conflicts).toBeGreaterThan(0);
    expect(f.emergency.arrived).toBe(f.emergency.dispatched);
    expect(f.emergency.dispatched).toBeGreaterThan(0);
    expect(f.maxVehiclesStuck).toBe(0);
    // Secured at 2 h: every controller is back on its plan by the end.
    expect(f.signals.attacked).toBe(0);
    const modes = t.events('traffic.signal.mode');
    expect(modes.some((e) => e.data.to === 'all-green')).toBe(true);
    expect(modes.some((e) => e.data.to === 'all-red')).toBe(true);
  });

  it('default: signals go dark with the substations and come back, and no vehicle is ever stuck', () => {
    const { t, sim, f } = runShipped('default');
    expect(f.maxVehiclesStuck).toBe(0);
    expect(t.events('traffic.signal.mode').some((e) => e.data.to === 'dark')).toBe(true);
    expect(f.signals.dark).toBe(0);
    expect(f.tripsCompleted).toBeGreaterThan(1000);
    // The delay KPI, minute by minute, averages (weighted by trips) to the run's mean delay per trip.
    const delay = sim.kpiSeries.trafficDelay!;
    const done = sim.kpiSeries.trafficThroughput!;
    expect(delay.length).toBeGreaterThan(60);
    expect(delay.some(([, v]) => v > 0)).toBe(true);
    const perMinute = new Map(done.map(([t, v]) => [t, v / 60]));
    let trips = 0;
    let minutes = 0;
    for (const [t, v] of delay) {
      const n = perMinute.get(t) ?? 0;
      trips += n;
      minutes += n * v;
    }
    expect((minutes * 60) / trips).toBeCloseTo(f.meanDelayS, -1);
  });

  it('camera-botnet: signals whose control polls the flood starves run fixed time, and no vehicle is stuck', () => {
    const { t, f } = runShipped('camera-botnet');
    expect(f.maxVehiclesStuck).toBe(0);
    expect(f.signals.fixedTime).toBeGreaterThan(5);
    t.expectChain(
      t.events('traffic.signal.mode').find((e) => e.data.to === 'fixed')!,
      ['botnet.flood'],
    );
  });

  it.each(['cctv-exfiltration', 'compelled-disclosure'])('%s: the city keeps moving, no vehicle stuck', (name) => {
    const { f } = runShipped(name);
    expect(f.maxVehiclesStuck).toBe(0);
    expect(f.tripsCompleted).toBeGreaterThan(1000);
  });
});
