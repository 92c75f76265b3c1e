/**
 * A hydraulic failure is a state of the network, never an end of the run. Seeded random outages
 * on the generated city's water network — pumping stations, substations, towers and street
 * cabinets taken out and brought back, PLC logic rewritten to absurd levels, readings spoofed,
 * PLC links denied — over runs of hours to 30 days must all run to the end, with every junction
 * cut off from its supplies getting nothing and finite numbers everywhere.
 *
 * Deeper: FUZZ_SCALE=5 npx vitest run test/fuzz/water-outages.test.ts
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioData } from '../../src/scenario';
import { createSimulation, DAY, HOUR, MINUTE, type Command, type LoggedCommand, type SimInput } from '../../src/sim';
import { Rng } from '../../src/sim/core';
import { loadScenarioFile } from '../../src/cli/files';
import { sharedText } from '../support/shared-data';

const SCALE = Math.max(1, Math.floor(Number(process.env.FUZZ_SCALE ?? 1)));
const CASES = Number(process.env.FUZZ_CASES ?? 200 * SCALE);

function city(seed: number): SimInput {
  const r = loadScenarioData({ version: 1, seed, duration: '30d', city: { generator: { buildings: 1200, population: 15000 } }, traffic: { enabled: false } });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  // Without the comms simulation (the dependency graph still cuts PLCs off when cabinets lose
  // power): it would cost ten times the water's share of each case.
  return { ...r.input, cyber: null };
}

/** C-Town (BATADAL) with its nine PLCs, valves included, when the shared data is there. */
function ctown(): SimInput | null {
  if (sharedText('water/ctown/ctown_map.inp') === null) return null;
  const r = loadScenarioFile('scenarios/ctown-cyberattacks.json');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return { ...r.input, injects: [], cyber: null };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;

/** A random plan of outages and attacks on the city's water and what it depends on. */
function plan(rng: Rng, input: SimInput, rulesOf: ReadonlyMap<string, string[]>, untilMs: number): LoggedCommand[] {
  const w = input.water!;
  const targets = input.assets
    .filter((a) => a.subsystem === 'water' || ['substation', 'grid-supply-point', 'access-switch', 'comms-aggregation'].includes(a.kind))
    .map((a) => a.id);
  const sensors = [...new Set(w.plcs.flatMap((p) => p.sensors))];
  const rules = [...rulesOf.keys()];
  const log: LoggedCommand[] = [];
  const n = 1 + Math.floor(rng.next() * 8);
  for (let i = 0; i < n; i++) {
    const t = Math.floor((rng.next() * untilMs) / 500) * 500;
    const kind = rng.next();
    let c: Command;
    if (kind < 0.45) {
      const ids = Array.from({ length: 1 + Math.floor(rng.next() * 4) }, () => pick(rng, targets));
      c = { type: 'asset.disable', targets: { ids }, reason: 'fuzz' };
      // Most outages end; some never do.
      if (rng.next() < 0.6)
        log.push({
          tMs: Math.min(untilMs, t + Math.floor((rng.next() * DAY) / 500) * 500),
          command: { type: 'asset.restore', targets: { ids }, reason: 'fuzz' },
        });
    } else if (kind < 0.65 && rules.length > 0) {
      const plc = pick(rng, rules);
      c =
        rng.next() < 0.2
          ? { type: 'water.plc.logic', plc, restore: true }
          : { type: 'water.plc.logic', plc, rules: rulesOf.get(plc)!.map((rule) => ({ rule, levelM: -5 + rng.next() * 30 })) };
    } else if (kind < 0.85 && sensors.length > 0) {
      const mode = pick(rng, ['constant', 'offset', 'scale', 'freeze', 'clear'] as const);
      c = { type: 'water.sensor.spoof', sensor: pick(rng, sensors), mode, value: -20 + rng.next() * 60 };
    } else if (w.plcLinks.length > 0) {
      const l = pick(rng, w.plcLinks);
      c = { type: 'water.link.deny', from: l.from, to: l.to, denied: rng.next() < 0.8 };
    } else continue;
    log.push({ tMs: t, command: c });
  }
  return log.sort((a, b) => a.tMs - b.tMs);
}

describe('random outages never end a run with an internal error', () => {
  const net = ctown();
  const bases = [city(11), city(3), ...(net ? [net] : [])].map((input) => {
    const rulesOf = new Map<string, string[]>();
    for (const r of createSimulation(input).water!.rules) rulesOf.set(r.plc, [...(rulesOf.get(r.plc) ?? []), r.id]);
    return { input, rulesOf };
  });
  it(`${CASES} seeded cases run to the end`, { timeout: 600_000 }, () => {
    let isolatedSeen = 0;
    let longest = 0;
    for (let k = 0; k < CASES; k++) {
      const rng = new Rng(1000 + k);
      // One case in five on C-Town (a larger network, so shorter runs); the rest on the two cities,
      // mostly one to thirteen hours, one in a hundred for a month.
      const onCtown = bases.length > 2 && k % 5 === 4;
      const { input, rulesOf } = onCtown ? bases[2]! : bases[k % 2]!;
      const untilMs = onCtown
        ? Math.floor((HOUR + rng.next() * 6 * HOUR) / MINUTE) * MINUTE
        : k % 100 === 7
          ? 30 * DAY
          : Math.floor((HOUR + rng.next() * 12 * HOUR) / MINUTE) * MINUTE;
      const commands = plan(rng, input, rulesOf, untilMs);
      const sim = createSimulation(input, { commands, seed: k });
      const t0 = performance.now();
      try {
        sim.runUntil(untilMs);
      } catch (e) {
        throw new Error(`case ${k} (${untilMs / HOUR} h, ${JSON.stringify(commands)}): ${String(e)}`);
      }
      longest = Math.max(longest, untilMs);
      if (process.env.FUZZ_TRACE)
        console.log(
          k,
          (untilMs / HOUR).toFixed(0),
          'h',
          Math.round(performance.now() - t0),
          'ms',
          sim.events.length,
          'events',
          JSON.stringify(sim.events.reduce((a: Record<string, number>, e) => ((a[e.type] = (a[e.type] ?? 0) + 1), a), {})).slice(0, 300),
        );
      const m = sim.water!.model;
      for (let i = 0; i < m.nodeIds.length; i++) {
        expect(Number.isFinite(m.pressureM[i]!) && Number.isFinite(m.deliveredLps[i]!), `case ${k}: node ${m.nodeIds[i]} has a number that is not finite`).toBe(
          true,
        );
        if (m.cutOff[i] === 1 && m.nodeType[i] === 0) expect(m.deliveredLps[i]).toBe(0);
      }
      if (sim.events.some((e) => e.type === 'water.zone.isolated' && e.data.isolated)) isolatedSeen++;
      const f = sim.finalWater()!;
      expect(f.consumers.every((c) => c.servicePct >= 0 && c.servicePct <= 100.0001)).toBe(true);
    }
    // The search reached the states it is for: islands, and a month-long run.
    expect(isolatedSeen).toBeGreaterThan(CASES / 10);
    expect(longest).toBe(30 * DAY);
  });
});
