/**
 * The generated city's electricity grid: a 33 kV network of primary substations (one bus each)
 * fed from a grid supply point, meshed as a ring around the city centre with cross-links from the
 * centre, plus two local generators. Each bus carries the load of every asset whose power comes
 * from that substation, split into critical (hospital, water, comms), normal and deferrable load.
 * Line ratings are sized from the intact grid's own flows (about 60% loading), so the grid is
 * sound as built but has little slack when several substations are lost at once.
 *
 * A town from OpenStreetMap brings what it maps (GridOptions): lines that join its substations are
 * the branches (with links synthesised only to join what they leave apart), its industry's load,
 * and its power stations as generators.
 */
import type { EdgeSpec } from '../../sim';
import { power, type PowerInput } from '../../sim';
import type { GeneratedAsset } from './infrastructure';
import type { Pt } from './geometry';

/** Average demand per asset kind, MW, and whether it is critical (shed last). */
const SITE_LOAD: Record<string, { mw: number; critical: boolean }> = {
  hospital: { mw: 5, critical: true },
  'pumping-station': { mw: 1.2, critical: true },
  'water-treatment': { mw: 3, critical: true },
  'data-centre': { mw: 6, critical: true },
  'police-hq': { mw: 0.6, critical: true },
  'transit-hub': { mw: 2, critical: true },
  'comms-aggregation': { mw: 0.05, critical: true },
  'access-switch': { mw: 0.005, critical: true },
  'council-office': { mw: 0.5, critical: false },
  school: { mw: 0.3, critical: false },
  clinic: { mw: 0.1, critical: false },
  'place-of-worship': { mw: 0.05, critical: false },
  'job-centre': { mw: 0.1, critical: false },
  'traffic-signal': { mw: 0.002, critical: false },
};
/** Residential and local-commerce demand per resident (about the UK average), kW. */
const KW_PER_RESIDENT = 1.1;
const DEFERRABLE_SHARE = 0.2;
const INDUSTRY_MW: Record<string, number> = { 'substation-eastfield': 30, 'substation-canal-works': 20 };
/** 33 kV cable reactance: about 0.3 Ω/km on a 10.9 Ω base (33 kV, 100 MVA). */
const X_PER_KM = 0.03;
const TARGET_LOADING = 0.6;

export interface GridOptions {
  /** Mapped lines between bus assets: the branch's id, its ends (asset ids) and its length. */
  readonly lines?: readonly { readonly id: string; readonly from: string; readonly to: string; readonly km: number }[];
  /** Industrial and commercial load per bus asset, MW (30% of it deferrable); default the generated city's. */
  readonly industryMW?: Readonly<Record<string, number>>;
  /** Mapped power stations: the bus asset they feed and their capacity. */
  readonly generators?: readonly { readonly id: string; readonly bus: string; readonly pmaxMW: number }[];
}

export function makeCityGrid(assets: readonly GeneratedAsset[], edges: readonly EdgeSpec[], centre: Pt, opts: GridOptions = {}): PowerInput | null {
  const gsp = assets.find((a) => a.kind === 'grid-supply-point');
  const subs = assets.filter((a) => a.kind === 'substation');
  if (!gsp || subs.length < 2) return null;
  const busAssets = [gsp, ...subs];
  const busOf = new Map(busAssets.map((a, i) => [a.id as string, i]));
  const pd = new Float64Array(busAssets.length);
  const critical = new Float64Array(busAssets.length);
  const deferrable = new Float64Array(busAssets.length);
  const kindOf = new Map(assets.map((a) => [a.id as string, a]));
  for (const e of edges) {
    if (e.resource !== 'power') continue;
    const b = busOf.get(e.from);
    const a = kindOf.get(e.to);
    if (b === undefined || !a) continue;
    if (a.population > 0) {
      const mw = (a.population * KW_PER_RESIDENT) / 1000;
      pd[b] = pd[b]! + mw;
      deferrable[b] = deferrable[b]! + mw * DEFERRABLE_SHARE;
    } else {
      const site = SITE_LOAD[a.kind];
      if (!site) continue;
      pd[b] = pd[b]! + site.mw;
      if (site.critical) critical[b] = critical[b]! + site.mw;
    }
  }
  for (const [id, mw] of Object.entries(opts.industryMW ?? INDUSTRY_MW)) {
    const b = busOf.get(id);
    if (b === undefined) continue;
    pd[b] = pd[b]! + mw;
    deferrable[b] = deferrable[b]! + mw * 0.3;
  }
  const total = pd.reduce((s, x) => s + x, 0);

  // Ring by angle around the centre, the grid supply point tied to its two nearest substations,
  // and cross-links from the central substations to their nearest neighbours.
  const pos = (i: number) => busAssets[i]!.position;
  const km = (i: number, j: number) => Math.hypot(pos(i)[0] - pos(j)[0], pos(i)[1] - pos(j)[1]) / 1000;
  const ring = subs
    .map((_, k) => k + 1)
    .sort((i, j) => Math.atan2(pos(i)[1] - centre[1], pos(i)[0] - centre[0]) - Math.atan2(pos(j)[1] - centre[1], pos(j)[0] - centre[0]));
  const pairs: [number, number][] = [];
  const add = (i: number, j: number) => {
    if (i !== j && !pairs.some(([a, b]) => (a === i && b === j) || (a === j && b === i))) pairs.push([i, j]);
  };
  const mapped = (opts.lines ?? []).flatMap((l) => {
    const i = busOf.get(l.from);
    const j = busOf.get(l.to);
    return i !== undefined && j !== undefined && i !== j ? [{ ...l, i, j }] : [];
  });
  const names: string[] = [];
  if (mapped.length > 0) {
    for (const l of mapped) {
      pairs.push([l.i, l.j]);
      names.push(l.id);
    }
    joinIslands(busAssets.length, pairs, km, (i, j) => {
      pairs.push([i, j]);
      names.push('');
    });
  } else {
    ring.forEach((b, k) => add(b, ring[(k + 1) % ring.length]!));
    const nearest = (i: number, n: number) =>
      ring
        .filter((j) => j !== i)
        .sort((a, b) => km(i, a) - km(i, b))
        .slice(0, n);
    for (const j of nearest(0, 2)) add(0, j);
    subs.forEach((s, k) => {
      if (s.district === 'old-town') for (const j of nearest(k + 1, 3)) add(k + 1, j);
      if (s.district === 'market-quarter') for (const j of nearest(k + 1, 2)) add(k + 1, j);
    });
  }

  const gens = [{ bus: 1, pgMW: total, pminMW: 0, pmaxMW: Math.ceil(total * 1.5), id: 'gsp-import' }];
  const chp = busOf.get('substation-canal-works');
  const solar = busOf.get('substation-elm-park');
  if (chp !== undefined) gens.push({ bus: chp + 1, pgMW: 25, pminMW: 5, pmaxMW: 40, id: 'chp-canal-works' });
  if (solar !== undefined) gens.push({ bus: solar + 1, pgMW: 8, pminMW: 0, pmaxMW: 12, id: 'solar-elm-park' });
  // Mapped power stations run at half their capacity, the grid supply point making up the rest.
  for (const g of opts.generators ?? []) {
    const b = busOf.get(g.bus);
    if (b !== undefined && g.pmaxMW > 0)
      gens.push({ bus: b + 1, pgMW: round(Math.min(g.pmaxMW / 2, total / 2)), pminMW: 0, pmaxMW: round(g.pmaxMW), id: g.id });
  }
  gens[0]!.pgMW = Math.max(0, total - gens.slice(1).reduce((s, g) => s + g.pgMW, 0));

  const spec = {
    baseMVA: 100,
    buses: busAssets.map((_, i) => ({
      id: i + 1,
      type: i === 0 ? 3 : gens.some((g) => g.bus === i + 1) ? 2 : 1,
      pdMW: round(pd[i]!),
      criticalMW: round(critical[i]!),
      deferrableMW: round(deferrable[i]!),
    })),
    gens: gens.map(({ id: _id, ...g }) => g),
    branches: pairs.map(([i, j]) => ({ from: i + 1, to: j + 1, x: round(0.005 + X_PER_KM * km(i, j), 4), rateMW: 0 })),
  };
  let net = power.createNetwork(spec);
  const base = power.solveDc(net);
  net = power.createNetwork({
    ...spec,
    branches: spec.branches.map((b, k) => ({ ...b, rateMW: Math.max(20, Math.ceil(Math.abs(base.flowMW[k]!) / TARGET_LOADING / 5) * 5) })),
  });
  const name = (i: number) => busAssets[i]!.id.replace(/^substation-/, '');
  return {
    network: net,
    busIds: busAssets.map((a) => a.id as string),
    branchIds: pairs.map(([i, j], k) => names[k] || `line-${name(i)}-${name(j)}`),
    genIds: gens.map((g) => g.id),
    busAsset: busAssets.map((a) => a.id as string),
    relay: { ...power.DEFAULT_RELAY },
    protection: true,
    manualRestoreMin: 60,
    remoteRestoreMin: 2,
  };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Adds the shortest link between the island holding bus 0 and the nearest other island, until there is one island. */
function joinIslands(
  n: number,
  pairs: readonly (readonly [number, number])[],
  km: (i: number, j: number) => number,
  link: (i: number, j: number) => void,
): void {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const [i, j] of pairs) parent[find(i)] = find(j);
  for (;;) {
    let best: [number, number] | null = null;
    let bd = Infinity;
    for (let i = 0; i < n; i++) {
      if (find(i) !== find(0)) continue;
      for (let j = 0; j < n; j++) {
        if (find(j) === find(0)) continue;
        const d = km(i, j);
        if (d < bd) [best, bd] = [[i, j], d];
      }
    }
    if (!best) return;
    link(best[0], best[1]);
    parent[find(best[1])] = find(best[0]);
  }
}
