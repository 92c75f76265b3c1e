import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/sim';
import { twin } from '../../support/twin';
import { asset, edge, input } from '../../support/world';

const disable = (ids: string[]) => ({ type: 'asset.disable' as const, targets: { ids } });
const restore = (ids: string[]) => ({ type: 'asset.restore' as const, targets: { ids } });

describe('dependency propagation', () => {
  it('takes a dependent down when its buffer runs out, with causes pointing at the supplier', () => {
    const t = twin(
      input(
        [asset('sub'), asset('pump'), asset('hospital')],
        [edge('sub', 'pump', { bufferMin: 20 }), edge('pump', 'hospital', { bufferMin: 45, resource: 'water' })],
      ),
    )
      .apply(disable(['sub']))
      .step(1000)
      .expectStatuses({ sub: 'down', pump: 'degraded' })
      .until(20 * MINUTE - 500)
      .expectStatus('pump', 'degraded')
      .until('20m')
      .expectStatuses({ pump: 'down', hospital: 'degraded' })
      .until(65 * MINUTE - 500)
      .expectStatus('hospital', 'degraded')
      .until('65m')
      .expectStatus('hospital', 'down')
      .expectRoots('hospital', ['command.applied']);
    const downAt = t.events('asset.status.changed', 'hospital').find((e) => e.data.to === 'down')!;
    // Exactly when the pump's 20 min and the hospital's 45 min are spent (the disable applied at t=0).
    expect(downAt.tMs).toBe(65 * MINUTE);
    const types = t.why('hospital').chain.map((e) => `${e.type}@${e.source ?? ''}`);
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
    const t = twin(input([asset('sub'), asset('a'), asset('b')], [edge('sub', 'a'), edge('sub', 'b', { bufferMin: 30 })]))
      .apply(disable(['sub']))
      .until('10m')
      .expectStatuses({ a: 'down', b: 'degraded' })
      .apply(restore(['sub']))
      .step(500)
      .expectStatuses({ sub: 'ok', a: 'ok', b: 'ok' })
      // The buffer timer was cancelled: b does not go down at the 30-minute mark.
      .until('2h')
      .expectStatus('b', 'ok');
    expect(t.events('dependency.supply.restored').map((e) => e.source)).toEqual(['a', 'b']);
  });

  it('treats edges in one group as redundant supplies', () => {
    twin(input([asset('f1'), asset('f2'), asset('load')], [edge('f1', 'load', { group: 'feed' }), edge('f2', 'load', { group: 'feed' })]))
      .apply(disable(['f1']))
      .step(500)
      .expectStatus('load', 'ok')
      .apply(disable(['f2']))
      .step(500)
      .expectStatus('load', 'down')
      .apply(restore(['f1']))
      .step(500)
      .expectStatus('load', 'ok');
  });

  it('makes a degraded-effect loss degrade rather than stop the dependent', () => {
    twin(input([asset('switch'), asset('signal')], [edge('switch', 'signal', { effect: 'degraded', resource: 'control', kind: 'cyber' })]))
      .apply(disable(['switch']))
      .step(500)
      .expectStatus('signal', 'degraded');
  });

  it('spends a buffer and recharges it slowly, so a second outage soon after is shorter', () => {
    const t = twin(input([asset('sub'), asset('ups')], [edge('sub', 'ups', { bufferMin: 20 })]))
      .apply(disable(['sub']))
      .until('15m')
      .apply(restore(['sub']))
      .until('19m') // 4 min of recharge at a quarter rate: 1 min back, 6 min left
      .apply(disable(['sub']))
      .step(500);
    expect(t.events('dependency.supply.lost').map((e) => e.data.bufferMs)).toEqual([20 * MINUTE, 6 * MINUTE]);
    t.until('26m').expectStatus('ups', 'down');
  });

  it('carries what is left of a buffer through outages that end before it runs out: a third outage rides only the rest', () => {
    const t = twin(input([asset('sub'), asset('ups')], [edge('sub', 'ups', { bufferMin: 20 })]))
      .apply(disable(['sub']))
      .until('15m') // 15 min spent: 5 left
      .apply(restore(['sub']))
      .until('19m') // 4 min of recharge at a quarter rate: 6 left
      .apply(disable(['sub']))
      .until('22m') // 3 spent: 3 left
      .apply(restore(['sub']))
      .until('30m') // 8 min of recharge: 2 back, 5 left
      .expectStatus('ups', 'ok')
      .apply(disable(['sub']))
      .step(500);
    expect(t.events('dependency.supply.lost').map((e) => e.data.bufferMs)).toEqual([20 * MINUTE, 6 * MINUTE, 5 * MINUTE]);
    t.until(35 * MINUTE - 500)
      .expectStatus('ups', 'degraded')
      .until('35m')
      .expectStatus('ups', 'down');
  });

  it('propagates along a long chain and always settles', () => {
    const n = 200;
    const assets = Array.from({ length: n }, (_, i) => asset(`a${i}`));
    const edges = Array.from({ length: n - 1 }, (_, i) => edge(`a${i}`, `a${i + 1}`, { bufferMin: i % 3 }));
    const t = twin(input(assets, edges))
      .apply(disable(['a0']))
      .until('1d');
    expect(t.sim.world.status.every((s) => s === 2)).toBe(true);
  });
});

describe('backup power', () => {
  it('runs on UPS until the generator has started, then on the generator until its fuel is gone', () => {
    const e = {
      ...edge('sub', 'hospital', { bufferMin: 0 }),
      bufferMs: 15 * MINUTE + 24 * 60 * MINUTE,
      backup: { upsMs: 15 * MINUTE, generatorStartMs: 15_000, fuelMs: 24 * 60 * MINUTE },
    };
    const t = twin(input([asset('sub'), asset('hospital')], [e]));
    const phase = () => t.sim.world.backupPhase(0);
    t.apply(disable(['sub'])).step(500);
    expect(phase()).toBe('ups');
    t.until('20s').expectStatus('hospital', 'degraded');
    expect(phase()).toBe('generator');
    t.until('1d14m').expectStatus('hospital', 'degraded').until('1d15m').expectStatus('hospital', 'down');
    expect(phase()).toBeNull();
  });
});
