/**
 * Topology: which branches conduct, which buses form electrical islands, and which branches are
 * bridges (their loss splits an island). Found again after every change of topology; all of it is
 * linear in the size of the grid.
 */
import { BUS_ISOLATED, type PowerNetwork } from './network';

// See dcpf.ts: a module constant is cheaper than an imported binding in per-branch loops.
const ISOLATED: number = BUS_ISOLATED;

/**
 * A branch conducts when it is in service, has a usable reactance, and neither end is an isolated
 * (type 4) bus — MATPOWER's ext2int drops such branches, and a zero or non-finite x would make
 * b = 1/x infinite, so it is treated as open rather than allowed to poison the solve.
 */
export function branchConducts(net: PowerNetwork, k: number): boolean {
  const { branches: L, buses: B } = net;
  const x = L.x[k]!;
  return L.status[k] === 1 && x !== 0 && Number.isFinite(x) && B.type[L.from[k]!] !== ISOLATED && B.type[L.to[k]!] !== ISOLATED;
}

/** `branchConducts` for every branch at once. */
export function conductingBranches(net: PowerNetwork, out: Uint8Array = new Uint8Array(net.branches.count)): Uint8Array {
  for (let k = 0; k < net.branches.count; k++) out[k] = branchConducts(net, k) ? 1 : 0;
  return out;
}

/**
 * Island of each bus (union–find with path halving over conducting branches). Islands are
 * numbered 0.. in order of their lowest bus index, so numbering is stable across runs.
 * Returns the number of islands.
 */
export function findIslands(
  net: PowerNetwork,
  island: Int32Array,
  parent: Int32Array = new Int32Array(net.buses.count),
  conducts: Uint8Array = conductingBranches(net),
): number {
  const n = net.buses.count;
  for (let i = 0; i < n; i++) parent[i] = i;
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const L = net.branches;
  for (let k = 0; k < L.count; k++) {
    if (!conducts[k]) continue;
    const a = root(L.from[k]!);
    const b = root(L.to[k]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Roots are each island's lowest bus (unions always keep the smaller root), so a forward pass numbers them in order.
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = root(i);
    island[i] = r === i ? count++ : island[r]!;
  }
  return count;
}

/**
 * Bridges among conducting branches (Tarjan's low-link, iterative so deep radial feeders cannot
 * overflow the stack). Parallel branches between the same two buses are never bridges, because
 * the search skips only the branch it arrived by, not every branch to the parent.
 */
export function findBridges(net: PowerNetwork): Uint8Array {
  const n = net.buses.count;
  const L = net.branches;
  const bridge = new Uint8Array(L.count);
  const conducts = conductingBranches(net);
  // Adjacency in CSR form: for each bus, (neighbour, branch) pairs.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < L.count; k++) {
    if (!conducts[k] || L.from[k] === L.to[k]) continue;
    start[L.from[k]! + 1]!++;
    start[L.to[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const nbr = new Int32Array(start[n]!);
  const via = new Int32Array(start[n]!);
  for (let k = 0; k < L.count; k++) {
    if (!conducts[k] || L.from[k] === L.to[k]) continue;
    const f = L.from[k]!;
    const t = L.to[k]!;
    nbr[fill[f]!] = t;
    via[fill[f]!++] = k;
    nbr[fill[t]!] = f;
    via[fill[t]!++] = k;
  }
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const cursor = new Int32Array(n);
  const inEdge = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let time = 0;
  for (let s = 0; s < n; s++) {
    if (disc[s]! >= 0) continue;
    let sp = 0;
    stack[sp++] = s;
    disc[s] = low[s] = time++;
    cursor[s] = start[s]!;
    while (sp > 0) {
      const v = stack[sp - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const p = cursor[v]!++;
        const u = nbr[p]!;
        if (via[p] === inEdge[v]) continue;
        if (disc[u]! < 0) {
          disc[u] = low[u] = time++;
          inEdge[u] = via[p]!;
          cursor[u] = start[u]!;
          stack[sp++] = u;
        } else if (disc[u]! < low[v]!) low[v] = disc[u]!;
      } else {
        sp--;
        if (sp > 0) {
          const parentBus = stack[sp - 1]!;
          if (low[v]! < low[parentBus]!) low[parentBus] = low[v]!;
          if (low[v]! > disc[parentBus]!) bridge[inEdge[v]!] = 1;
        }
      }
    }
  }
  return bridge;
}
