/**
 * How long a vendor ban's replacement programme takes: per-kind swap times and the crews' plan.
 * Plain data and one pure function, so the page can show the cost of a ban before it is issued.
 */
import type { SimMs } from '../core/time';

const HOUR = 3_600_000;

/**
 * Time one crew needs to swap one unit and bring it back into service. Engineering estimates, not
 * measured figures: a camera on an existing bracket and cable is unmounted, replaced, re-terminated,
 * aimed and enrolled with the recorder in an hour or two from a cherry picker; a signal controller
 * swap means loading the junction's timing plans and testing the conflict monitor before the
 * signals go back on (half a day, the junction dark meanwhile); a recorder means migrating storage
 * and re-enrolling every camera on it. Anything else: half a day.
 */
export const SWAP_MS: Readonly<Record<string, SimMs>> = { camera: 1.5 * HOUR, 'traffic-signal': 4 * HOUR, nvr: 6 * HOUR };
export const DEFAULT_SWAP_MS = 4 * HOUR;
export const DEFAULT_CREWS = 4;

export const swapMs = (kind: string): SimMs => SWAP_MS[kind] ?? DEFAULT_SWAP_MS;

/** Each crew takes the next unit on the list as soon as it is free (the lowest crew first on a tie). */
export function planSwaps(kinds: readonly string[], crews: number, startMs: SimMs): { startMs: SimMs; endMs: SimMs }[] {
  const free = new Array<number>(Math.max(1, Math.floor(crews))).fill(startMs);
  return kinds.map((kind) => {
    let crew = 0;
    for (let k = 1; k < free.length; k++) if (free[k]! < free[crew]!) crew = k;
    const s = free[crew]!;
    free[crew] = s + swapMs(kind);
    return { startMs: s, endMs: free[crew]! };
  });
}
