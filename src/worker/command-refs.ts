/**
 * Which ids a live command names that the loaded world does not have: a ban of vendor "nope",
 * an asset.disable of "camera-999", an isolation of zone "scada2", a theft of a dataset nobody
 * holds. The simulation treats such a command as a no-op, so the worker refuses it instead and
 * the page warns, naming the unknown id, rather than reporting success. Pure: the known ids are
 * gathered once per load (plus datasets a ban adds during the run).
 */
import type { AssetSelector, Command, SimInput } from '../sim';
import { describeCommand, population } from '../sim';

export type RefKind = 'vendor' | 'asset' | 'asset kind' | 'district' | 'zone' | 'dataset' | 'inject' | 'decision' | 'option' | 'line' | 'bus' | 'generator';

export interface UnknownRef {
  readonly kind: RefKind;
  readonly id: string;
  /** Where in the command, e.g. "replacement" or "targets.ids[1]". */
  readonly path: string;
}

export interface KnownIds {
  readonly vendors: ReadonlySet<string>;
  readonly assets: ReadonlySet<string>;
  readonly kinds: ReadonlySet<string>;
  readonly districts: ReadonlySet<string>;
  /** Network zones; empty without a comms network. */
  readonly zones: ReadonlySet<string>;
  /** CCTV datasets (the threat commands' datasets). */
  readonly datasets: ReadonlySet<string>;
  /** The population's datasets (the privacy commands'); empty without a population. */
  readonly privacyDatasets: ReadonlySet<string>;
  readonly injects: ReadonlySet<string>;
  /** Decision id → its option ids. */
  readonly decisions: ReadonlyMap<string, ReadonlySet<string>>;
  /** The grid's lines, buses and generators; null without a grid (power ids are then not checked). */
  readonly power: { readonly branches: ReadonlySet<string>; readonly buses: ReadonlySet<string>; readonly generators: ReadonlySet<string> } | null;
}

/** The ids a world has. `liveDatasets` are the CCTV datasets now (a ban may add one during the run). */
export function knownIdsOf(input: SimInput, liveDatasets?: readonly { readonly id: string }[]): KnownIds {
  const p = input.power;
  return {
    vendors: new Set(input.vendors.map((v) => v.id as string)),
    assets: new Set(input.assets.map((a) => a.id as string)),
    kinds: new Set(input.assets.map((a) => a.kind)),
    districts: new Set([...input.city.districts.map((d) => d.id as string), ...input.assets.map((a) => a.district).filter((d): d is string => d !== null)]),
    zones: new Set(input.cyber?.comms.zones ?? []),
    datasets: new Set((liveDatasets ?? input.cyber?.cctv.datasets ?? []).map((d) => d.id)),
    privacyDatasets: new Set(input.population ? population.DATASET_IDS : []),
    injects: new Set(input.injects.map((i) => i.id)),
    decisions: new Map((input.decisions ?? []).map((d) => [d.id, new Set(d.options.map((o) => o.id))])),
    power: p ? { branches: new Set(p.branchIds), buses: new Set(p.busIds), generators: new Set(p.genIds) } : null,
  };
}

/** Every id the command names that the world does not have, in the order they appear. */
export function unknownRefs(c: Command, k: KnownIds): UnknownRef[] {
  const out: UnknownRef[] = [];
  const one = (kind: RefKind, known: ReadonlySet<string>, id: string | null | undefined, path: string) => {
    if (typeof id === 'string' && !known.has(id)) out.push({ kind, id, path });
  };
  const many = (kind: RefKind, known: ReadonlySet<string>, ids: readonly string[] | undefined, path: string) =>
    ids?.forEach((id, i) => one(kind, known, id, `${path}[${i}]`));
  const selector = (s: AssetSelector | undefined, path: string) => {
    if (!s) return;
    many('asset', k.assets, s.ids, `${path}.ids`);
    one('asset kind', k.kinds, s.kind, `${path}.kind`);
    one('vendor', k.vendors, s.vendor, `${path}.vendor`);
    one('district', k.districts, s.district, `${path}.district`);
  };
  const substations = (ids: readonly string[] | undefined) => many('asset', k.assets, ids, 'substations');
  switch (c.type) {
    case 'inject.fire':
    case 'inject.hold':
    case 'inject.release':
    case 'inject.skip':
      one('inject', k.injects, c.inject, 'inject');
      break;
    case 'decision.open':
    case 'decision.take': {
      const options = k.decisions.get(c.decision);
      if (!options) out.push({ kind: 'decision', id: c.decision, path: 'decision' });
      else if (c.type === 'decision.take') one('option', options, c.option, 'option');
      break;
    }
    case 'comms.isolate':
      one('zone', k.zones, c.zone, 'zone');
      break;
    case 'comms.vendor-access':
    case 'threat.disclose':
    case 'vendor.compromise':
      one('vendor', k.vendors, c.vendor, 'vendor');
      break;
    case 'comms.manual':
      many('asset kind', k.kinds, c.kinds, 'kinds');
      break;
    case 'cctv.view':
    case 'threat.botnet':
    case 'threat.reflash':
    case 'asset.disable':
    case 'asset.restore':
    case 'asset.secure':
      selector(c.targets, 'targets');
      break;
    case 'threat.campaign':
      one('vendor', k.vendors, c.vendor, 'vendor');
      many('asset kind', k.kinds, c.kinds, 'kinds');
      break;
    case 'threat.exfiltrate':
      many('dataset', k.datasets, c.datasets, 'datasets');
      break;
    case 'policy.vendor.ban':
      one('vendor', k.vendors, c.vendor, 'vendor');
      many('asset kind', k.kinds, c.kinds, 'kinds');
      one('vendor', k.vendors, c.replacement, 'replacement');
      break;
    case 'power.breaker':
    case 'power.protection':
    case 'power.telemetry':
      if (k.power) many('line', k.power.branches, c.branches, 'branches');
      substations(c.substations);
      break;
    case 'power.load.disconnect':
      if (k.power) many('bus', k.power.buses, c.buses, 'buses');
      substations(c.substations);
      break;
    case 'power.generator.trip':
      if (k.power) many('generator', k.power.generators, c.generators, 'generators');
      break;
    case 'power.crew.dispatch':
      substations(c.substations);
      break;
    case 'traffic.signal.plan':
      many('asset', k.assets, c.signals, 'signals');
      break;
    case 'traffic.emergency.dispatch':
      one('asset', k.assets, c.from, 'from');
      one('asset', k.assets, c.to, 'to');
      break;
    case 'privacy.anonymise':
      one('dataset', k.privacyDatasets, c.dataset, 'dataset');
      break;
    case 'privacy.attacker.acquire':
    case 'privacy.attacker.release':
      many('dataset', k.privacyDatasets, c.datasets, 'datasets');
      break;
    // No ids, or ids of the road and water networks (checked by the scenario loader for injects).
    case 'inject.pressure':
    case 'note.add':
    case 'threat.ransomware':
    case 'policy.set':
    case 'traffic.link':
    case 'water.sensor.spoof':
    case 'water.plc.logic':
    case 'water.link.deny':
    case 'water.dosing':
      break;
    default: {
      const never: never = c;
      return never;
    }
  }
  return out;
}

/** "vendor “nope” and vendor “nope2”" — for a message. */
export function describeUnknown(refs: readonly UnknownRef[]): string {
  const parts = refs.slice(0, 4).map((r) => `${r.kind} “${r.id.slice(0, 60)}”`);
  if (refs.length > 4) parts.push(`${refs.length - 4} more`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The warning a refused command gets: what was asked, and which ids are not in the scenario. */
export function refusalText(c: Command, refs: readonly UnknownRef[]): string {
  const what = describeCommand(c);
  return `Nothing done: ${describeUnknown(refs)} ${refs.length === 1 ? 'is' : 'are'} not in this scenario (${what.length > 120 ? `${what.slice(0, 119)}…` : what}).`;
}
