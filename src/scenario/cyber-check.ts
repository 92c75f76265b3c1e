/**
 * Checks of the cyber commands in a scenario (injects, decision options) against what the compiled
 * scenario has: vendors, asset ids and kinds, network zones and datasets — each problem with its
 * path and a did-you-mean.
 */
import type { AssetSpec } from '../sim';
import type { CyberRefs } from './cyber';
import { issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import type { ScenarioCommand } from './schema';
import { checkBan } from './vendor-ban-check';

type CyberScenarioCommand = Extract<ScenarioCommand, { type: `threat.${string}` | `policy.${string}` | `cctv.${string}` | `comms.${string}` }>;

/** What checkCyberCommand needs of the compiler's reference context. */
export interface CyberCheckContext {
  readonly vendorIds: readonly string[];
  readonly known: ReadonlySet<string>;
  readonly allIds: readonly string[];
  readonly kinds: readonly string[];
  readonly assets: readonly AssetSpec[];
}

// The compiler's reference context is shared with other subsystems; rather than widen it, the
// cyber refs of a compile are remembered against its (unique) asset array.
const refsByAssets = new WeakMap<object, CyberRefs | null>();
export const rememberCyberRefs = (assets: object, refs: CyberRefs | null) => void refsByAssets.set(assets, refs);

export function checkCyberCommand(c: CyberScenarioCommand, path: string, ctx: CyberCheckContext, issues: ScenarioIssue[]): void {
  const refs = refsByAssets.get(ctx.assets) ?? null;
  const vendor = (v: string | undefined, p: string) => {
    if (v !== undefined && !ctx.vendorIds.includes(v)) issues.push(unknownId(`${path}.${p}`, 'vendor', v, [...ctx.vendorIds], 'vendors'));
  };
  const kind = (k: string | undefined, p: string) => {
    if (k !== undefined && !ctx.kinds.includes(k))
      issues.push(issue(`${path}.${p}`, `no asset of kind ${quote(k)} in this scenario`, suggest(k, [...ctx.kinds], 'kinds present')));
  };
  const kinds = (ks: readonly string[] | undefined) => ks?.forEach((k, i) => kind(k, `kinds[${i}]`));
  const selector = (t: { ids?: readonly string[] | undefined; kind?: string | undefined; vendor?: string | undefined }, p: string) => {
    t.ids?.forEach((id, k) => !ctx.known.has(id) && issues.push(unknownId(`${path}.${p}.ids[${k}]`, 'asset', id, [...ctx.allIds], 'asset ids')));
    kind(t.kind, `${p}.kind`);
    vendor(t.vendor, `${p}.vendor`);
  };
  const needNetwork = () => {
    if (!refs) issues.push(issue(path, 'this scenario has no communications network', 'add a city with infrastructure, or a "comms" section'));
    return refs !== null;
  };
  switch (c.type) {
    case 'comms.isolate':
      if (needNetwork() && !refs!.zones.includes(c.zone)) issues.push(unknownId(`${path}.zone`, 'zone', c.zone, [...refs!.zones], 'zones'));
      return;
    case 'comms.vendor-access':
    case 'threat.disclose':
      vendor(c.vendor, 'vendor');
      needNetwork();
      return;
    case 'cctv.view':
    case 'threat.botnet':
    case 'threat.reflash':
      selector(c.targets, 'targets');
      needNetwork();
      return;
    case 'threat.campaign':
      vendor(c.vendor, 'vendor');
      if (c.entry === 'vendor-access' && c.vendor === undefined)
        issues.push(issue(`${path}.vendor`, 'a vendor-access attack needs the vendor', 'name the vendor whose remote access is abused'));
      kinds(c.kinds);
      needNetwork();
      return;
    case 'threat.exfiltrate':
      if (needNetwork())
        c.datasets?.forEach(
          (d, i) => !refs!.datasets.includes(d) && issues.push(unknownId(`${path}.datasets[${i}]`, 'dataset', d, [...refs!.datasets], 'datasets')),
        );
      return;
    case 'comms.manual':
      kinds(c.kinds);
      needNetwork();
      return;
    case 'threat.ransomware':
    case 'policy.set':
      needNetwork();
      return;
    case 'policy.vendor.ban':
      return checkBan(c, path, ctx, issues, needNetwork);
    default: {
      const never: never = c;
      return never;
    }
  }
}
