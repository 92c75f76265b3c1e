import { describe, expect, it } from 'vitest';
import type { IllustrativeTrace } from '../../../src/sim/analysis';
import { sampleTrace } from '../../support/trace';
import { dayLabel, districtAt, hhmm, traceCaption } from '../../../src/ui/privacy/trace-text';

const districts = [
  {
    id: 'north',
    name: 'Northgate',
    polygon: [
      [0, 0],
      [1000, 0],
      [1000, 1000],
      [0, 1000],
    ] as [number, number][],
  },
];
describe('the trace caption', () => {
  it('says what links, where it puts them and whether that is true', () => {
    expect(traceCaption(sampleTrace, districts)).toBe(
      'From the three datasets the attacker holds (ANPR plates, Wi-Fi probes, smart meters), 23 records under four pseudonyms link to one person, seen on five days. ' +
        'On Saturday (two days before the run began), it places Resident R-0042 (synthetic) at home in Northgate — right, and at the Sexual Health Clinic at 10:40 — right: they arrived at 10:35.',
    );
  });

  it('says so when the site is wrong, when records are someone else’s, and when nobody is traced', () => {
    const wrong: IllustrativeTrace = { ...sampleTrace, actual: { ...sampleTrace.actual!, visits: [], siteRight: false, othersRecords: 3 } };
    expect(traceCaption(wrong, districts)).toMatch(
      /at 10:40 — wrong: they only passed its camera that day\. Three records merged into this person are in fact someone else's\.$/,
    );
    const none: IllustrativeTrace = {
      ...sampleTrace,
      status: 'none',
      reason: 'The attacker holds no smart-meter readings, so it cannot tie anyone to a home.',
    };
    expect(traceCaption(none, districts)).toBe(none.reason);
  });

  it('names times, days and districts plainly', () => {
    expect(hhmm(10 * 3600 + 40 * 60 + 59)).toBe('10:40');
    expect(dayLabel({ index: 7, weekday: 'Monday', ofRun: 0 })).toBe('Monday (the day the run began)');
    expect(dayLabel({ index: 8, weekday: 'Tuesday', ofRun: 1 })).toBe('Tuesday (day 2 of the run)');
    expect(districtAt(districts, 500, 500)).toBe('Northgate');
    expect(districtAt(districts, 1500, 500)).toBeNull();
  });
});
