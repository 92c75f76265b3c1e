/**
 * Power networks for tests: seeded random grids for property tests (synthetic grids with some
 * branches opened and units switched off), and the two-bus network of the worked examples.
 */
import { Rng } from '../../src/sim/core';
import { createNetwork, syntheticGrid, type NetworkSpec, type PowerNetwork } from '../../src/sim/power';

type Branch = NonNullable<NetworkSpec['branches']>[number];

/** Bus 1 (the reference, one unit at `loadMW`) feeds `loadMW` at bus 2 over parallel 1→2 lines (x = 0.1 unless given). */
export function twoBus(loadMW: number, lines: readonly Partial<Branch>[], pmaxMW = 200): PowerNetwork {
  return createNetwork({
    buses: [
      { id: 1, type: 3 },
      { id: 2, pdMW: loadMW },
    ],
    gens: [{ bus: 1, pgMW: loadMW, pmaxMW }],
    branches: lines.map((l) => ({ from: 1, to: 2, x: 0.1, ...l })),
  });
}

export interface RandomGridOptions {
  readonly openFraction?: number;
  readonly genOffFraction?: number;
  readonly stress?: number;
}

export function randomGrid(seed: number, buses: number, o: RandomGridOptions = {}): PowerNetwork {
  const net = syntheticGrid({ buses, seed, phaseShifters: 2 });
  const rng = new Rng(seed).fork('test.perturb');
  for (let k = 0; k < net.branches.count; k++) if (rng.chance(o.openFraction ?? 0)) net.branches.status[k] = 0;
  for (let g = 0; g < net.gens.count; g++) if (rng.chance(o.genOffFraction ?? 0)) net.gens.status[g] = 0;
  const stress = o.stress ?? 1;
  for (let i = 0; i < net.buses.count; i++) {
    net.buses.pdMW[i] = net.buses.pdMW[i]! * stress;
    net.buses.criticalMW[i] = net.buses.criticalMW[i]! * stress;
    net.buses.deferrableMW[i] = net.buses.deferrableMW[i]! * stress;
  }
  for (let g = 0; g < net.gens.count; g++) net.gens.pgMW[g] = net.gens.pgMW[g]! * stress;
  return net;
}

/** Seeds × sizes used across the property tests. */
export const CASES: readonly (readonly [seed: number, buses: number])[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(
  (s) => [s, 20 + ((s * 37) % 180)] as const,
);
