/**
 * The generated city's water network in the default scenario: the Old Town pumping station stops
 * when its UPS runs out after the substation is opened, its directly pumped zone loses pressure,
 * the hospital rides on its on-site storage for 45 minutes and then has no water — every step
 * explained back to the vendor compromise — and service returns with the power.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE } from '../../../src/sim';
import { shippedAsIs } from '../../support/scenarios';
import { twin } from '../../support/twin';

const load = () => shippedAsIs('default');

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
    const t = twin(load()).until('29m').expectKpi('peopleWithoutWater', 0).until('1h30m');
    const sim = t.sim;
    const stopped = t.first('water.pump.stopped', 'pumping-station-old-town')!;
    expect(stopped.tMs).toBeGreaterThanOrEqual(30 * MINUTE);
    // At the very moment the station's 20 min UPS runs out (mains lost at 10 min), not at the next hydraulic step.
    expect(stopped.tMs).toBe(30 * MINUTE);
    const lost = t.first('water.service.lost', 'hospital')!;
    expect(lost.tMs).toBe(stopped.tMs); // a directly pumped zone: no tower carries it
    const down = t.events('asset.status.changed', 'hospital').find((e) => e.data.to === 'down')!;
    expect(down.tMs - lost.tMs).toBe(45 * MINUTE);
    t.expectChain('hospital', ['inject.applied', 'dependency.buffer.exhausted', 'water.pump.stopped', 'water.service.lost']).expectRoots(lost, [
      'inject.applied',
    ]);
    const why = t.why('hospital').chain;
    // Only what caused it: the towers' routine PLC switching before the attack is no part of the hospital's story.
    expect(why.map((e) => e.type)).not.toContain('water.link.commanded');
    expect(why.every((e) => e.type === 'sim.started' || e.tMs >= 10 * MINUTE)).toBe(true);
    const people = t.kpi('peopleWithoutWater');
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
    const t = twin(input).until('1h');
    const sim = t.sim;
    // Northgate's street cabinet runs out of battery: the tower's level no longer reaches Elm Park's PLC.
    const cut = t.events('dependency.supply.lost', 'water-tower-northgate').find((e) => e.data.resource === 'comms')!;
    expect(cut).toBeDefined();
    // Before that, scanning every second, the PLC stopped the pump as the tower reached 11.4 m.
    const stop = t.events('water.link.commanded').find((e) => e.data.link === 'PU_ELM_PARK' && !e.data.open)!;
    expect(stop.tMs).toBeLessThan(cut.tMs);
    expect(stop.data.readingM).toBeGreaterThanOrEqual(11.4);
    expect(stop.data.readingM).toBeLessThan(11.42);
    const atCut = sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK');
    // Holding the reading from before the cut, the PLC believes the tower nearly full while it drains.
    t.until('2h50m');
    const truth = sim.finalWater()!.sensors.find((x) => x.id === 'P_WATER_TOWER_NORTHGATE')!.trueValue;
    expect(sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK')).toBe(atCut);
    expect(atCut - truth).toBeGreaterThan(2);
    // Comms back with the power at 3 h: the PLC reads the tower's true level again.
    t.until('3h10m');
    const now = sim.finalWater()!.sensors.find((x) => x.id === 'P_WATER_TOWER_NORTHGATE')!.trueValue;
    expect(sim.water!.arrivedReading('P_WATER_TOWER_NORTHGATE', 'PLC_ELM_PARK')).toBeCloseTo(now, 1);
  });

  it('restores service when the crews re-close the breakers', () => {
    const t = twin(load()).until('3h10m').expectEvent('water.pump.started', 'pumping-station-old-town').expectKpi('peopleWithoutWater', 0);
    expect(t.status('hospital')).not.toBe('down');
  });
});
