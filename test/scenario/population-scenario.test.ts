import { describe, expect, it } from 'vitest';
import { loadScenarioData, type ScenarioIssue } from '../../src/scenario';
import { population as pop } from '../../src/sim';

const city = { generator: { buildings: 1500, population: 5000, sizeM: [2400, 2000] } };

function problems(data: unknown): ScenarioIssue[] {
  const r = loadScenarioData(data);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.issues;
}

describe('the population section', () => {
  it('compiles residents, sensitive sites, schools, stations and cameras with their analytics', () => {
    const r = loadScenarioData({
      version: 1,
      city,
      population: { residents: 500, history: '2d', startDay: 'wednesday', datasets: { wifi: { rotation: 'none', bin: '15m', retention: '3d' } } },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const p = r.input.population!;
    expect(p.residents).toBe(500);
    expect(p.historyDays).toBe(2);
    // The history runs up to the named day: two days before a Wednesday is a Monday.
    expect(p.startWeekday).toBe(0);
    expect(p.sensitive.map((s) => s.kind).sort()).toEqual(['clinic', 'job-centre', 'party-office', 'place-of-worship', 'support-centre']);
    expect(p.sensors.some((s) => s.kinds & pop.SENSOR_ANPR)).toBe(true);
    expect(p.sensors.some((s) => s.kinds & pop.SENSOR_STATION)).toBe(true);
    expect(p.anonymisation.wifi).toEqual({ ...pop.DEFAULT_ANONYMISATION.wifi, rotation: 'none', binS: 900, retentionS: 3 * 86400 });
    expect(p.anonymisation.anpr).toEqual(pop.DEFAULT_ANONYMISATION.anpr);
  });

  it('names the field and how to fix it when a setting is wrong', () => {
    const issues = problems({ version: 1, city, population: { history: '36h', datasets: { wifi: { k: 0 } }, attacker: { holds: [{ dataset: 'cctv' }] } } });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('population.datasets.wifi.k');
    expect(paths.some((p) => p.startsWith('population.attacker.holds[0].dataset'))).toBe(true);
  });

  it('needs whole days of history and homes to live in', () => {
    expect(problems({ version: 1, city, population: { history: '36h' } }).map((i) => i.path)).toEqual(['population.history']);
    expect(problems({ version: 1, population: {} }).map((i) => i.path)).toEqual(['population']);
  });

  it('refuses privacy commands in a scenario without residents', () => {
    const issues = problems({
      version: 1,
      assets: [{ id: 'a', kind: 'thing', subsystem: 'civic', position: [0, 0] }],
      injects: [{ id: 'steal', at: '1m', title: 'Steal', commands: [{ type: 'privacy.attacker.acquire', datasets: ['meter'] }] }],
    });
    expect(issues.map((i) => i.path)).toEqual(['injects[0].commands[0]']);
  });
});
