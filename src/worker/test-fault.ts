/**
 * A test-only fault: the simulation throws when its clock reaches a chosen time, every time it
 * gets there — as a deterministic bug does, so a replay of the same session meets it again. It
 * exists so the browser tests can see the failure card and check that restoring a session never
 * replays into the same failure. Set through window.__twin.failAt (src/ui/app/test-hooks.ts);
 * nothing else sends it.
 */
import { BASE_TICK_MS, formatClock, type Simulation } from '../sim';

/** The simulation, stepping as before until `atMs` and throwing there (the clock is left at `atMs`). */
export function withFault(sim: Simulation, atMs: number): Simulation {
  return new Proxy(sim, {
    get(target, prop) {
      if (prop === 'step')
        return (ms: number) => {
          const room = Math.floor((atMs - target.nowMs) / BASE_TICK_MS) * BASE_TICK_MS;
          if (ms < room) return target.step(ms);
          if (room > 0) target.step(room);
          throw new Error(`test fault: the simulation was set to fail at ${formatClock(atMs)}`);
        };
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
