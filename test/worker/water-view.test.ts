/** The page's view of a water network: EPANET's order, assets, consumers, and snapshot arrays that line up with it. */
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR, water } from '../../src/sim';
import { SERVICE_DEGRADED, SERVICE_LOST } from '../../src/sim/water';
import { waterView } from '../../src/worker/water-view';
import { SERVICE_BANDS, readingSpoofed, serviceBand, timeLeft } from '../../src/ui/water/water-style';
import { tinyWater } from '../support/water';

const input = () =>
  tinyWater({
    assets: [{ id: 'homes', kind: 'neighbourhood', subsystem: 'population', position: [300, 0], population: 500 }],
    water: { consumers: [{ node: 'C', asset: 'homes', tanks: ['TK'], storageMin: 30 }] },
  });

describe('water view and snapshot', () => {
  it('lists nodes and links in the model order with the assets made for pumps and tanks', () => {
    const inp = input();
    const sim = createSimulation(inp);
    const v = waterView(inp, sim.water)!;
    expect(v.nodeIds).toEqual(sim.water!.model.nodeIds);
    expect(v.linkIds).toEqual(['P1', 'P2', 'PU']);
    expect([...v.linkType]).toEqual([0, 0, 1]);
    const pumpAsset = inp.assets[v.linkAsset[2]!]!;
    expect(pumpAsset).toMatchObject({ id: 'pump-pu', kind: 'water-pump', subsystem: 'water' });
    const tank = v.nodeIds.indexOf('TK');
    expect(inp.assets[v.nodeAsset[tank]!]!.kind).toBe('water-tank');
    expect(v.consumers).toEqual([{ asset: inp.assets.findIndex((a) => a.id === 'homes'), node: v.nodeIds.indexOf('C'), storageMin: 30 }]);
  });

  it("gives the snapshot arrays the view's lengths, and a consumer's time left its storage on top of the tank", () => {
    const inp = input();
    const sim = createSimulation(inp);
    sim.runUntil(HOUR);
    const v = waterView(inp, sim.water)!;
    const s = sim.snapshot().water!;
    expect(s.flowLps.length).toBe(v.linkIds.length);
    expect(s.pressureM.length).toBe(v.nodeIds.length);
    expect(s.consumerTimeLeftS.length).toBe(v.consumers.length);
    const tank = v.nodeIds.indexOf('TK');
    const tankLeft = s.tankTimeLeftS[tank]!;
    expect(s.consumerTimeLeftS[0]).toBe(Number.isFinite(tankLeft) ? Math.fround(tankLeft + 30 * 60) : Infinity);
    expect(s.tankFill[tank]).toBeGreaterThan(0);
  });
});

describe('water style', () => {
  it("uses the simulation's service thresholds for its bands", () => {
    expect(serviceBand(SERVICE_DEGRADED).id).toBe('full');
    expect(serviceBand(SERVICE_DEGRADED - 1e-9).id).toBe('low');
    expect(serviceBand(SERVICE_LOST).id).toBe('low');
    expect(serviceBand(SERVICE_LOST - 1e-9).id).toBe('none');
    expect(SERVICE_BANDS.map((b) => b.min)).toEqual([SERVICE_DEGRADED, SERVICE_LOST, 0]);
  });

  it('words the time left the way a briefer reads it', () => {
    expect(timeLeft(Infinity)).toBe('not running down');
    expect(timeLeft(30)).toBe('under a minute');
    expect(timeLeft(12 * 60 + 59)).toBe('12 min');
    expect(timeLeft(2 * 3600 + 5 * 60)).toBe('2 h 05 min');
    expect(timeLeft(3 * 86400)).toBe('3 days');
  });

  it('calls a reading spoofed only beyond rounding', () => {
    expect(readingSpoofed(2.27, 2.272)).toBe(false);
    expect(readingSpoofed(2.27, 5.6)).toBe(true);
    expect(water.channelKey('P_T2', 'PLC3')).toBe('P_T2->PLC3');
  });
});
