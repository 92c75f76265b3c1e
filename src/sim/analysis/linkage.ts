/**
 * The linkage attack: join datasets anonymised in different ways to merge their pseudonyms, then
 * tie each merged identity to a home and so to a household. Records of two datasets that fall in
 * the same place (cells centred on the finer grid, at least 50 m) and the same time bin are
 * co-occurrences; a pseudonym in one dataset that co-occurs at least three times with one
 * pseudonym in the other, and at least three times as often as with any other, is taken to be the
 * same person (crowded moments, with more than 20 pseudonyms, say nothing and are skipped). Merged
 * identities are the connected components (union–find). A home comes from the smart meters: a
 * household whose meter shows the home emptying in the half-hour slot of the identity's first
 * sighting of the day, or one either side, and filling again in the slot of its last or the next, on at least three and most of the
 * days it was seen, and on two days more than any other household near where it is first seen. All of this reads only what the
 * attacker holds; `truth` is used afterwards, to score it.
 */
import type { ReleasedMeters, ReleasedRecords } from '../population';
import { buildPointIndex, denseTraces, groupByTrace, type PointIndex, type TraceGroups } from './point-index';

const MIN_CO = 3;
const ROTATION_RANK = { none: 0, daily: 1, 'per-record': 2 } as const;
const CROWD = 20;
const MIN_LINK_CELL_M = 50;
const MIN_LINK_BIN_S = 60;
const EMPTY_KWH_PER_HALF_HOUR = 0.075;
/** First sightings fall within this of home: the nearest arterial crossing or station is at most 400 m away on each axis. */
const HOME_RADIUS_M = 450;
const DAY_S = 86400;
/** Days on which a household's meter must fit an identity's comings and goings. */
const MIN_DAYS = 3;

export interface LinkResult {
  readonly a: string;
  readonly b: string;
  /** Pseudonyms of `a` linked to one of `b`. */
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
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const n = this.parent[i]!;
      this.parent[i] = r;
      i = n;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Links pseudonyms of A to pseudonyms of B by co-occurrence; calls `join` for each accepted pair. */
export function linkPair(
  A: ReleasedRecords,
  traceA: Int32Array,
  tracesA: number,
  B: ReleasedRecords,
  traceB: Int32Array,
  tracesB: number,
  join: (a: number, b: number) => void,
  cache: Map<string, PointIndex> = new Map(),
  groupsA: TraceGroups = groupByTrace(A, traceA, tracesA),
  groupsB?: TraceGroups,
): number {
  const cell = Math.max(MIN_LINK_CELL_M, A.settings.cellM, B.settings.cellM);
  const bin = Math.max(MIN_LINK_BIN_S, A.settings.binS, B.settings.binS);
  const key = `${B.dataset}/${cell}/${bin}`;
  let ix = cache.get(key);
  if (!ix) cache.set(key, (ix = buildPointIndex(B, traceB, tracesB, cell, bin, { centred: true, ...(groupsB ? { groups: groupsB } : {}) })));
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
      join(a, b1);
      links++;
    }
  }
  return links;
}

/** Merges the pseudonyms of every held record dataset into identities. */
export function mergeIdentities(held: readonly ReleasedRecords[]): Identities {
  let offset = 0;
  const datasets = held.map((rel) => {
    const { trace, count } = denseTraces(rel.pid, rel.n);
    const d = { rel, trace, traces: count, offset };
    offset += count;
    return d;
  });
  // Records grouped by trace, once per dataset: each takes part in several pairs.
  const groups: (TraceGroups | undefined)[] = [];
  const groupsOf = (k: number) => (groups[k] ??= groupByTrace(datasets[k]!.rel, datasets[k]!.trace, datasets[k]!.traces));
  const uf = new UnionFind(offset);
  const links: LinkResult[] = [];
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
      if (A.rel.settings.rotation === 'per-record' || B.rel.settings.rotation === 'per-record' || A.rel.n === 0 || B.rel.n === 0) continue;
      const n = linkPair(A.rel, A.trace, A.traces, B.rel, B.trace, B.traces, (a, b) => uf.union(A.offset + a, B.offset + b), cache, groupsOf(ia), groupsOf(ib));
      links.push({ a: A.rel.dataset, b: B.rel.dataset, links: n });
    }
  }
  const entityOf = new Int32Array(offset);
  const rootId = new Int32Array(offset).fill(-1);
  let entities = 0;
  for (let i = 0; i < offset; i++) {
    const r = uf.find(i);
    if (rootId[r] === -1) rootId[r] = entities++;
    entityOf[i] = rootId[r]!;
  }
  const sources = new Int32Array(entities);
  datasets.forEach((d, k) => {
    for (let t = 0; t < d.traces; t++) sources[entityOf[d.offset + t]!]! |= 1 << k;
  });
  return { datasets, entityOf, entities, sources, links };
}

export interface HomeMatches {
  /** Meter row (household pseudonym) each identity is tied to, or -1. */
  readonly household: Int32Array;
  readonly confidence: Float32Array;
  /** Identities seen on at least two days (the only ones a home can be tied to). */
  readonly candidates: number;
}

/**
 * Ties identities to households through the smart meters. `startHour` turns run time into days.
 */
export function matchHomes(ids: Identities, meters: ReleasedMeters, startHour: number): HomeMatches {
  const E = ids.entities;
  const household = new Int32Array(E).fill(-1);
  const confidence = new Float32Array(E);
  if (!meters.linkable || meters.slots === 0) return { household, confidence, candidates: 0 };
  const off = startHour * 3600;
  let maxT = 0;
  for (const d of ids.datasets) for (let i = 0; i < d.rel.n; i++) maxT = Math.max(maxT, d.rel.t[i]!);
  const days = Math.max(1, Math.floor((Math.max(maxT, meters.slots * meters.slotS) + off) / DAY_S) + 1);
  // Per identity and day: first sighting (time, place) and last sighting (time).
  const firstT = new Int32Array(E * days).fill(-1);
  const firstX = new Float32Array(E * days);
  const firstZ = new Float32Array(E * days);
  const lastT = new Int32Array(E * days).fill(-1);
  for (const d of ids.datasets) {
    const r = d.rel;
    for (let i = 0; i < r.n; i++) {
      const e = ids.entityOf[d.offset + d.trace[i]!]!;
      const t = r.t[i]!;
      const day = Math.floor((t + off) / DAY_S);
      if (day < 0 || day >= days) continue;
      const k = e * days + day;
      if (firstT[k] === -1 || t < firstT[k]!) {
        firstT[k] = t;
        firstX[k] = r.x[i]!;
        firstZ[k] = r.z[i]!;
      }
      if (t > lastT[k]!) lastT[k] = t;
    }
  }
  // Per household and day: the slot the home first empties after 06:00 (before then, a sleeping household draws little more than standby), and the slot it fills again.
  const H = meters.households;
  const S = meters.slotS;
  const empty = EMPTY_KWH_PER_HALF_HOUR * (S / 1800);
  const dep = new Int32Array(H * days).fill(-1);
  const ret = new Int32Array(H * days).fill(-1);
  for (let day = 0; day < days; day++) {
    const s0 = Math.max(0, Math.ceil((day * DAY_S + 6 * 3600 - off) / S));
    const s1 = Math.min(meters.slots, Math.floor(((day + 1) * DAY_S - off) / S));
    for (let h = 0; h < H; h++) {
      let dd = -1;
      let rr = -1;
      for (let s = s0; s < s1; s++) {
        const isEmpty = meters.kwh[s * H + h]! <= empty;
        if (dd < 0 && isEmpty) dd = s;
        else if (dd >= 0 && !isEmpty) {
          rr = s;
          break;
        }
      }
      dep[h * days + day] = dd;
      ret[h * days + day] = rr;
    }
  }
  // Households by (slot the home empties, slot it fills again), CSR: the candidates for an
  // identity are those whose home emptied and filled around its first and last sighting of a day.
  const SL = meters.slots;
  const pairStart = new Int32Array(SL * SL + 1);
  for (let k = 0; k < H * days; k++) if (dep[k]! >= 0 && ret[k]! >= 0) pairStart[dep[k]! * SL + ret[k]! + 1]!++;
  for (let q = 0; q < SL * SL; q++) pairStart[q + 1]! += pairStart[q]!;
  const pairFill = pairStart.slice(0, SL * SL);
  const pairHh = new Int32Array(pairStart[SL * SL]!);
  // Households in order of x, so each bucket is sorted by x and a candidate range is a binary search.
  // Households in order of (strip of x, z), so in each bucket a strip's z-range is one binary search.
  const radius = HOME_RADIUS_M + meters.settings.cellM;
  const strip = radius;
  const place = new Float64Array(H);
  for (let h = 0; h < H; h++) place[h] = Number.isFinite(meters.x[h]!) ? Math.floor(meters.x[h]! / strip) * 1e6 + meters.z[h]! : -1;
  const byPlace = Int32Array.from({ length: H }, (_, h) => h).sort((a, b) => place[a]! - place[b]! || a - b);
  for (const h of byPlace) {
    if (place[h]! < 0) continue;
    for (let day = 0; day < days; day++) {
      const k = h * days + day;
      if (dep[k]! >= 0 && ret[k]! >= 0) pairHh[pairFill[dep[k]! * SL + ret[k]!]!++] = h;
    }
  }

  const seen = new Int32Array(H).fill(-1);
  const obsDays = new Int32Array(days);
  const xs = new Float32Array(days);
  const zs = new Float32Array(days);
  let candidates = 0;
  for (let e = 0; e < E; e++) {
    let nd = 0;
    for (let day = 0; day < days; day++) {
      const k = e * days + day;
      if (firstT[k]! < 0 || lastT[k]! - firstT[k]! < 1800) continue;
      obsDays[nd] = day;
      xs[nd] = firstX[k]!;
      zs[nd] = firstZ[k]!;
      nd++;
    }
    if (nd < MIN_DAYS) continue;
    candidates++;
    const ax = median(xs, nd);
    const az = median(zs, nd);
    const need = Math.max(MIN_DAYS, Math.ceil(0.6 * nd));
    let best = -1;
    let b1 = 0;
    let b2 = 0;
    // Any household that fits on `need - 1` days or more fits on one of these seed days (pigeonhole).
    const seeds = Math.min(nd, nd - need + 2);
    for (let j0 = 0; j0 < seeds; j0++) {
      const k0 = e * days + obsDays[j0]!;
      const fs0 = Math.floor(firstT[k0]! / S);
      const ls0 = Math.floor(lastT[k0]! / S);
      for (let ds = Math.max(0, fs0 - 1); ds <= Math.min(SL - 1, fs0 + 1); ds++) {
        for (let rs = Math.max(0, ls0); rs <= Math.min(SL - 1, ls0 + 1); rs++) {
        const bs = pairStart[ds * SL + rs]!;
        const be = pairStart[ds * SL + rs + 1]!;
        for (let st = Math.floor((ax - radius) / strip); st <= Math.floor((ax + radius) / strip); st++) {
        const from = st * 1e6 + az - radius;
        const to = st * 1e6 + az + radius;
        let lo = bs;
        let hi = be;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (place[pairHh[mid]!]! < from) lo = mid + 1;
          else hi = mid;
        }
        for (let q = lo; q < be && place[pairHh[q]!]! <= to; q++) {
          const h = pairHh[q]!;
          if (seen[h] === e) continue;
          seen[h] = e;
          if (Math.abs(meters.x[h]! - ax) > radius || Math.abs(meters.z[h]! - az) > radius) continue;
          let matched = 0;
          for (let j = 0; j < nd; j++) {
            if (matched + (nd - j) < Math.max(need - 1, b2 + 1)) break;
            const day = obsDays[j]!;
            const k = e * days + day;
            const ds = dep[h * days + day]!;
            const rs = ret[h * days + day]!;
            const fs = Math.floor(firstT[k]! / S);
            const ls = Math.floor(lastT[k]! / S);
            if (ds >= 0 && ds >= fs - 1 && ds <= fs + 1 && rs >= ls && rs <= ls + 1) matched++;
          }
          if (matched > b1) {
            b2 = b1;
            b1 = matched;
            best = h;
          } else if (matched > b2) b2 = matched;
        }
        }
        }
      }
    }
    if (best >= 0 && b1 >= need && b1 - b2 >= 2) {
      household[e] = best;
      confidence[e] = (b1 - b2) / nd;
    }
  }
  return { household, confidence, candidates };
}

function median(a: Float32Array, n: number): number {
  const s = Array.from(a.subarray(0, n)).sort((x, y) => x - y);
  return s[Math.floor(n / 2)]!;
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
