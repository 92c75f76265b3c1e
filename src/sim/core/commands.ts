/**
 * Commands: everything a person (or a scheduled inject) does to the simulation. They are applied
 * at tick boundaries and logged, so `scenario + seed + command log` reproduces a run exactly.
 */
import type { Actor } from './events';

/** Which assets a command acts on. Matches are taken in id order, then `limit` applies. */
export interface AssetSelector {
  readonly ids?: readonly string[];
  readonly kind?: string;
  readonly vendor?: string;
  readonly district?: string;
  /** Only assets the attacker already controls. */
  readonly compromised?: boolean;
  readonly limit?: number;
}

export type Command =
  | { readonly type: 'inject.fire'; readonly inject: string }
  | { readonly type: 'vendor.compromise'; readonly vendor: string; readonly technique?: string }
  | {
      readonly type: 'asset.disable';
      readonly targets: AssetSelector;
      readonly actor?: Actor;
      readonly technique?: string;
      readonly reason?: string;
    }
  | { readonly type: 'asset.restore'; readonly targets: AssetSelector; readonly actor?: Actor; readonly reason?: string }
  | { readonly type: 'asset.secure'; readonly targets: AssetSelector };

export type CommandType = Command['type'];

/** A command as it was applied: the time it took effect and who issued it. */
export interface LoggedCommand {
  readonly tMs: number;
  readonly command: Command;
}

export function describeCommand(c: Command): string {
  const sel = (s: AssetSelector) =>
    [s.ids?.join(', '), s.kind, s.vendor && `vendor ${s.vendor}`, s.district && `in ${s.district}`, s.limit && `up to ${s.limit}`]
      .filter(Boolean)
      .join(' ');
  switch (c.type) {
    case 'inject.fire':
      return `fire inject ${c.inject}`;
    case 'vendor.compromise':
      return `compromise vendor ${c.vendor}${c.technique ? ` (${c.technique})` : ''}`;
    case 'asset.disable':
      return `disable ${sel(c.targets)}`;
    case 'asset.restore':
      return `restore ${sel(c.targets)}`;
    case 'asset.secure':
      return `secure ${sel(c.targets)}`;
    default: {
      const never: never = c;
      return String(never);
    }
  }
}
