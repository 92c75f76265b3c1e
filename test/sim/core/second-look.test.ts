/**
 * Cases the first mutation run of sim/core showed untested: exact boundaries of the backup phase,
 * the causes each step of a cascade records, which kit change marks firmware as changed, timers
 * just past a tick, the seeding of random streams, and hex digests with leading zeros.
 */
import { describe, expect, it } from 'vitest';
import { backupBufferMs, describeCommand, Engine, Hasher, MINUTE, Rng } from '../../../src/sim/core';
import { asset, edge, worldRig } from '../../support/world';

function rig(ids: string[], edges: ReturnType<typeof edge>[]) {
  const r = worldRig(ids, edges);
  const of = (type: string, source: string) => r.engine.bus.events.filter((e) => e.type === type && e.source === source);
  return { ...r, of };
}

describe('World, second look', () => {
  it('hands over to the generator exactly when the UPS time spent in all outages reaches the UPS', () => {
    const backup = { upsMs: 10 * MINUTE, generatorStartMs: 2 * MINUTE, fuelMs: 60 * MINUTE };
    const r = rig(['sub', 'hq'], [{ ...edge('sub', 'hq', { bufferMin: 70 }), backup }]);
    r.world.disable(r.i('sub'), r.cause());
    r.engine.runUntil(9 * MINUTE);
    r.world.restore(r.i('sub'), r.cause());
    r.world.disable(r.i('sub'), r.cause());
    r.engine.runUntil(9 * MINUTE + 30_000);
    expect(r.world.backupPhase(0)).toBe('ups');
    r.engine.runUntil(10 * MINUTE);
    // 1 min into this outage, 10 min spent in all: the UPS is spent.
    expect(r.world.backupPhase(0)).toBe('generator');
  });

  it('stays on the UPS when a generator has fuel but no start time', () => {
    const r = rig(['sub', 'a'], [{ ...edge('sub', 'a', { bufferMin: 10 }), backup: { upsMs: 10 * MINUTE, generatorStartMs: null, fuelMs: 60 * MINUTE } }]);
    r.world.disable(r.i('sub'), r.cause());
    r.engine.runUntil(5 * MINUTE);
    expect(r.world.backupPhase(0)).toBe('ups');
    expect(backupBufferMs({ upsMs: 10, generatorStartMs: null, fuelMs: 60 })).toBe(10);
  });

  it('records the cause of every step: loss from the status change, restoration from the return, release from its cause', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 10 })]);
    r.world.disable(r.i('sub'), r.cause());
    const [subDown] = r.of('asset.status.changed', 'sub');
    const [lost] = r.of('dependency.supply.lost', 'pump');
    const [pumpDegraded] = r.of('asset.status.changed', 'pump');
    expect(lost?.causes).toEqual([subDown?.id]);
    expect(pumpDegraded?.causes).toEqual([lost?.id]);
    const back = r.cause();
    r.world.restore(r.i('sub'), back);
    const [, subUp] = r.of('asset.status.changed', 'sub');
    expect(subUp?.causes).toEqual([back]);
    const [restored] = r.of('dependency.supply.restored', 'pump');
    expect(restored?.causes).toEqual([subUp?.id]);
    const [, pumpOk] = r.of('asset.status.changed', 'pump');
    expect(pumpOk?.causes).toEqual([restored?.id]);
  });

  it('emits no restoration for a supplier that goes from ok to degraded', () => {
    const r = rig(['sub', 'pump'], [edge('sub', 'pump', { bufferMin: 10 })]);
    r.world.hold(r.i('sub'), 'wobble', r.cause(), 'degraded', 'wobbling');
    expect(r.of('dependency.supply.restored', 'pump')).toEqual([]);
    expect(r.of('dependency.supply.lost', 'pump')).toEqual([]);
  });

  it('marks firmware as changed by a resupply alone, and by a reflash alone', () => {
    const a = rig(['cam', 'nvr'], []);
    a.world.resupply(1, null, false);
    expect([...a.world.firmwareChanged]).toEqual([1]);
    const b = rig(['cam', 'nvr'], []);
    b.world.setFirmware(0, 'X 2.0');
    expect([...b.world.firmwareChanged]).toEqual([0]);
  });

  it('starts with no status event for any asset', () => {
    const r = rig(['a', 'b'], []);
    expect(r.world.statusEvent).toStrictEqual([null, null]);
  });
});

describe('Engine, second look', () => {
  it('leaves a timer due just after a tick for the next tick', () => {
    const e = new Engine(1, 1000);
    const fired: number[] = [];
    e.scheduler.at(1001, () => fired.push(e.nowMs));
    e.runUntil(1000);
    expect(fired).toEqual([]);
    expect(e.nowMs).toBe(1000);
    e.runUntil(2000);
    expect(fired).toEqual([1001]);
  });
});

describe('Rng and Hasher, second look', () => {
  it('seeds its four words from splitmix32 (murmur3 finaliser over a golden-ratio counter)', () => {
    const splitmix = (seed: number) => {
      let s = seed >>> 0;
      return () => {
        s = (s + 0x9e3779b9) >>> 0;
        let z = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
      };
    };
    for (const seed of [0, 1, 42, 0xffffffff]) {
      const sm = splitmix(seed);
      const ref = Rng.fromState(sm(), sm(), sm(), sm());
      const rng = new Rng(seed);
      expect(Array.from({ length: 5 }, () => rng.nextU32())).toEqual(Array.from({ length: 5 }, () => ref.nextU32()));
    }
  });

  it('draws a normal by Box-Muller from the next two uniforms, cosine branch added to the mean', () => {
    const a = new Rng(9);
    const b = new Rng(9);
    for (let i = 0; i < 20; i++) {
      const u = 1 - b.next();
      const v = b.next();
      expect(a.normal(5, 2)).toBeCloseTo(5 + 2 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v), 12);
    }
  });

  it('never draws past the top of a range', () => {
    const r = new Rng(4);
    const xs = Array.from({ length: 5000 }, () => r.range(10, 20));
    expect(Math.max(...xs)).toBeLessThan(20);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
  });

  it('writes every digest as 16 hex digits, leading zeros included', () => {
    const lengths = new Set(Array.from({ length: 400 }, (_, i) => new Hasher().str(`input ${i}`).digest().length));
    expect([...lengths]).toEqual([16]);
  });
});

describe('describeCommand, lists of several', () => {
  it('joins several kinds, breakers, lines and signals with commas', () => {
    expect(describeCommand({ type: 'policy.vendor.ban', vendor: 'hawk', kinds: ['camera', 'nvr'], replacement: null })).toBe(
      'ban hawk from camera, nvr: replace its kit with unbranded kit (4 crews)',
    );
    expect(describeCommand({ type: 'power.breaker', action: 'open', substations: ['sub1', 'sub2'] })).toBe('open breakers sub1, sub2');
    expect(describeCommand({ type: 'power.protection', enabled: true, branches: ['1', '2'] })).toBe('enable protection 1, 2');
    expect(describeCommand({ type: 'power.telemetry', mode: 'freeze', substations: ['a', 'b'] })).toBe('spoof (freeze) telemetry a, b');
    expect(describeCommand({ type: 'traffic.signal.plan', signals: ['s1', 's2'], plan: 'normal' })).toBe('return signals s1, s2 to their plans');
  });
});
