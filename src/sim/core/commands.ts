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
  | { readonly type: 'asset.secure'; readonly targets: AssetSelector }
  | {
      readonly type: 'power.breaker';
      readonly action: 'open' | 'close';
      /** Branch ids (MATPOWER row numbers, or the city grid's line names). */
      readonly branches?: readonly string[];
      /** Substation asset ids: every breaker at that substation. */
      readonly substations?: readonly string[];
      readonly actor?: Actor;
      readonly technique?: string;
      readonly reason?: string;
    }
  | { readonly type: 'power.protection'; readonly enabled: boolean; readonly branches?: readonly string[]; readonly substations?: readonly string[]; readonly actor?: Actor; readonly technique?: string }
  | { readonly type: 'power.telemetry'; readonly mode: 'freeze' | 'scale' | 'clear'; readonly factor?: number; readonly branches?: readonly string[]; readonly substations?: readonly string[]; readonly technique?: string }
  | { readonly type: 'power.load.disconnect'; readonly share: number; readonly buses?: readonly string[]; readonly substations?: readonly string[]; readonly actor?: Actor; readonly technique?: string }
  | { readonly type: 'power.generator.trip'; readonly generators: readonly string[]; readonly actor?: Actor; readonly technique?: string }
  | { readonly type: 'power.crew.dispatch'; readonly substations: readonly string[] }
  | {
      readonly type: 'traffic.signal.plan';
      /** traffic-signal asset ids; a plan other than "normal" takes effect only on controllers the attacker holds. */
      readonly signals: readonly string[];
      readonly plan: 'all-red' | 'all-green' | 'normal';
      readonly technique?: string;
    }
  | { readonly type: 'traffic.link'; readonly action: 'close' | 'open'; /** Road ids (both directions). */ readonly links: readonly string[]; readonly actor?: Actor }
  | { readonly type: 'traffic.emergency.dispatch'; /** A station asset (hospital, police-hq). */ readonly from: string; /** The incident: an asset id. */ readonly to: string; readonly unit?: string }
  | {
      readonly type: 'privacy.anonymise';
      readonly dataset: PrivacyDataset;
      readonly rotation?: 'none' | 'daily' | 'per-record';
      /** Spatial cell (m), 0 for exact places. */
      readonly cellM?: number;
      /** Time bin (s), 1 for exact times. */
      readonly binS?: number;
      readonly k?: number;
      /** Differential-privacy ε for aggregates; null for no noise. */
      readonly epsilon?: number | null;
      /** Retention (s); null keeps everything. */
      readonly retentionS?: number | null;
    }
  | { readonly type: 'privacy.attacker.acquire'; readonly datasets: readonly PrivacyDataset[]; readonly how?: PrivacyAcquisition }
  | { readonly type: 'privacy.attacker.release'; readonly datasets: readonly PrivacyDataset[] };

/** The population's datasets (src/sim/population/model.ts). */
export type PrivacyDataset = 'anpr' | 'face' | 'smartcard' | 'meter' | 'wifi' | 'aggregates';
export type PrivacyAcquisition = 'exfiltrated' | 'compelled' | 'purchased' | 'published' | 'what-if';

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
    case 'power.breaker':
      return `${c.action} breakers ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ')}`;
    case 'power.protection':
      return `${c.enabled ? 'enable' : 'disable'} protection ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`;
    case 'power.telemetry':
      return `${c.mode === 'clear' ? 'clear spoofing of' : `spoof (${c.mode})`} telemetry ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`;
    case 'power.load.disconnect':
      return `disconnect ${Math.round(c.share * 100)}% of smart-meter load ${[...(c.buses ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`;
    case 'power.generator.trip':
      return `trip generators ${c.generators.join(', ')}`;
    case 'power.crew.dispatch':
      return `send crews to ${c.substations.join(', ')}`;
    case 'traffic.signal.plan':
      return c.plan === 'normal' ? `return signals ${c.signals.join(', ')} to their plans` : `impose ${c.plan === 'all-red' ? 'all-red' : 'conflicting greens'} on signals ${c.signals.join(', ')}`;
    case 'traffic.link':
      return `${c.action} road ${c.links.join(', ')}`;
    case 'traffic.emergency.dispatch':
      return `send an emergency unit from ${c.from} to ${c.to}`;
    case 'privacy.anonymise':
      return `change how ${c.dataset} data is anonymised`;
    case 'privacy.attacker.acquire':
      return `attacker obtains ${c.datasets.join(', ')} (${c.how ?? 'exfiltrated'})`;
    case 'privacy.attacker.release':
      return `attacker no longer holds ${c.datasets.join(', ')}`;
    default: {
      const never: never = c;
      return String(never);
    }
  }
}
