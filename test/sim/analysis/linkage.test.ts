import { describe, expect, it } from 'vitest';
import { population as pop } from '../../../src/sim';
import { denseTraces, linkPair, matchHomes, mergeIdentities, privacyAnalysis } from '../../../src/sim/analysis';
import { runPopulation } from '../../support/population';
import { populationCity } from '../../support/scenarios';
import { released, releasedMeters, type Row } from '../../support/released';

describe('linking pseudonyms across datasets', () => {
  // Plates 11 and 12 pass cameras at junctions (400 m grid); Wi-Fi sniffers on the same poles hear MACs 21, 22, 23.
  const anpr = released('anpr', [
    [11, 409, 409, 1000, 1],
    [11, 809, 409, 1060, 1],
    [11, 1209, 409, 1120, 1],
    [12, 409, 809, 5000, 2],
    [12, 809, 809, 5060, 2],
    [12, 1209, 809, 5120, 2],
    [12, 1609, 809, 5180, 2],
  ]);
  const wifi = released(
    'wifi',
    [
      [21, 409, 409, 1000, 1],
      [21, 809, 409, 1060, 1],
      [21, 1209, 409, 1120, 1],
      [22, 409, 809, 5000, 2],
      [22, 1209, 809, 5120, 2],
      [22, 1609, 809, 5180, 2],
      // 23 was at two of 11's places and two of 12's: ambiguous, so left alone.
      [23, 409, 409, 1000, 3],
      [23, 809, 409, 1060, 3],
      [23, 409, 809, 5000, 3],
      [23, 809, 809, 5060, 3],
    ],
    'daily',
  );

  it('links a pseudonym to the one it keeps meeting, and not one that meets two equally', () => {
    const a = denseTraces(wifi.pid, wifi.n);
    const b = denseTraces(anpr.pid, anpr.n);
    const joins: [number, number][] = [];
    linkPair(wifi, a.trace, a.count, anpr, b.trace, b.count, (x, y) => joins.push([x, y]));
    // Dense numbers follow first appearance: MACs 21, 22, 23 → 0, 1, 2; plates 11, 12 → 0, 1.
    expect(joins).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('merges linked pseudonyms into one identity, and keeps the rest apart', () => {
    const ids = mergeIdentities([anpr, wifi]);
    const entityOfPid = (k: number, pid: number) => {
      const d = ids.datasets[k]!;
      const i = d.rel.pid.indexOf(pid);
      return ids.entityOf[d.offset + d.trace[i]!]!;
    };
    expect(entityOfPid(0, 11)).toBe(entityOfPid(1, 21));
    expect(entityOfPid(0, 12)).toBe(entityOfPid(1, 22));
    expect(entityOfPid(0, 11)).not.toBe(entityOfPid(0, 12));
    expect(new Set([entityOfPid(1, 23), entityOfPid(0, 11), entityOfPid(0, 12)]).size).toBe(3);
    expect(ids.entities).toBe(3);
    expect(ids.links).toEqual([{ a: 'wifi', b: 'anpr', links: 2 }]);
  });
});

describe('tying an identity to a home through smart meters', () => {
  // Three households, 4 days of half-hours, drawing 0.1 kWh asleep (to 06:00) and 0.3 up and about.
  // Household 0 empties at 08:00 and fills at 17:30 every day; household 1 empties at 10:00–12:00;
  // household 2 is always occupied.
  const days = 4;
  const H = 3;
  const slots = days * 48;
  const kwh = new Float32Array(slots * H).fill(0.3);
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < 12; s++) for (let h = 0; h < H; h++) kwh[(d * 48 + s) * H + h] = 0.1;
    for (let s = 16; s < 35; s++) kwh[(d * 48 + s) * H + 0] = 0.06;
    for (let s = 20; s < 24; s++) kwh[(d * 48 + s) * H + 1] = 0.06;
  }
  const meters = releasedMeters(kwh, [500, 520, 540]);
  // A plate first read at 08:10 near the homes and last at 17:20, each day.
  const rows: Row[] = [];
  for (let d = 0; d < days; d++) {
    rows.push([11, 409, 409, d * 86400 + 8 * 3600 + 600, 0]);
    rows.push([11, 2009, 409, d * 86400 + 12 * 3600, 0]);
    rows.push([11, 409, 409, d * 86400 + 17 * 3600 + 1200, 0]);
  }

  it('picks the household whose home empties and fills around the first and last sightings', () => {
    const ids = mergeIdentities([released('anpr', rows)]);
    const homes = matchHomes(ids, meters, 0);
    expect(homes.candidates).toBe(1);
    expect(homes.household[0]).toBe(0);
    expect(homes.confidence[0]).toBeGreaterThan(0);
  });

  it('ties nothing when the meter readings are daily totals', () => {
    const daily: pop.ReleasedMeters = { ...meters, slots: days, slotS: 86400, kwh: new Float32Array(days * H).fill(5) };
    expect(matchHomes(mergeIdentities([released('anpr', rows)]), daily, 0).household[0]).toBe(-1);
  });

  it('ties nothing when the identity was seen on fewer than three days', () => {
    const ids = mergeIdentities([released('anpr', rows.slice(0, 6))]);
    expect(matchHomes(ids, meters, 0).household[0]).toBe(-1);
  });
});

describe('the attack on a simulated city', () => {
  const input = populationCity(3000, { startHour: 0 });
  const P = runPopulation(input, 7);
  const now = 7 * 86400;

  it('re-identifies nobody from nothing, and some residents from plates, Wi-Fi and meters', () => {
    const none = privacyAnalysis(P, now, { holds: [], samples: 200 });
    expect(none.reidentified.count).toBe(0);
    expect(none.sensitiveSites.every((s) => s.attributed === 0)).toBe(true);
    const some = privacyAnalysis(P, now, { holds: ['anpr', 'wifi', 'meter'], samples: 200 });
    expect(some.reidentified.count).toBeGreaterThan(0);
    // Most ties are right: the attack scores against the truth it never reads.
    expect(some.reidentified.wrong).toBeLessThan(some.reidentified.count);
    for (const c of some.reidentified.byDatasets) expect(c.datasets).toContain('meter');
    for (const s of some.sensitiveSites) {
      expect(s.correct).toBeLessThanOrEqual(s.attributed);
      expect(s.correct).toBeLessThanOrEqual(s.visitorHouseholds);
    }
  });

  it('loses the homes when meters are published as daily totals or plates are rotated per record', () => {
    const holds: pop.DatasetId[] = ['anpr', 'wifi', 'meter'];
    const base = privacyAnalysis(P, now, { holds, samples: 100 });
    const dailyMeters = privacyAnalysis(P, now, { holds, samples: 100, anonymisation: { meter: { ...P.anonymisation.meter, binS: 86400 } } });
    const rotatedPlates = privacyAnalysis(P, now, {
      holds: ['anpr', 'meter'],
      samples: 100,
      anonymisation: { anpr: { ...P.anonymisation.anpr, rotation: 'per-record' } },
    });
    expect(base.reidentified.count).toBeGreaterThan(0);
    expect(dailyMeters.reidentified.count).toBe(0);
    expect(rotatedPlates.reidentified.count).toBe(0);
  });

  it('finds traces less unique at coarser resolution', () => {
    const u = privacyAnalysis(P, now, { holds: [], samples: 500 }).unicity.filter((x) => x.p === 4);
    expect(u).toHaveLength(3);
    expect(u[0]!.epsilon).toBeGreaterThanOrEqual(u[1]!.epsilon);
    expect(u[1]!.epsilon).toBeGreaterThanOrEqual(u[2]!.epsilon);
    expect(u[0]!.epsilon).toBeGreaterThan(u[2]!.epsilon);
  });
});

describe('published counts', () => {
  const input = populationCity(2000, { startHour: 0 });
  const P = runPopulation(input, 2);
  const now = 2 * 86400;

  it('costs accuracy as ε falls, and withholds more cells as k rises', () => {
    const base = P.anonymisation.aggregates;
    const at = (epsilon: number | null, k: number) =>
      privacyAnalysis(P, now, { holds: [], samples: 50, anonymisation: { aggregates: { ...base, epsilon, k } } }).aggregates;
    expect(at(null, 1).meanAbsError).toBe(0);
    expect(at(0.1, 1).meanAbsError).toBeGreaterThan(at(1, 1).meanAbsError);
    expect(at(null, 20).suppressed).toBeGreaterThan(at(null, 2).suppressed);
    expect(at(null, 1).smallCounts).toBeGreaterThan(0);
    expect(at(null, 5).smallCounts).toBe(0);
  });
});
