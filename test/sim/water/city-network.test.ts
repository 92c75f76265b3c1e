/**
 * The generated city's water network in the default scenario: the Old Town pumping station stops
 * when its UPS runs out after the substation is opened, its directly pumped zone loses pressure,
 * the hospital rides on its on-site storage for 45 minutes and then has no water — every step
 * explained back to the vendor compromise — and service returns with the power.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario';
import { type EventOf, createSimulation, HOUR, MINUTE } from '../../../src/sim';

function load() {
  const r = loadScenarioText(readFileSync(new URL('../../../scenarios/default.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('default scenario does not load');
  return r.input;
}

describe('generated city water network', () => {
  it('models pumping stations, towers and consumers; the model replaces their water edges', () => {
    const input = load();
    const w = input.water!;
    expect(w.linkAssets.map((l) => l.asset).sort()).toEqual(
      input.assets
        .filter((a) => a.kind === 'pumping-station')
        .map((a) => a.id)
        .sort(),
    );
    expect(w.nodeAssets.filter((n) => n.asset.startsWith('water-tower')).length).toBe(input.assets.filter((a) => a.kind === 'water-tower').length);
    const nbhds = input.assets.filter((a) => a.kind === 'neighbourhood');
    expect(w.consumers.filter((c) => c.asset.startsWith('nbhd-')).length).toBe(nbhds.length);
    expect(w.consumers.find((c) => c.asset === 'hospital')).toMatchObject({ storageMin: 45 });
    const modelled = new Set(w.consumers.map((c) => c.asset));
    expect(input.edges.filter((e) => e.resource === 'water' && modelled.has(e.to))).toEqual([]);
  });

  it('stops the Old Town pump when its UPS is spent; the hospital loses water after its storage', () => {
    const sim = createSimulation(load());
    sim.runUntil(29 * MINUTE);
    expect(sim.kpis().peopleWithoutWater).toBe(0);
    sim.runUntil(HOUR + 30 * MINUTE);
    const stopped = sim.events.find((e) => e.type === 'water.pump.stopped' && e.source === 'pumping-station-old-town')!;
    expect(stopped.tMs).toBeGreaterThanOrEqual(30 * MINUTE);
    // At the very moment the station's 20 min UPS runs out (mains lost at 10 min), not at the next hydraulic step.
    expect(stopped.tMs).toBe(30 * MINUTE);
    const lost = sim.events.find((e) => e.type === 'water.service.lost' && e.source === 'hospital')!;
    expect(lost.tMs).toBe(stopped.tMs); // a directly pumped zone: no tower carries it
    const down = sim.events.find((e) => e.type === 'asset.status.changed' && e.source === 'hospital' && e.data.to === 'down')!;
    expect(down.tMs - lost.tMs).toBe(45 * MINUTE);
    const why = sim.whyStatus('hospital')!.chain;
    const chain = why.map((e) => e.type);
    expect(chain).toEqual(expect.arrayContaining(['inject.applied', 'dependency.buffer.exhausted', 'water.pump.stopped', 'water.service.lost']));
    // Only what caused it: the towers' routine PLC switching before the attack is no part of the hospital's story.
    expect(chain).not.toContain('water.link.commanded');
    expect(why.every((e) => e.type === 'sim.started' || e.tMs >= 10 * MINUTE)).toBe(true);
    expect(sim.explain(lost.id).roots.map((e) => e.type)).toEqual(['inject.applied']);
    const people = sim.kpis().peopleWithoutWater;
    const zone = sim.finalWater()!.consumers.filter((c) => c.servicePct < 20 && c.asset.startsWith('nbhd-'));
    expect(zone.length).toBeGreaterThan(0);
    expect(people).toBe(Math.round(zone.reduce((s, c) => s + sim.world.get(c.asset).population * (1 - c.servicePct / 100), 0)));
  });

  it("counts the hospital's time left through the station's UPS and its own storage, then storage alone", () => {
    const sim = createSimulation(load());
    const h = sim.input.water!.consumers.findIndex((c) => c.asset === 'hospital');
    sim.runUntil(5 * MINUTE);
    expect(sim.water!.timeLeftS(h)).toBe(Infinity); // the station is on mains power: nothing runs down
    sim.runUntil(15 * MINUTE);
    // Substation opened at 10 min; the station's 20 min UPS has 15 min left, then 45 min of storage.
    expect(sim.water!.timeLeftS(h)).toBeCloseTo((15 + 45) * 60, -1);
    sim.runUntil(50 * MINUTE);
    expect(sim.water!.timeLeftS(h)).toBeCloseTo(25 * 60, 0); // mains lost at 30 min: storage until 75 min
    expect(sim.snapshot().water!.consumerTimeLeftS[h]).toBeCloseTo(25 * 60, 0);
  });

  it("runs tower-fed pumps by PLC over the street cabinets; a PLC that loses the tower's reading holds the last one", () => {
    const input = load();
    expect(input.water!.plcs.map((p) => p.id).sort()).toEqual(['PLC_ELM_PARK', 'PLC_SOUTHMEAD', 'PLC_TOWER_NORTHGATE', 'PLC_TOWER_RIVERSIDE_SOUTH']);
    const sim = createSimulation(input);
    sim.runUntil(HOUR);
    // Northgate's street cabinet runs out of battery: the tower's level no longer reaches Elm Park's PLC.
    const cut = sim.events.find((e) => e.type === 'dependency.supply.lost' && e.source === 'water-tower-northgate' && e.data.resource === 'comms')!;
    expect(cut).toBeDefined();
    // Before that, scanning every second, the PLC stopped the pump as the tower reached 11.4 m.
    const stop = sim.events.find(
      (e): e is EventOf<'water.link.commanded'> => e.type === 'water.link.commanded' && e.data.link === 'PU_ELM_PARK' && !e.data.open,
    )!;
    expect(stop.tMs).toBeLessThan(cut.tMs);
    expect(stop.data.readingM).toBeGreaterThanOrEqual(11.4);
    expect(stop.data.readingM).toBeLessThan(11.42);
    const atCut = sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK');
    // Holding the reading from before the cut, the PLC believes the tower nearly full while it drains.
    sim.runUntil(2 * HOUR + 50 * MINUTE);
    const truth = sim.finalWater()!.sensors.find((x) => x.id === 'P_WATER_TOWER_NORTHGATE')!.trueValue;
    expect(sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK')).toBe(atCut);
    expect(atCut - truth).toBeGreaterThan(2);
    // Comms back with the power at 3 h: the PLC reads the tower's true level again.
    sim.runUntil(3 * HOUR + 10 * MINUTE);
    const now = sim.finalWater()!.sensors.find((x) => x.id === 'P_WATER_TOWER_NORTHGATE')!.trueValue;
    expect(sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK')).toBeCloseTo(now, 1);
  });

  it('restores service when the crews re-close the breakers', () => {
    const sim = createSimulation(load());
    sim.runUntil(3 * HOUR + 10 * MINUTE);
    expect(sim.events.some((e) => e.type === 'water.pump.started' && e.source === 'pumping-station-old-town')).toBe(true);
    expect(sim.kpis().peopleWithoutWater).toBe(0);
    expect(sim.world.statusOf('hospital')).not.toBe('down');
  });
});
