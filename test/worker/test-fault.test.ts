/**
 * The test-only fault behind window.__twin.failAt: the simulation runs as before up to the chosen
 * time and fails exactly there, every time it gets there — as a deterministic bug would.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files';
import { createSimulation } from '../../src/sim';
import { withFault } from '../../src/worker/test-fault';

const loaded = loadScenarioFile(resolve(__dirname, '../../scenarios/default.json'));
if (!loaded.ok) throw new Error('default scenario does not load');

describe('test fault', () => {
  it('fails exactly at the time set, again on every step there, and changes nothing before it', () => {
    const raw = createSimulation(loaded.input, { seed: 42 });
    const sim = withFault(raw, 10 * 60_000);
    sim.step(5 * 60_000);
    expect(sim.nowMs).toBe(5 * 60_000);
    expect(() => sim.step(30 * 60_000)).toThrow(/set to fail at 00:10:00/);
    expect(raw.nowMs).toBe(10 * 60_000);
    expect(() => sim.step(500)).toThrow(/00:10:00/);
    expect(raw.nowMs).toBe(10 * 60_000);
    // Up to the fault, the same run as without it.
    const plain = createSimulation(loaded.input, { seed: 42 });
    plain.runUntil(10 * 60_000);
    expect(sim.hash()).toBe(plain.hash());
    expect(sim.snapshot().tMs).toBe(10 * 60_000);
  });
});
