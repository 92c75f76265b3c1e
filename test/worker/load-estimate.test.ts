/**
 * The cost of an imported scenario, read from its JSON before anything is built: the shipped
 * scenarios load without a question, a city of a million residents with a month of history or a
 * run of months is announced as heavy, and the estimate says what it is made of.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAVY, describeEstimate, estimateLoad } from '../../src/worker/load-estimate';

const read = (name: string) => readFileSync(resolve(__dirname, '../../scenarios', name), 'utf8');
const defaultText = read('default.json');
const withChanges = (f: (s: Record<string, any>) => void) => {
  const s = JSON.parse(defaultText) as Record<string, any>;
  f(s);
  return JSON.stringify(s);
};

describe('load estimate', () => {
  it('lets every shipped scenario load without asking', () => {
    for (const name of [
      'default.json',
      'camera-botnet.json',
      'cctv-exfiltration.json',
      'compelled-disclosure.json',
      'signal-takeover.json',
      'ctown-cyberattacks.json',
      'net1-oldsmar.json',
    ]) {
      const e = estimateLoad(read(name), 6 * 3_600_000)!;
      expect(e, name).not.toBeNull();
      expect(e.heavy, `${name}: ${describeEstimate(e)}`).toBe(false);
    }
  });

  it('reads the default city as it is built: 8,000 buildings, 20,000 residents through 7 days, 6 hours', () => {
    const e = estimateLoad(defaultText, 3_600_000)!;
    expect(e).toMatchObject({ buildings: 8000, residents: 20_000, historyDays: 7, durationMs: 6 * 3_600_000, untilMs: 3_600_000 });
    // Measured on this kind of machine: built in about 2 s, an hour run in about 1.2 s (see the constants).
    expect(e.buildS).toBeGreaterThan(1);
    expect(e.buildS).toBeLessThan(HEAVY.loadS / 5);
    expect(e.replayS).toBeGreaterThan(0.5);
    expect(e.replayS).toBeLessThan(3);
  });

  it('announces a city of a million residents with a month of history as heavy, and says why', () => {
    const text = withChanges((s) => {
      s.city.generator.buildings = 50_000;
      s.city.generator.sizeM = [20_000, 20_000];
      s.population.residents = 1_000_000;
      s.population.history = '30d';
    });
    const e = estimateLoad(text, 0)!;
    expect(e.heavy).toBe(true);
    expect(e.buildS).toBeGreaterThan(HEAVY.loadS * 10);
    expect(e.memoryMB).toBeGreaterThan(HEAVY.memoryMB);
    expect(describeEstimate(e)).toMatch(/^50,000 buildings, 1,000,000 residents with 30 days' history, a 6-hour run: about \d+ min to build/);
  });

  it('announces a run of months as heavy even for a small city, and a residents default of the generated population', () => {
    expect(
      estimateLoad(
        withChanges((s) => (s.duration = '116d')),
        0,
      )!.heavy,
    ).toBe(true);
    const noResidents = estimateLoad(
      withChanges((s) => delete s.population.residents),
      0,
    )!;
    expect(noResidents.residents).toBe(100_000);
    expect(estimateLoad('not json', 0)).toBeNull();
    expect(estimateLoad('[1,2]', 0)).toBeNull();
  });
});
