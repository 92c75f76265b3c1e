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
  | { readonly type: 'comms.isolate'; /** A network zone id. */ readonly zone: string; readonly isolated: boolean; readonly actor?: Actor }
  | { readonly type: 'comms.vendor-access'; readonly vendor: string; readonly enabled: boolean; readonly actor?: Actor }
  | {
      readonly type: 'comms.manual';
      /** Device kinds run by hand on site; every remotely controlled kind when left out. */ readonly kinds?: readonly string[];
      readonly enabled: boolean;
    }
  | { readonly type: 'cctv.view'; readonly targets: AssetSelector; readonly mode: 'loop' | 'blind' | 'clear'; readonly technique?: string }
  | {
      readonly type: 'threat.campaign';
      /** A name for the attack, used in its events. */
      readonly id: string;
      /** How the attacker gets in: a vendor's remote access (T0862, T0822), default credentials on internet-exposed devices (T0812, T0883), or a firmware backdoor (T0857, T0839). */
      readonly entry: 'vendor-access' | 'default-credentials' | 'firmware-backdoor';
      readonly vendor?: string;
      /** Asset kinds the entry targets (default credentials, backdoor); defaults to cameras. */
      readonly kinds?: readonly string[];
      /** For a backdoor: the firmware release that carries it ("4.2.1"); every release of the vendor's when left out. */
      readonly firmware?: string;
      /** What the attacker does once in: steal data (T0882, T1537), flood the network (botnet), disrupt (T0831 manipulation of control) or blind the operators (T0832 manipulation of view). */
      readonly objective: 'exfiltrate' | 'botnet' | 'disrupt' | 'blind';
      /** Minutes between stages (discovery, lateral movement, impact); default 30. */
      readonly dwellMin?: number;
      /** Jurisdiction of the attacker's server, for exfiltration. */
      readonly destination?: string;
    }
  | {
      readonly type: 'threat.exfiltrate';
      /** Dataset ids; every dataset the attacker's assets hold when left out. */ readonly datasets?: readonly string[];
      readonly destination: string;
      readonly technique?: string;
    }
  | {
      readonly type: 'threat.botnet';
      readonly targets: AssetSelector;
      readonly action: 'start' | 'stop';
      readonly mbpsPerDevice?: number;
      readonly technique?: string;
    }
  | { readonly type: 'threat.disclose'; readonly vendor: string; /** The state whose order compels the vendor. */ readonly requestedBy: string }
  | { readonly type: 'threat.ransomware'; readonly technique?: string }
  | { readonly type: 'threat.reflash'; readonly targets: AssetSelector }
  | {
      readonly type: 'policy.set';
      readonly policy: 'segmentation' | 'vendor-remote-access' | 'data-localisation' | 'edge-anonymisation' | 'egress-monitoring';
      readonly enabled: boolean;
    }
  | {
      readonly type: 'policy.vendor.ban';
      readonly vendor: string;
      /** Asset kinds it may no longer supply; every kind it supplies when left out (never its own VPN gateway). */
      readonly kinds?: readonly string[];
      /** Who supplies the replacement kit, or null for kit with no vendor tie (no cloud, no remote access). */
      readonly replacement: string | null;
      /** Crews swapping kit in parallel; default 4. */
      readonly crews?: number;
    }
  | { readonly type: 'inject.hold'; readonly inject: string }
  | { readonly type: 'inject.release'; readonly inject: string }
  | { readonly type: 'inject.skip'; readonly inject: string }
  | { readonly type: 'inject.pressure'; readonly title: string; readonly text?: string }
  | { readonly type: 'decision.open'; readonly decision: string }
  | { readonly type: 'decision.take'; readonly decision: string; readonly option: string; readonly by?: string; readonly rationale?: string }
  | {
      readonly type: 'note.add';
      readonly text: string;
      readonly author?: string;
      readonly kind?: 'note' | 'evaluation';
      readonly expected?: string;
      readonly met?: boolean;
    }
  | { readonly type: 'vendor.compromise'; readonly vendor: string; readonly technique?: string }
  | { readonly type: 'asset.disable'; readonly targets: AssetSelector; readonly actor?: Actor; readonly technique?: string; readonly reason?: string }
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
  | {
      readonly type: 'power.protection';
      readonly enabled: boolean;
      readonly branches?: readonly string[];
      readonly substations?: readonly string[];
      readonly actor?: Actor;
      readonly technique?: string;
    }
  | {
      readonly type: 'power.telemetry';
      readonly mode: 'freeze' | 'scale' | 'clear';
      readonly factor?: number;
      readonly branches?: readonly string[];
      readonly substations?: readonly string[];
      readonly technique?: string;
    }
  | {
      readonly type: 'power.load.disconnect';
      readonly share: number;
      readonly buses?: readonly string[];
      readonly substations?: readonly string[];
      readonly actor?: Actor;
      readonly technique?: string;
    }
  | { readonly type: 'power.generator.trip'; readonly generators: readonly string[]; readonly actor?: Actor; readonly technique?: string }
  | { readonly type: 'power.crew.dispatch'; readonly substations: readonly string[] }
  | {
      readonly type: 'traffic.signal.plan';
      /** traffic-signal asset ids; a plan other than "normal" takes effect only on controllers the attacker holds. */
      readonly signals: readonly string[];
      readonly plan: 'all-red' | 'all-green' | 'normal';
      readonly technique?: string;
    }
  | {
      readonly type: 'traffic.link';
      readonly action: 'close' | 'open';
      /** Road ids (both directions). */ readonly links: readonly string[];
      readonly actor?: Actor;
    }
  | {
      readonly type: 'traffic.emergency.dispatch';
      /** A station asset (hospital, police-hq). */ readonly from: string;
      /** The incident: an asset id. */ readonly to: string;
      readonly unit?: string;
    }
  | {
      readonly type: 'water.sensor.spoof';
      /** epanetCPA sensor name: P_<node> (level or pressure, m) or F_<link> (flow, L/s). */
      readonly sensor: string;
      /** Where the false reading arrives: a PLC id or "SCADA"; every destination when left out. */
      readonly to?: string;
      readonly mode: 'constant' | 'offset' | 'scale' | 'freeze' | 'clear';
      readonly value?: number;
      readonly technique?: string;
    }
  | {
      readonly type: 'water.plc.logic';
      readonly plc: string;
      readonly rules?: readonly { readonly rule: string; readonly levelM: number }[];
      readonly restore?: boolean;
      readonly technique?: string;
    }
  | { readonly type: 'water.link.deny'; readonly from: string; readonly to: string; readonly denied: boolean; readonly technique?: string }
  | { readonly type: 'water.dosing'; readonly setpointMgL: number; readonly node?: string; readonly actor?: Actor; readonly technique?: string }
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
    [s.ids?.join(', '), s.kind, s.vendor && `vendor ${s.vendor}`, s.district && `in ${s.district}`, s.limit && `up to ${s.limit}`].filter(Boolean).join(' ');
  switch (c.type) {
    case 'inject.fire':
      return `fire inject ${c.inject}`;
    case 'comms.isolate':
      return `${c.isolated ? 'isolate' : 'reconnect'} network zone ${c.zone}`;
    case 'comms.vendor-access':
      return `${c.enabled ? 'restore' : 'cut'} ${c.vendor}'s remote access`;
    case 'comms.manual':
      return `${c.enabled ? 'switch to manual operation of' : 'return to remote control of'} ${c.kinds?.join(', ') ?? 'every remotely controlled device'}`;
    case 'cctv.view':
      return c.mode === 'clear' ? `restore the true view of ${sel(c.targets)}` : `${c.mode === 'loop' ? 'loop' : 'blind'} the view of ${sel(c.targets)}`;
    case 'threat.campaign':
      return `attack ${c.id}: ${c.entry}${c.vendor ? ` (${c.vendor})` : ''} to ${c.objective}`;
    case 'threat.exfiltrate':
      return `exfiltrate ${c.datasets?.join(', ') ?? 'every reachable dataset'} to ${c.destination}`;
    case 'threat.botnet':
      return `${c.action} a botnet flood from ${sel(c.targets)}`;
    case 'threat.disclose':
      return `legal order from ${c.requestedBy} to ${c.vendor} to disclose its data`;
    case 'threat.ransomware':
      return "ransomware on the operator's IT";
    case 'threat.reflash':
      return `reflash firmware on ${sel(c.targets)}`;
    case 'policy.set':
      return `${c.enabled ? 'enforce' : 'lift'} policy ${c.policy}`;
    case 'policy.vendor.ban':
      return `ban ${c.vendor} from ${c.kinds?.join(', ') ?? 'everything it supplies'}: replace its kit with ${c.replacement ?? 'unbranded kit'} (${c.crews ?? 4} crews)`;
    case 'inject.hold':
      return `hold inject ${c.inject}`;
    case 'inject.release':
      return `release inject ${c.inject}`;
    case 'inject.skip':
      return `skip inject ${c.inject}`;
    case 'inject.pressure':
      return `pressure inject: ${c.title}`;
    case 'decision.open':
      return `open decision ${c.decision}`;
    case 'decision.take':
      return `decide ${c.decision}: ${c.option}${c.by ? ` (${c.by})` : ''}`;
    case 'note.add':
      return `${c.kind === 'evaluation' ? 'evaluation' : 'note'}${c.author ? ` by ${c.author}` : ''}: ${c.text}`;
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
      return c.plan === 'normal'
        ? `return signals ${c.signals.join(', ')} to their plans`
        : `impose ${c.plan === 'all-red' ? 'all-red' : 'conflicting greens'} on signals ${c.signals.join(', ')}`;
    case 'traffic.link':
      return `${c.action} road ${c.links.join(', ')}`;
    case 'traffic.emergency.dispatch':
      return `send an emergency unit from ${c.from} to ${c.to}`;
    case 'water.sensor.spoof':
      return c.mode === 'clear'
        ? `clear spoofing of ${c.sensor}${c.to ? ` to ${c.to}` : ''}`
        : `spoof ${c.sensor}${c.to ? ` to ${c.to}` : ''} (${c.mode}${c.mode === 'freeze' ? '' : ` ${c.value ?? 0}`})`;
    case 'water.plc.logic':
      return c.restore ? `restore ${c.plc}'s logic` : `rewrite ${c.plc}'s logic: ${(c.rules ?? []).map((r) => `${r.rule} at ${r.levelM} m`).join(', ')}`;
    case 'water.link.deny':
      return `${c.denied ? 'deny' : 'restore'} link ${c.from} → ${c.to}`;
    case 'water.dosing':
      return `set chemical dosing${c.node ? ` at ${c.node}` : ''} to ${c.setpointMgL} mg/L`;
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
