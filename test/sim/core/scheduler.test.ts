import { describe, expect, it } from 'vitest';
import { Scheduler, parseDuration, formatClock } from '../../../src/sim';

describe('Scheduler', () => {
  it('fires timers in time order, ties in creation order, and skips cancelled ones', () => {
    const s = new Scheduler();
    const fired: string[] = [];
    let now = 0;
    s.at(300, () => fired.push('c'));
    s.at(100, () => fired.push('a1'));
    s.at(100, () => fired.push('a2'));
    const x = s.at(200, () => fired.push('cancelled'));
    s.at(200, () => {
      fired.push('b');
      s.at(250, () => fired.push('added by b'));
    });
    x.cancel();
    s.runUntil(260, (t) => (now = t));
    expect(fired).toEqual(['a1', 'a2', 'b', 'added by b']);
    expect(now).toBe(250);
    expect(s.peek()).toBe(300);
  });
});

describe('durations', () => {
  it('parses the forms scenarios and the CLI use', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('6h')).toBe(21_600_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    for (const bad of ['', '5', 'h', '-5m', '5 min', '1e3s', 'NaN']) expect(parseDuration(bad)).toBeNull();
  });
  it('formats a simulated clock', () => {
    expect(formatClock(3_723_000)).toBe('01:02:03');
    expect(formatClock(90_000_000)).toBe('day 2 01:00:00');
  });
});
