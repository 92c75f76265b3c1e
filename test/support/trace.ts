/** One illustrative trace as the worker would send it, for the panel's tests. */
import type { IllustrativeTrace } from '../../src/sim/analysis';

const site = { site: 'clinic', name: 'Sexual Health Clinic', kind: 'clinic', x: 800, z: 200 };
export const sampleTrace: IllustrativeTrace = {
  status: 'traced',
  reason: null,
  label: 'Resident R-0042 (synthetic)',
  chosen: 'site',
  datasets: ['anpr', 'wifi', 'meter'],
  day: { index: 5, weekday: 'Saturday', ofRun: -2 },
  records: 23,
  pseudonyms: 4,
  daysSeen: 5,
  byDataset: [
    { dataset: 'anpr', records: 10, pseudonyms: 1 },
    { dataset: 'wifi', records: 13, pseudonyms: 3 },
  ],
  points: [
    { clockS: 8 * 3600 + 120, x: 400, z: 400, dataset: 'anpr', alias: 'a1b2c3', site: null },
    { clockS: 8 * 3600 + 120, x: 400, z: 400, dataset: 'wifi', alias: 'd4e5f6', site: null },
    { clockS: 10 * 3600 + 40 * 60, x: 790, z: 210, dataset: 'wifi', alias: 'd4e5f6', site: 'clinic' },
    { clockS: 17 * 3600, x: 400, z: 400, dataset: 'anpr', alias: 'a1b2c3', site: null },
  ],
  joins: [{ a: 'wifi', aliasA: 'd4e5f6', b: 'anpr', aliasB: 'a1b2c3', matches: 5, examples: [{ day: 5, clockS: 8 * 3600 + 120, x: 400, z: 400 }] }],
  home: { x: 150, z: 150, cellM: 100, alias: '0f0f0f', confidence: 0.6, leftClockS: 8 * 3600, backClockS: 17 * 3600 },
  site: { ...site, clockS: 10 * 3600 + 40 * 60 },
  actual: { homeX: 140, homeZ: 160, homeRight: true, visits: [{ ...site, clockS: 10 * 3600 + 35 * 60 }], siteRight: true, othersRecords: 0 },
};
