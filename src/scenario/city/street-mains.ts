/**
 * Water mains along a town's streets: a pipe under every street (its centre line, its length), a
 * junction at every street node. Each pumping station feeds the nodes nearer to it along the
 * streets than to any other station (Dijkstra from all stations at once, so every zone is one
 * connected piece); pipes between two zones are closed boundary valves, as between district
 * metered areas. A consumer or tower is served from its nearest street node, and its peak draw is
 * added to every pipe on the shortest path back to its station, which sizes those pipes; the other
 * pipes of a zone, which close its loops, take the smallest size.
 */
import type { Pt } from './geometry';

export interface Street {
  readonly a: Pt;
  readonly b: Pt;
  readonly lengthM: number;
}

export class StreetMains {
  private readonly nodes: Pt[] = [];
  private readonly links: { a: number; b: number; len: number }[] = [];
  private readonly zone: Int32Array;
  private readonly parentLink: Int32Array;
  private readonly flow: Float64Array;
  private readonly roots: number[];

  constructor(streets: readonly Street[], stations: readonly Pt[]) {
    const index = new Map<string, number>();
    const node = (p: Pt) => {
      const key = `${p[0]},${p[1]}`;
      let i = index.get(key);
      if (i === undefined) {
        i = this.nodes.length;
        index.set(key, i);
        this.nodes.push(p);
      }
      return i;
    };
    const seen = new Set<string>();
    for (const s of streets) {
      const a = node(s.a);
      const b = node(s.b);
      // A two-way street mapped as two one-way halves between the same nodes is one main.
      const key = a < b ? `${a}-${b}` : `${b}-${a}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      this.links.push({ a, b, len: Math.max(1, s.lengthM) });
    }
    const n = this.nodes.length;
    const adj: number[][] = this.nodes.map(() => []);
    this.links.forEach((l, k) => {
      adj[l.a]!.push(k);
      adj[l.b]!.push(k);
    });
    this.roots = stations.map((p) => this.nearest(p));
    this.zone = new Int32Array(n).fill(-1);
    this.parentLink = new Int32Array(n).fill(-1);
    this.flow = new Float64Array(n);
    const distM = new Float64Array(n).fill(Infinity);
    const heap = new MinHeap();
    this.roots.forEach((r, k) => {
      if (distM[r] === 0) return;
      distM[r] = 0;
      this.zone[r] = k;
      heap.push(0, r);
    });
    while (heap.size > 0) {
      const [d, v] = heap.pop();
      if (d > distM[v]!) continue;
      for (const k of adj[v]!) {
        const l = this.links[k]!;
        const w = l.a === v ? l.b : l.a;
        const nd = d + l.len;
        if (nd < distM[w]!) {
          distM[w] = nd;
          this.zone[w] = this.zone[v]!;
          this.parentLink[w] = k;
          heap.push(nd, w);
        }
      }
    }
  }

  /** The street node a station's outlet joins. */
  root(station: number): string {
    return nodeId(this.roots[station]!);
  }

  /** The station (index) whose zone holds the street node nearest `p`. */
  stationOf(p: Pt): number {
    return Math.max(0, this.zone[this.nearest(p)]!);
  }

  /** From `p` to its nearest street node, metres. */
  distance(p: Pt): number {
    const q = this.nodes[this.nearest(p)]!;
    return Math.hypot(q[0] - p[0], q[1] - p[1]);
  }

  /** Serves a draw of `lps` at peak from the street node nearest `p`: every pipe back to the station carries it. Returns that node's id. */
  serve(p: Pt, lps: number): string {
    const at = this.nearest(p);
    for (let v = at; this.parentLink[v]! >= 0;) {
      this.flow[v] = this.flow[v]! + lps;
      const l = this.links[this.parentLink[v]!]!;
      v = l.a === v ? l.b : l.a;
    }
    return nodeId(at);
  }

  junctions(): { id: string; position: Pt }[] {
    return this.nodes.map((p, i) => ({ id: nodeId(i), position: p }));
  }

  /** EPANET [PIPES] lines for the mains: tree pipes sized for their flow, loop pipes the smallest size, boundary valves closed. */
  pipes(nextId: () => string, diameterFor: (lps: number) => number): string[] {
    return this.links.map((l, k) => {
      const boundary = this.zone[l.a] !== this.zone[l.b] || this.zone[l.a]! < 0;
      const lps = this.parentLink[l.b] === k ? this.flow[l.b]! : this.parentLink[l.a] === k ? this.flow[l.a]! : 0;
      return `${nextId()}\t${nodeId(l.a)}\t${nodeId(l.b)}\t${Math.round(l.len)}\t${diameterFor(lps)}\t120\t0\t${boundary ? 'Closed' : 'Open'}`;
    });
  }

  private nearest(p: Pt): number {
    let best = 0;
    let bd = Infinity;
    this.nodes.forEach((q, i) => {
      const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
      if (d < bd) [best, bd] = [i, d];
    });
    return best;
  }
}

const nodeId = (i: number) => `S${i + 1}`;

/** A binary heap of [key, value] pairs, smallest key first (ties by value, so the order never depends on insertion). */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(k: number, v: number): void {
    this.keys.push(k);
    this.vals.push(v);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.vals[0]!];
    const k = this.keys.pop()!;
    const v = this.vals.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = k;
      this.vals[0] = v;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private less(i: number, j: number): boolean {
    return this.keys[i]! < this.keys[j]! || (this.keys[i] === this.keys[j] && this.vals[i]! < this.vals[j]!);
  }
  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.vals[i], this.vals[j]] = [this.vals[j]!, this.vals[i]!];
  }
}
