/**
 * Fill-reducing orderings for sparse LDLᵀ. Power-grid B matrices are near-planar graphs, for which
 * minimum degree keeps L within a small multiple of A (Tinney and Walker's "scheme 2", Proc. IEEE
 * 55(11), 1967, is exactly this for power-flow matrices; George and Liu, "The evolution of the
 * minimum degree ordering algorithm", SIAM Review 31(1), 1989, surveys it). Reverse Cuthill–McKee
 * (George and Liu, "Computer Solution of Large Sparse Positive Definite Systems", 1981) is kept
 * as a comparison: it bounds the profile, not the fill, and on a 2,000-bus grid leaves several
 * times more non-zeros in L (figures in `benchPower`).
 *
 * The minimum-degree code keeps the elimination graph explicitly (eliminating a node makes its
 * neighbours a clique) rather than AMD's quotient graph: simpler, exact degrees, and fast enough
 * because fill stays small on these graphs. Ties go to the most recently updated node in the
 * lowest-degree bucket, so the order is deterministic.
 */
import type { SymCsc } from './sparse';

/** Off-diagonal adjacency lists of a symmetric pattern, without duplicates. */
function adjacency(a: SymCsc): number[][] {
  const n = a.n;
  const adj: number[][] = [];
  const mark = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    const list: number[] = [];
    mark[j] = j;
    for (let p = a.colPtr[j]!; p < a.colPtr[j + 1]!; p++) {
      const i = a.rowIdx[p]!;
      if (mark[i] !== j) {
        mark[i] = j;
        list.push(i);
      }
    }
    adj.push(list);
  }
  return adj;
}

/** Minimum-degree ordering: perm[k] is the k-th node to eliminate. */
export function minimumDegreeOrder(a: SymCsc): Int32Array {
  const n = a.n;
  const adj = adjacency(a);
  // Degree buckets as doubly linked lists.
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(n).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const deg = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  const insert = (v: number, d: number) => {
    deg[v] = d;
    prev[v] = -1;
    next[v] = head[d]!;
    if (head[d]! >= 0) prev[head[d]!] = v;
    head[d] = v;
  };
  const remove = (v: number) => {
    if (prev[v]! >= 0) next[prev[v]!] = next[v]!;
    else head[deg[v]!] = next[v]!;
    if (next[v]! >= 0) prev[next[v]!] = prev[v]!;
  };
  for (let v = n - 1; v >= 0; v--) insert(v, adj[v]!.length);
  const perm = new Int32Array(n);
  let minDeg = 0;
  for (let k = 0; k < n; k++) {
    while (head[minDeg]! < 0) minDeg++;
    const p = head[minDeg]!;
    remove(p);
    perm[k] = p;
    const nbrs = adj[p]!;
    for (const u of nbrs) {
      // adj[u] ← (adj[u] ∪ nbrs) \ {u, p}
      const list = adj[u]!;
      let w = 0;
      for (let r = 0; r < list.length; r++) {
        const v = list[r]!;
        if (v !== p) {
          list[w++] = v;
          mark[v] = u;
        }
      }
      list.length = w;
      mark[u] = u;
      for (const v of nbrs) {
        if (mark[v] !== u) {
          mark[v] = u;
          list.push(v);
        }
      }
      remove(u);
      insert(u, list.length);
      if (list.length < minDeg) minDeg = list.length;
    }
    adj[p] = [];
  }
  return perm;
}

/** Reverse Cuthill–McKee ordering, each connected component started from a pseudo-peripheral node. */
export function reverseCuthillMcKeeOrder(a: SymCsc): Int32Array {
  const n = a.n;
  const adj = adjacency(a);
  for (const list of adj) list.sort((x, y) => adj[x]!.length - adj[y]!.length || x - y);
  const placed = new Uint8Array(n);
  const order = new Int32Array(n);
  const level = new Int32Array(n);
  let filled = 0;
  // Breadth-first search from `s` over unplaced nodes; returns the last node reached and the depth.
  const bfs = (s: number, commit: boolean): { last: number; depth: number } => {
    const queue: number[] = [s];
    const seen = new Set<number>([s]);
    level[s] = 0;
    let last = s;
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      last = v;
      for (const u of adj[v]!) {
        if (placed[u] || seen.has(u)) continue;
        seen.add(u);
        level[u] = level[v]! + 1;
        queue.push(u);
      }
    }
    if (commit) for (const v of queue) ((placed[v] = 1), (order[filled++] = v));
    return { last, depth: level[last]! };
  };
  for (let s = 0; s < n; s++) {
    if (placed[s]) continue;
    // George–Liu pseudo-peripheral node: repeat BFS from the farthest node while the depth grows.
    let root = s;
    let { last, depth } = bfs(root, false);
    for (let it = 0; it < 8; it++) {
      const r = bfs(last, false);
      if (r.depth <= depth) break;
      root = last;
      depth = r.depth;
      last = r.last;
    }
    bfs(root, true);
  }
  order.reverse();
  return order;
}
