/** The host's clock: seats are never asked to go back, and a stamped command lies ahead of every seat. */
import { describe, expect, it } from 'vitest';
import { clockAt, control, initialClock, LEAD_WALL_MS, stamp, tick, TICK_MS } from '../../src/hosted/clock';

const HOUR = 3_600_000;

describe('hosted clock', () => {
  it('plays at its speed, grants a little ahead, and holds at the grant when paused', () => {
    let s = initialClock(6 * HOUR);
    s = control(s, { action: 'play' }, 1000);
    expect(clockAt(s, 2000)).toBe(60_000);
    s = tick(s, 2000);
    expect(s.grantedMs).toBe(60_000 + LEAD_WALL_MS * 60);
    const granted = s.grantedMs;
    s = control(s, { action: 'pause' }, 2000);
    // Paused where seats may already be: the grant, never behind it.
    expect(clockAt(s, 9999)).toBe(granted);
    expect(s.grantedMs).toBe(granted);
  });

  it('stamps a command at the grant and, while paused, moves on one tick so it lands', () => {
    let s = control(initialClock(HOUR), { action: 'jump', ms: 10 * 60_000 }, 0);
    expect(s.grantedMs).toBe(600_000);
    const { tMs, clock } = stamp(s, 5);
    expect(tMs).toBe(600_000);
    expect(clock.grantedMs).toBe(600_000 + TICK_MS);
    s = control(clock, { action: 'play' }, 10);
    const played = stamp(s, 510);
    // While playing the stamp is the grant as of now, and the clock goes on as it was.
    expect(played.tMs).toBe(tick(s, 510).grantedMs);
    expect(played.clock.playing).toBe(true);
    expect(played.tMs % TICK_MS).toBe(0);
    expect(played.tMs).toBeGreaterThanOrEqual(clockAt(s, 510));
  });

  it('never moves the grant back, whatever the controls do', () => {
    let s = initialClock(2 * HOUR);
    let last = 0;
    const actions = [
      { action: 'play' },
      { action: 'speed', speed: 600 },
      { action: 'pause' },
      { action: 'speed', speed: 1 },
      { action: 'play' },
      { action: 'jump', ms: 90_000 },
      { action: 'pause' },
    ] as const;
    let wall = 0;
    for (const a of actions) {
      wall += 700;
      s = control(tick(s, wall), a, wall);
      expect(s.grantedMs).toBeGreaterThanOrEqual(last);
      expect(s.grantedMs % TICK_MS).toBe(0);
      last = s.grantedMs;
    }
  });

  it('pauses once at the scenario end, and carries on when played again', () => {
    let s = control(initialClock(60_000), { action: 'play' }, 0);
    s = tick(s, 5000);
    expect(s.playing).toBe(false);
    expect(clockAt(s, 6000)).toBe(60_000);
    s = control(s, { action: 'play' }, 6000);
    s = tick(s, 7000);
    expect(s.playing).toBe(true);
    expect(clockAt(s, 7000)).toBeGreaterThan(60_000);
  });
});
