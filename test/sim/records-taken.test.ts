/**
 * One count of what the attacker has taken. In the default scenario it copies a week of smart-meter
 * readings at 40 min and is handed Kestrel's plate, face and Wi-Fi records at 2 h: "Records taken"
 * must be those records, the same in the KPI strip, the vendor panel's snapshot and the report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, createSimulation, HOUR, MINUTE } from '../../src/sim';
import { loadScenarioText } from '../../src/scenario';

describe('records taken', () => {
  it('counts every record the attacker holds, the same everywhere', () => {
    const r = loadScenarioText(readFileSync('scenarios/default.json', 'utf8'));
    if (!r.ok) throw new Error('default scenario does not load');
    const sim = createSimulation(r.input);
    sim.runUntil(30 * MINUTE);
    expect(sim.kpis().recordsExfiltrated).toBe(0);
    sim.runUntil(45 * MINUTE);
    const pop = sim.population!;
    const meter = pop.recordCount('meter');
    expect(meter).toBeGreaterThan(1_000_000);
    expect(sim.kpis().recordsExfiltrated).toBe(meter);
    sim.runUntil(2 * HOUR + MINUTE);
    const held = pop.holdings.map((h) => h.dataset).sort();
    expect(held).toEqual(['anpr', 'face', 'meter', 'wifi']);
    const acquired = sim.events
      .filter((e) => e.type === 'privacy.dataset.acquired')
      .reduce((n, e) => n + (e.type === 'privacy.dataset.acquired' ? e.data.records : 0), 0);
    const taken = sim.kpis().recordsExfiltrated;
    expect(taken).toBe(acquired);
    expect(taken).toBeGreaterThan(meter);
    expect(sim.snapshot().cyber!.recordsExfiltrated).toBe(taken);
    const report = buildReport(sim, 0);
    expect(report.kpis.recordsExfiltrated!.series.at(-1)![1]).toBe(taken);
  });
});
