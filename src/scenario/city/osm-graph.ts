/**
 * Graph chores for the OpenStreetMap road network: snapping duplicate nodes together, and keeping
 * the largest strongly connected part.
 */

/** Nodes closer than this are one place: ways drawn across each other without being joined. */
export const SNAP_M = 0.5;

/** OSM ids are decimal integers; compare them as numbers (ties, or odd ids, as text). */
export const byOsmId = (a: string, b: string): number => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Maps every node within SNAP_M of a node with a lower id onto that node: real extracts hold two
 * ids at one spot where a way was drawn over another without sharing the node, and a crossing
 * that is not joined silently drops a road. Ids are visited in ascending order against a grid of
 * SNAP_M cells, so the lowest id of a cluster wins and the result never depends on file order.
 * Returns only the ids that move.
 */
export function snapDuplicateNodes(ids: readonly string[], pos: (id: string) => readonly [number, number]): Map<string, string> {
  const cells = new Map<string, string[]>();
  const moved = new Map<string, string>();
  for (const id of [...new Set(ids)].sort(byOsmId)) {
    const [x, z] = pos(id);
    const cx = Math.floor(x / SNAP_M);
    const cz = Math.floor(z / SNAP_M);
    let into: string | null = null;
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cz - 1; j <= cz + 1; j++) {
        for (const k of cells.get(`${i},${j}`) ?? []) {
          const p = pos(k);
          if (Math.hypot(p[0] - x, p[1] - z) <= SNAP_M && (into === null || byOsmId(k, into) < 0)) into = k;
        }
      }
    }
    if (into !== null) {
      moved.set(id, into);
      continue;
    }
    const key = `${cx},${cz}`;
    const list = cells.get(key);
    if (list) list.push(id);
    else cells.set(key, [id]);
  }
  return moved;
}

/** Nodes of the largest strongly connected part of the directed road graph (iterative Tarjan). */
export function largestStrongComponent(segs: readonly { na: string; nb: string; oneway: boolean }[]): Set<string> {
  const ids = [...new Set(segs.flatMap((s) => [s.na, s.nb]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map(() => []);
  for (const s of segs) {
    adj[index.get(s.na)!]!.push(index.get(s.nb)!);
    if (!s.oneway) adj[index.get(s.nb)!]!.push(index.get(s.na)!);
  }
  const n = ids.length;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const on = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let best: number[] = [];
  for (let root = 0; root < n; root++) {
    if (idx[root]! >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, k] = top;
      if (k === 0) {
        idx[v] = low[v] = counter++;
        stack.push(v);
        on[v] = 1;
      }
      if (k < adj[v]!.length) {
        top[1] = k + 1;
        const w = adj[v]![k]!;
        if (idx[w]! < 0) work.push([w, 0]);
        else if (on[w]) low[v] = Math.min(low[v]!, idx[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === idx[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          on[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > best.length) best = comp;
      }
    }
  }
  return new Set(best.map((i) => ids[i]!));
}
