/** Reference checks for a vendor ban issued as a command (policy.vendor.ban): each problem with its path and a hint. */
import type { AssetSpec } from '../sim';
import { issue, quote, suggest, unknownId, type ScenarioIssue } from './issues';
import type { ScenarioCommand } from './schema';

/** What a ban is checked against: the scenario's vendors and its assets (cyber-check.ts passes its context). */
export interface BanCheckContext {
  readonly vendorIds: readonly string[];
  readonly assets: readonly Pick<AssetSpec, 'vendor' | 'kind'>[];
}

/** A ban must name known vendors, and kinds the banned vendor supplies here (its VPN gateway is not kit to replace). */
export function checkBan(
  c: Extract<ScenarioCommand, { type: 'policy.vendor.ban' }>,
  path: string,
  ctx: BanCheckContext,
  issues: ScenarioIssue[],
  needNetwork: () => boolean,
): void {
  const ids = [...ctx.vendorIds];
  if (!ids.includes(c.vendor)) return void issues.push(unknownId(`${path}.vendor`, 'vendor', c.vendor, ids, 'vendors'));
  if (c.replacement !== null && !ids.includes(c.replacement)) issues.push(unknownId(`${path}.replacement`, 'vendor', c.replacement, ids, 'vendors'));
  if (c.replacement === c.vendor)
    issues.push(
      issue(
        `${path}.replacement`,
        `${quote(c.vendor)} cannot replace itself`,
        `name another vendor, or null for kit with no vendor tie; vendors: ${ids.filter((v) => v !== c.vendor).join(', ') || 'none other'}`,
      ),
    );
  const theirs = [...new Set(ctx.assets.filter((a) => a.vendor === c.vendor && a.kind !== 'vendor-gateway').map((a) => a.kind))].sort();
  c.kinds?.forEach((k, i) => {
    const p = `${path}.kinds[${i}]`;
    if (k === 'vendor-gateway')
      issues.push(
        issue(
          p,
          "a vendor's VPN gateway is not replaced by a ban",
          'cut its access instead ({"type": "comms.vendor-access", "enabled": false}); list the kinds of kit it supplies',
        ),
      );
    else if (!theirs.includes(k))
      issues.push(
        issue(
          p,
          `${c.vendor} supplies no ${k} in this scenario`,
          theirs.length > 0 ? suggest(k, theirs, `kinds ${c.vendor} supplies here`) : `${c.vendor} supplies no asset here, so a ban replaces nothing`,
        ),
      );
  });
  needNetwork();
}
