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

describe('a hosted seat against a late joiner', () => {
  it('gives the same hash whether the log arrives command by command (applyAt) or all at once (replay)', () => {
    const log = [
      { tMs: 300_000, command: { type: 'inject.fire', inject: 'vendor-compromise' } },
      { tMs: 300_500, command: { type: 'decision.take', decision: 'restore-or-isolate', option: 'isolate-then-crews', by: 'Grid team (Ana)' } },
      { tMs: 300_500, command: { type: 'note.add', text: 'same tick, after the decision' } },
      { tMs: 1_200_000, command: { type: 'inject.fire', inject: 'cut-vendor-access' } },
    ] as const;
    const live = createSimulation(load());
    // A seat hears each command while its run is somewhere before the command's tick.
    for (const e of log) {
      live.runUntil(e.tMs - 500 * ((e.tMs / 500) % 3));
      live.applyAt(e.tMs, e.command as never);
    }
    live.runUntil(HOUR);
    const late = createSimulation(load(), { commands: log as never });
    late.runUntil(HOUR);
    expect(live.hash()).toBe(late.hash());
    expect(live.commandLog.map((c) => c.tMs)).toEqual(late.commandLog.map((c) => c.tMs));
    // Without the decision the run differs: the hash sees the log.
    const without = createSimulation(load(), { commands: log.filter((e) => e.command.type !== 'decision.take') as never });
    without.runUntil(HOUR);
    expect(without.hash()).not.toBe(live.hash());
    // A command for a tick already run is refused, not applied late.
    expect(() => live.applyAt(1000, { type: 'note.add', text: 'late' })).toThrow(/clock already reads/);
  });
});
