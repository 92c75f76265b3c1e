/**
 * Residents' trips on the traffic model's road network (the population's `TravelModel`, wired
 * here because a subsystem may not import another). Junctions where arterial roads cross are hubs;
 * from every hub a Dijkstra over the network's links, with each link's cost the traffic model's
 * current travel time (its observed speeds, closures infinite), gives the time to every node and
 * the way back. A trip goes from its origin along local streets to the nearest hub, along the
 * cheapest network path to the road node nearest its destination, and in; the junctions it passes
 * are where cameras and probes see it. `refresh` re-solves from the latest link costs, so dark
 * signals, jams and closed roads lengthen residents' trips and move the records they leave.
 *
 * Modes: cars drive the path at the network's travel times; pedestrians walk the same streets at
 * 4.7 km/h (NTS) and pass the same junctions; transit riders walk to the nearest station, wait for
 * the next departure (10-minute headway) and ride a bus that drives the network path between the
 * stations' hubs, 30% slower than a car for its stops (a round figure). Local-street legs run at
 * 18 km/h by car, on the Manhattan distance. A trip whose way through the hubs is a long detour in
 * distance (see DETOUR) goes direct along local streets and passes no junction camera.
 */
import type { TrafficNetwork } from '../traffic';
import { CAR_ACCESS_S, CAR_LOCAL_MPS, MAX_PASSES, MODE_CAR, MODE_TRANSIT, WALK_MPS, transitTrip } from '../population';
import type { SensorIndex, TravelModel, TripBuffer } from '../population';

const BUS_FACTOR = 1.3;
const LOOKUP_CELL_M = 50;
const MAX_HUBS = 600;
const NODE_CELL_M = 100;
/**
 * A trip goes by the hubs unless that way is half as long again (in metres) as the straight run
 * along local streets: then it is a short hop that never reaches the main roads.
 */
const DETOUR = 1.5;

export class NetworkTravel implements TravelModel {
  /** Node index of each hub. */
  readonly hubs: Int32Array;
  /** Per hub: seconds to every node, and the link by which the cheapest path enters it (-1 none). */
  private readonly time: Float64Array[];
  /** Per hub: length (m) of the cheapest path to every node. */
  private readonly length: Float64Array[];
  private readonly via: Int32Array[];
  private readonly nodeOutStart: Int32Array;
  private readonly nodeOut: Int32Array;
  /** Population junction index of each node (where its sensors stand), or -1. */
  private readonly nodeJunction: Int32Array;
  private readonly lookupCols: number;
  private readonly lookupRows: number;
  /** Nearest hub per lookup cell. */
  private readonly lookup: Int32Array;
  private readonly heapNode: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly pathBuf: Int32Array;
  private readonly nodeCols: number;
  private readonly nodeRows: number;
  /** CSR of nodes per NODE_CELL_M cell. */
  private readonly nodeCellStart: Int32Array;
  private readonly nodeCellNodes: Int32Array;
  /** Times the tables were solved (1 at construction). */
  solves = 0;
  private readonly basis: Float64Array;
  private readonly basisClosed: Uint8Array;

  constructor(
    private readonly net: TrafficNetwork,
    private readonly sensors: SensorIndex,
    sizeM: readonly [number, number],
    cost: Float64Array,
  ) {
    const N = net.nodeCount;
    const L = net.linkCount;
    // Links leaving each node (CSR).
    this.nodeOutStart = new Int32Array(N + 1);
    for (let l = 0; l < L; l++) this.nodeOutStart[net.linkFrom[l]! + 1]!++;
    for (let n = 0; n < N; n++) this.nodeOutStart[n + 1]! += this.nodeOutStart[n]!;
    this.nodeOut = new Int32Array(L);
    const fill = this.nodeOutStart.slice(0, N);
    for (let l = 0; l < L; l++) this.nodeOut[fill[net.linkFrom[l]!]!++] = l;
    this.hubs = findHubs(net, this.nodeOutStart, this.nodeOut);
    this.time = Array.from(this.hubs, () => new Float64Array(N));
    this.length = Array.from(this.hubs, () => new Float64Array(N));
    this.via = Array.from(this.hubs, () => new Int32Array(N));
    this.heapNode = new Int32Array(L + N + 1);
    this.heapKey = new Float64Array(L + N + 1);
    this.pathBuf = new Int32Array(N);
    this.nodeJunction = new Int32Array(N).fill(-1);
    for (let n = 0; n < N; n++) {
      const j = sensors.junctionAt(net.nodeX[n]!, net.nodeZ[n]!);
      if (j >= 0 && sensors.junctionStart[j + 1]! > sensors.junctionStart[j]!) this.nodeJunction[n] = j;
    }
    this.lookupCols = Math.max(1, Math.ceil(sizeM[0] / LOOKUP_CELL_M));
    this.lookupRows = Math.max(1, Math.ceil(sizeM[1] / LOOKUP_CELL_M));
    this.lookup = new Int32Array(this.lookupCols * this.lookupRows).fill(-1);
    for (let c = 0; c < this.lookupCols; c++) {
      for (let r = 0; r < this.lookupRows; r++) {
        const x = (c + 0.5) * LOOKUP_CELL_M;
        const z = (r + 0.5) * LOOKUP_CELL_M;
        let best = -1;
        let bd = Infinity;
        for (let h = 0; h < this.hubs.length; h++) {
          const n = this.hubs[h]!;
          const d = Math.abs(net.nodeX[n]! - x) + Math.abs(net.nodeZ[n]! - z);
          if (d < bd) [best, bd] = [h, d];
        }
        this.lookup[c * this.lookupRows + r] = best;
      }
    }
    this.nodeCols = Math.max(1, Math.ceil(sizeM[0] / NODE_CELL_M) + 1);
    this.nodeRows = Math.max(1, Math.ceil(sizeM[1] / NODE_CELL_M) + 1);
    const cellOf = (n: number) =>
      Math.min(this.nodeCols - 1, Math.max(0, Math.floor(net.nodeX[n]! / NODE_CELL_M))) * this.nodeRows +
      Math.min(this.nodeRows - 1, Math.max(0, Math.floor(net.nodeZ[n]! / NODE_CELL_M)));
    this.nodeCellStart = new Int32Array(this.nodeCols * this.nodeRows + 1);
    for (let n = 0; n < N; n++) this.nodeCellStart[cellOf(n) + 1]!++;
    for (let c = 0; c < this.nodeCols * this.nodeRows; c++) this.nodeCellStart[c + 1]! += this.nodeCellStart[c]!;
    this.nodeCellNodes = new Int32Array(N);
    const put = this.nodeCellStart.slice(0, this.nodeCols * this.nodeRows);
    for (let n = 0; n < N; n++) this.nodeCellNodes[put[cellOf(n)]!++] = n;
    this.basis = new Float64Array(net.linkCount);
    this.basisClosed = new Uint8Array(net.linkCount);
    this.refresh(cost);
  }

  /** Re-solves every hub's paths from link costs (seconds per link; closed links pass `closed`). */
  refresh(cost: Float64Array, closed?: Uint8Array): void {
    for (let h = 0; h < this.hubs.length; h++) this.solve(h, cost, closed);
    this.basis.set(cost);
    if (closed) this.basisClosed.set(closed);
    this.solves++;
  }

  /**
   * Re-solves when the network has changed enough to matter: a link closed or reopened, or link
   * times moved by more than `share` of their total since the last solve. Returns whether it did.
   */
  refreshIfChanged(cost: Float64Array, closed: Uint8Array, share = 0.02): boolean {
    let moved = 0;
    let total = 0;
    let reclosed = false;
    for (let l = 0; l < cost.length; l++) {
      moved += Math.abs(cost[l]! - this.basis[l]!);
      total += this.basis[l]!;
      if (closed[l] !== this.basisClosed[l]) reclosed = true;
    }
    if (!reclosed && moved <= share * total) return false;
    this.refresh(cost, closed);
    return true;
  }

  private solve(h: number, cost: Float64Array, closed?: Uint8Array): void {
    const net = this.net;
    const time = this.time[h]!;
    const length = this.length[h]!;
    const via = this.via[h]!;
    time.fill(Infinity);
    via.fill(-1);
    const src = this.hubs[h]!;
    time[src] = 0;
    length[src] = 0;
    const hn = this.heapNode;
    const hk = this.heapKey;
    let size = 0;
    const push = (n: number, k: number) => {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (hk[p]! <= k) break;
        hn[i] = hn[p]!;
        hk[i] = hk[p]!;
        i = p;
      }
      hn[i] = n;
      hk[i] = k;
    };
    push(src, 0);
    while (size > 0) {
      const n = hn[0]!;
      const k = hk[0]!;
      const lastN = hn[--size]!;
      const lastK = hk[size]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hk[c + 1]! < hk[c]!) c++;
        if (hk[c]! >= lastK) break;
        hn[i] = hn[c]!;
        hk[i] = hk[c]!;
        i = c;
      }
      hn[i] = lastN;
      hk[i] = lastK;
      if (k > time[n]!) continue;
      for (let q = this.nodeOutStart[n]!; q < this.nodeOutStart[n + 1]!; q++) {
        const l = this.nodeOut[q]!;
        if (closed?.[l]) continue;
        const m = net.linkTo[l]!;
        const t = k + cost[l]!;
        if (t < time[m]!) {
          time[m] = t;
          length[m] = length[n]! + net.linkLength[l]!;
          via[m] = l;
          push(m, t);
        }
      }
    }
  }

  private hubNear(x: number, z: number): number {
    const c = Math.min(this.lookupCols - 1, Math.max(0, Math.floor(x / LOOKUP_CELL_M)));
    const r = Math.min(this.lookupRows - 1, Math.max(0, Math.floor(z / LOOKUP_CELL_M)));
    return this.lookup[c * this.lookupRows + r]!;
  }

  /** Distance from a point to a hub's node along local streets (Manhattan). */
  private toHub(h: number, x: number, z: number): number {
    const n = this.hubs[h]!;
    return Math.abs(this.net.nodeX[n]! - x) + Math.abs(this.net.nodeZ[n]! - z);
  }

  /**
   * Writes the junction passes of hub ha's cheapest path to node `dst` into `out`, starting at time
   * `t0` and scaling the network's times by `scale` (or, when `speed` > 0, timing by length at that
   * speed); returns the path's duration, or -1 when `dst` cannot be reached.
   */
  private follow(ha: number, dst: number, t0: number, scale: number, speed: number, out: TripBuffer | null): number {
    const time = this.time[ha]!;
    if (!(time[dst]! < Infinity)) return -1;
    const via = this.via[ha]!;
    const net = this.net;
    // Nodes from the destination back to the source, then walked forwards.
    let n = dst;
    let len = 0;
    this.pathBuf[len++] = n;
    while (via[n]! >= 0 && len < this.pathBuf.length) {
      n = net.linkFrom[via[n]!]!;
      this.pathBuf[len++] = n;
    }
    let t = 0;
    for (let i = len - 1; i >= 0; i--) {
      const node = this.pathBuf[i]!;
      if (i < len - 1) {
        const l = via[node]!;
        t += speed > 0 ? net.linkLength[l]! / speed : (time[node]! - time[net.linkFrom[l]!]!) * scale;
      }
      const j = this.nodeJunction[node]!;
      if (out && j >= 0 && out.n < MAX_PASSES) {
        out.junction[out.n] = j;
        out.dtS[out.n] = t0 + t;
        out.n++;
      }
    }
    return t;
  }

  trip(mode: number, x0: number, z0: number, x1: number, z1: number, departS: number, out: TripBuffer): number {
    out.n = 0;
    out.tapIn = -1;
    out.tapOut = -1;
    const direct = Math.abs(x1 - x0) + Math.abs(z1 - z0);
    if (mode === MODE_TRANSIT) {
      const s = this.sensors;
      const sa = s.nearestStation(x0, z0);
      const sb = s.nearestStation(x1, z1);
      if (sa >= 0 && sb >= 0 && sa !== sb) {
        const ha = this.hubNear(s.x[sa]!, s.z[sa]!);
        const hb = this.hubNear(s.x[sb]!, s.z[sb]!);
        const ride =
          ha === hb
            ? (this.toHub(ha, s.x[sb]!, s.z[sb]!) + this.toHub(ha, s.x[sa]!, s.z[sa]!)) / CAR_LOCAL_MPS
            : this.follow(ha, this.hubs[hb]!, 0, BUS_FACTOR, 0, null);
        if (ride >= 0) return transitTrip(s, sa, sb, ride, x0, z0, x1, z1, departS, out);
      }
    }
    const car = mode === MODE_CAR;
    out.mode = car ? MODE_CAR : 0;
    const localMps = car ? CAR_LOCAL_MPS : WALK_MPS;
    const access = car ? CAR_ACCESS_S : 0;
    const directS = access + direct / localMps;
    const ha = this.hubNear(x0, z0);
    const dst = this.nodeNear(x1, z1);
    if (ha < 0 || dst < 0) return directS;
    const net = this.net;
    const inS = access / 2 + this.toHub(ha, x0, z0) / localMps;
    const outS = (Math.abs(net.nodeX[dst]! - x1) + Math.abs(net.nodeZ[dst]! - z1)) / localMps + access / 2;
    // Price the network path from the tables; walk it (writing the passes) only if it is the way taken.
    const pathS = car ? this.time[ha]![dst]! : this.length[ha]![dst]! / WALK_MPS;
    if (!(pathS < Infinity) || this.toHub(ha, x0, z0) + this.length[ha]![dst]! > DETOUR * direct) return directS;
    this.follow(ha, dst, inS, 1, car ? 0 : WALK_MPS, out);
    return inS + pathS + outS;
  }

  /** The network node nearest a point (searching the 3×3 node cells around it), or -1. */
  private nodeNear(x: number, z: number): number {
    const c0 = Math.floor(x / NODE_CELL_M);
    const r0 = Math.floor(z / NODE_CELL_M);
    let best = -1;
    let bd = Infinity;
    for (let c = Math.max(0, c0 - 1); c <= Math.min(this.nodeCols - 1, c0 + 1); c++) {
      for (let r = Math.max(0, r0 - 1); r <= Math.min(this.nodeRows - 1, r0 + 1); r++) {
        const cell = c * this.nodeRows + r;
        for (let q = this.nodeCellStart[cell]!; q < this.nodeCellStart[cell + 1]!; q++) {
          const n = this.nodeCellNodes[q]!;
          const d = Math.abs(this.net.nodeX[n]! - x) + Math.abs(this.net.nodeZ[n]! - z);
          if (d < bd) [best, bd] = [n, d];
        }
      }
    }
    if (best >= 0) return best;
    const h = this.hubNear(x, z);
    return h >= 0 ? this.hubs[h]! : -1;
  }
}

/** Nodes where three or more roads of the network's highest rank meet (arterial crossings). */
function findHubs(net: TrafficNetwork, outStart: Int32Array, out: Int32Array): Int32Array {
  let top = 0;
  for (let l = 0; l < net.linkCount; l++) top = Math.max(top, net.linkRank[l]!);
  const hubs: number[] = [];
  for (let n = 0; n < net.nodeCount; n++) {
    let k = 0;
    for (let q = outStart[n]!; q < outStart[n + 1]!; q++) if (net.linkRank[out[q]!] === top) k++;
    for (let q = net.inStart[n]!; q < net.inStart[n + 1]!; q++) if (net.linkRank[net.inLinks[q]!] === top && net.linkReverse[net.inLinks[q]!]! < 0) k++;
    if (k >= 3) hubs.push(n);
  }
  if (hubs.length <= MAX_HUBS) return Int32Array.from(hubs);
  // A network without a clear arterial class (every road the same rank): one hub per 400 m cell.
  const seen = new Set<string>();
  return Int32Array.from(
    hubs.filter((n) => {
      const key = `${Math.floor(net.nodeX[n]! / 400)},${Math.floor(net.nodeZ[n]! / 400)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}
