import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR } from '../../src/sim';
import { loadScenarioText } from '../../src/scenario';

const golden = JSON.parse(readFileSync(new URL('./default.golden.json', import.meta.url), 'utf8')) as {
  seed: number;
  untilH: number;
  hash: string;
  events: number;
};

function load() {
  const r = loadScenarioText(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('default scenario does not load');
  return r.input;
}

describe('determinism', () => {
  it('gives the same hash twice for the same scenario and seed', () => {
    const a = createSimulation(load());
    const b = createSimulation(load());
    a.runUntil(3 * HOUR);
    b.runUntil(3 * HOUR);
    expect(a.hash()).toBe(b.hash());
    const c = createSimulation(load(), { seed: 99 });
    c.runUntil(3 * HOUR);
    expect(c.hash()).not.toBe(a.hash());
  });

  it('matches the golden hash of the default scenario (test/golden/default.golden.json)', () => {
    // When a change is meant to alter the default run, update the golden file and say why in the commit.
    const sim = createSimulation(load(), { seed: golden.seed });
    sim.runUntil(golden.untilH * HOUR);
    expect({ hash: sim.hash(), events: sim.events.length }).toEqual({ hash: golden.hash, events: golden.events });
  });
});
