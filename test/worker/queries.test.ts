import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { createSimulation, HOUR, MINUTE } from '../../src/sim';
import { edgeBuffers, explainEvent, hashAt, QueryError, whyStatus } from '../../src/worker/queries';
import { vehicleInfo } from '../../src/worker/vehicle-query';
import { buildWorldView } from '../../src/worker/world-view';

const loaded = loadScenarioText(readFileSync(resolve(__dirname, '../../scenarios/default.json'), 'utf8'));
if (!loaded.ok) throw new Error('default scenario does not load');
const { input, meta } = loaded;

describe('worker queries on the default scenario', () => {
  const sim = createSimulation(input);
  sim.runUntil(40 * MINUTE);

  it('reports the hospital supplies with their state and backup left', () => {
    const list = edgeBuffers(sim, 'hospital');
    expect(list.length).toBeGreaterThan(0);
    for (const b of list) {
      expect([0, 1, 2]).toContain(b.state);
      expect(b.remainingMs).toBeGreaterThanOrEqual(0);
    }
    expect(list.some((b) => b.state === 1 && b.remainingMs > 0)).toBe(true);
  });

  it('explains a down asset back to the inject', () => {
    const chain = whyStatus(sim, 'pumping-station-old-town');
    expect(chain).not.toBeNull();
    expect(chain!.roots.some((r) => r.type === 'inject.applied')).toBe(true);
  });

  it("gives a vehicle's route street by street, adding up to what it still has to drive", () => {
    const V = sim.traffic!.model.v;
    const infos = [...V.active.subarray(0, V.activeCount)].map((v) => vehicleInfo(sim, v)!);
    expect(infos.length).toBeGreaterThan(10);
    for (const info of infos) {
      expect(info.route.length).toBeGreaterThan(0);
      // Generated streets are named (Mill Street, Canal Way ...); one leg per street, never two in a row.
      for (const leg of info.route) expect(leg.road).toMatch(/^[A-Z][a-z]+ (Street|Road|Lane|Way)( \d+)?$/);
      for (let k = 1; k < info.route.length; k++) expect(info.route[k]!.road).not.toBe(info.route[k - 1]!.road);
      if (info.route.length < 40) expect(Math.abs(info.route.reduce((a, l) => a + l.m, 0) - info.remainingM)).toBeLessThanOrEqual(info.route.length);
    }
    expect(vehicleInfo(sim, -1)).toBeNull();
  });

  it('answers unknown ids with readable errors or null', () => {
    expect(() => whyStatus(sim, 'nope')).toThrow(QueryError);
    expect(() => edgeBuffers(sim, 'nope')).toThrow(QueryError);
    expect(explainEvent(sim, 'e999999999')).toBeNull();
    expect(explainEvent(sim, 'bogus')).toBeNull();
    expect(explainEvent(sim, 'e1')!.chain[0]!.type).toBe('sim.started');
  });

  it('hashes a fresh run exactly as the facade does', () => {
    const direct = createSimulation(input);
    direct.runUntil(HOUR);
    expect(hashAt(input, input.seed, HOUR)).toBe(direct.hash());
  });
});

describe('buildWorldView', () => {
  it('describes every asset and edge and copies the building arrays for transfer', () => {
    const { view, transfer } = buildWorldView(meta, input, 42, createSimulation(input).kpiDefs);
    expect(view.assets).toHaveLength(input.assets.length);
    expect(view.edges).toHaveLength(input.edges.length);
    expect(view.city.buildings.count).toBe(input.city.buildings.count);
    expect(view.city.buildings.x).not.toBe(input.city.buildings.x);
    expect(transfer).toHaveLength(7);
    expect(view.kpis.map((k) => k.id)).toContain('peopleWithoutPower');
    expect(view.injects[0]!.id).toBe('vendor-compromise');
  });
});
