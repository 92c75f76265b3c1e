/**
 * Power-flow figures for `npm run bench`: DC solves and N-1 screening on a seeded 2,000-bus
 * synthetic grid, the orderings and the dense solve the sparse LDLᵀ is chosen over, and case30
 * from ../shared/data when it is there. Speed is measured here and never asserted in tests; the
 * issue's targets (5 ms a solve, 2 s an N-1 screen) are printed beside the measurements.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMatpower } from '../scenario/import/matpower';
import {
  denseSolve,
  findBridges,
  LdlFactor,
  minimumDegreeOrder,
  reverseCuthillMcKeeOrder,
  runCascade,
  screenN1,
  solveDc,
  syntheticGrid,
  toDense,
  type Ordering,
  type PowerNetwork,
} from '../sim/power';
import { round, timeRuns } from './bench-timing';

const CASE30 = fileURLToPath(new URL('../../../shared/data/power/case30.m', import.meta.url));

const time = (f: () => unknown, runs: number) => timeRuns(f, runs);

function solveFigures(net: PowerNetwork, runs: number) {
  const warm = solveDc(net);
  return {
    // A fresh result each time: islands, balance, ordering, symbolic and numeric factorization, solve.
    coldSolve: time(() => solveDc(net), runs),
    // The previous result reused: the factorization is cached while the topology is unchanged.
    warmSolve: time(() => solveDc(net, warm), runs * 4),
  };
}

export interface BenchPowerOptions {
  readonly buses?: number;
  readonly seed?: number;
  /** Skip the dense comparison (seconds at 2,000 buses). */
  readonly skipDense?: boolean;
}

export function benchPower(o: BenchPowerOptions = {}): Record<string, unknown> {
  const buses = o.buses ?? 2000;
  const seed = o.seed ?? 1;
  const t0 = performance.now();
  const net = syntheticGrid({ buses, seed });
  const genMs = performance.now() - t0;
  const base = solveDc(net);
  const a = base.workspace.matrix!;

  const orderings: Record<string, unknown> = {};
  for (const ordering of ['minimum-degree', 'rcm', 'natural'] as Ordering[]) {
    const perm = ordering === 'minimum-degree' ? minimumDegreeOrder(a) : ordering === 'rcm' ? reverseCuthillMcKeeOrder(a) : null;
    const f = LdlFactor.analyze(a, perm);
    f.factor(a);
    orderings[ordering] = {
      nnzL: f.nnzL,
      orderMs: perm ? time(() => (ordering === 'rcm' ? reverseCuthillMcKeeOrder(a) : minimumDegreeOrder(a)), 20).medianMs : 0,
      factorMs: time(() => f.factor(a), 20).medianMs,
      coldSolveMs: time(() => solveDc(net, undefined, { ordering }), 20).medianMs,
    };
  }

  let dense: Record<string, unknown> = { skipped: true };
  if (!o.skipDense) {
    const rhs = Float64Array.from({ length: a.n }, (_, i) => Math.sin(i));
    const sparse = base.workspace.factor!.solve(rhs);
    const d = toDense(a);
    const td = performance.now();
    const x = denseSolve(d, a.n, rhs);
    const denseMs = performance.now() - td;
    let maxDiff = 0;
    for (let i = 0; i < a.n; i++) maxDiff = Math.max(maxDiff, Math.abs(x[i]! - sparse[i]!));
    const sparseFactorSolve = time(() => {
      const f = LdlFactor.analyze(a, minimumDegreeOrder(a));
      f.factor(a);
      f.solve(rhs);
    }, 20);
    dense = {
      what: 'dense Gaussian elimination of the same reduced B matrix (O(n³); ml-matrix LU/Cholesky has the same complexity)',
      n: a.n,
      denseMs: round(denseMs, 1),
      sparseOrderFactorSolveMs: sparseFactorSolve.medianMs,
      speedup: Math.round(denseMs / sparseFactorSolve.medianMs),
      maxAbsDifference: maxDiff,
    };
  }

  const n1Runs: number[] = [];
  let screen = screenN1(net);
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    screen = screenN1(net);
    n1Runs.push(performance.now() - t);
  }
  n1Runs.sort((x, y) => x - y);

  const stressed = syntheticGrid({ buses, seed });
  for (let i = 0; i < buses; i++) stressed.buses.pdMW[i] = stressed.buses.pdMW[i]! * 1.3;
  for (let g = 0; g < stressed.gens.count; g++) stressed.gens.pgMW[g] = stressed.gens.pgMW[g]! * 1.3;
  const tc = performance.now();
  const cascade = runCascade(stressed);
  const cascadeMs = performance.now() - tc;

  let case30: Record<string, unknown> = { skipped: `${CASE30} is absent` };
  if (existsSync(CASE30)) {
    const parsed = parseMatpower(readFileSync(CASE30, 'utf8'), { fileName: 'case30.m' });
    if (parsed.ok) case30 = { ...solveFigures(parsed.network, 200), parseMs: time(() => parseMatpower(readFileSync(CASE30, 'utf8')), 50).medianMs };
    else case30 = { error: parsed.issues.map((i) => i.message) };
  }

  return {
    grid: {
      what: `syntheticGrid({ buses: ${buses}, seed: ${seed} })`,
      buses,
      branches: net.branches.count,
      generators: net.gens.count,
      bridges: findBridges(net).reduce((s, b) => s + b, 0),
      generateMs: round(genMs, 1),
    },
    dcSolve: { target: '≤ 5 ms', ...solveFigures(net, 50) },
    orderings,
    dense,
    n1: {
      target: '≤ 2 s',
      seconds: round(n1Runs[1]! / 1000),
      runsSeconds: n1Runs.map((x) => round(x / 1000)),
      contingencies: screen.branch.length,
      islanding: screen.islanding.reduce((s, b) => s + b, 0),
      withOverloads: screen.overloads.reduce((s, c) => s + (c > 0 ? 1 : 0), 0),
      factorizations: screen.base.workspace.factorizations,
    },
    cascadeAt130PercentLoad: {
      ms: round(cascadeMs, 1),
      trips: cascade.trips.length,
      stopped: cascade.stopped,
      simulatedMinutes: round(cascade.elapsedMs / 60_000, 1),
      islands: cascade.final.islandCount,
      unservedMW: round(cascade.trips.at(-1)?.unservedMWAfter ?? 0, 1),
    },
    case30,
  };
}
