/** The grid's state at the end of a run, in the report's shape (MATPOWER ids, MW, degrees). */
import type { DcResult } from './dcpf';
import type { PowerInput } from './input';
import type { PowerNetwork } from './network';

/** What the report reads of the running grid. */
export interface GridState {
  readonly input: PowerInput;
  readonly net: PowerNetwork;
  readonly result: DcResult;
  readonly reportedFlowMW: ArrayLike<number>;
  totalUnservedMW(): number;
}

export interface PowerFinal {
  buses: { id: string; angleDeg: number; loadMW: number; servedMW: number; energized: boolean }[];
  branches: { id: string; from: string; to: string; flowMW: number; reportedFlowMW: number; ratingMW: number; loading: number; inService: boolean }[];
  generators: { id: string; bus: string; pMW: number; inService: boolean }[];
  islands: {
    count: number;
    energized: number;
    deenergized: number;
    list: { buses: number; generators: number; loadMW: number; servedMW: number; genMW: number; energized: boolean }[];
  };
  shedMW: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function powerFinal(p: GridState): PowerFinal {
  const { net, result: r, input } = p;
  const B = net.buses;
  const L = net.branches;
  const G = net.gens;
  const buses = [];
  for (let i = 0; i < B.count; i++) {
    buses.push({
      id: input.busIds[i]!,
      angleDeg: r3((r.thetaRad[i]! * 180) / Math.PI),
      loadMW: r3(B.pdMW[i]!),
      servedMW: r3(r.servedMW[i]!),
      energized: r.energized[i] === 1,
    });
  }
  const branches = [];
  for (let k = 0; k < L.count; k++) {
    branches.push({
      id: input.branchIds[k]!,
      from: input.busIds[L.from[k]!]!,
      to: input.busIds[L.to[k]!]!,
      flowMW: r3(r.flowMW[k]!),
      reportedFlowMW: r3(p.reportedFlowMW[k]!),
      ratingMW: L.rateMW[k]!,
      loading: r3(r.loading[k]!),
      inService: L.status[k] === 1,
    });
  }
  const generators = [];
  for (let g = 0; g < G.count; g++) generators.push({ id: input.genIds[g]!, bus: input.busIds[G.bus[g]!]!, pMW: r3(r.pgMW[g]!), inService: G.status[g] === 1 });
  const list = r.islands.map((s) => ({
    buses: s.buses,
    generators: s.generators,
    loadMW: r3(s.loadMW),
    servedMW: r3(s.servedMW),
    genMW: r3(s.genMW),
    energized: s.energized,
  }));
  const energized = list.filter((s) => s.energized).length;
  return {
    buses,
    branches,
    generators,
    islands: { count: list.length, energized, deenergized: list.length - energized, list },
    shedMW: r3(p.totalUnservedMW()),
  };
}
