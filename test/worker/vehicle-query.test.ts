import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE } from '../../src/sim';
import { vehicleInfo } from '../../src/worker/vehicle-query';
import { streetGrid } from '../support/scenarios';

describe('vehicle inspector query', () => {
  it('gives a vehicle its route ahead ending at its destination, and null for a slot not on the road', () => {
    const sim = createSimulation(streetGrid({ rows: 4, cols: 4, blockLengthM: 200, lanes: 1 }, { demand: { randomTrips: { periodS: 5, untilS: 600 } } }));
    sim.runUntil(3 * MINUTE);
    const m = sim.traffic!.model;
    const slot = m.v.active[0]!;
    const info = vehicleInfo(sim, slot)!;
    // The benchmark grid has no street names: one leg per road, by id.
    expect(info.route[0]!.road).toBe(sim.traffic!.input.linkIds[m.v.link[slot]!]);
    expect(info.route[info.route.length - 1]!.road).toBe(sim.traffic!.input.linkIds[m.v.dest[slot]!]);
    expect(info.remainingM).toBeGreaterThan(0);
    expect(info.onRoadS).toBeGreaterThanOrEqual(0);
    expect(vehicleInfo(sim, 99_999)).toBeNull();
  });
});
