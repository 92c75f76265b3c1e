/**
 * A power network as structure-of-arrays, in MATPOWER's units: powers in MW, reactance in p.u. on
 * `baseMVA`, angles in degrees where they come from a case file. Buses are addressed by index
 * (0..count-1); `buses.id` keeps the MATPOWER bus number so results can be named as the case
 * names them. Statuses are the only fields the simulation changes at run time, which is why
 * `withBranchStatus` copies only them.
 */

export const BUS_PQ = 1;
export const BUS_PV = 2;
export const BUS_REF = 3;
export const BUS_ISOLATED = 4;

export interface PowerBuses {
  readonly count: number;
  /** MATPOWER bus number. */
  readonly id: Int32Array;
  /** 1 PQ, 2 PV, 3 reference, 4 isolated (out of service, as MATPOWER's ext2int treats it). */
  readonly type: Uint8Array;
  readonly pdMW: Float64Array;
  /** Shunt conductance as MW drawn at 1 p.u. voltage (MATPOWER's Gs). */
  readonly gsMW: Float64Array;
  /** The part of pdMW that is shed last (hospitals, water pumping, telecoms). */
  readonly criticalMW: Float64Array;
  /** The part of pdMW that is shed first (EV charging, HVAC pre-cooling). The rest is 'normal'. */
  readonly deferrableMW: Float64Array;
  /** Voltage angle from the case (MATPOWER's Va); only the reference buses' values matter in DC. */
  readonly vaDeg: Float64Array;
}

export interface PowerGens {
  readonly count: number;
  /** Bus index (not the MATPOWER bus number). */
  readonly bus: Int32Array;
  readonly pgMW: Float64Array;
  readonly pminMW: Float64Array;
  readonly pmaxMW: Float64Array;
  readonly status: Uint8Array;
}

export interface PowerBranches {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Series reactance, p.u. */
  readonly x: Float64Array;
  /** Off-nominal tap ratio at the from end; 0 means 1 (MATPOWER's convention). */
  readonly tap: Float64Array;
  /** Phase shift, degrees (positive: from-bus angle leads). */
  readonly shiftDeg: Float64Array;
  /** Long-term rating (MATPOWER rateA), MW; 0 means unlimited. */
  readonly rateMW: Float64Array;
  readonly status: Uint8Array;
}

export interface PowerNetwork {
  readonly baseMVA: number;
  readonly buses: PowerBuses;
  readonly gens: PowerGens;
  readonly branches: PowerBranches;
}

/** Plain-object description of a network, for tests and small hand-made grids. Buses are named by id. */
export interface NetworkSpec {
  readonly baseMVA?: number;
  readonly buses: readonly {
    readonly id: number;
    readonly type?: number;
    readonly pdMW?: number;
    readonly gsMW?: number;
    readonly criticalMW?: number;
    readonly deferrableMW?: number;
    readonly vaDeg?: number;
  }[];
  readonly gens?: readonly { readonly bus: number; readonly pgMW?: number; readonly pminMW?: number; readonly pmaxMW?: number; readonly status?: number }[];
  readonly branches?: readonly {
    readonly from: number;
    readonly to: number;
    readonly x: number;
    readonly tap?: number;
    readonly shiftDeg?: number;
    readonly rateMW?: number;
    readonly status?: number;
  }[];
}

/** Empty arrays of the right sizes, for builders that fill them in place. */
export function allocateNetwork(baseMVA: number, nBus: number, nGen: number, nBranch: number): PowerNetwork {
  return {
    baseMVA,
    buses: {
      count: nBus,
      id: new Int32Array(nBus),
      type: new Uint8Array(nBus).fill(BUS_PQ),
      pdMW: new Float64Array(nBus),
      gsMW: new Float64Array(nBus),
      criticalMW: new Float64Array(nBus),
      deferrableMW: new Float64Array(nBus),
      vaDeg: new Float64Array(nBus),
    },
    gens: {
      count: nGen,
      bus: new Int32Array(nGen),
      pgMW: new Float64Array(nGen),
      pminMW: new Float64Array(nGen),
      pmaxMW: new Float64Array(nGen),
      status: new Uint8Array(nGen).fill(1),
    },
    branches: {
      count: nBranch,
      from: new Int32Array(nBranch),
      to: new Int32Array(nBranch),
      x: new Float64Array(nBranch),
      tap: new Float64Array(nBranch),
      shiftDeg: new Float64Array(nBranch),
      rateMW: new Float64Array(nBranch),
      status: new Uint8Array(nBranch).fill(1),
    },
  };
}

/**
 * Builds a network from plain objects. Throws on an unknown bus id: specs are written by
 * programmers; user files go through the MATPOWER importer, which reports issues as values.
 */
export function createNetwork(spec: NetworkSpec): PowerNetwork {
  const gens = spec.gens ?? [];
  const branches = spec.branches ?? [];
  const net = allocateNetwork(spec.baseMVA ?? 100, spec.buses.length, gens.length, branches.length);
  const index = new Map<number, number>();
  const { buses: B, gens: G, branches: L } = net;
  spec.buses.forEach((b, i) => {
    if (index.has(b.id)) throw new Error(`bus ${b.id} is listed twice`);
    index.set(b.id, i);
    B.id[i] = b.id;
    B.type[i] = b.type ?? BUS_PQ;
    B.pdMW[i] = b.pdMW ?? 0;
    B.gsMW[i] = b.gsMW ?? 0;
    B.criticalMW[i] = b.criticalMW ?? 0;
    B.deferrableMW[i] = b.deferrableMW ?? 0;
    B.vaDeg[i] = b.vaDeg ?? 0;
  });
  const at = (id: number, what: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${what} refers to unknown bus ${id}`);
    return i;
  };
  gens.forEach((g, i) => {
    G.bus[i] = at(g.bus, `generator ${i + 1}`);
    G.pgMW[i] = g.pgMW ?? 0;
    G.pminMW[i] = g.pminMW ?? 0;
    G.pmaxMW[i] = g.pmaxMW ?? Math.max(g.pgMW ?? 0, 0);
    G.status[i] = g.status ?? 1;
  });
  branches.forEach((br, i) => {
    L.from[i] = at(br.from, `branch ${i + 1}`);
    L.to[i] = at(br.to, `branch ${i + 1}`);
    L.x[i] = br.x;
    L.tap[i] = br.tap ?? 0;
    L.shiftDeg[i] = br.shiftDeg ?? 0;
    L.rateMW[i] = br.rateMW ?? 0;
    L.status[i] = br.status ?? 1;
  });
  return net;
}

/** Bus number → bus index. */
export function busIndexById(net: PowerNetwork): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < net.buses.count; i++) m.set(net.buses.id[i]!, i);
  return m;
}

/**
 * The same network with its own copy of the branch statuses (everything else shared), so a
 * cascade or a contingency can open branches without touching the caller's network.
 */
export function withBranchStatus(net: PowerNetwork, status: Uint8Array = net.branches.status.slice()): PowerNetwork {
  return { ...net, branches: { ...net.branches, status } };
}

/** A full copy, for tests and what-if studies that change loads or generation too. */
export function cloneNetwork(net: PowerNetwork): PowerNetwork {
  const copy = <T extends object>(o: T): T => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v;
    return out as T;
  };
  return { baseMVA: net.baseMVA, buses: copy(net.buses), gens: copy(net.gens), branches: copy(net.branches) };
}

/** Effective tap ratio: MATPOWER stores 0 for "no transformer", meaning 1. */
export const effectiveTap = (tap: number): number => (tap === 0 ? 1 : tap);
