/**
 * Answers to the page's questions about a running simulation: causal chains, an asset's supplies
 * with their backup left, and the hash of a fresh run (for checking determinism across runtimes).
 */
import { createSimulation, type CausalChain, type LoggedCommand, type SimInput, type Simulation } from '../sim';
import type { EdgeBufferInfo } from './protocol';

/** Thrown for questions that name something the scenario does not have; shown to the user as-is. */
export class QueryError extends Error {}

export function explainEvent(sim: Simulation, eventId: string): CausalChain | null {
  if (!/^e\d+$/.test(eventId) || Number(eventId.slice(1)) > sim.events.length) return null;
  const chain = sim.explain(eventId);
  return chain.chain.length > 0 ? chain : null;
}

export function whyStatus(sim: Simulation, assetId: string): CausalChain | null {
  if (!sim.world.has(assetId)) throw new QueryError(`no asset "${assetId}" in this scenario`);
  return sim.whyStatus(assetId);
}

/** Edge index by id, built once per simulation. */
const edgeIndexCache = new WeakMap<Simulation, Map<string, number>>();

function edgeIndex(sim: Simulation): Map<string, number> {
  let m = edgeIndexCache.get(sim);
  if (!m) {
    m = new Map(sim.world.edges.map((e, i) => [e.id as string, i]));
    edgeIndexCache.set(sim, m);
  }
  return m;
}

export function edgeBuffers(sim: Simulation, assetId: string): EdgeBufferInfo[] {
  if (!sim.world.has(assetId)) throw new QueryError(`no asset "${assetId}" in this scenario`);
  const idx = edgeIndex(sim);
  return sim.world.suppliersOf(assetId).map((e) => {
    const i = idx.get(e.id)!;
    return {
      edge: e.id,
      supplier: e.from,
      state: sim.world.edgeState[i]!,
      remainingMs: Math.round(sim.world.bufferRemaining(i)),
      phase: sim.world.backupPhase(i),
    };
  });
}

/** Runs a separate simulation from the same input and seed (plus commands) and hashes it. */
export function hashAt(input: SimInput, seed: number, untilMs: number, commands?: readonly LoggedCommand[]): string {
  if (!Number.isFinite(untilMs) || untilMs < 0) throw new QueryError(`untilMs must be a non-negative number, got ${untilMs}`);
  const fresh = createSimulation(input, commands ? { seed, commands } : { seed });
  fresh.runUntil(untilMs);
  return fresh.hash();
}
