import { describe, expect, it } from 'vitest';
import { createSimulation, MINUTE, type Simulation } from '../../../src/sim';
import { asset, edge, input } from '../helpers';

const status = (sim: Simulation, id: string) => sim.world.statusOf(id);
const disable = (ids: string[]) => ({ type: 'asset.disable' as const, targets: { ids } });
const restore = (ids: string[]) => ({ type: 'asset.restore' as const, targets: { ids } });

describe('dependency propagation', () => {
  it('takes a dependent down when its buffer runs out, with causes pointing at the supplier', () => {
    const sim = createSimulation(
      input(
        [asset('sub'), asset('pump'), asset('hospital')],
        [edge('sub', 'pump', { bufferMin: 20 }), edge('pump', 'hospital', { bufferMin: 45, resource: 'water' })],
      ),
    );
    sim.apply(disable(['sub']));
    sim.step(1000);
    expect(status(sim, 'sub')).toBe('down');
    expect(status(sim, 'pump')).toBe('degraded');
    sim.runUntil(20 * MINUTE - 500);
    expect(status(sim, 'pump')).toBe('degraded');
    sim.runUntil(20 * MINUTE);
    expect(status(sim, 'pump')).toBe('down');
    expect(status(sim, 'hospital')).toBe('degraded');
    sim.runUntil(65 * MINUTE - 500);
    expect(status(sim, 'hospital')).toBe('degraded');
    sim.runUntil(65 * MINUTE);
    expect(status(sim, 'hospital')).toBe('down');
    const downAt = sim.events.find((e) => e.type === 'asset.status.changed' && e.source === 'hospital' && e.data.to === 'down')!;
    // Exactly when the pump's 20 min and the hospital's 45 min are spent (the disable applied at t=0).
    expect(downAt.tMs).toBe(65 * MINUTE);
    const why = sim.whyStatus('hospital')!;
    expect(why.roots.map((e) => e.type)).toEqual(['command.applied']);
    const types = why.chain.map((e) => `${e.type}@${e.source ?? ''}`);
    expect(types).toEqual([
      'command.applied@',
      'asset.disabled@sub',
      'asset.status.changed@sub',
      'dependency.supply.lost@pump',
      'dependency.buffer.exhausted@pump',
      'asset.status.changed@pump',
      'dependency.supply.lost@hospital',
      'dependency.buffer.exhausted@hospital',
      'asset.status.changed@hospital',
    ]);
  });

  it('restores dependents when the supplier returns, before and after their buffer ran out', () => {
    const sim = createSimulation(input([asset('sub'), asset('a'), asset('b')], [edge('sub', 'a'), edge('sub', 'b', { bufferMin: 30 })]));
    sim.apply(disable(['sub']));
    sim.runUntil(10 * MINUTE);
    expect([status(sim, 'a'), status(sim, 'b')]).toEqual(['down', 'degraded']);
    sim.apply(restore(['sub']));
    sim.step(500);
    expect([status(sim, 'sub'), status(sim, 'a'), status(sim, 'b')]).toEqual(['ok', 'ok', 'ok']);
    // The buffer timer was cancelled: b does not go down at the 30-minute mark.
    sim.runUntil(2 * 60 * MINUTE);
    expect(status(sim, 'b')).toBe('ok');
    const back = sim.events.filter((e) => e.type === 'dependency.supply.restored').map((e) => e.source);
    expect(back).toEqual(['a', 'b']);
  });

  it('treats edges in one group as redundant supplies', () => {
    const sim = createSimulation(
      input([asset('f1'), asset('f2'), asset('load')], [edge('f1', 'load', { group: 'feed' }), edge('f2', 'load', { group: 'feed' })]),
    );
    sim.apply(disable(['f1']));
    sim.step(500);
    expect(status(sim, 'load')).toBe('ok');
    sim.apply(disable(['f2']));
    sim.step(500);
    expect(status(sim, 'load')).toBe('down');
    sim.apply(restore(['f1']));
    sim.step(500);
    expect(status(sim, 'load')).toBe('ok');
  });

  it('makes a degraded-effect loss degrade rather than stop the dependent', () => {
    const sim = createSimulation(
      input([asset('switch'), asset('signal')], [edge('switch', 'signal', { effect: 'degraded', resource: 'control', kind: 'cyber' })]),
    );
    sim.apply(disable(['switch']));
    sim.step(500);
    expect(status(sim, 'signal')).toBe('degraded');
  });

  it('spends a buffer and recharges it slowly, so a second outage soon after is shorter', () => {
    const sim = createSimulation(input([asset('sub'), asset('ups')], [edge('sub', 'ups', { bufferMin: 20 })]));
    sim.apply(disable(['sub']));
    sim.runUntil(15 * MINUTE);
    sim.apply(restore(['sub']));
    sim.runUntil(19 * MINUTE); // 4 min of recharge at a quarter rate: 1 min back, 6 min left
    sim.apply(disable(['sub']));
    sim.step(500);
    const lost = sim.events.filter((e) => e.type === 'dependency.supply.lost');
    expect(lost.map((e) => (e.type === 'dependency.supply.lost' ? e.data.bufferMs : -1))).toEqual([20 * MINUTE, 6 * MINUTE]);
    sim.runUntil(26 * MINUTE);
    expect(status(sim, 'ups')).toBe('down');
  });

  it('carries what is left of a buffer through outages that end before it runs out: a third outage rides only the rest', () => {
    const sim = createSimulation(input([asset('sub'), asset('ups')], [edge('sub', 'ups', { bufferMin: 20 })]));
    sim.apply(disable(['sub']));
    sim.runUntil(15 * MINUTE); // 15 min spent: 5 left
    sim.apply(restore(['sub']));
    sim.runUntil(19 * MINUTE); // 4 min of recharge at a quarter rate: 6 left
    sim.apply(disable(['sub']));
    sim.runUntil(22 * MINUTE); // 3 spent: 3 left
    sim.apply(restore(['sub']));
    sim.runUntil(30 * MINUTE); // 8 min of recharge: 2 back, 5 left
    expect(status(sim, 'ups')).toBe('ok');
    sim.apply(disable(['sub']));
    sim.step(500);
    const lost = sim.events.filter((e) => e.type === 'dependency.supply.lost');
    expect(lost.map((e) => (e.type === 'dependency.supply.lost' ? e.data.bufferMs : -1))).toEqual([20 * MINUTE, 6 * MINUTE, 5 * MINUTE]);
    sim.runUntil(35 * MINUTE - 500);
    expect(status(sim, 'ups')).toBe('degraded');
    sim.runUntil(35 * MINUTE);
    expect(status(sim, 'ups')).toBe('down');
  });

  it('propagates along a long chain and always settles', () => {
    const n = 200;
    const assets = Array.from({ length: n }, (_, i) => asset(`a${i}`));
    const edges = Array.from({ length: n - 1 }, (_, i) => edge(`a${i}`, `a${i + 1}`, { bufferMin: i % 3 }));
    const sim = createSimulation(input(assets, edges));
    sim.apply(disable(['a0']));
    sim.runUntil(24 * 60 * MINUTE);
    expect(sim.world.status.every((s) => s === 2)).toBe(true);
  });
});

describe('backup power', () => {
  it('runs on UPS until the generator has started, then on the generator until its fuel is gone', () => {
    const e = {
      ...edge('sub', 'hospital', { bufferMin: 0 }),
      bufferMs: 15 * MINUTE + 24 * 60 * MINUTE,
      backup: { upsMs: 15 * MINUTE, generatorStartMs: 15_000, fuelMs: 24 * 60 * MINUTE },
    };
    const sim = createSimulation(input([asset('sub'), asset('hospital')], [e]));
    sim.apply(disable(['sub']));
    sim.step(500);
    expect(sim.world.backupPhase(0)).toBe('ups');
    sim.runUntil(20_000);
    expect(sim.world.backupPhase(0)).toBe('generator');
    expect(status(sim, 'hospital')).toBe('degraded');
    sim.runUntil(24 * 60 * MINUTE + 14 * MINUTE);
    expect(status(sim, 'hospital')).toBe('degraded');
    sim.runUntil(24 * 60 * MINUTE + 15 * MINUTE);
    expect(status(sim, 'hospital')).toBe('down');
    expect(sim.world.backupPhase(0)).toBeNull();
  });
});
