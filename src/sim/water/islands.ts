/**
 * Which parts of a water network a source can reach: the walk behind "cut off from every
 * reservoir and tank". Kept apart from the EPANET model: it needs only the network's shape and,
 * per walk, which nodes are sources and which links are open.
 */

/** The network's shape for walks: links at each node (CSR) and what a shut link still lets through. */
export class Islands {
  private readonly adjStart: Int32Array;
  private readonly adjLinks: Int32Array;

  /**
   * `passableShut[k]` is 1 where water can pass link k even while it reads shut: a check valve
   * against reverse flow, or a pipe EPANET shuts while its tank is full or empty (either opens as
   * soon as water would flow its way). `isPipe[k]` is 1 for pipes, 0 for pumps and valves.
   */
  constructor(
    private readonly linkFrom: Int32Array,
    private readonly linkTo: Int32Array,
    nodes: number,
    private readonly passableShut: Uint8Array,
    private readonly isPipe: Uint8Array,
  ) {
    const m = linkFrom.length;
    this.adjStart = new Int32Array(nodes + 1);
    for (let k = 0; k < m; k++) {
      this.adjStart[linkFrom[k]! + 1]!++;
      this.adjStart[linkTo[k]! + 1]!++;
    }
    for (let i = 0; i < nodes; i++) this.adjStart[i + 1]! += this.adjStart[i]!;
    this.adjLinks = new Int32Array(2 * m);
    const fill = this.adjStart.slice(0, nodes);
    for (let k = 0; k < m; k++) {
      this.adjLinks[fill[linkFrom[k]!]!++] = k;
      this.adjLinks[fill[linkTo[k]!]!++] = k;
    }
  }

  /** Sets `cut[i]` to 1 for every node no passable path joins to a source, 0 for the rest. */
  find(cut: Uint8Array, isSource: (i: number) => boolean, open: (k: number) => boolean): void {
    cut.fill(1);
    const stack: number[] = [];
    for (let i = 0; i < cut.length; i++) {
      if (!isSource(i)) continue;
      cut[i] = 0;
      stack.push(i);
    }
    this.walk(stack, cut, open, null);
  }

  /** The pumps and valves, shut now, on the edge of the part of the network `start` reaches: what cuts an island off. */
  closedAround(start: number, open: (k: number) => boolean): number[] {
    const unseen = new Uint8Array(this.adjStart.length - 1).fill(1);
    unseen[start] = 0;
    const out: number[] = [];
    this.walk([start], unseen, open, out);
    return out;
  }

  /** From the nodes on `stack`, clears `unseen` along passable links; shut pumps and valves met go to `edge`. */
  private walk(stack: number[], unseen: Uint8Array, open: (k: number) => boolean, edge: number[] | null): void {
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let a = this.adjStart[i]!; a < this.adjStart[i + 1]!; a++) {
        const k = this.adjLinks[a]!;
        if (!open(k) && this.passableShut[k] === 0) {
          if (edge && this.isPipe[k] === 0 && !edge.includes(k)) edge.push(k);
          continue;
        }
        const j = this.linkFrom[k] === i ? this.linkTo[k]! : this.linkFrom[k]!;
        if (unseen[j] === 1) {
          unseen[j] = 0;
          stack.push(j);
        }
      }
    }
  }
}
