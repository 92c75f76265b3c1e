/**
 * PLCs on a small network: PLC1 drives the pump by the tank level, which PLC2 measures and sends
 * over a link. Spoofing the reading moves the pump; denying the link leaves PLC1 on the last
 * value it heard ("hold") or stops the pump ("failsafe"), as the scenario says; EPANET's own
 * copy of the rule is switched off so only the PLC decides.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, MINUTE } from '../../../src/sim';
import { waterInput } from './helpers';
import { TINY_INP } from './tiny-network';

const INP = TINY_INP.replace('[TIMES]', '[CONTROLS]\nLINK PU OPEN IF NODE TK BELOW 3\nLINK PU CLOSED IF NODE TK ABOVE 8\n[TIMES]');

const scenario = (commsLoss: 'hold' | 'failsafe', injects: unknown[]) => ({
  duration: '12h',
  water: {
    inp: 'tiny.inp',
    commsLoss,
    plcs: [
      { id: 'PLC1', sensors: [], actuators: ['PU'] },
      { id: 'PLC2', sensors: ['P_TK'], actuators: [] },
    ],
  },
  injects,
});
const run = (commsLoss: 'hold' | 'failsafe', injects: unknown[] = []) => createSimulation(waterInput(scenario(commsLoss, injects), { 'tiny.inp': INP }));
const pumpSwitches = (sim: ReturnType<typeof run>) => sim.events.filter((e) => e.type === 'water.link.commanded' && e.data.link === 'PU');

describe('PLCs', () => {
  it("take over the file's level rules: the pump cycles between 3 m and 8 m in the tank", () => {
    const sim = run('hold');
    sim.runUntil(12 * HOUR);
    const sw = pumpSwitches(sim);
    expect(sw.length).toBeGreaterThan(2);
    for (const e of sw) {
      if (e.type !== 'water.link.commanded') continue;
      expect(e.data.plc).toBe('PLC1');
      if (e.data.open) expect(e.data.readingM).toBeLessThanOrEqual(3 + 1e-9);
      else expect(e.data.readingM).toBeGreaterThanOrEqual(8 - 1e-9);
    }
    expect(sim.finalWater()!.plcRules.map((r) => r.id)).toEqual(['CTRL1', 'CTRL2']);
  });

  it('a spoofed "tank low" reading keeps the pump running past the top level', () => {
    const spoof = { id: 's', at: '10m', title: 'spoof', commands: [{ type: 'water.sensor.spoof', sensor: 'P_TK', to: 'PLC1', mode: 'constant', value: 1 }] };
    const sim = run('hold', [spoof]);
    let top = 0;
    for (let t = 10 * MINUTE; t <= 6 * HOUR; t += 5 * MINUTE) {
      sim.runUntil(t);
      top = Math.max(top, sim.water!.truth('P_TK'));
    }
    expect(top).toBeGreaterThan(9.9); // filled to the brim instead of stopping at 8 m
    expect(pumpSwitches(sim).filter((e) => e.type === 'water.link.commanded' && !e.data.open && e.tMs > 10 * MINUTE)).toEqual([]);
  });

  it('on a denied link, "hold" keeps the last reading and "failsafe" stops the pump', () => {
    const deny = { id: 'd', at: '20m', title: 'deny', commands: [{ type: 'water.link.deny', from: 'PLC2', to: 'PLC1', denied: true }] };
    const held = run('hold', [deny]);
    const safe = run('failsafe', [deny]);
    held.runUntil(3 * HOUR);
    safe.runUntil(3 * HOUR);
    const openAfter = (sim: ReturnType<typeof run>) => sim.finalWater()!.pumps[0]!.status;
    expect(openAfter(safe)).toBe('closed');
    const stop = pumpSwitches(safe).find((e) => e.type === 'water.link.commanded' && !e.data.open && e.tMs >= 20 * MINUTE)!;
    expect(safe.explain(stop.id).chain.map((e) => e.type)).toContain('water.link.denied');
    // Holding the last value: PLC1 still believes the level it heard at 20 min, so the pump does not stop at 8 m.
    let top = 0;
    for (let t = 3 * HOUR; t <= 8 * HOUR; t += 5 * MINUTE) {
      held.runUntil(t);
      top = Math.max(top, held.water!.truth('P_TK'));
    }
    expect(top).toBeGreaterThan(8.5);
  });
});
