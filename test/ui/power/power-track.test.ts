import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/sim';
import { EMPTY_TRACK, ingestPowerEvents } from '../../../src/ui/power/power-track';

let n = 0;
const ev = (type: string, tMs: number, data: Record<string, unknown>): SimEvent =>
  ({ id: `e${++n}`, tMs, type, source: null, causes: [], data }) as unknown as SimEvent;
const trip = (branch: string, tMs: number) => ev('power.branch.tripped', tMs, { branch, loadingPct: 117, overloadS: 46 });

describe('power trip tracking', () => {
  it('numbers trips in cascade order, lines tripping at one instant sharing a step', () => {
    let s = ingestPowerEvents(EMPTY_TRACK, [trip('a', 1000), trip('b', 5000), trip('c', 5000)]);
    s = ingestPowerEvents(s, [trip('d', 9000)]);
    expect(s.trips.map((t) => [t.branch, t.step])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 3],
    ]);
    expect(s.changes.d).toMatchObject({ kind: 'tripped', actor: 'protection', step: 3 });
    expect(s.changes.a!.reason).toBe('117% of its rating for 46 s');
  });

  it('keeps the last change per line: opened by whom, closed again', () => {
    let s = ingestPowerEvents(EMPTY_TRACK, [ev('power.breaker.opened', 0, { branch: 'x', actor: 'attacker', reason: 'remote' })]);
    expect(s.changes.x).toMatchObject({ kind: 'opened', actor: 'attacker', reason: 'remote' });
    s = ingestPowerEvents(s, [ev('power.breaker.closed', 60_000, { branch: 'x', actor: 'operator', reason: 'crew' })]);
    expect(s.changes.x).toMatchObject({ kind: 'closed', actor: 'operator', tMs: 60_000 });
    expect(s.trips).toHaveLength(0);
  });

  it('returns the same state for frames without power events', () => {
    const s = ingestPowerEvents(EMPTY_TRACK, [ev('sim.started', 0, {})]);
    expect(s).toBe(EMPTY_TRACK);
    expect(ingestPowerEvents(s, [trip('a', 1)]).version).toBe(1);
  });
});
