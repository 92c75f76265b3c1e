import { describe, expect, it } from 'vitest';
import { KPI_DEFS } from '../../../src/sim';
import { kpiAlert } from '../../../src/ui/panels/kpi-strip';

const def = (id: string) => KPI_DEFS.find((d) => d.id === id)!;

describe('KPI alerts and direction', () => {
  it('alerts on any harm above zero, and on cameras or coverage only once they fall below their peak', () => {
    expect(kpiAlert(def('peopleWithoutPower'), 0, 0)).toBe(false);
    expect(kpiAlert(def('peopleWithoutPower'), 1200, 1200)).toBe(true);
    // Healthy CCTV is not an alarm; losing some is.
    expect(kpiAlert(def('camerasWorking'), 132, 132)).toBe(false);
    expect(kpiAlert(def('camerasWorking'), 120, 132)).toBe(true);
    expect(kpiAlert(def('streetCoverage'), 3.8, 3.8)).toBe(false);
    expect(kpiAlert(def('streetCoverage'), 2.1, 3.8)).toBe(true);
    // Traffic speed rises and falls all day: never an alarm by itself.
    expect(kpiAlert(def('trafficMeanSpeed'), 20, 35)).toBe(false);
  });

  it('marks which indicators are better higher, so a comparison of two runs colours them the right way', () => {
    expect(
      KPI_DEFS.filter((d) => d.better === 'higher')
        .map((d) => d.id)
        .sort(),
    ).toEqual(['camerasWorking', 'streetCoverage', 'trafficMeanSpeed', 'trafficThroughput', 'tripsCompleted']);
  });
});
