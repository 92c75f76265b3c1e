/**
 * The population's camera records and the CCTV datasets are one thing: every plate read and face
 * match a resident leaves is counted in the dataset its camera's analytics feed (history included),
 * and a camera that goes dark stops recording anyone — without shifting anyone else's records.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, type Simulation } from '../../../src/sim';
import { kestrelCity } from '../../support/scenarios';

interface DatasetFinal {
  readonly kind: string;
  readonly records: number;
  readonly identifying: number;
}
const datasetsOf = (sim: Simulation) => sim.finalCyber()!.cctv.datasets as DatasetFinal[];

describe('camera sightings feed the CCTV datasets', () => {
  it('counts exactly the plate reads and face matches residents left, history included', () => {
    const sim = createSimulation(kestrelCity());
    sim.runUntil(2 * HOUR + 30_000); // inside hour 2, so the last CCTV step counted hour 2's records
    const P = sim.population!;
    const sets = datasetsOf(sim);
    const plate = sets.filter((d) => d.kind === 'plate').reduce((n, d) => n + d.records, 0);
    const face = sets.filter((d) => d.kind === 'face').reduce((n, d) => n + d.records, 0);
    // Records dated up to the end of the current hour are held (a trip's passes are written when it departs).
    const upTo = P.historyS + 3 * 3600;
    const logged = (log: typeof P.logs.anpr) => {
      let n = 0;
      for (let i = 0; i < log.count; i++) if (log.t(i) < upTo) n++;
      return n;
    };
    expect(plate).toBeGreaterThan(1000);
    expect(plate).toBe(logged(P.logs.anpr));
    expect(face).toBe(logged(P.logs.face));
    // Every plate record identifies someone (no edge anonymisation here).
    expect(sets.filter((d) => d.kind === 'plate').reduce((n, d) => n + d.identifying, 0)).toBe(plate);
  });

  it('a dark camera records nobody, and everyone else is recorded as before', () => {
    const input = kestrelCity();
    const a = createSimulation(input);
    const b = createSimulation(input);
    const at = 30 * 60_000;
    a.runUntil(at);
    b.runUntil(at);
    b.apply({ type: 'asset.disable', targets: { kind: 'camera', district: 'market-quarter' }, reason: 'test: cameras lose power' });
    a.runUntil(3 * HOUR);
    b.runUntil(3 * HOUR);
    const dark = new Set<string>(input.assets.filter((x) => x.kind === 'camera' && x.district === 'market-quarter').map((x) => x.id));
    expect(dark.size).toBeGreaterThan(0);
    const P = b.population!;
    const darkSensors = new Set(P.sensors.specs.flatMap((s, i) => (dark.has(s.id) ? [i] : [])));
    expect(darkSensors.size).toBeGreaterThan(0);
    // Passes are written at departure, so allow trips that set off before the cameras went dark an hour.
    const after = P.historyS + at / 1000 + 3600;
    const count = (sim: typeof a, keep: (sensor: number, t: number) => boolean) => {
      const L = sim.population!.logs;
      let n = 0;
      for (const log of [L.anpr, L.face, L.wifi]) for (let i = 0; i < log.count; i++) if (keep(log.sensor(i), log.t(i))) n++;
      return n;
    };
    expect(count(a, (s, t) => darkSensors.has(s) && t > after)).toBeGreaterThan(0);
    expect(count(b, (s, t) => darkSensors.has(s) && t > after)).toBe(0);
    // The other sensors' records are untouched by the blackout.
    expect(count(b, (s) => !darkSensors.has(s))).toBe(count(a, (s) => !darkSensors.has(s)));
    // And the datasets the attacker could steal are smaller.
    const plates = (sim: typeof a) =>
      datasetsOf(sim)
        .filter((d) => d.kind === 'plate')
        .reduce((n, d) => n + d.records, 0);
    expect(plates(b)).toBeLessThan(plates(a));
  });
});
