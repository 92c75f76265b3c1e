/** IEC 60255-151 inverse-time relays, and cascades of their trips. */
import { describe, expect, it } from 'vitest';
import { advanceRelays, createNetwork, createRelays, DEFAULT_RELAY, nextTrip, relaysDue, runCascade, tripTimeMs } from '../../../src/sim/power';
import { CASES, randomGrid, twoBus } from '../../support/grids';

describe('inverse-time curve', () => {
  it('matches the standard-inverse curve t = 0.14/(M^0.02 − 1) s at TMS 1', () => {
    expect(tripTimeMs(2) / 1000).toBeCloseTo(0.14 / (2 ** 0.02 - 1), 9);
    expect(tripTimeMs(2) / 1000).toBeCloseTo(10.03, 2);
    expect(tripTimeMs(1.5) / 1000).toBeCloseTo(17.19, 2);
    expect(tripTimeMs(1.2) / 1000).toBeCloseTo(38.32, 2);
    expect(tripTimeMs(1)).toBe(Infinity);
    expect(tripTimeMs(0.5)).toBe(Infinity);
    expect(tripTimeMs(2, { curve: 'very-inverse', tms: 0.5, pickup: 1 }) / 1000).toBeCloseTo(0.5 * 13.5, 9);
    expect(tripTimeMs(3, { ...DEFAULT_RELAY, pickup: 1.5 })).toBeCloseTo(tripTimeMs(2), 9);
  });

  it('trips sooner the larger the overload', () => {
    let prev = Infinity;
    for (let m = 1.01; m < 20; m *= 1.1) {
      const t = tripTimeMs(m);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
  });

  it('integrates progress piecewise and resets when the overload clears', () => {
    const relays = createRelays(3);
    const loading = [2, 0.5, 1.5];
    advanceRelays(relays, loading, tripTimeMs(2) / 2);
    expect(relays.progress[0]).toBeCloseTo(0.5, 12);
    expect(relays.progress[1]).toBe(0);
    const next = nextTrip(relays, loading)!;
    // Branch 0 has half its time left (5.0 s); branch 2 needs (1 − 5.01/17.19)·17.19 s.
    expect(next.branch).toBe(0);
    expect(next.inMs).toBeCloseTo(tripTimeMs(2) / 2, 9);
    advanceRelays(relays, [1.0, 0.5, 1.5], 1000);
    expect(relays.progress[0]).toBe(0);
    advanceRelays(relays, loading, tripTimeMs(2));
    expect(relaysDue(relays)).toEqual([0]);
    expect(nextTrip(createRelays(2), [1, 0.9])).toBeNull();
  });
});

describe('cascades', () => {
  it('trips the surviving parallel line and de-energises the load (worked example)', () => {
    // Two 1→2 lines rated 60 MW share 100 MW. Opening line 0 puts 100 MW on line 1: loading 1.667,
    // t = 0.14/(1.667^0.02 − 1) = 13.68 s. After it trips bus 2 is an island without generation.
    const net = twoBus(100, [{ rateMW: 60 }, { rateMW: 60 }]);
    const c = runCascade(net, { initialOutages: [0] });
    expect(c.trips).toHaveLength(1);
    expect(c.trips[0]).toEqual({
      branch: 1,
      tripAfterMs: Math.ceil(tripTimeMs(100 / 60)),
      loadingAtTrip: expect.closeTo(100 / 60, 12),
      cause: null,
      islandsAfter: 2,
      unservedMWAfter: 100,
    });
    expect(c.stopped).toBe('stable');
    expect(Array.from(c.status)).toEqual([0, 0]);
    expect(net.branches.status[0]).toBe(1); // the input network is untouched
    expect(c.final.energized[1]).toBe(0);
  });

  it('names the trip that caused each later overload (worked example)', () => {
    // Three 1→2 branches share 120 MW by susceptance 10 : 10 : 5 → 48, 48, 24 MW.
    // Branch 2 (rated 20) is at 1.2 from the start: trips after t(1.2) = 38.3 s, cause null.
    // Then 60 MW each on branches 0 (rated 55, loading 1.09) and 1 (rated 70, 0.86): branch 0 trips
    // t(60/55) later, caused by trip 0. Then branch 1 carries 120 MW (1.71) and trips, caused by trip 1.
    const net = twoBus(120, [{ rateMW: 55 }, { rateMW: 70 }, { x: 0.2, rateMW: 20 }], 300);
    const c = runCascade(net);
    const t0 = Math.ceil(tripTimeMs(1.2));
    const t1 = t0 + Math.ceil(tripTimeMs(60 / 55));
    const t2 = t1 + Math.ceil(tripTimeMs(120 / 70));
    expect(c.trips.map((t) => [t.branch, t.cause, t.tripAfterMs])).toEqual([
      [2, null, t0],
      [0, 0, t1],
      [1, 1, t2],
    ]);
    expect(c.trips.map((t) => t.loadingAtTrip)).toEqual([expect.closeTo(1.2, 9), expect.closeTo(60 / 55, 9), expect.closeTo(120 / 70, 9)]);
    expect(c.elapsedMs).toBe(t2);
    expect(c.final.shedMW[1]).toBe(120);
  });

  it.each(CASES)('terminates on an overloaded random grid (seed %d, %d buses)', (seed, buses) => {
    const net = randomGrid(seed, buses, { stress: 1.6 });
    const before = net.branches.status.slice();
    const c = runCascade(net);
    expect(['stable', 'max-trips', 'time-limit']).toContain(c.stopped);
    expect(c.trips.length).toBeLessThanOrEqual(net.branches.count);
    const seen = new Set<number>();
    let prev = 0;
    for (const t of c.trips) {
      expect(before[t.branch]).toBe(1);
      expect(seen.has(t.branch)).toBe(false);
      seen.add(t.branch);
      expect(t.loadingAtTrip).toBeGreaterThan(1);
      expect(t.tripAfterMs).toBeGreaterThanOrEqual(prev);
      prev = t.tripAfterMs;
    }
    if (c.stopped === 'stable') for (let k = 0; k < net.branches.count; k++) expect(c.final.loading[k]).toBeLessThanOrEqual(1);
    expect(Array.from(net.branches.status)).toEqual(Array.from(before));
  });

  it('stops at the trip and time limits', () => {
    const net = randomGrid(4, 150, { stress: 1.8 });
    const all = runCascade(net);
    expect(all.trips.length).toBeGreaterThan(2);
    expect(runCascade(net, { maxTrips: 2 })).toEqual(expect.objectContaining({ stopped: 'max-trips', trips: all.trips.slice(0, 2) }));
    const limit = all.trips[1]!.tripAfterMs;
    const timed = runCascade(net, { maxTimeMs: limit });
    expect(timed.trips.every((t) => t.tripAfterMs <= limit)).toBe(true);
    expect(timed.stopped).toBe('time-limit');
  });
});
