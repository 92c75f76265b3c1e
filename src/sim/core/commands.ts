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

/** Where a grid command acts: lines, and whole substations. */
interface GridSwitches {
  /** Branch ids (MATPOWER row numbers, or the city grid's line names). */
  readonly branches?: readonly string[];
  /** Substation asset ids: every breaker at that substation. */
  readonly substations?: readonly string[];
}

/** Who works the grid (operator or attacker) and, for an attack, its ATT&CK technique. */
interface PowerActor {
  readonly actor?: Actor;
  readonly technique?: string;
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
  | ({ readonly type: 'power.breaker'; readonly action: 'open' | 'close'; readonly reason?: string } & GridSwitches & PowerActor)
  | ({ readonly type: 'power.protection'; readonly enabled: boolean } & GridSwitches & PowerActor)
  | ({ readonly type: 'power.telemetry'; readonly mode: 'freeze' | 'scale' | 'clear'; readonly factor?: number; readonly technique?: string } & GridSwitches)
  | ({
      readonly type: 'power.load.disconnect';
      readonly share: number;
      readonly buses?: readonly string[];
      readonly substations?: readonly string[];
    } & PowerActor)
  | ({ readonly type: 'power.generator.trip'; readonly generators: readonly string[] } & PowerActor)
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

/** Which part of the simulation applies a command: a subsystem, the world itself (assets), or the exercise (injects, decisions, notes). */
export type CommandHandler = 'power' | 'water' | 'traffic' | 'cyber' | 'population' | 'world' | 'exercise';

/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<Command, { readonly type: T }>;

/** What there is to know about one command type, besides its fields. */
export interface CommandFacts<C extends Command> {
  /** The part of the simulation that applies it. */
  readonly handler: CommandHandler;
  /** Who is taken to issue it when the command names no actor (the log's `command.applied` event says). */
  readonly actor: 'attacker' | 'operator';
  /** What it does, in plain words: the scenario schema's description of the command. */
  readonly summary: string;
  /** The one line that names a command in the event log, the console and reports. */
  readonly describe: (c: C) => string;
}

const sel = (s: AssetSelector) =>
  [s.ids?.join(', '), s.kind, s.vendor && `vendor ${s.vendor}`, s.district && `in ${s.district}`, s.limit && `up to ${s.limit}`].filter(Boolean).join(' ');

/**
 * Every command type's facts, in one table the compiler holds complete: a new member of `Command`
 * fails to compile until it has a row. The scenario schema takes its descriptions from here, and
 * each subsystem the commands it handles (`commandsHandledBy`).
 *
 * Exercise control (injects, decisions, notes) and the attacker's privacy what-ifs keep "attacker"
 * as their default actor: that is what runs have always logged, and golden hashes pin it.
 */
export const COMMANDS: { readonly [T in CommandType]: CommandFacts<CommandOf<T>> } = {
  'inject.fire': { handler: 'exercise', actor: 'attacker', summary: 'Fire another inject now.', describe: (c) => `fire inject ${c.inject}` },
  'vendor.compromise': {
    handler: 'world',
    actor: 'attacker',
    summary: "The attacker takes over a vendor's remote-maintenance access and every asset it reaches.",
    describe: (c) => `compromise vendor ${c.vendor}${c.technique ? ` (${c.technique})` : ''}`,
  },
  'asset.disable': {
    handler: 'world',
    actor: 'attacker',
    summary: 'Take assets out of service (open a breaker, stop a pump, brick a device).',
    describe: (c) => `disable ${sel(c.targets)}`,
  },
  'asset.restore': {
    handler: 'world',
    actor: 'operator',
    summary: 'Return assets to service (a crew re-closes a breaker).',
    describe: (c) => `restore ${sel(c.targets)}`,
  },
  'asset.secure': { handler: 'world', actor: 'operator', summary: "Remove the attacker's access to assets.", describe: (c) => `secure ${sel(c.targets)}` },
  'comms.isolate': {
    handler: 'cyber',
    actor: 'operator',
    summary: 'Isolate a network zone (or reconnect it): it then reaches nothing outside itself. Takes effect after 5 minutes of firewall changes.',
    describe: (c) => `${c.isolated ? 'isolate' : 'reconnect'} network zone ${c.zone}`,
  },
  'comms.vendor-access': {
    handler: 'cyber',
    actor: 'operator',
    summary: "Cut (or restore) a vendor's remote-maintenance VPN; cutting takes 15 minutes and ends the attacker's sessions through it.",
    describe: (c) => `${c.enabled ? 'restore' : 'cut'} ${c.vendor}'s remote access`,
  },
  'comms.manual': {
    handler: 'cyber',
    actor: 'operator',
    summary: 'Switch to manual operation: staff run devices by hand on site (30 minutes to get there), so lost comms no longer degrade them.',
    describe: (c) =>
      `${c.enabled ? 'switch to manual operation of' : 'return to remote control of'} ${c.kinds?.join(', ') ?? 'every remotely controlled device'}`,
  },
  'cctv.view': {
    handler: 'cyber',
    actor: 'attacker',
    summary: 'Loop or blind the view of cameras the attacker holds (T0832 manipulation of view), or clear it.',
    describe: (c) =>
      c.mode === 'clear' ? `restore the true view of ${sel(c.targets)}` : `${c.mode === 'loop' ? 'loop' : 'blind'} the view of ${sel(c.targets)}`,
  },
  'threat.campaign': {
    handler: 'cyber',
    actor: 'attacker',
    summary: 'An attacker who progresses over time: initial access, discovery, lateral movement along paths segmentation allows, impact.',
    describe: (c) => `attack ${c.id}: ${c.entry}${c.vendor ? ` (${c.vendor})` : ''} to ${c.objective}`,
  },
  'threat.exfiltrate': {
    handler: 'cyber',
    actor: 'attacker',
    summary: 'Send datasets the attacker can reach to an external server (T0882 theft of operational information, T1537 transfer to cloud account).',
    describe: (c) => `exfiltrate ${c.datasets?.join(', ') ?? 'every reachable dataset'} to ${c.destination}`,
  },
  'threat.botnet': {
    handler: 'cyber',
    actor: 'attacker',
    summary: 'Compromised devices flood the network (Mirai, 2016): start or stop.',
    describe: (c) => `${c.action} a botnet flood from ${sel(c.targets)}`,
  },
  'threat.disclose': {
    handler: 'cyber',
    actor: 'attacker',
    summary:
      "A legal order compels a vendor to hand over the city's data in its cloud: no hacking, not stopped by segmentation, only by data localisation or minimisation.",
    describe: (c) => `legal order from ${c.requestedBy} to ${c.vendor} to disclose its data`,
  },
  'threat.ransomware': {
    handler: 'cyber',
    actor: 'attacker',
    summary: "Ransomware on the operator's IT: loss of view (T0829), so operation turns manual.",
    describe: () => "ransomware on the operator's IT",
  },
  'threat.reflash': {
    handler: 'cyber',
    actor: 'operator',
    summary: 'Reflash firmware on assets: 30 minutes a site, crews in parallel; removes the attacker and any backdoor.',
    describe: (c) => `reflash firmware on ${sel(c.targets)}`,
  },
  'policy.set': {
    handler: 'cyber',
    actor: 'operator',
    summary: 'Enforce or lift a policy at run time.',
    describe: (c) => `${c.enabled ? 'enforce' : 'lift'} policy ${c.policy}`,
  },
  'policy.vendor.ban': {
    handler: 'cyber',
    actor: 'operator',
    summary:
      'Ban a vendor from asset kinds during the run: crews replace its kit unit by unit (a camera about 1.5 h, a signal controller 4 h, a recorder 6 h, anything else 4 h), each unit out of service while it is swapped; new kit removes any attacker foothold, and camera data leaves the vendor’s cloud.',
    describe: (c) =>
      `ban ${c.vendor} from ${c.kinds?.join(', ') ?? 'everything it supplies'}: replace its kit with ${c.replacement ?? 'unbranded kit'} (${c.crews ?? 4} crews)`,
  },
  'power.breaker': {
    handler: 'power',
    actor: 'attacker',
    summary: 'Open or close breakers: on named lines, or every breaker at named substations (T0855 unauthorised command when an attacker does it).',
    describe: (c) => `${c.action} breakers ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ')}`,
  },
  'power.protection': {
    handler: 'power',
    actor: 'attacker',
    summary: 'Disable or restore line protection (Kyiv, December 2016); everywhere when no lines or substations are named.',
    describe: (c) => `${c.enabled ? 'enable' : 'disable'} protection ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`,
  },
  'power.telemetry': {
    handler: 'power',
    actor: 'attacker',
    summary:
      'Spoof what SCADA shows operators (T0832 manipulation of view, T0856 spoof reporting message): freeze readings, scale them, or clear the spoofing.',
    describe: (c) =>
      `${c.mode === 'clear' ? 'clear spoofing of' : `spoof (${c.mode})`} telemetry ${[...(c.branches ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`,
  },
  'power.load.disconnect': {
    handler: 'power',
    actor: 'attacker',
    summary: 'Remote smart-meter disconnection of a share of load (0 reconnects it).',
    describe: (c) =>
      `disconnect ${Math.round(c.share * 100)}% of smart-meter load ${[...(c.buses ?? []), ...(c.substations ?? [])].join(', ') || 'everywhere'}`,
  },
  'power.generator.trip': { handler: 'power', actor: 'attacker', summary: 'Trip generators.', describe: (c) => `trip generators ${c.generators.join(', ')}` },
  'power.crew.dispatch': {
    handler: 'power',
    actor: 'operator',
    summary: 'Send crews to restore substations: remote re-closing when SCADA is trusted, else by hand.',
    describe: (c) => `send crews to ${c.substations.join(', ')}`,
  },
  'inject.hold': { handler: 'exercise', actor: 'attacker', summary: 'Hold a scheduled inject.', describe: (c) => `hold inject ${c.inject}` },
  'inject.release': {
    handler: 'exercise',
    actor: 'attacker',
    summary: 'Release a held inject (it fires at once if its time has passed).',
    describe: (c) => `release inject ${c.inject}`,
  },
  'inject.skip': { handler: 'exercise', actor: 'attacker', summary: 'Skip an inject.', describe: (c) => `skip inject ${c.inject}` },
  'inject.pressure': {
    handler: 'exercise',
    actor: 'attacker',
    summary: 'An unscheduled pressure inject read out to players.',
    describe: (c) => `pressure inject: ${c.title}`,
  },
  'decision.open': { handler: 'exercise', actor: 'attacker', summary: 'Put a decision point to players now.', describe: (c) => `open decision ${c.decision}` },
  'decision.take': {
    handler: 'exercise',
    actor: 'attacker',
    summary: 'Take a decision: the option’s commands are applied, with who decided and why.',
    describe: (c) => `decide ${c.decision}: ${c.option}${c.by ? ` (${c.by})` : ''}`,
  },
  'note.add': {
    handler: 'exercise',
    actor: 'attacker',
    summary: "A facilitator's or evaluator's note; an evaluation can mark an expected action (inject/action) as met or not.",
    describe: (c) => `${c.kind === 'evaluation' ? 'evaluation' : 'note'}${c.author ? ` by ${c.author}` : ''}: ${c.text}`,
  },
  'traffic.signal.plan': {
    handler: 'traffic',
    actor: 'attacker',
    summary: 'An attacker holding signal controllers imposes a plan: all-red, or conflicting greens; "normal" hands them back to their plans.',
    describe: (c) =>
      c.plan === 'normal'
        ? `return signals ${c.signals.join(', ')} to their plans`
        : `impose ${c.plan === 'all-red' ? 'all-red' : 'conflicting greens'} on signals ${c.signals.join(', ')}`,
  },
  'traffic.link': {
    handler: 'traffic',
    actor: 'operator',
    summary: 'Close or reopen roads (both directions); drivers re-route around closures.',
    describe: (c) => `${c.action} road ${c.links.join(', ')}`,
  },
  'water.sensor.spoof': {
    handler: 'water',
    actor: 'attacker',
    summary: 'Spoof a sensor reading on its way to a PLC or SCADA (ATT&CK for ICS T0832 / T0856).',
    describe: (c) =>
      c.mode === 'clear'
        ? `clear spoofing of ${c.sensor}${c.to ? ` to ${c.to}` : ''}`
        : `spoof ${c.sensor}${c.to ? ` to ${c.to}` : ''} (${c.mode}${c.mode === 'freeze' ? '' : ` ${c.value ?? 0}`})`,
  },
  'water.plc.logic': {
    handler: 'water',
    actor: 'attacker',
    summary: "Change a PLC's control logic: move the levels its rules switch at (T0889 modify program), or restore them.",
    describe: (c) =>
      c.restore ? `restore ${c.plc}'s logic` : `rewrite ${c.plc}'s logic: ${(c.rules ?? []).map((r) => `${r.rule} at ${r.levelM} m`).join(', ')}`,
  },
  'water.link.deny': {
    handler: 'water',
    actor: 'attacker',
    summary: 'Deny (or restore) a PLC-to-PLC or PLC-to-SCADA link (T0814 denial of service).',
    describe: (c) => `${c.denied ? 'deny' : 'restore'} link ${c.from} → ${c.to}`,
  },
  'water.dosing': {
    handler: 'water',
    actor: 'attacker',
    summary: 'Set the chemical dosing setpoint (Oldsmar, 2021: sodium hydroxide raised from 100 to 11,100 ppm).',
    describe: (c) => `set chemical dosing${c.node ? ` at ${c.node}` : ''} to ${c.setpointMgL} mg/L`,
  },
  'traffic.emergency.dispatch': {
    handler: 'traffic',
    actor: 'operator',
    summary: 'Send an emergency vehicle from a station to an incident.',
    describe: (c) => `send an emergency unit from ${c.from} to ${c.to}`,
  },
  'privacy.anonymise': {
    handler: 'population',
    actor: 'operator',
    summary: "Change a dataset's anonymisation: pseudonym rotation, cell size, time bin, k, ε, retention.",
    describe: (c) => `change how ${c.dataset} data is anonymised`,
  },
  'privacy.attacker.acquire': {
    handler: 'population',
    actor: 'attacker',
    summary: 'The attacker obtains datasets (stolen, compelled from a vendor, bought, published, or a what-if).',
    describe: (c) => `attacker obtains ${c.datasets.join(', ')} (${c.how ?? 'exfiltrated'})`,
  },
  'privacy.attacker.release': {
    handler: 'population',
    actor: 'attacker',
    summary: 'Take datasets out of what the attacker holds (for what-ifs).',
    describe: (c) => `attacker no longer holds ${c.datasets.join(', ')}`,
  },
};

export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** The command types one part of the simulation handles, in table order. */
export function commandsHandledBy(handler: CommandHandler): CommandType[] {
  return COMMAND_TYPES.filter((t) => COMMANDS[t].handler === handler);
}

const factsOf = <C extends Command>(c: C): CommandFacts<C> => COMMANDS[c.type] as unknown as CommandFacts<C>;

export function describeCommand(c: Command): string {
  return factsOf(c).describe(c);
}

/** Who issued a command: the actor it names, else its type's default. */
export function commandActor(c: Command): Actor {
  return 'actor' in c && c.actor ? c.actor : factsOf(c).actor;
}
