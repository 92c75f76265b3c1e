/**
 * A cascade of protection trips: solve, find the relay that operates first at the present
 * loadings, advance every relay to that moment, open that branch, re-solve, repeat.
 *
 * It always terminates: every pass either stops or opens a branch that was conducting (only a
 * conducting branch can be above pick-up), and a branch once opened stays open, so there are at
 * most `branches.count` passes — fewer with `maxTrips` or `maxTimeMs`.
 *
 * Times are integer ms (the simulation's clock), rounded up so the tripping relay has really
 * reached its trip point; relays that reach theirs at the same ms trip in later passes at the
 * same time. Each trip names its cause: the trip after which the branch's overload began (null
 * when it was overloaded from the start, or by the initial outages), which is what lets the
 * simulation write a causal chain of events.
 */
import { solveDc, type DcResult } from './dcpf';
import { withBranchStatus, type PowerNetwork } from './network';
import { advanceRelays, createRelays, DEFAULT_RELAY, nextTrip, type RelaySettings } from './protection';

export interface CascadeOptions {
  readonly relay?: RelaySettings;
  readonly maxTrips?: number;
  /** Stop when the next trip would come later than this (ms after the start). */
  readonly maxTimeMs?: number;
  /** Branches opened at time 0 (an attack, a fault) before the first solve. */
  readonly initialOutages?: readonly number[];
}

export interface CascadeTrip {
  readonly branch: number;
  readonly tripAfterMs: number;
  readonly loadingAtTrip: number;
  /** Index into `trips` of the trip that caused this overload, or null. */
  readonly cause: number | null;
  readonly islandsAfter: number;
  /** Load not served (shed or de-energised) after this trip, MW. */
  readonly unservedMWAfter: number;
}

export type CascadeStop = 'stable' | 'max-trips' | 'time-limit';

export interface CascadeResult {
  readonly trips: readonly CascadeTrip[];
  readonly stopped: CascadeStop;
  /** Branch statuses at the end (the input network is not changed). */
  readonly status: Uint8Array;
  /** The solve at the end. */
  readonly final: DcResult;
  readonly elapsedMs: number;
}

const unserved = (r: DcResult): number => {
  let s = 0;
  for (let i = 0; i < r.shedMW.length; i++) s += r.shedMW[i]!;
  return s;
};

export function runCascade(base: PowerNetwork, opts: CascadeOptions = {}): CascadeResult {
  const relay = opts.relay ?? DEFAULT_RELAY;
  const net = withBranchStatus(base);
  const status = net.branches.status;
  for (const k of opts.initialOutages ?? []) status[k] = 0;
  const maxTrips = opts.maxTrips ?? net.branches.count;
  const maxTimeMs = opts.maxTimeMs ?? Infinity;
  const relays = createRelays(net.branches.count);
  // overloadSince[k]: trip index after which branch k became overloaded; -1 from the start; -2 not overloaded.
  const overloadSince = new Int32Array(net.branches.count).fill(-2);
  const trips: CascadeTrip[] = [];
  let result = solveDc(net);
  let now = 0;
  for (;;) {
    for (let k = 0; k < net.branches.count; k++) {
      const over = result.loading[k]! > relay.pickup;
      if (!over) overloadSince[k] = -2;
      else if (overloadSince[k] === -2) overloadSince[k] = trips.length - 1;
    }
    const next = nextTrip(relays, result.loading, relay);
    if (!next) return { trips, stopped: 'stable', status, final: result, elapsedMs: now };
    if (trips.length >= maxTrips) return { trips, stopped: 'max-trips', status, final: result, elapsedMs: now };
    const dt = Math.ceil(next.inMs);
    if (now + dt > maxTimeMs) return { trips, stopped: 'time-limit', status, final: result, elapsedMs: now };
    advanceRelays(relays, result.loading, dt, relay);
    now += dt;
    const k = next.branch;
    const loadingAtTrip = result.loading[k]!;
    const since = overloadSince[k]!;
    status[k] = 0;
    relays.progress[k] = 0;
    result = solveDc(net, result);
    trips.push({
      branch: k,
      tripAfterMs: now,
      loadingAtTrip,
      cause: since >= 0 ? since : null,
      islandsAfter: result.islandCount,
      unservedMWAfter: unserved(result),
    });
  }
}
