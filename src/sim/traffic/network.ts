/**
 * The road network as structure-of-arrays: nodes (junctions and road ends), directed links (one
 * per direction of a road, each with its lanes, length and speed limit) and, at each node, the
 * out-links a vehicle arriving on a link may turn into. Built from plain road segments so the
 * generated city, OpenStreetMap and the synthetic benchmark grid all share one model.
 */

/** A road segment between two points; `oneway` roads carry traffic from a to b only. */
export interface RoadSegment {
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  /** Lanes per direction. */
  readonly lanes: number;
  readonly speedMps: number;
  readonly oneway: boolean;
  /** 0 local street, 1 collector, 2 arterial: the higher rank has priority at unsignalised junctions. */
  readonly rank: number;
  readonly name?: string;
  /** Length along the road when it bends (OSM ways); the straight distance when absent. */
  readonly lengthM?: number;
}

export interface TrafficNetwork {
  readonly nodeCount: number;
  readonly nodeX: Float64Array;
  readonly nodeZ: Float64Array;
  /** CSR of links ending at each node: inLinks[inStart[n] .. inStart[n+1]). */
  readonly inStart: Int32Array;
  readonly inLinks: Int32Array;
  readonly linkCount: number;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkLength: Float64Array;
  readonly linkSpeed: Float64Array;
  readonly linkRank: Uint8Array;
  /** The link of the opposite direction, or -1 (used to forbid U-turns except at dead ends). */
  readonly linkReverse: Int32Array;
  /** Heading of the link in radians (atan2(dz, dx)), for signal phase groups and turn kinds. */
  readonly linkHeading: Float64Array;
  /** CSR of out-links at the link's end node that a vehicle may turn into. */
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
  readonly laneCount: number;
  /** First lane of each link; lanes of a link are consecutive, lane 0 is the kerb lane. */
  readonly linkLane0: Int32Array;
  readonly linkLanes: Uint8Array;
  readonly laneLink: Int32Array;
  readonly linkName: readonly string[];
  /**
   * Traffic keeps right (a SUMO network that says so); absent or false, it keeps left, as in the
   * UK. Turn kinds are named for keeping left: on a keep-right network TURN_RIGHT is the turn that
   * crosses oncoming traffic (a left turn on the ground), so every rule reads the same.
   */
  readonly keepRight?: boolean;
  /**
   * Per turn (index into outLinks), the lanes of its approach that may take it, inclusive, when the
   * network says (SUMO's connections); absent, movements.ts derives them from the turn kinds.
   */
  readonly turnLaneLo?: Uint8Array;
  readonly turnLaneHi?: Uint8Array;
}

/** A directed link between two nodes, for building a network from a file that lists them. */
export interface LinkSpec {
  readonly from: number;
  readonly to: number;
  readonly lengthM: number;
  readonly speedMps: number;
  readonly lanes: number;
  readonly rank: number;
  readonly name: string;
}

/** A network whose nodes, links and turns are given (a SUMO network): no joining, no guessing. */
export function buildLinkNetwork(
  nodeX: readonly number[],
  nodeZ: readonly number[],
  links: readonly LinkSpec[],
  turns: readonly { readonly from: number; readonly to: number; readonly laneLo: number; readonly laneHi: number }[],
  keepRight: boolean,
): TrafficNetwork {
  const reverse = new Array<number>(links.length).fill(-1);
  const byPair = new Map<string, number>();
  links.forEach((k, l) => byPair.set(`${k.from}>${k.to}`, l));
  links.forEach((k, l) => (reverse[l] = byPair.get(`${k.to}>${k.from}`) ?? -1));
  const byFrom: number[][] = links.map(() => []);
  const lanesOf = new Map<string, { lo: number; hi: number }>();
  for (const t of turns) {
    const key = `${t.from}>${t.to}`;
    const had = lanesOf.get(key);
    if (!had) byFrom[t.from]!.push(t.to);
    lanesOf.set(key, { lo: Math.min(had?.lo ?? 255, t.laneLo), hi: Math.max(had?.hi ?? 0, t.laneHi) });
  }
  const outStart = new Int32Array(links.length + 1);
  const out: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  for (let l = 0; l < links.length; l++) {
    for (const m of byFrom[l]!) {
      out.push(m);
      const r = lanesOf.get(`${l}>${m}`)!;
      lo.push(r.lo);
      hi.push(r.hi);
    }
    outStart[l + 1] = out.length;
  }
  return assemble(
    nodeX,
    nodeZ,
    links.map((k) => k.from),
    links.map((k) => k.to),
    links.map((k) => k.lengthM),
    links.map((k) => k.speedMps),
    links.map((k) => k.rank),
    links.map((k) => Math.max(1, Math.min(6, Math.round(k.lanes)))),
    links.map((k) => k.name),
    reverse,
    { outStart, outLinks: Int32Array.from(out), keepRight, turnLaneLo: Uint8Array.from(lo), turnLaneHi: Uint8Array.from(hi) },
  );
}

const key = (x: number, z: number) => `${Math.round(x * 10)},${Math.round(z * 10)}`;

/**
 * Joins segments into a network: endpoints closer than 0.1 m become one node, zero-length and
 * repeated segments are dropped, and U-turns are allowed only where no other way on exists.
 */
export function buildNetwork(segments: readonly RoadSegment[]): TrafficNetwork {
  const nodeOf = new Map<string, number>();
  const xs: number[] = [];
  const zs: number[] = [];
  const node = (p: readonly [number, number]) => {
    const k = key(p[0], p[1]);
    let n = nodeOf.get(k);
    if (n === undefined) {
      n = xs.length;
      nodeOf.set(k, n);
      xs.push(p[0]);
      zs.push(p[1]);
    }
    return n;
  };
  const from: number[] = [];
  const to: number[] = [];
  const len: number[] = [];
  const speed: number[] = [];
  const rank: number[] = [];
  const lanes: number[] = [];
  const names: string[] = [];
  const reverse: number[] = [];
  const seen = new Set<string>();
  const addLink = (a: number, b: number, s: RoadSegment) => {
    const k = `${a}>${b}`;
    if (seen.has(k)) return -1;
    seen.add(k);
    from.push(a);
    to.push(b);
    len.push(Math.max(Math.hypot(xs[b]! - xs[a]!, zs[b]! - zs[a]!), s.lengthM ?? 0));
    speed.push(s.speedMps);
    rank.push(s.rank);
    lanes.push(Math.max(1, Math.min(6, Math.round(s.lanes))));
    names.push(s.name ?? '');
    reverse.push(-1);
    return from.length - 1;
  };
  for (const s of segments) {
    const a = node(s.a);
    const b = node(s.b);
    if (a === b) continue;
    const f = addLink(a, b, s);
    if (s.oneway) continue;
    const r = addLink(b, a, s);
    if (f >= 0 && r >= 0) {
      reverse[f] = r;
      reverse[r] = f;
    }
  }
  return assemble(xs, zs, from, to, len, speed, rank, lanes, names, reverse, null);
}

interface GivenTurns {
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
  readonly keepRight: boolean;
  readonly turnLaneLo: Uint8Array;
  readonly turnLaneHi: Uint8Array;
}

function assemble(
  xs: readonly number[],
  zs: readonly number[],
  from: readonly number[],
  to: readonly number[],
  len: readonly number[],
  speed: readonly number[],
  rank: readonly number[],
  lanes: readonly number[],
  names: readonly string[],
  reverse: readonly number[],
  given: GivenTurns | null,
): TrafficNetwork {
  const L = from.length;
  const N = xs.length;
  const csr = (keyOf: (l: number) => number) => {
    const start = new Int32Array(N + 1);
    for (let l = 0; l < L; l++) start[keyOf(l) + 1]!++;
    for (let n = 0; n < N; n++) start[n + 1]! += start[n]!;
    const items = new Int32Array(L);
    const fill = start.slice(0, N);
    for (let l = 0; l < L; l++) items[fill[keyOf(l)]!++] = l;
    return { start, items };
  };
  const byTo = csr((l) => to[l]!);
  const byFrom = csr((l) => from[l]!);
  // Turns: every link leaving the end node except the same road straight back (its reverse link),
  // unless that is the only way on. A different road back to where we came from is a real route.
  const outStart = given?.outStart ?? new Int32Array(L + 1);
  const outList: number[] = [];
  for (let l = 0; l < L && !given; l++) {
    const n = to[l]!;
    const first = outList.length;
    for (let k = byFrom.start[n]!; k < byFrom.start[n + 1]!; k++) {
      const m = byFrom.items[k]!;
      if (m !== reverse[l]) outList.push(m);
    }
    if (outList.length === first && reverse[l]! >= 0) outList.push(reverse[l]!);
    outStart[l + 1] = outList.length;
  }
  const linkLane0 = new Int32Array(L);
  let laneCount = 0;
  for (let l = 0; l < L; l++) {
    linkLane0[l] = laneCount;
    laneCount += lanes[l]!;
  }
  const laneLink = new Int32Array(laneCount);
  for (let l = 0; l < L; l++) for (let k = 0; k < lanes[l]!; k++) laneLink[linkLane0[l]! + k] = l;
  return {
    nodeCount: N,
    nodeX: Float64Array.from(xs),
    nodeZ: Float64Array.from(zs),
    inStart: byTo.start,
    inLinks: byTo.items,
    linkCount: L,
    linkFrom: Int32Array.from(from),
    linkTo: Int32Array.from(to),
    linkLength: Float64Array.from(len),
    linkSpeed: Float64Array.from(speed),
    linkRank: Uint8Array.from(rank),
    linkReverse: Int32Array.from(reverse),
    linkHeading: Float64Array.from(from, (a, l) => Math.atan2(zs[to[l]!]! - zs[a]!, xs[to[l]!]! - xs[a]!)),
    outStart,
    outLinks: given?.outLinks ?? Int32Array.from(outList),
    laneCount,
    linkLane0,
    linkLanes: Uint8Array.from(lanes),
    laneLink,
    linkName: names,
    ...(given ? { keepRight: given.keepRight, turnLaneLo: given.turnLaneLo, turnLaneHi: given.turnLaneHi } : {}),
  };
}

/** Degree of a node: how many distinct roads meet there (links in plus one-way links out). */
export function nodeDegree(net: TrafficNetwork, n: number): number {
  return net.inStart[n + 1]! - net.inStart[n]!;
}
