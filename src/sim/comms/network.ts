/**
 * The communications network as plain data: nodes (switches, aggregation, the core, gateways,
 * devices, and virtual endpoints such as the internet, vendor clouds and an attacker's server),
 * links with a capacity, and zones (network segments). Structure of arrays, because a city has
 * thousands of links and the sharing step walks them every second.
 *
 * Routing: the network is treated as a tree rooted at the core (a BFS tree; redundant links are
 * kept for display but carry nothing), which is how city access networks are built — each cabinet
 * has one uplink. A path between two nodes goes up to their lowest common ancestor and down.
 */
export type LinkClass = 'access' | 'aggregation' | 'backhaul' | 'uplink' | 'vpn' | 'cloud';
export const LINK_CLASSES: readonly LinkClass[] = ['access', 'aggregation', 'backhaul', 'uplink', 'vpn', 'cloud'];

export interface CommsNodeSpec {
  readonly id: string;
  /** World asset this node stands for, or null for a virtual endpoint (internet, cloud, attacker). */
  readonly asset: string | null;
  readonly zone: string;
  /** Jurisdiction for endpoints outside the city (clouds, attacker servers); null inside. */
  readonly jurisdiction: string | null;
}

export interface CommsLinkSpec {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  readonly capacityMbps: number;
  readonly cls: LinkClass;
}

export type FlowKind = 'video' | 'telemetry' | 'control' | 'backup' | 'exfiltration' | 'flood';
export const FLOW_KINDS: readonly FlowKind[] = ['video', 'telemetry', 'control', 'backup', 'exfiltration', 'flood'];

export interface CommsFlowSpec {
  readonly src: string;
  readonly dst: string;
  readonly kind: FlowKind;
  readonly demandMbps: number;
  /** Control traffic: the round-trip deadline it must meet, ms; null for best effort. */
  readonly deadlineMs: number | null;
}

/** A firewall rule: traffic from one zone may reach another (zones reach themselves always). */
export interface ZoneRule {
  readonly from: string;
  readonly to: string;
}

export interface VendorAccessSpec {
  readonly vendor: string;
  /** The node the vendor's VPN terminates on (its gateway). */
  readonly gateway: string;
  /** Zones the VPN may reach. */
  readonly zones: readonly string[];
}

/** What the scenario layer hands the simulation for the comms network. */
export interface CommsInput {
  readonly zones: readonly string[];
  readonly nodes: readonly CommsNodeSpec[];
  readonly links: readonly CommsLinkSpec[];
  readonly flows: readonly CommsFlowSpec[];
  readonly rules: readonly ZoneRule[];
  readonly vendorAccess: readonly VendorAccessSpec[];
  /** The node every path is rooted at (the core). */
  readonly root: string;
  /** The node that stands for the public internet. */
  readonly internet: string;
  /** Fair queueing (max-min, as QoS would give) or drop-tail FIFO (shares in proportion to offered load). */
  readonly sharing: 'max-min' | 'proportional';
  /** Router buffer: the queueing delay on a saturated hop, ms. */
  readonly bufferMs: number;
}

/** The network in structure-of-arrays form with its routing tree. */
export interface CommsNetwork {
  readonly nodeCount: number;
  readonly nodeIds: readonly string[];
  readonly nodeZone: Uint16Array;
  readonly linkCount: number;
  readonly linkIds: readonly string[];
  readonly linkA: Int32Array;
  readonly linkB: Int32Array;
  readonly linkClass: Uint8Array;
  /** Bits per second. */
  readonly capacity: Float64Array;
  /** Tree parent node (-1 at the root and for unreachable nodes) and the link to it. */
  readonly parent: Int32Array;
  readonly parentLink: Int32Array;
  readonly depth: Int32Array;
  readonly nodeIndex: ReadonlyMap<string, number>;
}

export function buildNetwork(input: CommsInput): CommsNetwork {
  const n = input.nodes.length;
  const nodeIndex = new Map<string, number>();
  input.nodes.forEach((x, i) => nodeIndex.set(x.id, i));
  const zoneIndex = new Map(input.zones.map((z, i) => [z, i]));
  const m = input.links.length;
  const linkA = new Int32Array(m);
  const linkB = new Int32Array(m);
  const capacity = new Float64Array(m);
  const linkClass = new Uint8Array(m);
  const adj: number[][] = input.nodes.map(() => []);
  input.links.forEach((l, k) => {
    const a = nodeIndex.get(l.a);
    const b = nodeIndex.get(l.b);
    if (a === undefined || b === undefined) throw new Error(`link ${l.id}: unknown node ${a === undefined ? l.a : l.b}`);
    linkA[k] = a;
    linkB[k] = b;
    capacity[k] = l.capacityMbps * 1e6;
    linkClass[k] = LINK_CLASSES.indexOf(l.cls);
    adj[a]!.push(k);
    adj[b]!.push(k);
  });
  const parent = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const root = nodeIndex.get(input.root);
  if (root === undefined) throw new Error(`unknown root node ${input.root}`);
  depth[root] = 0;
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    for (const k of adj[u]!) {
      const v = linkA[k] === u ? linkB[k]! : linkA[k]!;
      if (depth[v] !== -1) continue;
      depth[v] = depth[u]! + 1;
      parent[v] = u;
      parentLink[v] = k;
      queue.push(v);
    }
  }
  return {
    nodeCount: n,
    nodeIds: input.nodes.map((x) => x.id),
    nodeZone: Uint16Array.from(input.nodes, (x) => zoneIndex.get(x.zone) ?? 0),
    linkCount: m,
    linkIds: input.links.map((l) => l.id),
    linkA,
    linkB,
    linkClass,
    capacity,
    parent,
    parentLink,
    depth,
    nodeIndex,
  };
}

/**
 * Appends the links of the tree path from `a` to `b` to `out`; returns false when there is no
 * path (a node outside the tree).
 */
export function treePath(net: CommsNetwork, a: number, b: number, out: number[]): boolean {
  if (net.depth[a]! < 0 || net.depth[b]! < 0) return false;
  const down: number[] = [];
  let x = a;
  let y = b;
  while (net.depth[x]! > net.depth[y]!) {
    out.push(net.parentLink[x]!);
    x = net.parent[x]!;
  }
  while (net.depth[y]! > net.depth[x]!) {
    down.push(net.parentLink[y]!);
    y = net.parent[y]!;
  }
  while (x !== y) {
    out.push(net.parentLink[x]!);
    down.push(net.parentLink[y]!);
    x = net.parent[x]!;
    y = net.parent[y]!;
  }
  for (let i = down.length - 1; i >= 0; i--) out.push(down[i]!);
  return true;
}

/** Flow arrays for n flows (paths: room for that many path links), all zero. */
export function emptyFlows(n: number, paths: number) {
  return {
    count: n,
    src: new Int32Array(n),
    dst: new Int32Array(n),
    kind: new Uint8Array(n),
    demand: new Float64Array(n),
    deadlineMs: new Float64Array(n),
    delayMs: new Float64Array(n),
    offered: new Float64Array(n),
    rate: new Float64Array(n),
    pathStart: new Int32Array(n),
    pathLen: new Int32Array(n),
    pathLinks: new Int32Array(paths),
  };
}
