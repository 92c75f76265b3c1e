/**
 * Traffic-signal assets from OpenStreetMap's highway=traffic_signals nodes. OSM puts the tag on the
 * junction node or on each stop line a few metres before it, so every signal node goes to the
 * nearest junction the traffic model can control — one with at least 3 approaches, as it counts
 * them (links from distinct upstream nodes) — and each junction gets one asset. What does not
 * become an asset is reported with the reason, so the importer's count is the run's count.
 */
import { assetId, type AssetSpec } from '../../sim';
import type { OsmData, OsmNode } from '../import/osm';
import { byOsmId } from './osm-graph';

type Pt = readonly [number, number];

/** A stop line further than this from its junction is not taken for one of its arms. */
const REACH_M = 30;

export type SignalFate =
  /** Became the junction's signal asset. */
  | 'signalised'
  /** A stop line of a junction another node already signals. */
  | 'same-junction'
  /** Nearest junction has fewer than 3 approaches (a fork, a slip road's stop line): nothing to control. */
  | 'fork'
  /** No junction within REACH_M: a signalled crossing mid-way, or on a piece not kept. */
  | 'mid-way'
  /** Outside the imported area. */
  | 'outside';

export interface SignalNode {
  readonly node: string;
  readonly fate: SignalFate;
  /** The junction node it went to or was nearest, if any. */
  readonly junction: string | null;
}

export type OsmSignal = Omit<AssetSpec, 'vendor' | 'remoteAccess'>;

export function placeSignals(
  osm: OsmData,
  roads: readonly { na: string; nb: string; oneway: boolean }[],
  project: (n: OsmNode) => [number, number],
  inside: (p: Pt) => boolean,
  district: string,
): { signals: OsmSignal[]; nodes: SignalNode[] } {
  const ends = new Map<string, Set<string>>();
  const ups = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
  for (const s of roads) {
    add(ends, s.na, s.nb);
    add(ends, s.nb, s.na);
    add(ups, s.nb, s.na);
    if (!s.oneway) add(ups, s.na, s.nb);
  }
  const junctions = [...ends.entries()]
    .filter(([, nb]) => nb.size >= 3)
    .map(([n]) => ({ n, p: project(osm.nodes.get(n)!), controllable: (ups.get(n)?.size ?? 0) >= 3 }))
    .sort((a, b) => byOsmId(a.n, b.n));
  const nearest = (p: Pt, controllable: boolean) => {
    let best: string | null = null;
    let bd = REACH_M;
    for (const j of junctions) {
      if (controllable && !j.controllable) continue;
      const d = Math.hypot(p[0] - j.p[0], p[1] - j.p[1]);
      if (d < bd) {
        bd = d;
        best = j.n;
      }
    }
    return best;
  };
  const taken = new Map<string, string>();
  const nodes: SignalNode[] = [];
  const ids = [...osm.nodes.entries()]
    .filter(([, n]) => n.tags?.highway === 'traffic_signals')
    .map(([id]) => id)
    .sort(byOsmId);
  for (const id of ids) {
    const p = project(osm.nodes.get(id)!);
    const j = nearest(p, true);
    if (j !== null && !taken.has(j)) {
      taken.set(j, id);
      nodes.push({ node: id, fate: 'signalised', junction: j });
    } else if (j !== null) nodes.push({ node: id, fate: 'same-junction', junction: j });
    else if (!inside(p)) nodes.push({ node: id, fate: 'outside', junction: null });
    else {
      const fork = nearest(p, false);
      nodes.push({ node: id, fate: fork !== null ? 'fork' : 'mid-way', junction: fork });
    }
  }
  const signals = [...taken.entries()].map(([junction, id]) => {
    const p = project(osm.nodes.get(junction)!);
    return {
      id: assetId(`signal-osm-${id}`),
      kind: 'traffic-signal',
      subsystem: 'traffic' as const,
      name: `Signals at OSM node ${id}`,
      position: [round1(p[0]), round1(p[1])] as const,
      district,
      population: 0,
      critical: false,
    };
  });
  return { signals, nodes };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** One line on the signal nodes that did not become assets, e.g. "31 stop lines of junctions already signalised, 1 at a fork (node 92…)". */
export function describeSignalNodes(nodes: readonly SignalNode[]): string {
  const count = (f: SignalFate) => nodes.filter((n) => n.fate === f).length;
  const forks = nodes.filter((n) => n.fate === 'fork').map((n) => n.node);
  const parts = [
    count('same-junction') > 0 ? `${count('same-junction')} more stop line(s) of a signalised junction` : '',
    forks.length > 0
      ? `${forks.length} dropped at a junction with fewer than 3 approaches, which has nothing to control (node ${forks.slice(0, 5).join(', ')}${forks.length > 5 ? ', …' : ''})`
      : '',
    count('mid-way') > 0 ? `${count('mid-way')} dropped away from any junction (a signalled crossing, or on a piece not kept)` : '',
    count('outside') > 0 ? `${count('outside')} outside the area` : '',
  ].filter(Boolean);
  return `${nodes.length} signal node(s): ${count('signalised')} signalised junction(s)${parts.length > 0 ? `; ${parts.join('; ')}` : ''}`;
}
