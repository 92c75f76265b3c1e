/**
 * One count of what the attacker has taken. In the default scenario it copies a week of smart-meter
 * readings at 40 min and is handed Kestrel's plate, face and Wi-Fi records at 2 h: "Records taken"
 * must be those records, the same in the KPI strip, the vendor panel's snapshot and the report.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/sim';
import { shippedAsIs } from '../support/scenarios';
import { twin } from '../support/twin';

describe('records taken', () => {
  it('counts every record the attacker holds, the same everywhere', () => {
    const t = twin(shippedAsIs('default')).until('30m').expectKpi('recordsExfiltrated', 0).until('45m');
    const sim = t.sim;
    const pop = sim.population!;
    const meter = pop.recordCount('meter');
    expect(meter).toBeGreaterThan(1_000_000);
    t.expectKpi('recordsExfiltrated', meter).until('2h1m');
    const held = pop.holdings.map((h) => h.dataset).sort();
    expect(held).toEqual(['anpr', 'face', 'meter', 'wifi']);
    const acquired = t.events('privacy.dataset.acquired').reduce((n, e) => n + e.data.records, 0);
    const taken = t.kpi('recordsExfiltrated');
    expect(taken).toBe(acquired);
    expect(taken).toBeGreaterThan(meter);
    expect(sim.snapshot().cyber!.recordsExfiltrated).toBe(taken);
    const report = buildReport(sim, 0);
    expect(report.kpis.recordsExfiltrated!.series.at(-1)![1]).toBe(taken);
  });
});
