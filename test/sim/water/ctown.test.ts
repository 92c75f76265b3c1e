/**
 * C-Town (the BATADAL network) with epanetCPA's PLCs and attacks (Taormina et al. 2017), as the
 * shipped scenario runs them. Each attack is checked against the same run without injects.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect } from 'vitest';
import { loadScenarioText } from '../../../src/scenario';
import { createSimulation, HOUR, type SimInput, type Simulation } from '../../../src/sim';
import { itWithSharedData } from '../../support/shared-data';

const FILE = resolve(__dirname, '../../../scenarios/ctown-cyberattacks.json');

function load(): SimInput {
  const r = loadScenarioText(readFileSync(FILE, 'utf8'), {
    fileName: 'ctown-cyberattacks.json',
    readFile: (p) => {
      try {
        return readFileSync(resolve(dirname(FILE), p), 'utf8');
      } catch {
        return null;
      }
    },
  });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.input;
}

/** T-level readings every 5 minutes from `fromH` to `toH`. */
function levels(sim: Simulation, sensor: string, fromH: number, toH: number): number[] {
  const out: number[] = [];
  for (let t = fromH * HOUR; t <= toH * HOUR; t += 5 * 60_000) {
    sim.runUntil(t + 1000);
    out.push(sim.water!.truth(sensor));
  }
  return out;
}

const switches = (sim: Simulation, link: string, fromH: number, toH: number) =>
  sim.events.filter((e) => e.type === 'water.link.commanded' && e.data.link === link && e.tMs >= fromH * HOUR && e.tMs <= toH * HOUR).length;

describe('C-Town', () => {
  itWithSharedData('loads with its PLCs and runs a 24-hour extended-period simulation', 'water/ctown/ctown_map.inp', () => {
    const sim = createSimulation({ ...load(), injects: [] });
    sim.runUntil(24 * HOUR + 1000);
    const f = sim.finalWater()!;
    expect(f.timeS).toBe(24 * 3600);
    expect([f.junctions.length, f.tanks.length, f.pumps.length, f.valves.length]).toEqual([388, 7, 11, 4]);
    expect(f.fileUnits).toBe('LPS');
    // The 20 level controls of the .inp became the rules of PLC1, PLC3 and PLC5.
    expect(f.plcRules).toHaveLength(20);
    expect(new Set(f.plcRules.map((r) => r.plc))).toEqual(new Set(['PLC1', 'PLC3', 'PLC5']));
    for (const t of f.tanks) expect(t.levelM).toBeGreaterThanOrEqual(0);
    expect(sim.events.filter((e) => e.type === 'water.link.commanded').length).toBeGreaterThan(5);
  });

  itWithSharedData('scenario01: a false "T2 full" reading makes PLC3 close V2 and T2 drains', 'water/ctown/ctown_map.inp', () => {
    const attacked = createSimulation(load());
    const base = createSimulation({ ...load(), injects: [] });
    const a = levels(attacked, 'P_T2', 10, 18);
    const b = levels(base, 'P_T2', 10, 18);
    const close = attacked.events.find((e) => e.type === 'water.link.commanded' && e.data.link === 'V2' && !e.data.open)!;
    expect(close.tMs - 10 * HOUR).toBeGreaterThanOrEqual(0);
    expect(close.tMs - 10 * HOUR).toBeLessThan(1000); // at the first tick of the inject
    expect(close.data).toMatchObject({ plc: 'PLC3', sensor: 'P_T2', readingM: 5.6 });
    if (close.type === 'water.link.commanded') expect(close.data.trueM).toBeLessThan(5.5);
    expect(attacked.explain(close.id).chain.map((e) => e.type)).toContain('water.sensor.spoofed');
    expect(Math.min(...a)).toBeLessThan(0.05);
    expect(Math.min(...b)).toBeGreaterThan(1);
    // With T2 dry, the part of town it feeds loses pressure: residents at 150 L a day per person
    // of each junction's base demand, times the share not delivered.
    const people = (sim: Simulation) => sim.kpis().peopleWithoutWater ?? NaN;
    expect(people(attacked)).toBeGreaterThan(10 * Math.max(1, people(base)));
    const f = attacked.finalWater()!;
    const byHand = f.junctions.reduce(
      (s, j) =>
        s +
        (j.demandLps > 0
          ? ((attacked.water!.model.baseDemandLps[attacked.water!.model.nodeOf(j.id)!]! * 86_400) / 150) * (1 - Math.min(1, j.deliveredLps / j.demandLps))
          : 0),
      0,
    );
    expect(Math.abs(people(attacked) - byHand)).toBeLessThan(0.01 * byHand + 5); // the report rounds flows to mL/s
  });

  itWithSharedData("scenario03: PLC5's rewritten logic cycles PU10 and PU11", 'water/ctown/ctown_map.inp', () => {
    const attacked = createSimulation(load());
    const base = createSimulation({ ...load(), injects: [] });
    attacked.runUntil(36 * HOUR);
    base.runUntil(36 * HOUR);
    expect(switches(attacked, 'PU10', 30, 35)).toBeGreaterThan(4 * Math.max(1, switches(base, 'PU10', 30, 35)));
    expect(switches(attacked, 'PU11', 30, 35)).toBeGreaterThan(4);
  });

  itWithSharedData("scenario04/05: PLC1 loses T1's reading and keeps pumping; SCADA shows a frozen T1", 'water/ctown/ctown_map.inp', () => {
    const attacked = createSimulation(load());
    const base = createSimulation({ ...load(), injects: [] });
    const a = levels(attacked, 'P_T1', 50, 66);
    const b = levels(base, 'P_T1', 50, 66);
    expect(Math.max(...a)).toBeGreaterThan(Math.max(...b) + 0.3);
    attacked.runUntil(58 * HOUR + 1000);
    const frozen = attacked.water!.scadaReading('P_T1');
    let gap = 0;
    for (let t = 58.5 * HOUR; t <= 72 * HOUR; t += HOUR / 2) {
      attacked.runUntil(t);
      const t1 = attacked.finalWater()!.sensors.find((x) => x.id === 'P_T1')!;
      expect(t1.scadaValue).toBeCloseTo(frozen, 2); // the report rounds to millimetres
      gap = Math.max(gap, Math.abs(t1.trueValue - t1.scadaValue));
    }
    expect(gap).toBeGreaterThan(0.3); // T1 moves by decimetres while operators see one value
  });
});
