/**
 * The host's clock for a hosted exercise: the facilitator's play, pause, speed and jumps, as pure
 * functions of the wall clock. Seats follow it but never run past `grantedMs`, and a command is
 * stamped at `grantedMs`, so no seat has passed the tick it lands on. While playing the grant runs
 * a little ahead of the clock (LEAD_WALL_MS of wall time) so seats move smoothly between messages.
 */
import type { HostedClock } from './protocol';

/** The simulation's base tick (sim/core): every stamped time is a whole number of them. */
export const TICK_MS = 500;
/** How far ahead of the clock, in wall time, seats are allowed to run while it plays. */
export const LEAD_WALL_MS = 600;

export interface ClockState {
  /** Simulated time at `baseWall` (wall ms). */
  readonly baseMs: number;
  readonly baseWall: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly grantedMs: number;
  /** The scenario's end: play stops there once (pressing play again carries on). */
  readonly durationMs: number;
  readonly endReached: boolean;
}

const floorTick = (ms: number) => Math.floor(ms / TICK_MS) * TICK_MS;

export function initialClock(durationMs: number, atMs = 0, speed = 60): ClockState {
  const t = floorTick(atMs);
  return { baseMs: t, baseWall: 0, playing: false, speed, grantedMs: t, durationMs, endReached: false };
}

/** Simulated time now, stopping at the scenario's end the first time it is reached. */
export function clockAt(s: ClockState, wall: number): number {
  if (!s.playing) return s.baseMs;
  const t = s.baseMs + Math.max(0, wall - s.baseWall) * s.speed;
  return floorTick(!s.endReached && s.baseMs < s.durationMs ? Math.min(t, s.durationMs) : t);
}

/** Advances the state to `wall`: pauses at the scenario's end, and moves the grant ahead of the clock. */
export function tick(s: ClockState, wall: number): ClockState {
  let next = s;
  if (s.playing && !s.endReached && s.baseMs < s.durationMs && clockAt(s, wall) >= s.durationMs)
    next = { ...s, playing: false, baseMs: s.durationMs, baseWall: wall, endReached: true };
  const ahead = next.playing ? clockAt(next, wall) + LEAD_WALL_MS * next.speed : clockAt(next, wall);
  const cap = next.playing && !next.endReached && next.baseMs < next.durationMs ? next.durationMs : Infinity;
  const grantedMs = Math.max(next.grantedMs, floorTick(Math.min(ahead, cap)), clockAt(next, wall));
  return grantedMs === next.grantedMs ? next : { ...next, grantedMs };
}

export type ClockAction = { action: 'play' } | { action: 'pause' } | { action: 'speed'; speed: number } | { action: 'jump'; ms: number };

/**
 * The facilitator's controls. Pausing holds the clock where seats may already be (the grant), so
 * nobody is asked to go back; a jump moves clock and grant together and seats run to it at once.
 */
export function control(s0: ClockState, a: ClockAction, wall: number): ClockState {
  const s = tick(s0, wall);
  const now = clockAt(s, wall);
  switch (a.action) {
    case 'play':
      return s.playing ? s : tick({ ...s, playing: true, baseMs: s.grantedMs, baseWall: wall }, wall);
    case 'pause':
      return s.playing ? { ...s, playing: false, baseMs: s.grantedMs, baseWall: wall } : s;
    case 'speed':
      return tick({ ...s, speed: a.speed, baseMs: s.playing ? Math.max(now, 0) : s.baseMs, baseWall: wall }, wall);
    case 'jump': {
      const to = floorTick(Math.max(s.grantedMs, now) + a.ms);
      return tick({ ...s, baseMs: to, baseWall: wall, grantedMs: to }, wall);
    }
    default: {
      const never: never = a;
      throw new Error(`unknown clock action ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The time a command arriving now is stamped with: the grant (no seat is past it). While paused the
 * clock then moves on by one tick, so the command lands at once, as it does in a single browser.
 */
export function stamp(s0: ClockState, wall: number): { tMs: number; clock: ClockState } {
  const s = tick(s0, wall);
  const tMs = s.grantedMs;
  if (s.playing) return { tMs, clock: s };
  return { tMs, clock: { ...s, baseMs: tMs + TICK_MS, grantedMs: tMs + TICK_MS, baseWall: wall } };
}

export function publicClock(s: ClockState, wall: number): HostedClock {
  return { clockMs: clockAt(s, wall), grantedMs: s.grantedMs, playing: s.playing, speed: s.speed };
}
