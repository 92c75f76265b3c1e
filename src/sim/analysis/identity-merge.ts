/**
 * The merge of linked pseudonyms into identities that an attacker would really make. One person
 * carries one pseudonym of a dataset at a time: one overall when pseudonyms never rotate, one a day
 * when they rotate daily. So links are applied strongest first, and two identities are merged only
 * when no dataset then has two pseudonyms in one identity on the same day (or, never rotated, at
 * all); a weaker link that contradicts what stronger ones built is refused. Plain connected
 * components (chaining) instead let one wrong link pull two people into one identity, and their
 * wrong links more, so that data made coarser, with fewer links, re-identified more people.
 *
 * Strongest means the most co-occurrences, then the fewest with the runner-up, then the order the
 * links were found in, so the result does not depend on anything but the data. Each identity keeps
 * a bit set of its (dataset, day) keys: two identities conflict when their sets meet (each key
 * stands for one of its pseudonyms, and no pseudonym is in both), and a merge is an OR. A key set
 * is at most datasets × days bits, so a union costs a word or two and the whole merge is the sort
 * of the links plus near-linear union–find. Days are those of the pseudonyms' rotation, which the
 * data shows (`rotationPhase`).
 */
import type { ReleasedRecords } from '../population';
import type { TraceGroups } from './point-index';
import { DAY_S } from '../core';
import { radixSortKeys } from './radix-sort';

const MINUTES = 1440;

/** A held dataset as the merge sees it: its traces' offset among all nodes, and its records grouped by trace (absent when it linked nothing). */
export interface MergeDataset {
  readonly rel: ReleasedRecords;
  readonly traces: number;
  readonly offset: number;
  readonly groups: TraceGroups | undefined;
}

/** Accepted links between nodes (traces offset into one numbering), with how strongly each was made. */
export class LinkList {
  readonly a: number[] = [];
  readonly b: number[] = [];
  /** Co-occurrences with the linked pseudonym, and with the runner-up. */
  readonly c1: number[] = [];
  readonly c2: number[] = [];
  /** Which dataset pair made the link. */
  readonly pair: number[] = [];
  add(a: number, b: number, c1: number, c2: number, pair: number): void {
    this.a.push(a);
    this.b.push(b);
    this.c1.push(c1);
    this.c2.push(c2);
    this.pair.push(pair);
  }
  get length(): number {
    return this.a.length;
  }
}

/**
 * The time of day (s, in [0, 86400) of run time) at which a daily-rotated dataset's pseudonyms
 * change, read off the data as the minute that the fewest pseudonyms are seen on both sides of:
 * none, at the true moment of rotation. Of several, the middle of the longest run of them (a
 * quiet night holds only pseudonyms seen once, which place nothing); 0 when nothing tells.
 */
export function rotationPhase(g: TraceGroups): number {
  const diff = new Int32Array(2 * MINUTES + 1);
  for (let tr = 0; tr < g.traces; tr++) {
    const s = g.start[tr]!;
    const e = g.start[tr + 1]!;
    if (e - s < 2) continue;
    let f = g.t[s]!;
    let l = f;
    for (let j = s + 1; j < e; j++) {
      const t = g.t[j]!;
      if (t < f) f = t;
      else if (t > l) l = t;
    }
    const span = l - f;
    if (span <= 0 || span >= DAY_S) continue;
    const fs = ((f % DAY_S) + DAY_S) % DAY_S;
    // Minutes m whose moment m·60 s, counted on from fs, lies strictly inside (fs, fs + span).
    const m0 = Math.floor(fs / 60) + 1;
    const m1 = Math.ceil((fs + span) / 60) - 1;
    if (m1 < m0) continue;
    diff[m0]!++;
    diff[m1 + 1]!--;
  }
  const cover = new Int32Array(MINUTES);
  let run = 0;
  for (let m = 0; m < 2 * MINUTES; m++) {
    run += diff[m]!;
    cover[m % MINUTES]! += run;
  }
  let min = cover[0]!;
  for (let m = 1; m < MINUTES; m++) if (cover[m]! < min) min = cover[m]!;
  // Longest cyclic run of minutes at the minimum, starting from one that follows a minute above it.
  let from = -1;
  for (let m = 0; m < MINUTES; m++)
    if (cover[m] === min && cover[(m + MINUTES - 1) % MINUTES] !== min) {
      from = m;
      break;
    }
  if (from < 0) return 0;
  let bestStart = from;
  let bestLen = 0;
  for (let k = 0; k < MINUTES;) {
    const m = (from + k) % MINUTES;
    if (cover[m] !== min) {
      k++;
      continue;
    }
    let len = 0;
    while (len < MINUTES - k && cover[(m + len) % MINUTES] === min) len++;
    if (len > bestLen) {
      bestLen = len;
      bestStart = m;
    }
    k += len;
  }
  return ((bestStart + (bestLen >> 1)) % MINUTES) * 60;
}

/** Per dataset: where its keys start in an identity's bit set, and how a record's time becomes its key. */
interface KeyLayout {
  readonly base: number;
  /** Daily rotation: the day boundary (s of run time, mod a day) and the first day; null when one key covers all. */
  readonly phase: number | null;
  readonly day0: number;
}

function keyLayouts(datasets: readonly MergeDataset[]): { layouts: KeyLayout[]; words: number } {
  let bits = 0;
  const layouts = datasets.map((d): KeyLayout => {
    const base = bits;
    const g = d.groups;
    const n = g ? g.start[g.traces]! : 0;
    if (!g || d.rel.settings.rotation !== 'daily' || n === 0) {
      bits++;
      return { base, phase: null, day0: 0 };
    }
    const phase = rotationPhase(g);
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < n; j++) {
      const day = Math.floor((g.t[j]! - phase) / DAY_S);
      if (day < lo) lo = day;
      if (day > hi) hi = day;
    }
    bits += hi - lo + 1;
    return { base, phase, day0: lo };
  });
  return { layouts, words: Math.max(1, Math.ceil(bits / 32)) };
}

const SORT_CAP = 8191;
const INDEX_BITS = 2 ** 25;

/** Link indices strongest first: most co-occurrences, then the weakest runner-up, then the order they were found in. */
function strongestFirst(links: LinkList): Int32Array {
  const L = links.length;
  const order = new Int32Array(L);
  if (L < INDEX_BITS) {
    const keys = new Float64Array(L);
    for (let i = 0; i < L; i++) {
      const c1 = Math.min(links.c1[i]!, SORT_CAP);
      const c2 = Math.min(links.c2[i]!, SORT_CAP);
      keys[i] = ((SORT_CAP - c1) * (SORT_CAP + 1) + c2) * INDEX_BITS + i;
    }
    radixSortKeys(keys);
    for (let i = 0; i < L; i++) order[i] = keys[i]! % INDEX_BITS;
    return order;
  }
  for (let i = 0; i < L; i++) order[i] = i;
  return order.sort((x, y) => links.c1[y]! - links.c1[x]! || links.c2[x]! - links.c2[y]! || x - y);
}

/**
 * Merges nodes (the traces of all datasets) into identities through the links, strongest first,
 * refusing any merge that puts two pseudonyms of one dataset into one identity on the same day.
 * Returns each node's identity (numbered in order of each identity's first node) and, per
 * dataset pair, how many of its links stood.
 */
export function mergeConstrained(
  datasets: readonly MergeDataset[],
  nodes: number,
  links: LinkList,
  pairs: number,
): { entityOf: Int32Array; entities: number; applied: Int32Array } {
  const { layouts, words: W } = keyLayouts(datasets);
  const parent = new Int32Array(nodes);
  for (let i = 0; i < nodes; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[i] !== r) {
      const n = parent[i]!;
      parent[i] = r;
      i = n;
    }
    return r;
  };
  // Key sets and sizes only for nodes some link touches, in slots handed out as they are first met.
  const slotOf = new Int32Array(nodes).fill(-1);
  const keys = new Int32Array(2 * links.length * W);
  const size = new Int32Array(2 * links.length);
  let slots = 0;
  const slot = (node: number): number => {
    let s = slotOf[node]!;
    if (s >= 0) return s;
    s = slotOf[node] = slots++;
    size[s] = 1;
    let k = 0;
    while (node >= datasets[k]!.offset + datasets[k]!.traces) k++;
    // A node some link touches belongs to a dataset that was linked, so was grouped.
    const g = datasets[k]!.groups!;
    const lay = layouts[k]!;
    const tr = node - datasets[k]!.offset;
    for (let j = g.start[tr]!, e = g.start[tr + 1]!; j < e; j++) {
      const bit = lay.base + (lay.phase === null ? 0 : Math.floor((g.t[j]! - lay.phase) / DAY_S) - lay.day0);
      keys[s * W + (bit >>> 5)]! |= 1 << (bit & 31);
      if (lay.phase === null) break;
    }
    return s;
  };

  const applied = new Int32Array(pairs);
  for (const i of strongestFirst(links)) {
    const u = links.a[i]!;
    const v = links.b[i]!;
    slot(u);
    slot(v);
    let ru = find(u);
    let rv = find(v);
    if (ru !== rv) {
      let su = slotOf[ru]! * W;
      let sv = slotOf[rv]! * W;
      let clash = false;
      for (let w = 0; w < W; w++) if (keys[su + w]! & keys[sv + w]!) clash = true;
      if (clash) continue;
      // The larger identity absorbs the smaller (the lower node on a tie).
      const zu = size[slotOf[ru]!]!;
      const zv = size[slotOf[rv]!]!;
      if (zv > zu || (zv === zu && rv < ru)) {
        [ru, rv] = [rv, ru];
        [su, sv] = [sv, su];
      }
      parent[rv] = ru;
      size[slotOf[ru]!]! += size[slotOf[rv]!]!;
      for (let w = 0; w < W; w++) keys[su + w]! |= keys[sv + w]!;
    }
    applied[links.pair[i]!]!++;
  }

  const entityOf = new Int32Array(nodes);
  const idOf = new Int32Array(nodes).fill(-1);
  let entities = 0;
  for (let i = 0; i < nodes; i++) {
    const r = find(i);
    if (idOf[r] === -1) idOf[r] = entities++;
    entityOf[i] = idOf[r]!;
  }
  return { entityOf, entities, applied };
}
