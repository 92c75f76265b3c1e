/**
 * PLCs on a small network: PLC1 drives the pump by the tank level, which PLC2 measures and sends
 * over a link. Spoofing the reading moves the pump; denying the link leaves PLC1 on the last
 * value it heard ("hold") or stops the pump ("failsafe"), as the scenario says; EPANET's own
 * copy of the rule is switched off so only the PLC decides.
 */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/sim';
import { twin, type Twin } from '../../support/twin';
import { TINY_INP_CONTROLLED, tinyWater } from '../../support/water';

const scenario = (commsLoss: 'hold' | 'failsafe', injects: unknown[]) => ({
  duration: '12h',
  water: {
    commsLoss,
    plcs: [
      { id: 'PLC1', sensors: [], actuators: ['PU'] },
      { id: 'PLC2', sensors: ['P_TK'], actuators: [] },
    ],
  },
  injects,
});
const run = (commsLoss: 'hold' | 'failsafe', injects: unknown[] = []) => twin(tinyWater(scenario(commsLoss, injects), TINY_INP_CONTROLLED));
const pumpSwitches = (t: Twin) => t.events('water.link.commanded').filter((e) => e.data.link === 'PU');

describe('PLCs', () => {
  it("take over the file's level rules: the pump cycles between 3 m and 8 m in the tank", () => {
    const t = run('hold').until('12h');
    const sw = pumpSwitches(t);
    expect(sw.length).toBeGreaterThan(2);
    for (const e of sw) {
      expect(e.data.plc).toBe('PLC1');
      if (e.data.open) expect(e.data.readingM).toBeLessThanOrEqual(3 + 1e-9);
      else expect(e.data.readingM).toBeGreaterThanOrEqual(8 - 1e-9);
    }
    expect(t.sim.finalWater()!.plcRules.map((r) => r.id)).toEqual(['CTRL1', 'CTRL2']);
  });

  it('a spoofed "tank low" reading keeps the pump running past the top level', () => {
    const spoof = { id: 's', at: '10m', title: 'spoof', commands: [{ type: 'water.sensor.spoof', sensor: 'P_TK', to: 'PLC1', mode: 'constant', value: 1 }] };
    const t = run('hold', [spoof]);
    let top = 0;
    for (let at = 10 * MINUTE; at <= 6 * HOUR; at += 5 * MINUTE) top = Math.max(top, t.until(at).sim.water!.truth('P_TK'));
    expect(top).toBeGreaterThan(9.9); // filled to the brim instead of stopping at 8 m
    expect(pumpSwitches(t).filter((e) => !e.data.open && e.tMs > 10 * MINUTE)).toEqual([]);
  });

  it('on a denied link, "hold" keeps the last reading and "failsafe" stops the pump', () => {
    const deny = { id: 'd', at: '20m', title: 'deny', commands: [{ type: 'water.link.deny', from: 'PLC2', to: 'PLC1', denied: true }] };
    const held = run('hold', [deny]).until('3h');
    const safe = run('failsafe', [deny]).until('3h');
    expect(safe.sim.finalWater()!.pumps[0]!.status).toBe('closed');
    const stop = pumpSwitches(safe).find((e) => !e.data.open && e.tMs >= 20 * MINUTE)!;
    safe.expectChain(stop, ['water.link.denied']);
    // Holding the last value: PLC1 still believes the level it heard at 20 min, so the pump does not stop at 8 m.
    let top = 0;
    for (let at = 3 * HOUR; at <= 8 * HOUR; at += 5 * MINUTE) top = Math.max(top, held.until(at).sim.water!.truth('P_TK'));
    expect(top).toBeGreaterThan(8.5);
  });
});
