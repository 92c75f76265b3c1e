/**
 * The engine's clock, systems and command queue, the timer heap, the event bus and the random
 * streams, each driven directly (no scenario, no subsystems).
 */
import { describe, expect, it } from 'vitest';
import { Engine, EventBus, explain, Rng, Scheduler, seq, assetId, type Command, type EventId, type SystemStep } from '../../../src/sim/core';

const fire = (inject: string): Command => ({ type: 'inject.fire', inject });

function recorder(name: string, periodMs: number, log: string[]): SystemStep {
  return { name, periodMs, step: (t) => log.push(`${name}@${t}`) };
}

describe('Engine', () => {
  it('refuses a base tick that is not a positive whole number of ms', () => {
    for (const bad of [0, -1000, 0.5, Number.NaN]) expect(() => new Engine(1, bad)).toThrow('base tick must be a positive integer');
    expect(new Engine(1, 1).baseTickMs).toBe(1);
  });

  it('refuses a system whose period or first step is off the base tick', () => {
    const e = new Engine(1, 1000);
    expect(() => e.addSystem(recorder('odd', 1500, []))).toThrow('odd: period 1500 ms is not a multiple of the 1000 ms base tick');
    expect(() => e.addSystem(recorder('late', 2000, []), 500)).toThrow('late: first step at 500 ms is not on a base tick');
  });

  it('steps systems in the order added, at the first tick and then every period, or from a later first step', () => {
    const log: string[] = [];
    const e = new Engine(1, 1000);
    e.addSystem(recorder('b', 2000, log));
    e.addSystem(recorder('a', 1000, log));
    e.addSystem(recorder('c', 3000, log), 3000);
    e.runUntil(4000);
    expect(log).toEqual(['b@1000', 'a@1000', 'a@2000', 'b@3000', 'a@3000', 'c@3000', 'a@4000']);
    expect(e.nowMs).toBe(4000);
  });

  it('runs until a time rounded down to a tick, and not at all for a time already past', () => {
    const e = new Engine(1, 1000);
    e.runUntil(2500);
    expect(e.nowMs).toBe(2000);
    e.runUntil(1000);
    expect(e.nowMs).toBe(2000);
  });

  it('refuses a negative or non-finite step, and carries remainders below a tick', () => {
    const e = new Engine(1, 1000);
    for (const bad of [-1, Number.NaN, Infinity]) expect(() => e.step(bad)).toThrow(`step needs a finite, non-negative time, got ${bad}`);
    e.step(600);
    expect(e.nowMs).toBe(0);
    e.step(600);
    expect(e.nowMs).toBe(1000);
    e.step(700);
    expect(e.nowMs).toBe(1000);
    e.step(100);
    expect(e.nowMs).toBe(2000);
    e.step(0);
    expect(e.nowMs).toBe(2000);
  });

  it('fires timers at their exact times within a tick, with the clock reading their time', () => {
    const e = new Engine(1, 1000);
    const seen: number[] = [];
    e.scheduler.at(1500, () => seen.push(e.nowMs));
    e.scheduler.at(1000, () => seen.push(e.nowMs));
    e.scheduler.at(999, () => seen.push(e.nowMs));
    e.runUntil(2000);
    expect(seen).toEqual([999, 1000, 1500]);
  });

  it('fires a timer due at a tick boundary before the systems step at it', () => {
    const log: string[] = [];
    const e = new Engine(1, 1000);
    e.addSystem(recorder('s', 1000, log));
    e.scheduler.at(1000, () => log.push(`timer@${e.nowMs}`));
    e.runUntil(1000);
    expect(log).toEqual(['timer@1000', 's@1000']);
  });

  it('applies queued commands at the next tick boundary in order, logging the time they took effect', () => {
    const e = new Engine(1, 1000);
    const handled: string[] = [];
    e.setCommandHandler((c) => handled.push(`${c.type === 'inject.fire' ? c.inject : c.type}@${e.nowMs}`));
    e.runUntil(3000);
    e.apply(fire('x'));
    e.apply(fire('y'));
    expect(handled).toEqual([]);
    e.runUntil(4000);
    expect(handled).toEqual(['x@3000', 'y@3000']);
    expect(e.commandLog).toEqual([
      { tMs: 3000, command: fire('x') },
      { tMs: 3000, command: fire('y') },
    ]);
  });

  it('logs commands even with no handler set', () => {
    const e = new Engine(1, 1000);
    e.apply(fire('x'));
    e.flushCommands();
    expect(e.commandLog).toEqual([{ tMs: 0, command: fire('x') }]);
  });

  it('replays a saved log at the times it took effect, sorted by time', () => {
    const e = new Engine(1, 1000);
    const handled: string[] = [];
    e.setCommandHandler((c) => handled.push(`${c.type === 'inject.fire' ? c.inject : ''}@${e.nowMs}`));
    e.scheduleReplay([
      { tMs: 3000, command: fire('late') },
      { tMs: 0, command: fire('first') },
      { tMs: 2000, command: fire('mid') },
    ]);
    e.flushCommands();
    expect(handled).toEqual(['first@0']);
    e.runUntil(2000);
    expect(handled).toEqual(['first@0']);
    e.runUntil(5000);
    expect(handled).toEqual(['first@0', 'mid@2000', 'late@3000']);
  });

  it('forks its random stream from the seed', () => {
    expect(new Engine(7, 1000).rng.seed).toBe(7);
    expect(new Engine(7, 1000).rng.nextU32()).toBe(new Rng(7).nextU32());
  });
});

describe('Scheduler', () => {
  it('orders many timers by time, then by when they were set, whatever the insertion order', () => {
    const s = new Scheduler();
    const fired: string[] = [];
    const times = [50, 10, 40, 10, 30, 20, 50, 0, 30, 10, 60, 5];
    times.forEach((t, i) => s.at(t, () => fired.push(`${t}:${i}`)));
    s.runUntil(100, () => {});
    const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
    expect(fired).toEqual(expected.map(({ t, i }) => `${t}:${i}`));
  });

  it('rounds times to whole ms, reports the next live timer, and counts only live ones', () => {
    const s = new Scheduler();
    expect(s.peek()).toBe(Infinity);
    const a = s.at(10.4, () => {});
    const b = s.at(20.6, () => {});
    expect([a.tMs, b.tMs]).toEqual([10, 21]);
    expect(s.size).toBe(2);
    a.cancel();
    expect(s.size).toBe(1);
    expect(s.peek()).toBe(21);
    b.cancel();
    expect(s.peek()).toBe(Infinity);
    expect(s.size).toBe(0);
  });

  it('fires timers up to and including the time asked, sets the clock to each, and runs timers they add', () => {
    const s = new Scheduler();
    const now: number[] = [];
    const fired: string[] = [];
    s.at(5, () => {
      fired.push('a');
      s.at(7, () => fired.push('added'));
      s.at(12, () => fired.push('too late'));
    });
    s.at(10, () => fired.push('b'));
    s.at(11, () => fired.push('c'));
    s.runUntil(10, (t) => now.push(t));
    expect(fired).toEqual(['a', 'added', 'b']);
    expect(now).toEqual([5, 7, 10]);
    expect(s.size).toBe(2);
  });
});

describe('EventBus', () => {
  it('stamps events with the clock, numbers them, drops repeated causes, and finds them by id', () => {
    let now = 5;
    const bus = new EventBus(() => now);
    const a = bus.emit('command.applied', null, { command: 'x', actor: 'operator' });
    now = 9;
    const b = bus.emit('asset.disabled', assetId('p'), { actor: 'operator', technique: null, reason: 'r' }, [a.id, a.id]);
    expect([a.id, a.tMs, b.id, b.tMs]).toEqual(['e1', 5, 'e2', 9]);
    expect(b.causes).toEqual(['e1']);
    expect(a.causes).toEqual([]);
    expect(bus.get('e2')).toBe(b);
    expect(bus.get('e3')).toBeUndefined();
    expect(bus.events).toEqual([a, b]);
    expect(seq(b.id)).toBe(2);
  });

  it('stops delivering to a handler once unsubscribed, leaving the others', () => {
    const bus = new EventBus(() => 0);
    const seen: string[] = [];
    const off = bus.on('command.applied', () => seen.push('first'));
    bus.on('command.applied', () => seen.push('second'));
    bus.on('*', (e) => seen.push(`any:${e.type}`));
    bus.emit('command.applied', null, { command: 'x', actor: 'operator' });
    off();
    bus.emit('command.applied', null, { command: 'y', actor: 'operator' });
    bus.emit('sim.started', null, { scenarioId: 's', seed: 1 });
    expect(seen).toEqual(['first', 'second', 'any:command.applied', 'second', 'any:command.applied', 'any:sim.started']);
  });

  it('keeps delivering after a handler throws, once the throw has passed', () => {
    const bus = new EventBus(() => 0);
    const seen: string[] = [];
    let boom = true;
    bus.on('command.applied', (e) => {
      if (boom) {
        boom = false;
        throw new Error('handler failed');
      }
      seen.push(e.data.command);
    });
    expect(() => bus.emit('command.applied', null, { command: 'x', actor: 'operator' })).toThrow('handler failed');
    bus.emit('command.applied', null, { command: 'y', actor: 'operator' });
    expect(seen).toEqual(['y']);
  });

  it('explains a chain through shared ancestors once each, oldest first, and skips unknown ids', () => {
    const bus = new EventBus(() => 0);
    const root = bus.emit('command.applied', null, { command: 'x', actor: 'operator' });
    const left = bus.emit('asset.disabled', assetId('l'), { actor: 'operator', technique: null, reason: 'r' }, [root.id]);
    const right = bus.emit('asset.disabled', assetId('r'), { actor: 'operator', technique: null, reason: 'r' }, [root.id, 'e99' as EventId]);
    const end = bus.emit('asset.status.changed', assetId('x'), { from: 'ok', to: 'down', reason: 'r' }, [right.id, left.id]);
    const why = explain((id) => bus.get(id), end.id);
    expect(why.chain.map((e) => e.id)).toEqual([root.id, left.id, right.id, end.id]);
    expect(why.roots.map((e) => e.id)).toEqual([root.id]);
    expect(explain((id) => bus.get(id), 'e42' as EventId)).toEqual({ chain: [], roots: [] });
  });
});

describe('Rng draws', () => {
  it('draws in [min, max) for range, [min, max] for int, and chance by probability', () => {
    const r = new Rng(3);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.range(-2, 3);
      expect(x >= -2 && x < 3).toBe(true);
      ints.add(r.int(1, 3));
    }
    expect([...ints].sort()).toEqual([1, 2, 3]);
    expect(Array.from({ length: 100 }, () => r.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => r.chance(1)).every(Boolean)).toBe(true);
    const hits = Array.from({ length: 10_000 }, () => r.chance(0.3)).filter(Boolean).length;
    expect(Math.abs(hits - 3000)).toBeLessThan(200);
  });

  it('spreads range draws over the whole interval', () => {
    const r = new Rng(11);
    const xs = Array.from({ length: 5000 }, () => r.range(10, 20));
    expect(Math.min(...xs)).toBeLessThan(10.05);
    expect(Math.max(...xs)).toBeGreaterThan(19.95);
  });

  it('picks each item of a list, and refuses an empty one', () => {
    const r = new Rng(5);
    const seen = new Set(Array.from({ length: 300 }, () => r.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow('Rng.pick on an empty list');
  });

  it('draws normals with the asked mean and spread', () => {
    const r = new Rng(9);
    const xs = Array.from({ length: 20_000 }, () => r.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 10)).toBeLessThan(0.06);
    expect(Math.abs(sd - 2)).toBeLessThan(0.06);
    expect(xs.every(Number.isFinite)).toBe(true);
    const std = new Rng(9);
    const zs = Array.from({ length: 20_000 }, () => std.normal());
    expect(Math.abs(zs.reduce((s, x) => s + x, 0) / zs.length)).toBeLessThan(0.03);
  });

  it('shuffles in place into every order, keeping the items', () => {
    const r = new Rng(2);
    const orders = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const a = [1, 2, 3];
      expect(r.shuffle(a)).toBe(a);
      orders.add(a.join(''));
      expect([...a].sort()).toEqual([1, 2, 3]);
    }
    expect(orders.size).toBe(6);
    expect(r.shuffle([])).toEqual([]);
  });

  it('keeps the seed as an unsigned 32-bit number, and forks differently for different seeds', () => {
    expect(new Rng(-1).seed).toBe(0xffffffff);
    expect(new Rng(1).fork('x').seed).not.toBe(new Rng(2).fork('x').seed);
    expect(new Rng(1).fork('x').seed).toBe(new Rng(1).fork('x').seed);
    expect(new Rng(0).nextU32()).not.toBe(0);
  });
});
