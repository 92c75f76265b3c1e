/**
 * How the pseudonyms of one identity were joined, in words the panel can show: for each pair of
 * its pseudonyms in two datasets, the places and times where both were recorded — the same cell
 * (centred, at least 50 m) and the same time bin (at least a minute), as the linkage attack
 * matches them. Only pairs the attack would try (each dataset with the Wi-Fi hub when it is held)
 * and met at least twice; a few example matches each, from the shown day first.
 */
import type { DatasetId } from '../population';
import { DAY_S } from '../core';
import { linkBinS, linkCellM, type Identities } from './linkage';

const MAX_JOINS = 12;
const EXAMPLES = 3;

export interface TraceJoin {
  readonly a: DatasetId;
  readonly aliasA: string;
  readonly b: DatasetId;
  readonly aliasB: string;
  /** Records of `a`'s pseudonym at a place and time where `b`'s was recorded too. */
  readonly matches: number;
  /** A few of them: clock seconds after their day's midnight, day index, place (cell centre). */
  readonly examples: readonly { readonly day: number; readonly clockS: number; readonly x: number; readonly z: number }[];
}

/** The first hex digits of a pseudonym: enough to tell two apart on screen. */
export const alias = (v: number) => (v >>> 0).toString(16).padStart(8, '0').slice(0, 6);

export function explainJoins(ids: Identities, e: number, shownDay: number, offS: number): TraceJoin[] {
  // Per dataset: this identity's records grouped by pseudonym (dense trace number).
  const mine = ids.datasets.map((d) => {
    const by = new Map<number, number[]>();
    for (let i = 0; i < d.rel.n; i++) {
      const tr = d.trace[i]!;
      if (ids.entityOf[d.offset + tr] !== e) continue;
      let l = by.get(tr);
      if (!l) by.set(tr, (l = []));
      l.push(i);
    }
    return by;
  });
  const hub = ids.datasets.findIndex((d) => d.rel.dataset === 'wifi' && d.rel.settings.rotation !== 'per-record');
  const out: TraceJoin[] = [];
  for (let ka = 0; ka < ids.datasets.length; ka++) {
    for (let kb = ka + 1; kb < ids.datasets.length; kb++) {
      if (hub >= 0 && ka !== hub && kb !== hub) continue;
      const A = ids.datasets[ka]!.rel;
      const B = ids.datasets[kb]!.rel;
      if (A.settings.rotation === 'per-record' || B.settings.rotation === 'per-record') continue;
      const cell = linkCellM(A, B);
      const bin = linkBinS(A, B);
      const key = (x: number, z: number, t: number) => `${Math.round(x / cell)},${Math.round(z / cell)},${Math.floor(t / bin)}`;
      for (const ra of mine[ka]!.values()) {
        for (const rb of mine[kb]!.values()) {
          const keysB = new Set(rb.map((i) => key(B.x[i]!, B.z[i]!, B.t[i]!)));
          const hits = ra.filter((i) => keysB.has(key(A.x[i]!, A.z[i]!, A.t[i]!)));
          if (hits.length < 2) continue;
          const dayOf = (i: number) => Math.floor((A.t[i]! + offS) / DAY_S);
          const shown = [...hits.filter((i) => dayOf(i) === shownDay), ...hits.filter((i) => dayOf(i) !== shownDay)].slice(0, EXAMPLES);
          out.push({
            a: A.dataset,
            aliasA: alias(A.pid[ra[0]!]!),
            b: B.dataset,
            aliasB: alias(B.pid[rb[0]!]!),
            matches: hits.length,
            examples: shown.map((i) => ({
              day: dayOf(i),
              clockS: A.t[i]! + offS - dayOf(i) * DAY_S,
              x: Math.round(x0(A.x[i]!, cell)),
              z: Math.round(x0(A.z[i]!, cell)),
            })),
          });
        }
      }
    }
  }
  // Joins that touch the shown day first, then the strongest.
  const touches = (j: TraceJoin) => (j.examples.some((x) => x.day === shownDay) ? 1 : 0);
  return out
    .sort((a, b) => touches(b) - touches(a) || b.matches - a.matches || cmp(a.a, b.a) || cmp(a.aliasA, b.aliasA) || cmp(a.aliasB, b.aliasB))
    .slice(0, MAX_JOINS);
}

/** The centre of the linkage cell a coordinate falls in. */
const x0 = (v: number, cell: number) => Math.round(v / cell) * cell;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
