/**
 * Lookups derived once from the WorldView when a scenario loads: asset index by id, assets grouped
 * by kind, the endpoints of every edge, each asset's incoming and outgoing edges, and names for
 * describing events. Plain data, no React, no three.
 */
import type { WorldView } from '../../worker/protocol';

export type AssetView = WorldView['assets'][number];
export type EdgeView = WorldView['edges'][number];

export interface WorldIndex {
  readonly view: WorldView;
  readonly assetIndex: ReadonlyMap<string, number>;
  /** Asset indices by kind, kinds in first-seen order. */
  readonly byKind: ReadonlyMap<string, readonly number[]>;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Edge indices into each asset (its supplies) and out of it (its dependents). */
  readonly inEdges: readonly (readonly number[])[];
  readonly outEdges: readonly (readonly number[])[];
  readonly nameOf: (id: string) => string;
}

export function buildWorldIndex(view: WorldView): WorldIndex {
  const assetIndex = new Map<string, number>();
  const byKind = new Map<string, number[]>();
  view.assets.forEach((a, i) => {
    assetIndex.set(a.id, i);
    let list = byKind.get(a.kind);
    if (!list) byKind.set(a.kind, (list = []));
    list.push(i);
  });
  const inEdges: number[][] = view.assets.map(() => []);
  const outEdges: number[][] = view.assets.map(() => []);
  const edgeFrom = new Int32Array(view.edges.length).fill(-1);
  const edgeTo = new Int32Array(view.edges.length).fill(-1);
  view.edges.forEach((e, ei) => {
    const f = assetIndex.get(e.from);
    const t = assetIndex.get(e.to);
    if (f === undefined || t === undefined) return;
    edgeFrom[ei] = f;
    edgeTo[ei] = t;
    outEdges[f]!.push(ei);
    inEdges[t]!.push(ei);
  });
  const names = new Map<string, string>();
  for (const a of view.assets) names.set(a.id, a.name);
  for (const v of view.vendors) names.set(v.id, v.name);
  return { view, assetIndex, byKind, edgeFrom, edgeTo, inEdges, outEdges, nameOf: (id) => names.get(id) ?? id };
}

/**
 * Whether an asset has lost a resource outright: every edge of some redundancy group for that
 * resource is lost. Mirrors the simulation's own rule, read from a snapshot's edge states.
 */
export function hasLost(w: WorldIndex, edgeState: Uint8Array, asset: number, resource: string): boolean {
  const groups = new Map<string, boolean>();
  for (const ei of w.inEdges[asset] ?? []) {
    const e = w.view.edges[ei]!;
    if (e.resource !== resource) continue;
    const key = e.group ?? e.id;
    groups.set(key, (groups.get(key) ?? true) && edgeState[ei] === 2);
  }
  for (const lost of groups.values()) if (lost) return true;
  return false;
}
