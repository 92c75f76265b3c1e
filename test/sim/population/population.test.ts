import { describe, expect, it } from 'vitest';
import { population as pop } from '../../../src/sim';
import { runPopulation } from '../../support/population';
import { populationCity } from '../../support/scenarios';

const input = populationCity(3000, { startHour: 0 });
const P = runPopulation(input, 2);

describe('synthetic population', () => {
  it('places every resident in a home of their household, with households of 1 to 6', () => {
    const people = P.people;
    const b = input.city.buildings;
    for (let i = 0; i < people.count; i++) {
      expect(b.use[people.home[i]!]).toBe(0);
      expect(people.householdHome[people.household[i]!]).toBe(people.home[i]);
    }
    const sizes = [...people.householdSize];
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6);
    expect(sizes.reduce((a, c) => a + c, 0)).toBe(people.count);
  });

  it('sends pupils to a school and workers to a workplace', () => {
    const people = P.people;
    const b = input.city.buildings;
    const schools = new Set(input.population!.schools);
    for (let i = 0; i < people.count; i++) {
      if (people.occupation[i] === pop.OCC_PUPIL) expect(schools.has(people.work[i]!)).toBe(true);
      if (people.occupation[i] === pop.OCC_EMPLOYED) expect([1, 2]).toContain(b.use[people.work[i]!]);
    }
  });

  it('is the same run twice with the same seed, and a different one with another seed', () => {
    const again = runPopulation(input, 2);
    for (const d of ['anpr', 'face', 'smartcard', 'wifi', 'visits'] as const) {
      expect(again.logs[d].count).toBe(P.logs[d].count);
      for (let i = 0; i < P.logs[d].count; i += 97) expect([again.logs[d].t(i), again.logs[d].id(i)]).toEqual([P.logs[d].t(i), P.logs[d].id(i)]);
    }
    const other = runPopulation(input, 2, 2);
    expect(other.logs.anpr.count).not.toBe(P.logs.anpr.count);
  });

  it('records ANPR reads only from ANPR cameras, taps only at stations, and never ahead of the clock', () => {
    const S = P.sensors;
    const end = 2 * 86400;
    const check = (log: pop.RecordLog, kind: number) => {
      expect(log.count).toBeGreaterThan(0);
      for (let i = 0; i < log.count; i++) {
        expect(S.kinds[log.sensor(i)]! & kind).toBe(kind);
        expect(log.t(i)).toBeLessThanOrEqual(end + 3600);
      }
    };
    check(P.logs.anpr, pop.SENSOR_ANPR);
    check(P.logs.face, pop.SENSOR_FACE);
    check(P.logs.wifi, pop.SENSOR_WIFI);
    check(P.logs.smartcard, pop.SENSOR_STATION);
  });

  it('taps a card out after tapping it in, no sooner than the ride between the stations takes', () => {
    const L = P.logs.smartcard;
    const S = P.sensors;
    for (let i = 0; i + 1 < L.count; i += 2) {
      expect(L.id(i)).toBe(L.id(i + 1));
      const dist = Math.abs(S.x[L.sensor(i)]! - S.x[L.sensor(i + 1)]!) + Math.abs(S.z[L.sensor(i)]! - S.z[L.sensor(i + 1)]!);
      expect(L.t(i + 1) - L.t(i)).toBeGreaterThanOrEqual(Math.floor(dist / (20 / 3.6)));
    }
  });

  it('records sensitive-site visits only at those sites, by residents who have a reason to go', () => {
    const V = P.logs.visits;
    expect(V.count).toBeGreaterThan(0);
    for (let i = 0; i < V.count; i++) {
      const person = V.id(i);
      expect([P.people.siteA[person], P.people.siteB[person]]).toContain(V.sensor(i));
    }
  });

  it('reads a meter near standby when nobody is home, and higher on average when someone is', () => {
    const M = P.meters;
    let emptyMax = 0;
    let occSum = 0;
    let occN = 0;
    for (let s = 0; s < M.kwh.slots; s++) {
      for (let h = 0; h < P.people.households; h++) {
        const kwh = M.kwh.get(s, h);
        if (M.occupied.get(s, h) === 0) emptyMax = Math.max(emptyMax, kwh);
        else if (M.occupied.get(s, h) >= 1) {
          occSum += kwh;
          occN++;
        }
      }
    }
    expect(emptyMax).toBeLessThanOrEqual(0.06 * 1.15 + 1e-6);
    expect(occSum / occN).toBeGreaterThan(emptyMax);
  });

  it('moves people between places over the day: fewer at home at midday on a weekday than at 3 am', () => {
    const h3 = 3;
    const h12 = 12;
    let home3 = 0;
    let home12 = 0;
    for (let h = 0; h < P.people.households; h++) {
      home3 += P.meters.occupied.get(h3 * 2, h);
      home12 += P.meters.occupied.get(h12 * 2, h);
    }
    expect(home3).toBeGreaterThan(0.95 * P.people.count);
    expect(home12).toBeLessThan(0.8 * home3);
  });
});

describe('travel on the street grid', () => {
  const sensors = new pop.SensorIndex(
    [
      { id: 'cam-a', x: 409, z: 409, kinds: pop.SENSOR_ANPR },
      { id: 'cam-b', x: 809, z: 409, kinds: pop.SENSOR_ANPR },
      { id: 'st-1', x: 0, z: 0, kinds: pop.SENSOR_STATION },
      { id: 'st-2', x: 1600, z: 0, kinds: pop.SENSOR_STATION },
    ],
    400,
    [2000, 2000],
    { count: 0, x: new Float32Array(), z: new Float32Array() },
    [],
  );
  const travel = new pop.GridTravel(sensors);
  const out = new pop.TripBuffer();

  it('drives along the arterial row and passes the cameras at its junctions in order', () => {
    const t = travel.trip(pop.MODE_CAR, 100, 420, 900, 420, 0, out);
    const junctions = [...out.junction.slice(0, out.n)];
    expect(junctions).toEqual([1 * sensors.rows + 1, 2 * sensors.rows + 1]);
    expect(out.dtS[1]!).toBeGreaterThan(out.dtS[0]!);
    // 700 m at 30 km/h on the arterial, 20 m + 100 m of local street at 18 km/h, 90 s to and from the car.
    expect(t).toBeCloseTo(700 / (30 / 3.6) + 20 / (30 / 3.6) + 120 / (18 / 3.6) + 90, 0);
  });

  it('rides transit between the nearest stations and waits for the next departure', () => {
    const t = travel.trip(pop.MODE_TRANSIT, 50, 50, 1550, 50, 0, out);
    expect(out.mode).toBe(pop.MODE_TRANSIT);
    expect([out.tapIn, out.tapOut]).toEqual([2, 3]);
    expect(out.tapOutS - out.tapInS).toBeGreaterThanOrEqual(1600 / (20 / 3.6));
    expect(t).toBeGreaterThan(out.tapOutS);
  });

  it('walks when both ends share a station', () => {
    travel.trip(pop.MODE_TRANSIT, 10, 10, 60, 60, 0, out);
    expect(out.mode).toBe(pop.MODE_WALK);
    expect(out.tapIn).toBe(-1);
  });
});
