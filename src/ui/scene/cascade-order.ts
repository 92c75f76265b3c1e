/**
 * Orders the links that changed state in one frame by how far downstream they are: a link whose
 * supplier itself lost supply through another changed link comes after it. Many steps of a cascade
 * happen at the same simulated instant; this order lets the view replay them one after another.
 */
export interface EdgeTopology {
  readonly edgeFrom: Int32Array;
  /** Edge indices into each asset. */
  readonly inEdges: readonly (readonly number[])[];
}

/** Depth of each changed edge (0 for the first in a chain); edges not in `changed` are absent. */
export function cascadeDepths(topo: EdgeTopology, changed: readonly number[]): Map<number, number> {
  const set = new Set(changed);
  const depth = new Map<number, number>();
  const visiting = new Set<number>();
  const visit = (ei: number): number => {
    const known = depth.get(ei);
    if (known !== undefined) return known;
    if (visiting.has(ei)) return 0; // a dependency loop: stop rather than recurse forever
    visiting.add(ei);
    let d = 0;
    const from = topo.edgeFrom[ei]!;
    for (const up of from >= 0 ? (topo.inEdges[from] ?? []) : []) if (set.has(up)) d = Math.max(d, visit(up) + 1);
    visiting.delete(ei);
    depth.set(ei, d);
    return d;
  };
  for (const ei of changed) visit(ei);
  return depth;
}
