/**
 * Re-routing from inside a queue. A driver held in a queue (not at its head: junction.ts handles
 * the head) that has not moved for QUEUE_REROUTE_MS looks for a way that leaves this link by
 * another turn, and takes it when it is quicker, at the router's current link costs, than what is
 * left of its route plus the time it has already waited (its guess at the wait still to come).
 * It looks again every QUEUE_REROUTE_MS while it stays put. The search writes into a scratch
 * buffer, so a route that is not taken costs only the search.
 */
import type { TrafficState } from './types';

/** Stopped this long in a queue, a driver looks for another way (about two signal cycles: a red alone rarely holds anyone so long). */
export const QUEUE_REROUTE_MS = 120_000;

// One search at a time uses it (the simulation is single-threaded), so every model can share it.
let scratch = new Int32Array(64);

/** Vehicle v, queued on link l and stopped for waitedMs, re-plans if another turn is quicker. */
export function rerouteQueued(m: Pick<TrafficState, 'v' | 'router' | 'updateTurn'>, v: number, l: number, waitedMs: number, nowMs: number): void {
  const V = m.v;
  V.nextRerouteMs[v] = nowMs + QUEUE_REROUTE_MS;
  const base = v * V.slot;
  const ri = V.routeIdx[v]!;
  const n = V.routeLen[v]!;
  if (ri + 1 >= n) return;
  const cost = m.router.cost;
  let old = 0;
  for (let i = ri + 1; i < n; i++) old += cost[V.routes[base + i]!]!;
  if (scratch.length < V.slot) scratch = new Int32Array(V.slot);
  const len = m.router.route(l, V.dest[v]!, scratch, 0, V.slot, V.routes[base + ri + 1]!);
  if (len < 2) return;
  let alt = 0;
  for (let i = 1; i < len; i++) alt += cost[scratch[i]!]!;
  if (!(alt < old + waitedMs / 1000)) return;
  for (let i = 0; i < len; i++) V.routes[base + i] = scratch[i]!;
  V.routeLen[v] = len;
  V.routeIdx[v] = 0;
  V.routedMs[v] = nowMs;
  m.updateTurn(v);
}
