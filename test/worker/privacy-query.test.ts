import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../src/sim';
import { privacyView } from '../../src/worker/privacy-query';
import { compile, populationCity } from '../support/scenarios';

describe("the privacy panel's query", () => {
  const input = populationCity(1500, { history: '4d', attacker: { holds: [{ dataset: 'anpr' }, { dataset: 'wifi' }, { dataset: 'meter' }] } });
  let sim: Simulation;
  beforeAll(() => {
    sim = createSimulation(input);
    sim.runUntil(30 * 60_000);
  });
  const clock = (() => {
    let t = 0;
    return () => (t += 5);
  })();

  it('answers with aggregates only, beside one illustrative trace: no list grows with the number of residents', () => {
    const { illustration, ...v } = privacyView(sim, undefined, clock)!;
    expect(v.residents).toBe(1500);
    expect(v.historyDays).toBe(4);
    expect(v.datasets.filter((d) => d.held).map((d) => d.id)).toEqual(['anpr', 'meter', 'wifi']);
    const longest = (x: unknown): number =>
      Array.isArray(x) ? Math.max(x.length, ...x.map(longest)) : x && typeof x === 'object' ? Math.max(0, ...Object.values(x).map(longest)) : 0;
    // 3 resolutions × 10 values of p is the longest list; nothing per person or per household.
    expect(longest(v)).toBeLessThanOrEqual(30);
    expect(JSON.stringify(v)).not.toMatch(/"(truth|pid|trace|household)"/);
    // The one exception: a single synthetic resident's day, named by a label and nothing else.
    expect(illustration).toBeDefined();
    const labels = JSON.stringify(illustration).match(/Resident R-\d+ \(synthetic\)/g) ?? [];
    expect(new Set(labels).size).toBeLessThanOrEqual(1);
    expect(JSON.stringify(illustration)).not.toMatch(/"(truth|pid|household)"/);
    expect(illustration!.points.length).toBeLessThanOrEqual(80);
  });

  it('answers a what-if without changing the run', () => {
    const before = sim.hash();
    const v = privacyView(sim, { holds: [] }, clock)!;
    expect(v.reidentified.count).toBe(0);
    expect(v.datasets.every((d) => d.held === null)).toBe(true);
    expect(sim.hash()).toBe(before);
  });

  it('is null for a scenario without a population', () => {
    const bare = compile({ assets: [{ id: 'a', kind: 'thing', subsystem: 'civic', position: [0, 0] }] });
    expect(privacyView(createSimulation(bare), undefined, clock)).toBeNull();
  });
});
