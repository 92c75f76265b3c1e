/**
 * The one illustrative trace: one synthetic resident, chosen by index order among those the attack
 * ties to the right household (and sees at a sensitive site when it can), their day as the attacker
 * reconstructs it, and the truth beside it.
 */
import { describe, expect, it } from 'vitest';
import { matchHomes, mergeIdentities, privacyAnalysis, type IllustrativeTrace } from '../../../src/sim/analysis';
import type { population as pop } from '../../../src/sim';
import { runPopulation } from '../../support/population';
import { populationCity } from '../../support/scenarios';

describe('one illustrative trace', () => {
  const input = populationCity(3000, { startHour: 0 });
  const P = runPopulation(input, 7);
  const now = 7 * 86400;
  const all: pop.DatasetId[] = ['anpr', 'face', 'smartcard', 'wifi', 'meter'];
  const trace = (holds: pop.DatasetId[], anonymisation?: Partial<Record<pop.DatasetId, pop.Anonymisation>>): IllustrativeTrace =>
    privacyAnalysis(P, now, { holds, samples: 20, illustrate: true, ...(anonymisation ? { anonymisation } : {}) }).illustration!;

  it('is built only when asked for, so `twin run` output is unchanged', () => {
    expect(privacyAnalysis(P, now, { holds: all, samples: 20 }).illustration).toBeUndefined();
  });

  it("reconstructs one resident's day from every held dataset, with home, site and the truth beside them", () => {
    const t = trace(all);
    expect(t.status).toBe('traced');
    expect(t.label).toMatch(/^Resident R-\d{4,} \(synthetic\)$/);
    expect(t.chosen).toBe('site');
    expect(t.datasets).toEqual(['anpr', 'face', 'smartcard', 'wifi', 'meter']);
    // The day's points, in time order, within the day, from held datasets only.
    expect(t.points.length).toBeGreaterThan(3);
    for (let i = 1; i < t.points.length; i++) expect(t.points[i]!.clockS).toBeGreaterThanOrEqual(t.points[i - 1]!.clockS);
    for (const q of t.points) {
      expect(q.clockS).toBeGreaterThanOrEqual(0);
      expect(q.clockS).toBeLessThan(86400);
      expect(['anpr', 'face', 'smartcard', 'wifi']).toContain(q.dataset);
      expect(q.alias).toMatch(/^[0-9a-f]{6}$/);
    }
    expect(t.records).toBeGreaterThanOrEqual(t.points.length);
    expect(t.byDataset.reduce((a, b) => a + b.records, 0)).toBe(t.records);
    // Several pseudonyms were merged, and the joins say where they met.
    expect(t.pseudonyms).toBeGreaterThan(1);
    expect(t.joins.length).toBeGreaterThan(0);
    for (const j of t.joins) {
      expect(j.matches).toBeGreaterThanOrEqual(2);
      expect(j.examples.length).toBeGreaterThan(0);
      expect(j.a === 'wifi' || j.b === 'wifi').toBe(true);
    }
    // The home is the meter's cell around the true home; the site is one the panel lists.
    expect(t.home).not.toBeNull();
    expect(t.actual!.homeRight).toBe(true);
    expect(Math.abs(t.home!.x - t.actual!.homeX)).toBeLessThanOrEqual(t.home!.cellM / 2 + 1);
    expect(Math.abs(t.home!.z - t.actual!.homeZ)).toBeLessThanOrEqual(t.home!.cellM / 2 + 1);
    expect(t.site).not.toBeNull();
    expect(input.population!.sensitive.map((s) => s.id)).toContain(t.site!.site);
    expect(t.points.some((q) => q.site === t.site!.site && q.clockS === t.site!.clockS)).toBe(true);
    // "Right" means the resident truly arrived at that site before the sighting that day.
    const arrived = t.actual!.visits.some((v) => v.site === t.site!.site && v.clockS <= t.site!.clockS + 60);
    expect(t.actual!.siteRight).toBe(arrived);
  });

  it('chooses the first resident by index whom the attack ties to the right household and sees at a site', () => {
    const t = trace(all);
    const person = Number(/R-(\d+)/.exec(t.label)![1]);
    // Re-run the attack's steps to list who it ties to the right household.
    const held = (['anpr', 'face', 'smartcard', 'wifi'] as const).map((d) => P.releaseRecords(d, now));
    const meters = P.releaseMeters(now);
    const ids = mergeIdentities(held);
    const homes = matchHomes(ids, meters, 0);
    const first = new Int32Array(ids.entities).fill(-1);
    const sites = input.population!.sensitive.map((s) => P.sensors.buildingSensor[s.building]!).filter((c) => c >= 0);
    const atSite = new Set<number>();
    for (const d of ids.datasets) {
      for (let i = 0; i < d.rel.n; i++) {
        const e = ids.entityOf[d.offset + d.trace[i]!]!;
        if (first[e] === -1) first[e] = d.rel.truth[i]!;
        if (sites.some((c) => Math.abs(P.sensors.x[c]! - d.rel.x[i]!) <= 1 && Math.abs(P.sensors.z[c]! - d.rel.z[i]!) <= 1)) atSite.add(e);
      }
    }
    const right = (e: number) => homes.household[e]! >= 0 && P.people.household[first[e]!] === meters.truth[homes.household[e]!];
    const candidates = [...Array(ids.entities).keys()].filter((e) => right(e) && atSite.has(e)).map((e) => first[e]!);
    expect(candidates.length).toBeGreaterThan(0);
    expect(person).toBe(Math.min(...candidates));
  });

  it('is the same twice', () => {
    expect(trace(all)).toEqual(trace(all));
  });

  it('falls back to a resident tied only to a home, and says so when nobody can be traced', () => {
    const plates = trace(['anpr', 'meter']);
    expect(plates.status).toBe('traced');
    expect(plates.chosen).toBe('home');
    expect(plates.site).toBeNull();
    expect(plates.actual!.siteRight).toBeNull();
    expect(plates.joins).toEqual([]);

    const noMeters = trace(['anpr', 'wifi']);
    expect(noMeters.status).toBe('none');
    expect(noMeters.reason).toMatch(/smart-meter/);
    expect(noMeters.points).toEqual([]);
    expect(trace([]).status).toBe('none');
    // Meters as daily totals: no home can be read, so nobody is traced.
    const daily = trace(all, { meter: { ...P.anonymisation.meter, binS: 86400 } });
    expect(daily.status).toBe('none');
    expect(daily.reason).toMatch(/household/);
  });
});
