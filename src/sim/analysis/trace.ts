/**
 * One illustrative trace: what the attacker can reconstruct about a single synthetic resident
 * over one day, from the datasets it holds — the records it has, how their pseudonyms were joined,
 * the home the smart meters give away and the sensitive site it places them at — beside what the
 * simulation knows to be true. Exactly one resident, chosen without looking at anything but index
 * order: the first the attacker ties to the right household and also sees at a sensitive site's
 * camera; failing that, the first it ties to the right household; failing that, nobody. Everything
 * else in the privacy analysis is an aggregate; this is the one exception the panel allows.
 */
import { type DatasetId, type PopulationSubsystem, type ReleasedMeters } from '../population';
import type { HomeMatches } from './homes';
import type { Identities } from './linkage';
import { occupancyThreshold } from './meter-occupancy';
import { DAY_S } from '../core';
import { alias, explainJoins, type TraceJoin } from './trace-joins';

export type { TraceJoin } from './trace-joins';

/** A true visit counts as the inferred one if the arrival was this long before the sighting or less. */
const VISIT_WINDOW_S = 4 * 3600;
const MAX_POINTS = 80;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface TracePoint {
  /** Clock seconds after the day's midnight (start of the dataset's time bin). */
  readonly clockS: number;
  /** Where, at the dataset's anonymised resolution (sensor position or cell centre). */
  readonly x: number;
  readonly z: number;
  readonly dataset: DatasetId;
  /** The first hex digits of the pseudonym this record carries. */
  readonly alias: string;
  /** Sensitive site whose door camera took this record, or null. */
  readonly site: string | null;
}

export interface TraceSite {
  readonly site: string;
  readonly name: string;
  readonly kind: string;
  readonly x: number;
  readonly z: number;
}

export interface IllustrativeTrace {
  readonly status: 'traced' | 'none';
  /** Why nobody can be traced (status 'none'). */
  readonly reason: string | null;
  /** "Resident R-0042 (synthetic)". */
  readonly label: string;
  /** 'site': re-identified and placed at a sensitive site; 'home': only re-identified. */
  readonly chosen: 'site' | 'home' | null;
  /** Datasets the attacker works from. */
  readonly datasets: readonly DatasetId[];
  readonly day: { readonly index: number; readonly weekday: string; /** Days after the run began (negative: before). */ readonly ofRun: number } | null;
  /** Across every day held: records and pseudonyms merged into this one identity, and the days it was seen. */
  readonly records: number;
  readonly pseudonyms: number;
  readonly daysSeen: number;
  /** Records per dataset over all days. */
  readonly byDataset: readonly { readonly dataset: DatasetId; readonly records: number; readonly pseudonyms: number }[];
  /** The chosen day's records in time order. */
  readonly points: readonly TracePoint[];
  readonly joins: readonly TraceJoin[];
  /** The inferred home: the meter's cell, its pseudonym, and when the meter shows it emptying and filling that day. */
  readonly home: {
    readonly x: number;
    readonly z: number;
    readonly cellM: number;
    readonly alias: string;
    readonly confidence: number;
    readonly leftClockS: number | null;
    readonly backClockS: number | null;
  } | null;
  /** The sensitive site the attacker places them at that day, and when. */
  readonly site: (TraceSite & { readonly clockS: number }) | null;
  /** What the simulation knows (never read by the attack). */
  readonly actual: {
    readonly homeX: number;
    readonly homeZ: number;
    readonly homeRight: boolean;
    /** Sensitive sites this resident truly arrived at that day. */
    readonly visits: readonly (TraceSite & { readonly clockS: number })[];
    /** Null when no site was inferred. */
    readonly siteRight: boolean | null;
    /** Records merged into the identity that belong to someone else. */
    readonly othersRecords: number;
  } | null;
}

function none(reason: string, datasets: readonly DatasetId[]): IllustrativeTrace {
  return {
    status: 'none',
    reason,
    label: '',
    chosen: null,
    datasets,
    day: null,
    records: 0,
    pseudonyms: 0,
    daysSeen: 0,
    byDataset: [],
    points: [],
    joins: [],
    home: null,
    site: null,
    actual: null,
  };
}

/**
 * Builds the trace from the linkage already run: `ids` over the held record datasets, `homes` and
 * `meters` when smart-meter data is held.
 */
export function illustrativeTrace(p: PopulationSubsystem, ids: Identities, homes: HomeMatches | null, meters: ReleasedMeters | null): IllustrativeTrace {
  const held: DatasetId[] = [...ids.datasets.map((d) => d.rel.dataset), ...(meters ? (['meter'] as const) : [])];
  if (!meters) return none('The attacker holds no smart-meter readings, so it cannot tie anyone to a home.', held);
  if (ids.datasets.every((d) => d.rel.n === 0)) return none('The attacker holds no records of where people went, so there is no trace to follow.', held);
  if (!homes) return none('Nobody is tied to a household from what the attacker holds.', held);
  const P = p.people;
  const E = ids.entities;
  const off = p.input.startHour * 3600;
  const dayOf = (t: number) => Math.floor((t + off) / DAY_S);

  // Who each identity is (the truth of its first record), for choosing and scoring only.
  const personOf = new Int32Array(E).fill(-1);
  for (const d of ids.datasets)
    for (let i = 0; i < d.rel.n; i++) {
      const e = ids.entityOf[d.offset + d.trace[i]!]!;
      if (personOf[e] === -1) personOf[e] = d.rel.truth[i]!;
    }
  const rightHome = (e: number) => {
    const h = homes.household[e]!;
    return h >= 0 && personOf[e]! >= 0 && P.household[personOf[e]!] === meters.truth[h];
  };

  // Sensitive-site cameras, as the attacker reads them off the published camera register.
  const sites = p.input.sensitive.map((s, si) => ({ si, spec: s, cam: p.sensors.buildingSensor[s.building]! })).filter((s) => s.cam >= 0);
  // Each camera's place at each cell size a held dataset uses (snapped as the dataset's records are).
  const snapped = new Map<number, { si: number; x: number; z: number }[]>();
  const siteAt = (cell: number, x: number, z: number): number => {
    let at = snapped.get(cell);
    if (!at) {
      const snap = (v: number) => (cell > 0 ? (Math.floor(v / cell) + 0.5) * cell : v);
      snapped.set(cell, (at = sites.map((s) => ({ si: s.si, x: snap(p.sensors.x[s.cam]!), z: snap(p.sensors.z[s.cam]!) }))));
    }
    for (const s of at) if (Math.abs(x - s.x) <= 1 && Math.abs(z - s.z) <= 1) return s.si;
    return -1;
  };
  const atSite = new Uint8Array(E);
  const recordsOf = new Int32Array(E);
  for (const d of ids.datasets)
    for (let i = 0; i < d.rel.n; i++) {
      const e = ids.entityOf[d.offset + d.trace[i]!]!;
      recordsOf[e]!++;
      if (!atSite[e] && rightHome(e) && siteAt(d.rel.settings.cellM, d.rel.x[i]!, d.rel.z[i]!) >= 0) atSite[e] = 1;
    }
  let chosen = -1;
  let why: 'site' | 'home' = 'site';
  for (const pass of ['site', 'home'] as const) {
    for (let e = 0; e < E; e++) {
      if (!rightHome(e) || (pass === 'site' && !atSite[e])) continue;
      const c = chosen;
      if (c < 0 || personOf[e]! < personOf[c]! || (personOf[e] === personOf[c] && recordsOf[e]! > recordsOf[c]!)) chosen = e;
    }
    if (chosen >= 0) {
      why = pass;
      break;
    }
  }
  if (chosen < 0) return none('Nobody is tied to their household from what the attacker holds, so there is no one to trace.', held);
  const e = chosen;
  const person = personOf[e]!;

  // Every record of the identity, the days it was seen, and the day to show.
  interface Rec {
    k: number;
    i: number;
    t: number;
    site: number;
  }
  const recs: Rec[] = [];
  const perDay = new Map<number, { n: number; site: boolean }>();
  const byDataset = ids.datasets.map((d) => ({ dataset: d.rel.dataset, records: 0, pseudonyms: 0 }));
  ids.datasets.forEach((d, k) => {
    for (let t = 0; t < d.traces; t++) if (ids.entityOf[d.offset + t] === e) byDataset[k]!.pseudonyms++;
    for (let i = 0; i < d.rel.n; i++) {
      if (ids.entityOf[d.offset + d.trace[i]!] !== e) continue;
      const r = { k, i, t: d.rel.t[i]!, site: siteAt(d.rel.settings.cellM, d.rel.x[i]!, d.rel.z[i]!) };
      recs.push(r);
      byDataset[k]!.records++;
      const day = perDay.get(dayOf(r.t)) ?? { n: 0, site: false };
      day.n++;
      day.site ||= r.site >= 0;
      perDay.set(dayOf(r.t), day);
    }
  });
  let day = -1;
  for (const [d, v] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
    if (why === 'site' && !v.site) continue;
    if (day < 0 || v.n >= perDay.get(day)!.n) day = d;
  }
  const dayStart = day * DAY_S - off;
  const today = recs.filter((r) => dayOf(r.t) === day).sort((a, b) => a.t - b.t || a.k - b.k || a.i - b.i);
  const points: TracePoint[] = today.slice(0, MAX_POINTS).map((r) => {
    const rel = ids.datasets[r.k]!.rel;
    return {
      clockS: r.t - dayStart,
      x: rel.x[r.i]!,
      z: rel.z[r.i]!,
      dataset: rel.dataset,
      alias: alias(rel.pid[r.i]!),
      site: r.site >= 0 ? p.input.sensitive[r.site]!.id : null,
    };
  });
  let othersRecords = 0;
  for (const r of recs) if (ids.datasets[r.k]!.rel.truth[r.i] !== person) othersRecords++;

  // The home: the meter's cell, and when it emptied and filled that day.
  const h = homes.household[e]!;
  const slot = meters.slotS;
  const H = meters.households;
  // Read as homes.ts reads it: against the household's own night-time baseline.
  const empty = occupancyThreshold(meters, off, h);
  let left: number | null = null;
  let back: number | null = null;
  for (let s = Math.max(0, Math.ceil((dayStart + 6 * 3600) / slot)); s < Math.min(meters.slots, Math.floor((dayStart + DAY_S) / slot)); s++) {
    const isEmpty = meters.kwh[s * H + h]! <= empty;
    if (left === null && isEmpty) left = s * slot - dayStart;
    else if (left !== null && !isEmpty) {
      back = s * slot - dayStart;
      break;
    }
  }
  const home = {
    x: meters.x[h]!,
    z: meters.z[h]!,
    cellM: meters.settings.cellM,
    alias: alias(meters.pid[h]!),
    confidence: Math.round(homes.confidence[e]! * 1000) / 1000,
    leftClockS: left,
    backClockS: back,
  };

  // The site: the first sighting at a sensitive site's camera that day; right if they truly arrived there shortly before.
  const siteOf = (si: number): TraceSite => {
    const s = p.input.sensitive[si]!;
    return { site: s.id, name: s.name, kind: s.kind, x: p.buildings.x[s.building]!, z: p.buildings.z[s.building]! };
  };
  const first = today.find((r) => r.site >= 0);
  const site = first ? { ...siteOf(first.site), clockS: first.t - dayStart } : null;
  const V = p.logs.visits;
  const visits: (TraceSite & { clockS: number })[] = [];
  let siteRight: boolean | null = first ? false : null;
  const bin = first ? Math.max(60, ids.datasets[first.k]!.rel.settings.binS) : 0;
  for (let i = 0; i < V.count; i++) {
    if (V.id(i) !== person) continue;
    const t = V.t(i);
    if (dayOf(t) === day) visits.push({ ...siteOf(V.sensor(i)), clockS: t - dayStart });
    if (first && V.sensor(i) === first.site && t >= first.t - VISIT_WINDOW_S && t <= first.t + bin) siteRight = true;
  }

  return {
    status: 'traced',
    reason: null,
    label: `Resident R-${String(person).padStart(4, '0')} (synthetic)`,
    chosen: why,
    datasets: held,
    day: { index: day, weekday: WEEKDAYS[p.weekday(day)]!, ofRun: day - Math.round(p.historyS / DAY_S) },
    records: recs.length,
    pseudonyms: byDataset.reduce((a, b) => a + b.pseudonyms, 0),
    daysSeen: perDay.size,
    byDataset: byDataset.filter((b) => b.records > 0),
    points,
    joins: explainJoins(ids, e, day, off),
    home,
    site,
    actual: {
      homeX: p.buildings.x[P.home[person]!]!,
      homeZ: p.buildings.z[P.home[person]!]!,
      homeRight: meters.truth[h] === P.household[person],
      visits,
      siteRight,
      othersRecords,
    },
  };
}
