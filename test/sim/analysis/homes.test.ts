import { describe, expect, it } from 'vitest';
import { population as pop } from '../../../src/sim';
import { CONFIDENCE_BANDS, matchHomes, mergeIdentities, privacyAnalysis } from '../../../src/sim/analysis';
import { precisionByMargin } from '../../../src/sim/analysis/homes';
import { occupancyThresholds } from '../../../src/sim/analysis/meter-occupancy';
import { runPopulation } from '../../support/population';
import { released, releasedMeters, type Row } from '../../support/released';
import { populationCity } from '../../support/scenarios';

/** Plate reads as released, at exact places and times. */
const plates = (rows: Row[]) => released('anpr', rows);

const scaled = (m: pop.ReleasedMeters, f: number): pop.ReleasedMeters => ({ ...m, kwh: m.kwh.map((v) => v * f) });

describe('reading the meters as an attacker would', () => {
  // Two households, 5 days. Household 0 (one resident) sleeps at 0.1 kWh, is up at 0.3, draws 0.06
  // empty; it is out 08:00–17:30 and, on days 2 to 4, again 19:00–20:30. Household 1 is out
  // 08:00–17:30 too, but next door has someone in all evening.
  const days = 5;
  const H = 2;
  const kwh = new Float32Array(days * 48 * H).fill(0.3);
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < 12; s++) for (let h = 0; h < H; h++) kwh[(d * 48 + s) * H + h] = 0.1;
    for (let s = 16; s < 35; s++) for (let h = 0; h < H; h++) kwh[(d * 48 + s) * H + h] = 0.06;
    if (d >= 2) for (let s = 38; s < 41; s++) kwh[(d * 48 + s) * H + 0] = 0.06;
  }
  const meters = releasedMeters(kwh, [500, 510]);
  // The resident: out at 08:10, back at 17:20; on days 2 to 4 last seen at 20:20, on the way home from an evening out.
  const rows: Row[] = [];
  for (let d = 0; d < days; d++) {
    rows.push([11, 409, 409, d * 86400 + 8 * 3600 + 600, 0]);
    rows.push([11, 2009, 409, d * 86400 + 12 * 3600, 0]);
    rows.push([11, 409, 409, d * 86400 + (d >= 2 ? 20 * 3600 + 1200 : 17 * 3600 + 1200), 0]);
  }
  const ids = mergeIdentities([plates(rows)]);

  it('judges each home against its own nights: empty at or under a little above its night-time floor', () => {
    const thr = occupancyThresholds(meters, 0);
    expect(thr[0]).toBeCloseTo(0.11, 5);
    expect(occupancyThresholds(scaled(meters, 3), 0)[0]).toBeCloseTo(0.33, 5);
  });

  it('ties the resident home though three of its five days end with an evening out', () => {
    const homes = matchHomes(ids, meters, 0);
    expect(homes.household[0]).toBe(0);
    expect(homes.confidence[0]).toBeGreaterThan(0);
  });

  it('needs no figure from the simulated meters: three times the consumption, the same tie', () => {
    expect(matchHomes(ids, scaled(meters, 3), 0).household[0]).toBe(0);
    expect(matchHomes(ids, scaled(meters, 0.2), 0).household[0]).toBe(0);
  });

  it('ties the same identities to the same households in a simulated city when every meter draws three times as much', () => {
    const P = runPopulation(populationCity(3000, { startHour: 0 }), 7);
    const now = 7 * 86400;
    const held = (['anpr', 'wifi'] as const).map((d) => P.releaseRecords(d, now));
    const m = P.releaseMeters(now);
    const a = matchHomes(mergeIdentities(held), m, 0);
    const b = matchHomes(mergeIdentities(held), scaled(m, 3), 0);
    expect(a.household.filter((h) => h >= 0).length).toBeGreaterThan(50);
    expect([...b.household]).toEqual([...a.household]);
  });
});

describe("the attacker's confidence", () => {
  it('trusts a margin less the more decoy ties it shares, and never trusts a wider margin less', () => {
    const right = precisionByMargin([0.4, 0.4, 0.4, 0.4, 0.5, 0.5, 0.8, 0.8], [0.4, 0.45, 0.6, 0.2]);
    // 0.4: 4 ties, 3 decoys (0.2 and 0.4 and 0.45 fall there); 0.5: 2 ties, 1 decoy (0.6); 0.8: none.
    expect(right(0.4)).toBeCloseTo(0.25, 6);
    expect(right(0.5)).toBeCloseTo(0.5, 6);
    expect(right(0.8)).toBe(1);
    // Out of order (0.3 looks better than 0.6): pooled.
    const pooled = precisionByMargin([0.3, 0.3, 0.6, 0.6], [0.6]);
    expect(pooled(0.3)).toBeCloseTo(0.75, 6);
    expect(pooled(0.6)).toBeCloseTo(0.75, 6);
  });

  it('is reported against the truth in bands that add up, and is right more often when surer, even from coarser meters', () => {
    const P = runPopulation(populationCity(6000, { startHour: 0 }), 7);
    const now = 7 * 86400;
    for (const meter of [P.anonymisation.meter, { ...P.anonymisation.meter, binS: 3600 }]) {
      const r = privacyAnalysis(P, now, { holds: ['anpr', 'wifi', 'meter'], samples: 20, anonymisation: { meter } }).reidentified;
      expect(r.byConfidence.map((b) => b.from)).toEqual(CONFIDENCE_BANDS.slice(0, -1));
      expect(r.byConfidence.reduce((a, b) => a + b.ties, 0)).toBe(r.ties);
      for (const b of r.byConfidence) expect(b.right).toBeLessThanOrEqual(b.ties);
      const right = r.byConfidence.reduce((a, b) => a + b.right, 0);
      expect(r.ties - right).toBe(r.wrong);
      // Honest: on average no surer than it is right (to within 3 points).
      expect(r.meanConfidence).toBeLessThanOrEqual(right / r.ties + 0.03);
      const used = r.byConfidence.filter((b) => b.ties > 0);
      expect(used.length).toBeGreaterThan(1);
      const top = used[used.length - 1]!;
      const bottom = used[0]!;
      expect(top.right / top.ties).toBeGreaterThanOrEqual(bottom.right / bottom.ties);
    }
  });
});
