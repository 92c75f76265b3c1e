/**
 * Residents' trips on the traffic model's road network: a car crossing the city passes the camera
 * junctions on its way in time order; slower links (a jam) make the same trip longer once the
 * tables are re-solved; a closed road is routed around; small changes do not trigger a re-solve.
 */
import { describe, expect, it } from 'vitest';
import { NetworkTravel, population as pop, standaloneContext, traffic } from '../../../src/sim';
import { populationCity } from '../../support/scenarios';

function setup() {
  const input = populationCity(500);
  const net = input.traffic!.network;
  const P = new pop.PopulationSubsystem(
    { ...input.population!, historyDays: 0 },
    standaloneContext(input, 1, () => 0),
  );
  const cost = new traffic.Router(net).cost;
  const travel = new NetworkTravel(net, P.sensors, input.city.sizeM, cost);
  return { input, net, P, cost, travel };
}

describe('trips on the road network', () => {
  it('drives a car through the camera junctions on its path, in time order', () => {
    const { P, travel } = setup();
    const out = new pop.TripBuffer();
    const t = travel.trip(pop.MODE_CAR, 150, 150, 2900, 2500, 0, out);
    expect(travel.hubs.length).toBeGreaterThan(4);
    expect(out.mode).toBe(pop.MODE_CAR);
    expect(out.n).toBeGreaterThan(2);
    for (let k = 1; k < out.n; k++) expect(out.dtS[k]!).toBeGreaterThan(out.dtS[k - 1]!);
    expect(out.dtS[out.n - 1]!).toBeLessThan(t);
    // Every pass is at a junction where a sensor stands.
    for (let k = 0; k < out.n; k++) {
      const j = out.junction[k]!;
      expect(P.sensors.junctionStart[j + 1]! - P.sensors.junctionStart[j]!).toBeGreaterThan(0);
    }
    // Faster than crawling the whole way on local streets, slower than a straight line at the limit.
    const manhattan = 2750 + 2350;
    expect(t).toBeLessThan(90 + manhattan / (18 / 3.6));
    expect(t).toBeGreaterThan(Math.hypot(2750, 2350) / (50 / 3.6));
    // Walking the same trip passes junctions too, and takes far longer.
    const walk = new pop.TripBuffer();
    expect(travel.trip(pop.MODE_WALK, 150, 150, 2900, 2500, 0, walk)).toBeGreaterThan(3 * t);
    expect(walk.n).toBeGreaterThan(0);
  });

  it('takes longer through a jam once re-solved, and routes around a closed road', () => {
    const { net, cost, travel } = setup();
    const out = new pop.TripBuffer();
    const before = travel.trip(pop.MODE_CAR, 150, 150, 2900, 2500, 0, out);
    const slow = Float64Array.from(cost, (c) => c * 3);
    const closed = new Uint8Array(net.linkCount);
    expect(
      travel.refreshIfChanged(
        Float64Array.from(cost, (c) => c * 1.01),
        closed,
      ),
    ).toBe(false);
    expect(travel.refreshIfChanged(slow, closed)).toBe(true);
    const jammed = travel.trip(pop.MODE_CAR, 150, 150, 2900, 2500, 0, out);
    expect(jammed).toBeGreaterThan(before * 1.5);
    // Close the first link of the jammed route's first pass and check the new route avoids it.
    travel.refresh(cost);
    const base = new pop.TripBuffer();
    travel.trip(pop.MODE_CAR, 150, 150, 2900, 2500, 0, base);
    const firstJunctions = [...base.junction.slice(0, base.n)];
    // Close every link into the second junction on the route: the new route must not pass it.
    const target = firstJunctions[1]!;
    const P = setup().P;
    const a = P.sensors.arterialM;
    const jx = Math.floor(target / P.sensors.rows) * a;
    const jz = (target % P.sensors.rows) * a;
    for (let l = 0; l < net.linkCount; l++) {
      const n = net.linkTo[l]!;
      if (Math.hypot(net.nodeX[n]! - jx, net.nodeZ[n]! - jz) < 30) closed[l] = 1;
    }
    expect(travel.refreshIfChanged(cost, closed)).toBe(true);
    const detour = new pop.TripBuffer();
    travel.trip(pop.MODE_CAR, 150, 150, 2900, 2500, 0, detour);
    expect([...detour.junction.slice(0, detour.n)]).not.toContain(target);
  });
});
