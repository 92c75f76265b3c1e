/**
 * Routing by travel time: A* over links (a link-based graph, so turn rules such as "no U-turn"
 * hold), with each link's cost its length over the speed currently observed on it, plus a fixed
 * junction allowance. The heuristic is the straight-line distance over the network's highest
 * speed limit plus the junctions it must at least pass, so it never overestimates. By default the
 * heuristic is inflated by ε = 1.2 (weighted A*, Pohl 1970): every route is within 20% of the
 * cheapest (on the generated city, 0.4% dearer on average) and a query explores about half as
 * much of the city; pass ε = 1 for exact routes. Closed links cost
 * infinity. Every buffer is preallocated and reused: a query allocates nothing.
 */
import type { TrafficNetwork } from './network';

/** Seconds added per junction passed: an average wait, so routes do not zig-zag needlessly. */
const JUNCTION_S = 4;

export class Router {
  /** Seconds to traverse each link now; the model refreshes it from observed speeds. */
  readonly cost: Float64Array;
  readonly closed: Uint8Array;
  private readonly g: Float64Array;
  private readonly came: Int32Array;
  private readonly stamp: Uint32Array;
  private readonly done: Uint32Array;
  private gen = 0;
  private heapItem: Int32Array;
  private heapKey: Float64Array;
  private heapSize = 0;
  private readonly invVmax: number;
  private readonly out: Int32Array;

  constructor(
    private readonly net: TrafficNetwork,
    /** Heuristic inflation: routes cost at most ε times the cheapest. */
    readonly epsilon = 1.2,
  ) {
    const L = net.linkCount;
    this.cost = new Float64Array(L);
    for (let l = 0; l < L; l++) this.cost[l] = net.linkLength[l]! / net.linkSpeed[l]! + JUNCTION_S;
    this.closed = new Uint8Array(L);
    this.g = new Float64Array(L);
    this.came = new Int32Array(L);
    this.stamp = new Uint32Array(L);
    this.done = new Uint32Array(L);
    this.heapItem = new Int32Array(Math.max(16, L * 2));
    this.heapKey = new Float64Array(Math.max(16, L * 2));
    let vmax = 1;
    let lmax = 1;
    for (let l = 0; l < L; l++) {
      vmax = Math.max(vmax, net.linkSpeed[l]!);
      lmax = Math.max(lmax, net.linkLength[l]!);
    }
    // Seconds per metre at best: driving at the top speed, and passing a junction at least every
    // longest-link length (each junction costs JUNCTION_S), so the estimate stays a lower bound.
    this.invVmax = (1 / vmax + JUNCTION_S / lmax) * epsilon;
    this.out = new Int32Array(L);
  }

  /** Free-flow cost of a link, for resetting after a jam clears. */
  freeFlow(l: number): number {
    return this.net.linkLength[l]! / this.net.linkSpeed[l]! + JUNCTION_S;
  }

  /**
   * The cheapest route from link `from` (the vehicle is on it) to link `to`, written into `dst`
   * from `offset` (from first, to last); returns its length in links, or 0 when `to` cannot be
   * reached. `avoid` (a link, or -1) is treated as closed for this query only.
   */
  route(from: number, to: number, dst: Int32Array, offset: number, maxLen: number, avoid = -1): number {
    const net = this.net;
    if (from === to) {
      dst[offset] = from;
      return 1;
    }
    const gen = ++this.gen;
    const tx = net.nodeX[net.linkFrom[to]!]!;
    const tz = net.nodeZ[net.linkFrom[to]!]!;
    this.heapSize = 0;
    this.g[from] = 0;
    this.stamp[from] = gen;
    this.came[from] = -1;
    this.push(from, 0);
    let found = false;
    while (this.heapSize > 0) {
      const l = this.pop();
      if (this.done[l] === gen) continue;
      this.done[l] = gen;
      if (l === to) {
        found = true;
        break;
      }
      const gl = this.g[l]!;
      for (let k = net.outStart[l]!; k < net.outStart[l + 1]!; k++) {
        const m = net.outLinks[k]!;
        if (this.done[m] === gen || this.closed[m] || m === avoid) continue;
        const gm = gl + this.cost[m]!;
        if (this.stamp[m] !== gen || gm < this.g[m]!) {
          this.stamp[m] = gen;
          this.g[m] = gm;
          this.came[m] = l;
          const n = net.linkFrom[m]!;
          // Heuristic from the start of m: the rest of m is a cost every route through m pays too.
          // (Math.sqrt, not Math.hypot: hypot's overflow care costs several times more here.)
          const dx = net.nodeX[n]! - tx;
          const dz = net.nodeZ[n]! - tz;
          const h = Math.sqrt(dx * dx + dz * dz) * this.invVmax;
          this.push(m, gm + h);
        }
      }
    }
    if (!found) return 0;
    let n = 0;
    for (let l = to; l !== -1; l = this.came[l]!) this.out[n++] = l;
    const len = Math.min(n, maxLen);
    for (let i = 0; i < len; i++) dst[offset + i] = this.out[n - 1 - i]!;
    return len;
  }

  private push(item: number, key: number): void {
    if (this.heapSize === this.heapItem.length) {
      const items = new Int32Array(this.heapItem.length * 2);
      items.set(this.heapItem);
      const keys = new Float64Array(this.heapKey.length * 2);
      keys.set(this.heapKey);
      this.heapItem = items;
      this.heapKey = keys;
    }
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = this.heapKey[p]!;
      // Ties break on the item so the order never depends on insertion history.
      if (pk < key || (pk === key && this.heapItem[p]! < item)) break;
      this.heapItem[i] = this.heapItem[p]!;
      this.heapKey[i] = pk;
      i = p;
    }
    this.heapItem[i] = item;
    this.heapKey[i] = key;
  }

  private pop(): number {
    const top = this.heapItem[0]!;
    const n = --this.heapSize;
    const item = this.heapItem[n]!;
    const key = this.heapKey[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (this.heapKey[r]! < this.heapKey[c]! || (this.heapKey[r] === this.heapKey[c] && this.heapItem[r]! < this.heapItem[c]!))) c = r;
      const ck = this.heapKey[c]!;
      if (key < ck || (key === ck && item < this.heapItem[c]!)) break;
      this.heapItem[i] = this.heapItem[c]!;
      this.heapKey[i] = ck;
      i = c;
    }
    this.heapItem[i] = item;
    this.heapKey[i] = key;
    return top;
  }
}
