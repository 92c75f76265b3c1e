/**
 * The linkage attack: join datasets anonymised in different ways to merge their pseudonyms, then
 * tie each merged identity to a home and so to a household. Records of two datasets that fall in
 * the same place (cells centred on the finer grid, at least 50 m) and the same time bin are
 * co-occurrences; a pseudonym in one dataset that co-occurs at least three times with one
 * pseudonym in the other, and at least three times as often as with any other, is taken to be the
 * same person (crowded moments, with more than 20 pseudonyms, say nothing and are skipped). Merged
 * identities are the connected components (union–find). A home comes from the smart meters
 * (homes.ts). All of this reads only what the attacker holds; `truth` is used afterwards, to score
 * it.
 */
import type { ReleasedRecords } from '../population';
import { LinkList, mergeConstrained } from './identity-merge';
import { buildPointIndex, groupByTrace, groupsOf as groupsOfRelease, tracesOf, type PointIndex, type TraceGroups } from './point-index';

const MIN_CO = 3;
const ROTATION_RANK = { none: 0, daily: 1, 'per-record': 2 } as const;
const CROWD = 20;

/** Records of two datasets meet when they fall in the same cell and time bin: the coarser of the two releases', and at least 50 m and a minute. */
const MIN_LINK_CELL_M = 50;
const MIN_LINK_BIN_S = 60;
export const linkCellM = (a: ReleasedRecords, b: ReleasedRecords): number => Math.max(MIN_LINK_CELL_M, a.settings.cellM, b.settings.cellM);
export const linkBinS = (a: ReleasedRecords, b: ReleasedRecords): number => Math.max(MIN_LINK_BIN_S, a.settings.binS, b.settings.binS);

export interface LinkResult {
  readonly a: string;
  readonly b: string;
  /** Pseudonyms of `a` linked to one of `b` (links refused as contradicting stronger ones left out). */
  readonly links: number;
}

export interface Identities {
  /** Per held dataset: the dataset's records' dense trace and the offset of its traces among all nodes. */
  readonly datasets: readonly { readonly rel: ReleasedRecords; readonly trace: Int32Array; readonly traces: number; readonly offset: number }[];
  /** Component (identity) of each node. */
  readonly entityOf: Int32Array;
  readonly entities: number;
  /** Bit set of the datasets (by position in `datasets`) each identity draws on. */
  readonly sources: Int32Array;
  readonly links: LinkResult[];
  /** Per held dataset, its records grouped by trace, where the linkage built them. */
  readonly groups?: readonly (TraceGroups | undefined)[];
}

/**
 * Links pseudonyms of A to pseudonyms of B by co-occurrence; calls `join` for each accepted pair,
 * with its co-occurrences and those of the runner-up (how strong the link is).
 */
export function linkPair(
  A: ReleasedRecords,
  traceA: Int32Array,
  tracesA: number,
  B: ReleasedRecords,
  traceB: Int32Array,
  tracesB: number,
  join: (a: number, b: number, co: number, runnerUp: number) => void,
  cache: Map<string, PointIndex> = new Map(),
  groupsA: TraceGroups = groupByTrace(A, traceA, tracesA),
  groupsB?: TraceGroups,
): number {
  const cell = linkCellM(A, B);
  const bin = linkBinS(A, B);
  const key = `${B.dataset}/${cell}/${bin}`;
  let ix = cache.get(key);
  if (!ix) cache.set(key, (ix = buildPointIndex(B, traceB, tracesB, cell, bin, { centred: true, timeMajor: true, ...(groupsB ? { groups: groupsB } : {}) })));
  const { start, place, t } = groupsA;
  // A's places in B's cells: a few hundred look-ups instead of one a record.
  const cellOf = new Int32Array(groupsA.placeX.length);
  for (let pl = 0; pl < cellOf.length; pl++) cellOf[pl] = ix.cellAt(groupsA.placeX[pl]!, groupsA.placeZ[pl]!);
  const PS = ix.pointStart;
  const PT = ix.pointTraces;
  const counts = new Int32Array(tracesB);
  const touched = new Int32Array(tracesB);
  let links = 0;
  for (let a = 0; a < tracesA; a++) {
    // A pseudonym seen fewer than twice can never co-occur often enough to be linked.
    if (start[a + 1]! - start[a]! < 2) continue;
    let nt = 0;
    for (let q = start[a]!; q < start[a + 1]!; q++) {
      const p = ix.pointAt(cellOf[place[q]!]!, t[q]!);
      if (p < 0) continue;
      const e = PS[p + 1]!;
      // Crowded moments say nothing.
      if (e - PS[p]! > CROWD) continue;
      for (let k = PS[p]!; k < e; k++) {
        const b = PT[k]!;
        if (counts[b] === 0) touched[nt++] = b;
        counts[b]!++;
      }
    }
    let b1 = -1;
    let c1 = 0;
    let c2 = 0;
    for (let k = 0; k < nt; k++) {
      const b = touched[k]!;
      const c = counts[b]!;
      counts[b] = 0;
      if (c > c1) {
        c2 = c1;
        c1 = c;
        b1 = b;
      } else if (c > c2) c2 = c;
    }
    if (b1 >= 0 && ((c1 >= MIN_CO && c2 * 3 <= c1) || (c1 >= 2 && c2 === 0))) {
      join(a, b1, c1, c2);
      links++;
    }
  }
  return links;
}

/** Merges the pseudonyms of every held record dataset into identities. */
export function mergeIdentities(held: readonly ReleasedRecords[]): Identities {
  let offset = 0;
  const datasets = held.map((rel) => {
    const { trace, count } = tracesOf(rel);
    const d = { rel, trace, traces: count, offset };
    offset += count;
    return d;
  });
  // Records grouped by trace, once per dataset: each takes part in several pairs.
  const groups: (TraceGroups | undefined)[] = [];
  const groupsOf = (k: number) => (groups[k] ??= groupsOfRelease(datasets[k]!.rel));
  const candidates = new LinkList();
  const pairs: { a: string; b: string }[] = [];
  const cache = new Map<string, PointIndex>();
  // The dataset that shares places with all the others (Wi-Fi sniffers sit on camera poles and in
  // stations) is the hub: each other dataset is joined to it. Without it, every pair is tried.
  const hub = datasets.findIndex((d) => d.rel.dataset === 'wifi' && d.rel.settings.rotation !== 'per-record');
  for (let i = 0; i < datasets.length; i++) {
    for (let j = i + 1; j < datasets.length; j++) {
      if (hub >= 0 && i !== hub && j !== hub) continue;
      // Query from the side whose pseudonyms rotate more often: one day's MAC belongs to one plate,
      // while one plate carries a week of daily MACs.
      let ia = hub < 0 || i === hub ? j : i;
      let ib = hub < 0 ? i : hub;
      if (ROTATION_RANK[datasets[ib]!.rel.settings.rotation] > ROTATION_RANK[datasets[ia]!.rel.settings.rotation]) [ia, ib] = [ib, ia];
      const A = datasets[ia]!;
      const B = datasets[ib]!;
      // A pseudonym that changes every record names nobody: nothing to link.
      if (A.rel.settings.rotation === 'per-record' || B.rel.settings.rotation === 'per-record' || A.rel.n === 0 || B.rel.n === 0) continue;
      const pair = pairs.length;
      pairs.push({ a: A.rel.dataset, b: B.rel.dataset });
      linkPair(
        A.rel,
        A.trace,
        A.traces,
        B.rel,
        B.trace,
        B.traces,
        (a, b, c1, c2) => candidates.add(A.offset + a, B.offset + b, c1, c2, pair),
        cache,
        groupsOf(ia),
        groupsOf(ib),
      );
    }
  }
  // Strongest links first, each only where it contradicts none already made (identity-merge.ts).
  const merging = datasets.map((d, k) => ({ rel: d.rel, traces: d.traces, offset: d.offset, groups: groups[k] }));
  const { entityOf, entities, applied } = mergeConstrained(merging, offset, candidates, pairs.length);
  const links: LinkResult[] = pairs.map((p, k) => ({ ...p, links: applied[k]! }));
  const sources = new Int32Array(entities);
  datasets.forEach((d, k) => {
    for (let t = 0; t < d.traces; t++) sources[entityOf[d.offset + t]!]! |= 1 << k;
  });
  return { datasets, entityOf, entities, sources, links, groups };
}

/**
 * Every identity recorded by the camera at (x, z) — the attacker reads camera positions from the
 * city's published camera register. With coarsened places, everything in that camera's cell.
 */
export function seenAt(ids: Identities, x: number, z: number): Set<number> {
  const out = new Set<number>();
  for (const d of ids.datasets) {
    const r = d.rel;
    const cell = r.settings.cellM;
    const sx = cell > 0 ? (Math.floor(x / cell) + 0.5) * cell : x;
    const sz = cell > 0 ? (Math.floor(z / cell) + 0.5) * cell : z;
    for (let i = 0; i < r.n; i++) {
      if (Math.abs(r.x[i]! - sx) > 1 || Math.abs(r.z[i]! - sz) > 1) continue;
      out.add(ids.entityOf[d.offset + d.trace[i]!]!);
    }
  }
  return out;
}
