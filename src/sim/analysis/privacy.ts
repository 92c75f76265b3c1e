/**
 * The privacy analysis, run on demand (a query, and at the end of `twin run`), never every tick:
 * the datasets and how each is anonymised and held; unicity of a trace dataset at three
 * resolutions; re-identification by linking what the attacker holds and tying identities to
 * households; and, per sensitive site, how many of its real visitors the attacker attributes to
 * a household, with precision and recall against the truth the simulation knows. Figures are
 * aggregates: nothing here names a synthetic person.
 */
import { Rng, fnv1a32 } from '../core';
import {
  DATASET_IDS,
  DATASET_LABELS,
  describeAnonymisation,
  type Anonymisation,
  type DatasetId,
  type Holding,
  type PopulationSubsystem,
  type ReleasedMeters,
  type ReleasedRecords,
} from '../population';
import { matchHomes } from './homes';
import { mergeIdentities, seenAt, type LinkResult } from './linkage';
import { illustrativeTrace, type IllustrativeTrace } from './trace';
import { buildPointIndex, groupsOf, tracesOf, unicityCurve, type UnicityPoint } from './unicity';

export const UNICITY_RESOLUTIONS: readonly { spatialM: number; temporalS: number }[] = [
  { spatialM: 0, temporalS: 3600 },
  { spatialM: 500, temporalS: 2 * 3600 },
  { spatialM: 1000, temporalS: 4 * 3600 },
];
export const UNICITY_P = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const RECORD_DATASETS = ['anpr', 'face', 'smartcard', 'wifi'] as const;
type RecordDataset = (typeof RECORD_DATASETS)[number];
const isRecordDataset = (d: DatasetId): d is RecordDataset => (RECORD_DATASETS as readonly string[]).includes(d);

export interface PrivacyFinal {
  /** Wall time of each stage (ms): measured, for the bench; not part of the run's hash. */
  timingsMs: Record<string, number>;
  residents: number;
  households: number;
  datasets: {
    id: DatasetId;
    label: string;
    records: number;
    anonymisation: string;
    settings: Anonymisation;
    held: { how: string; atS: number | null } | null;
  }[];
  unicity: (UnicityPoint & { dataset: DatasetId })[];
  reidentified: {
    /** Residents tied to their own household (each once, however many identities of theirs are tied). */
    count: number;
    /** `count` over all residents. */
    share: number;
    /** Identities tied to the wrong household. */
    wrong: number;
    /** Identities tied to a household, right or wrong: the attacker's claims. */
    ties: number;
    /** The attacker's own confidence (its estimate of the chance a tie is right; see homes.ts), averaged over all ties, right and wrong. */
    meanConfidence: number;
    /**
     * Calibration: ties by the attacker's confidence, in bands [from, to) (the last includes 1),
     * and how many of them are right, which only the simulation knows. Bands sum to `ties`.
     */
    byConfidence: ConfidenceBand[];
    /** Identities seen on two days or more: those a home could be tied to. */
    candidates: number;
    byDatasets: { datasets: string[]; count: number }[];
    links: LinkResult[];
  };
  /**
   * The published counts: how many cells are published, withheld (k), or small enough to point at
   * a few people (1 to 4), and what the noise costs in accuracy (mean absolute error, people).
   */
  aggregates: { cellM: number; binS: number; published: number; suppressed: number; smallCounts: number; meanAbsError: number };
  sensitiveSites: {
    site: string;
    name: string;
    kind: string;
    x: number;
    z: number;
    /** The camera that watches its door, or null. */ watchedBy: string | null;
    visitors: number;
    visitorHouseholds: number;
    attributed: number;
    correct: number;
    precision: number;
    recall: number;
  }[];
  /** One resident's reconstructed day (only when asked for with `illustrate`): the single exception to aggregates. */
  illustration?: IllustrativeTrace;
}

export interface ConfidenceBand {
  from: number;
  to: number;
  ties: number;
  right: number;
}

/** The calibration table's bands of confidence. */
export const CONFIDENCE_BANDS = [0, 0.5, 0.8, 0.9, 0.95, 1];

export function confidenceBands(): ConfidenceBand[] {
  return CONFIDENCE_BANDS.slice(1).map((to, i) => ({ from: CONFIDENCE_BANDS[i]!, to, ties: 0, right: 0 }));
}

/** Counts one tie into its band. */
export function addTie(bands: ConfidenceBand[], confidence: number, right: boolean): void {
  let i = 0;
  while (i < bands.length - 1 && confidence >= bands[i]!.to) i++;
  bands[i]!.ties++;
  if (right) bands[i]!.right++;
}

export interface PrivacyOptions {
  /** Analyse these datasets as held now (a what-if), instead of what the attacker has taken. */
  readonly holds?: readonly DatasetId[];
  /** The trace dataset whose unicity is reported (default Wi-Fi probes, the closest to phone data). */
  readonly unicityDataset?: RecordDataset;
  /** Traces sampled per p (default 1,000: a standard error under 2 points; de Montjoye et al. sampled 10,000 of 1.5 million). */
  readonly samples?: number;
  /** Anonymisation overrides for a what-if, per dataset. */
  readonly anonymisation?: Partial<Record<DatasetId, Anonymisation>>;
  /** Also build the one illustrative trace (the panel asks for it; `twin run` does not). */
  readonly illustrate?: boolean;
}

/**
 * Unicity of a released dataset at each resolution asked for — or at the dataset's own, where it
 * is coarser (points cannot be finer than the release): each point carries the resolution used,
 * and a resolution that comes out the same as an earlier one is not repeated.
 */
export function unicityOf(rel: ReleasedRecords, samples: number, resolutions = UNICITY_RESOLUTIONS, ps = UNICITY_P): (UnicityPoint & { dataset: DatasetId })[] {
  const { trace, count } = tracesOf(rel);
  // The records grouped by trace serve every resolution.
  const groups = groupsOf(rel);
  const rng = new Rng(fnv1a32(`unicity:${rel.dataset}`));
  const out: (UnicityPoint & { dataset: DatasetId })[] = [];
  const done = new Set<string>();
  for (const r of resolutions) {
    const spatialM = Math.max(r.spatialM, rel.settings.cellM);
    const temporalS = Math.max(r.temporalS, rel.settings.binS);
    if (done.has(`${spatialM}/${temporalS}`)) continue;
    done.add(`${spatialM}/${temporalS}`);
    const ix = buildPointIndex(rel, trace, count, spatialM, temporalS, { groups });
    // The stream is named by the resolution asked for, so a dataset's curves do not shift with its settings.
    for (const u of unicityCurve(ix, spatialM, temporalS, ps, samples, rng.fork(`${r.spatialM}/${r.temporalS}`))) out.push({ ...u, dataset: rel.dataset });
  }
  return out;
}

export function privacyAnalysis(p: PopulationSubsystem, nowS: number, o: PrivacyOptions = {}): PrivacyFinal {
  const settings = (d: DatasetId) => o.anonymisation?.[d] ?? p.anonymisation[d];
  const holdings: readonly Holding[] = o.holds
    ? o.holds.map((d) => ({ dataset: d, how: 'what-if', atS: null, event: null, anonymisation: null, parts: null, recordsTaken: 0 }))
    : p.holdings;
  const heldAt = new Map(holdings.map((h) => [h.dataset, h.atS ?? nowS]));
  const holding = (d: DatasetId) => holdings.find((h) => h.dataset === d)!;
  // A stolen copy keeps the anonymisation it was taken with; a what-if's overrides apply to everything held.
  const heldSettings = (d: DatasetId) => o.anonymisation?.[d] ?? holding(d).anonymisation ?? p.anonymisation[d];
  const datasets = DATASET_IDS.map((id) => {
    const h = holdings.find((x) => x.dataset === id);
    return {
      id,
      label: DATASET_LABELS[id],
      records: p.recordCount(id),
      anonymisation: describeAnonymisation(settings(id)),
      settings: settings(id),
      held: h ? { how: h.how, atS: h.atS } : null,
    };
  });

  const T = timings();
  const uDataset = o.unicityDataset ?? 'wifi';
  const uRelease = p.releaseRecords(uDataset, nowS, settings(uDataset));
  const unicity = unicityOf(uRelease, o.samples ?? 1000);

  T.mark('unicity');
  const held: ReleasedRecords[] = [];
  // A what-if holding of the whole dataset as of now is the release the unicity read (its traces
  // are numbered already); a stolen copy has its own settings, time and parts.
  for (const d of RECORD_DATASETS) {
    if (!heldAt.has(d)) continue;
    const h = holding(d);
    const same = d === uDataset && h.atS === null && h.anonymisation === null && h.parts === null;
    held.push(same ? uRelease : p.releaseHolding(h, d, nowS, o.anonymisation?.[d]));
  }
  const meters: ReleasedMeters | null = heldAt.has('meter') ? p.releaseMeters(heldAt.get('meter')!, heldSettings('meter')) : null;
  T.mark('release');
  const ids = mergeIdentities(held);
  T.mark('link');
  const homes = meters ? matchHomes(ids, meters, p.input.startHour) : null;
  T.mark('homes');

  // Score against the truth: an identity's person is the truth of its first record.
  const P = p.people;
  const personOf = new Int32Array(ids.entities).fill(-1);
  for (const d of ids.datasets) {
    for (let i = 0; i < d.rel.n; i++) {
      const e = ids.entityOf[d.offset + d.trace[i]!]!;
      if (personOf[e] === -1) personOf[e] = d.rel.truth[i]!;
    }
  }
  const correctPerson = new Uint8Array(P.count);
  let wrong = 0;
  let ties = 0;
  let confSum = 0;
  let count = 0;
  const byConfidence = confidenceBands();
  const combos = new Map<string, number>();
  if (homes && meters) {
    for (let e = 0; e < ids.entities; e++) {
      const h = homes.household[e]!;
      if (h < 0) continue;
      const person = personOf[e]!;
      const right = person >= 0 && P.household[person] === meters.truth[h];
      ties++;
      confSum += homes.confidence[e]!;
      addTie(byConfidence, homes.confidence[e]!, right);
      if (!right) {
        wrong++;
        continue;
      }
      if (correctPerson[person]) continue;
      correctPerson[person] = 1;
      count++;
      const names = ids.datasets.filter((_, k) => ids.sources[e]! & (1 << k)).map((d) => d.rel.dataset as string);
      const key = [...names, 'meter'].sort().join('+');
      combos.set(key, (combos.get(key) ?? 0) + 1);
    }
  }

  const upTo = holdings.length ? Math.max(...holdings.map((h) => h.atS ?? nowS)) : nowS;
  const V = p.logs.visits;
  const b = p.buildings;
  const sensitiveSites = p.input.sensitive.map((site, si) => {
    const persons = new Set<number>();
    const hhs = new Set<number>();
    for (let i = 0; i < V.count; i++) {
      if (V.sensor(i) !== si || V.t(i) > upTo) continue;
      persons.add(V.id(i));
      hhs.add(P.household[V.id(i)]!);
    }
    const x = b.x[site.building]!;
    const z = b.z[site.building]!;
    const attributedHh = new Set<number>();
    const cam = p.sensors.buildingSensor[site.building]!;
    if (homes && meters && cam >= 0) {
      for (const e of seenAt(ids, p.sensors.x[cam]!, p.sensors.z[cam]!)) {
        const h = homes.household[e]!;
        if (h >= 0) attributedHh.add(meters.truth[h]!);
      }
    }
    let correct = 0;
    for (const h of attributedHh) if (hhs.has(h)) correct++;
    return {
      site: site.id,
      name: site.name,
      kind: site.kind,
      x,
      z,
      watchedBy: cam >= 0 ? p.sensors.specs[cam]!.id : null,
      visitors: persons.size,
      visitorHouseholds: hhs.size,
      attributed: attributedHh.size,
      correct,
      precision: attributedHh.size ? r3(correct / attributedHh.size) : 0,
      recall: hhs.size ? r3(correct / hhs.size) : 0,
    };
  });

  const aggregates = aggregateSummary(p, nowS, settings('aggregates'));
  T.mark('sites');
  const illustration = o.illustrate ? illustrativeTrace(p, ids, homes, meters) : undefined;
  return {
    timingsMs: T.ms,
    residents: P.count,
    households: P.households,
    datasets,
    unicity: unicity.map((u) => ({ ...u, epsilon: r3(u.epsilon) })),
    reidentified: {
      count,
      share: r3(count / Math.max(1, P.count)),
      wrong,
      ties,
      meanConfidence: ties ? r3(confSum / ties) : 0,
      byConfidence,
      candidates: homes?.candidates ?? 0,
      byDatasets: [...combos.entries()].sort((a, c) => c[1] - a[1] || (a[0] < c[0] ? -1 : 1)).map(([k, n]) => ({ datasets: k.split('+'), count: n })),
      links: ids.links,
    },
    aggregates,
    sensitiveSites,
    ...(illustration ? { illustration } : {}),
  };
}

function aggregateSummary(p: PopulationSubsystem, nowS: number, a: Anonymisation): PrivacyFinal['aggregates'] {
  const noisy = p.releaseAggregates(nowS, a);
  const exact = p.releaseAggregates(nowS, { ...a, epsilon: null, k: 1 });
  const truth = new Map<string, number>();
  for (let i = 0; i < exact.count.length; i++) truth.set(`${exact.x[i]},${exact.z[i]},${exact.t[i]}`, exact.count[i]!);
  let err = 0;
  let small = 0;
  for (let i = 0; i < noisy.count.length; i++) {
    const c = noisy.count[i]!;
    err += Math.abs(c - (truth.get(`${noisy.x[i]},${noisy.z[i]},${noisy.t[i]}`) ?? 0));
    if (c >= 1 && c < 5) small++;
  }
  return {
    cellM: noisy.cellM,
    binS: noisy.binS,
    published: noisy.count.length,
    suppressed: noisy.suppressed,
    smallCounts: small,
    meanAbsError: noisy.count.length ? r3(err / noisy.count.length) : 0,
  };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Stage timings through an injected clock, so the sim itself never reads one. */
let clock: () => number = () => 0;
export function setPrivacyClock(c: () => number): void {
  clock = c;
}
function timings() {
  let last = clock();
  const ms: Record<string, number> = {};
  return {
    ms,
    mark(name: string) {
      const now = clock();
      ms[name] = Math.round(now - last);
      last = now;
    },
  };
}
export { isRecordDataset };
