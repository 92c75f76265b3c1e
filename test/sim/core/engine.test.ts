import { describe, expect, it } from 'vitest';
import { createSimulation, injectId, MINUTE } from '../../../src/sim';
import { twin } from '../../support/twin';
import { asset, edge, input } from '../../support/world';

const world = () =>
  input(
    [asset('sub', { vendor: 'v' as never, remoteAccess: true, kind: 'substation' }), asset('home', { population: 500 }), asset('pump')],
    [edge('sub', 'home'), edge('sub', 'pump', { bufferMin: 10 }), edge('pump', 'home', { resource: 'water', bufferMin: 30 })],
    [
      {
        id: injectId('hack'),
        atMs: 5 * MINUTE,
        title: 'Vendor hacked',
        description: '',
        attack: 'T0822',
        commands: [
          { type: 'vendor.compromise', vendor: 'v' },
          { type: 'asset.disable', targets: { vendor: 'v', compromised: true } },
        ],
      },
      {
        id: injectId('fix'),
        atMs: null,
        title: 'Restore',
        description: '',
        attack: null,
        commands: [{ type: 'asset.restore', targets: { kind: 'substation' } }],
      },
    ],
  );

describe('engine and commands', () => {
  it('fires scheduled injects at their time and explains effects back to the inject', () => {
    twin(world())
      .until('4m')
      .expectStatus('sub', 'ok')
      .until('6m')
      .expectStatus('sub', 'down')
      .expectKpis({ peopleWithoutPower: 500, peopleWithoutWater: 0, assetsCompromised: 1 })
      .until('60m')
      .expectKpi('peopleWithoutWater', 500)
      .expectRoots('home', ['inject.applied'])
      .expectChain('sub', ['asset.compromised']);
  });

  it('fires an inject early on command, once only', () => {
    const t = twin(world()).apply({ type: 'inject.fire', inject: 'hack' }).step(500).expectStatus('sub', 'down').until('10m').expectCount('inject.applied', 1);
    expect(t.first('inject.applied')!.data).toMatchObject({ early: true });
  });

  it('logs commands with the tick they took effect at, and replaying the log reproduces the run', () => {
    const a = createSimulation(world());
    a.runUntil(20 * MINUTE);
    a.apply({ type: 'inject.fire', inject: 'fix' });
    a.runUntil(25 * MINUTE);
    a.apply({ type: 'asset.secure', targets: { kind: 'substation' } });
    a.runUntil(90 * MINUTE);
    expect(a.commandLog.map((c) => c.tMs)).toEqual([20 * MINUTE, 25 * MINUTE]);
    const b = createSimulation(world(), { commands: a.commandLog });
    b.runUntil(90 * MINUTE);
    expect(b.hash()).toBe(a.hash());
    expect(b.events.length).toBe(a.events.length);
    const c = createSimulation(world());
    c.runUntil(90 * MINUTE);
    expect(c.hash()).not.toBe(a.hash());
  });

  it('carries a remainder below one tick to the next step', () => {
    const sim = createSimulation(world());
    for (let i = 0; i < 10; i++) sim.step(100);
    expect(sim.nowMs).toBe(1000);
    expect(() => sim.step(Number.NaN)).toThrow();
  });

  it('samples KPIs each minute and when statuses change', () => {
    const sim = createSimulation(world());
    sim.runUntil(60 * MINUTE);
    const s = sim.kpiSeries.peopleWithoutPower!;
    expect(s[0]).toEqual([0, 0]);
    expect(s.some(([t, v]) => t === 300 && v === 500)).toBe(true);
    expect(s.length).toBeGreaterThanOrEqual(60);
  });
});
